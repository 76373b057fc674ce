#pragma once
// The client side of opening a WebSocket: resolve, TCP connect, TLS handshake (SNI, certificate
// and host-name check), HTTP upgrade with the caller's headers — all under one deadline — then
// the open connection runs as a WebSocketChannel.

#include <atomic>
#include <functional>
#include <memory>

#include "core/result.hpp"
#include "net/websocket/outbox.hpp"
#include "net/websocket/websocket_url.hpp"
#include "net/websocket_client.hpp"

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}
}  // namespace boost::asio

namespace tradelink::net::detail {

/// A client connection being opened, open, or over. Thread-safe.
class ClientConnection {
 public:
  virtual ~ClientConnection() = default;
  /// The way in for sends and close requests (accepting from the start: messages sent while
  /// connecting go out after the handshake).
  [[nodiscard]] virtual std::shared_ptr<Outbox> const& outbox() const noexcept = 0;
  /// Drops the connection without a closing handshake. The caller has already set the shared
  /// `abandoned` flag, so no callback or connect handler runs any more.
  virtual void abandon() = 0;
};

/// Starts connecting to `url` on `io`. `tls_context` is required for wss and ignored for ws.
/// `on_connected` runs once from `io` with the outcome (errors as WebSocketClient documents),
/// after which `callbacks` apply; neither runs once `*abandoned` is true.
[[nodiscard]] std::shared_ptr<ClientConnection> open_client_connection(
    boost::asio::io_context& io, WebSocketUrl url, WebSocketClientOptions const& options,
    std::shared_ptr<boost::asio::ssl::context> tls_context, WebSocketClientCallbacks callbacks,
    std::function<void(core::Result<void>)> on_connected,
    std::shared_ptr<std::atomic<bool> const> abandoned);

}  // namespace tradelink::net::detail
