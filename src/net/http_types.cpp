#include "net/http_types.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace tradelink::net {
namespace {

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

core::Error url_error(std::string message) {
  return core::validation_error("net.url", std::move(message));
}

}  // namespace

std::string_view to_string(Method method) noexcept {
  switch (method) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::delete_: return "DELETE";
  }
  return "GET";
}

std::string_view HttpResponse::header(std::string_view name) const noexcept {
  auto const found = std::find_if(headers.begin(), headers.end(),
                                  [&](Header const& header) { return iequals(header.name, name); });
  return found == headers.end() ? std::string_view{} : std::string_view{found->value};
}

core::Result<Origin> Origin::parse(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return url_error("not an absolute URL: '" + std::string(url) + "'");
  boost::urls::url_view const view = *parsed;

  Origin origin;
  std::string const scheme = view.scheme();
  if (scheme == "https") {
    origin.tls = true;
    origin.port = 443;
  } else if (scheme == "http") {
    origin.tls = false;
    origin.port = 80;
  } else {
    return url_error("unsupported URL scheme '" + scheme + "' (use http or https)");
  }
  origin.host = view.encoded_host();
  if (origin.host.empty()) return url_error("URL has no host: '" + std::string(url) + "'");
  if (view.has_port()) {
    std::string_view const port_text = view.port();
    unsigned port = 0;
    auto const [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc{} || end != port_text.data() + port_text.size() || port == 0 || port > 65535) {
      return url_error("invalid port in URL: '" + std::string(url) + "'");
    }
    origin.port = static_cast<std::uint16_t>(port);
  }
  if (view.has_query() || view.has_fragment()) {
    return url_error("base URL must not carry a query or fragment: '" + std::string(url) + "'");
  }
  origin.base_path = view.encoded_path();
  // Boost.URL 1.81 reads "https://h:12ab" as port 12 with path "ab"; an authority must be
  // followed by "/" or nothing.
  if (!origin.base_path.empty() && origin.base_path.front() != '/') {
    return url_error("invalid port in URL: '" + std::string(url) + "'");
  }
  while (!origin.base_path.empty() && origin.base_path.back() == '/') origin.base_path.pop_back();
  return origin;
}

std::string Origin::pool_key() const {
  return std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(port);
}

}  // namespace tradelink::net
