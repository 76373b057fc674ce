#pragma once
// The server side of a WebSocket upgrade: checking the upgrade request beyond what Beast's
// is_upgrade covers (so failures get the owner's error body, not Beast's), and turning the
// connection into a WebSocket session once the request passed.

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <memory>
#include <optional>
#include <string_view>

#include "net/server/connection_registry.hpp"
#include "net/server/server_core.hpp"

namespace tradelink::net::detail {

using UpgradeMessage = boost::beast::http::request<boost::beast::http::string_body>;

/// Why an upgrade request is refused.
struct UpgradeRefusal {
  unsigned status;          ///< 400, or 426 for an unsupported Sec-WebSocket-Version
  std::string_view reason;  ///< static English phrase
};

/// Checks what Beast would otherwise reject with its own plain-text answer: Host present,
/// Sec-WebSocket-Key the base64 of 16 bytes, Sec-WebSocket-Version 13. `request` already passed
/// websocket::is_upgrade.
[[nodiscard]] std::optional<UpgradeRefusal> check_upgrade(UpgradeMessage const& request);

/// Completes the opening handshake on `stream` (a beast::tcp_stream or
/// beast::ssl_stream<beast::tcp_stream> bound to `strand`, without a pending timeout), then opens
/// a session through `route` and keeps `registration` until the session ends. A handshake that
/// fails just closes the connection.
template <class Stream>
void open_server_websocket(std::shared_ptr<ServerCore> server, Stream&& stream, Strand strand,
                           ConnectionInfo const& info, Registration registration,
                           UpgradeMessage&& request, WebSocketRoute const& route);

}  // namespace tradelink::net::detail
