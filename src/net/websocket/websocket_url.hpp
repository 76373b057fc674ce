#pragma once
// Parsing the ws:// and wss:// URLs the WebSocket client connects to.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::net::detail {

/// Where and how a WebSocket client connects.
struct WebSocketUrl {
  bool tls = true;   ///< wss
  std::string host;  ///< for the resolver, SNI and the certificate check ("::1", not "[::1]")
  std::string host_header;  ///< Host field: host as in the URL, ":port" when not the default
  std::uint16_t port = 443;
  std::string target;  ///< path and query, at least "/"

  /// "wss://host:443", naming the server in error messages.
  [[nodiscard]] std::string origin() const;
};

/// Parses `url`. Errors: `net.url` (validation) for anything but a ws/wss URL with a host, or
/// one carrying a fragment or user info.
[[nodiscard]] core::Result<WebSocketUrl> parse_websocket_url(std::string_view url);

}  // namespace tradelink::net::detail
