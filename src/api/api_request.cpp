#include "api/api_request.hpp"

namespace tradelink::api {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ApiRequest ApiRequest::copy_of(net::ServerRequest const& request) {
  ApiRequest copy;
  copy.method = request.method;
  copy.path = request.path;
  copy.query = request.query;
  copy.body = request.body;
  copy.cookie = request.header("Cookie");
  copy.authorization = request.header("Authorization");
  copy.csrf_token = request.header("X-CSRF-Token");
  copy.peer_address = request.peer_address;
  copy.tls = request.tls;
  return copy;
}

std::optional<std::string> ApiRequest::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    auto const amp = rest.find('&');
    std::string_view const pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    auto const equals = pair.find('=');
    if (pair.substr(0, equals) != name) continue;
    if (equals == std::string_view::npos) return std::string{};
    return percent_decode(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::string_view ApiRequest::param(std::string_view name) const {
  auto const found = path_params.find(name);
  return found == path_params.end() ? std::string_view{} : std::string_view(found->second);
}

std::string_view cookie_value(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    auto const semicolon = cookie_header.find(';');
    std::string_view const pair = trim(cookie_header.substr(0, semicolon));
    cookie_header = semicolon == std::string_view::npos ? std::string_view{}
                                                        : cookie_header.substr(semicolon + 1);
    auto const equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return pair.substr(equals + 1);
    }
  }
  return {};
}

std::string_view bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "bearer ";
  authorization = trim(authorization);
  if (authorization.size() <= scheme.size() || !starts_with_ignoring_case(authorization, scheme)) {
    return {};
  }
  return trim(authorization.substr(scheme.size()));
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int const high = hex_digit(text[i + 1]);
      int const low = hex_digit(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace tradelink::api
