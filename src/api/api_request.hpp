#pragma once
// A request as the API's handlers see it: copied out of the server's buffers (handlers run later,
// on a worker thread) with only the fields the API reads.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "net/server_types.hpp"

namespace tradelink::api {

struct ApiRequest {
  std::string method;
  std::string path;
  std::string query;
  std::string body;
  std::string cookie;         ///< the Cookie header
  std::string authorization;  ///< the Authorization header
  std::string csrf_token;     ///< the X-CSRF-Token header
  std::string peer_address;
  bool tls = false;
  std::map<std::string, std::string, std::less<>> path_params;  ///< filled by the router

  [[nodiscard]] static ApiRequest copy_of(net::ServerRequest const& request);

  /// The percent-decoded value of query parameter `name`, or nullopt.
  [[nodiscard]] std::optional<std::string> query_param(std::string_view name) const;
  [[nodiscard]] std::string_view param(std::string_view name) const;
};

/// The value of cookie `name` in a Cookie header, or empty.
[[nodiscard]] std::string_view cookie_value(std::string_view cookie_header, std::string_view name);
/// The token of an "Authorization: Bearer <token>" header, or empty.
[[nodiscard]] std::string_view bearer_token(std::string_view authorization);
/// Decodes %XX escapes and '+' (as a space); nullopt for a malformed escape.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text);

}  // namespace tradelink::api
