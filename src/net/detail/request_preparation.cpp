#include "net/detail/request_preparation.hpp"

#include <algorithm>

namespace tradelink::net::detail {
namespace {

char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

/// RFC 9110 token character.
bool is_token_char(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_visible_ascii(char c) noexcept {
  return c > ' ' && c < '\x7f';
}

bool is_safe_field_value_char(char c) noexcept {
  return c != '\r' && c != '\n' && c != '\0';
}

core::Error invalid_request(std::string message) {
  return core::validation_error("net.invalid_request", std::move(message));
}

}  // namespace

core::Result<void> validate_request(Origin const& origin, HttpRequest const& request) {
  if (origin.host.empty()) return core::validation_error("net.url", "request origin has no host");
  std::string_view const target = request.target;
  if (target.empty() || target.front() != '/') {
    return invalid_request("request target must start with '/'");
  }
  if (!std::all_of(target.begin(), target.end(), is_visible_ascii)) {
    return invalid_request("request target contains a space or a control character");
  }
  for (Header const& header : request.headers) {
    if (header.name.empty() ||
        !std::all_of(header.name.begin(), header.name.end(), is_token_char)) {
      return invalid_request("header name is not an HTTP token");
    }
    if (!std::all_of(header.value.begin(), header.value.end(), is_safe_field_value_char)) {
      return invalid_request("value of header '" + header.name + "' contains CR, LF or NUL");
    }
  }
  return core::ok();
}

std::string host_header_value(Origin const& origin) {
  std::uint16_t const default_port = origin.tls ? 443 : 80;
  if (origin.port == default_port) return origin.host;
  return origin.host + ':' + std::to_string(origin.port);
}

bool has_header(HttpRequest const& request, std::string_view name) noexcept {
  return std::any_of(request.headers.begin(), request.headers.end(),
                     [&](Header const& header) { return iequals(header.name, name); });
}

void add_default_headers(HttpRequest& request, Origin const& origin, std::string_view user_agent) {
  if (!has_header(request, "Host")) request.headers.push_back({"Host", host_header_value(origin)});
  if (!has_header(request, "User-Agent") && !user_agent.empty()) {
    request.headers.push_back({"User-Agent", std::string(user_agent)});
  }
}

}  // namespace tradelink::net::detail
