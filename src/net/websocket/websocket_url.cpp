#include "net/websocket/websocket_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <charconv>

namespace tradelink::net::detail {
namespace {

core::Error url_error(std::string message) {
  return core::validation_error("net.url", std::move(message));
}

}  // namespace

std::string WebSocketUrl::origin() const {
  std::string const shown = host.find(':') == std::string::npos ? host : "[" + host + "]";
  return std::string(tls ? "wss://" : "ws://") + shown + ":" + std::to_string(port);
}

core::Result<WebSocketUrl> parse_websocket_url(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return url_error("not an absolute URL: '" + std::string(url) + "'");
  boost::urls::url_view const view = *parsed;

  WebSocketUrl result;
  std::string const scheme = view.scheme();
  if (scheme == "wss") {
    result.tls = true;
    result.port = 443;
  } else if (scheme == "ws") {
    result.tls = false;
    result.port = 80;
  } else {
    return url_error("unsupported WebSocket URL scheme '" + scheme + "' (use ws or wss)");
  }
  if (view.has_fragment() || view.has_userinfo()) {
    return url_error("WebSocket URL must not carry a fragment or user info: '" + std::string(url) +
                     "'");
  }
  result.host = view.host_address();
  if (result.host.empty()) return url_error("URL has no host: '" + std::string(url) + "'");
  result.host_header = view.encoded_host();
  if (view.has_port()) {
    std::string_view const port_text = view.port();
    unsigned port = 0;
    auto const [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc{} || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return url_error("invalid port in URL: '" + std::string(url) + "'");
    }
    result.port = static_cast<std::uint16_t>(port);
    if (result.port != (result.tls ? 443 : 80)) {
      result.host_header += ':';
      result.host_header += port_text;
    }
  }
  result.target = view.encoded_path();
  if (result.target.empty()) result.target = "/";
  if (view.has_query()) {
    result.target += '?';
    result.target += view.encoded_query();
  }
  return result;
}

}  // namespace tradelink::net::detail
