#pragma once
// The owner's view of one WebSocket connection accepted by HttpServer: a cheap, copyable,
// thread-safe handle for pushing text messages and closing, plus the upgrade request that opened
// it. Routing (which paths upgrade) and the per-session callbacks are declared here too.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_types.hpp"
#include "net/websocket_types.hpp"

namespace tradelink::net {

namespace detail {
class Outbox;
}

/// The HTTP request that opened a WebSocket session, copied once at the upgrade.
struct UpgradeRequest {
  std::string target;           ///< raw request target, e.g. "/ws/v4/"
  std::vector<Header> headers;  ///< in arrival order, names as sent (e.g. X-Gate-Size-Decimal)
  std::string peer_address;     ///< TCP peer, as ServerRequest::peer_address
  std::uint16_t peer_port = 0;
  std::uint16_t local_port = 0;
  bool tls = false;

  [[nodiscard]] std::string_view path() const noexcept;   ///< target up to '?'
  [[nodiscard]] std::string_view query() const noexcept;  ///< target after '?'; empty when none
  /// Value of the first header named `name` (ASCII case-insensitive); empty when absent.
  [[nodiscard]] std::string_view header(std::string_view name) const noexcept;
};

/// Handle to a server-side WebSocket session. Copies refer to the same session. Every member is
/// safe to call from any thread, at any time, also after the session ended or the server stopped
/// (then sending and closing do nothing). Holding a handle does not keep the connection open.
class WebSocketSession {
 public:
  /// Made by HttpServer when a session opens.
  WebSocketSession(std::shared_ptr<detail::Outbox> outbox,
                   std::shared_ptr<UpgradeRequest const> request, std::uint64_t id) noexcept;

  /// Queues `message` as one text frame; messages go out in the order queued. Returns false when
  /// it was dropped: the session is closing or closed, or queuing it would exceed
  /// WebSocketServerOptions::max_outbound_bytes — which also closes the session (1008), since a
  /// consumer that far behind cannot catch up.
  bool send_text(std::string message) const;

  /// Starts the closing handshake once the messages already queued are written; later sends are
  /// dropped. Idempotent: only the first close counts. `reason` is cut to 123 bytes.
  void close(std::uint16_t code = close_code::normal, std::string reason = {}) const;

  /// Drops the TCP connection at once: no closing handshake, queued messages are discarded
  /// (fault injection: a venue that vanishes mid-stream). Idempotent.
  void abort() const;

  /// True while the session accepts messages (not closing, not closed).
  [[nodiscard]] bool is_open() const noexcept;
  /// Bytes queued and not yet written to the socket (never above max_outbound_bytes).
  [[nodiscard]] std::size_t queued_bytes() const noexcept;

  [[nodiscard]] UpgradeRequest const& request() const noexcept { return *request_; }
  /// Unique per server (connection number), for owners' registries and logs.
  [[nodiscard]] std::uint64_t id() const noexcept { return id_; }

 private:
  std::shared_ptr<detail::Outbox> outbox_;
  std::shared_ptr<UpgradeRequest const> request_;
  std::uint64_t id_ = 0;
};

/// What a session does with what it receives. Both run on the session's strand (one call at a
/// time per session, never concurrently with each other), may call any WebSocketSession member,
/// and should return quickly. An exception thrown by `on_text` closes the session (1011).
struct WebSocketCallbacks {
  /// One complete text message. The view is valid only during the call. Binary messages are
  /// refused: the session closes with 1003.
  std::function<void(std::string_view message)> on_text;
  /// Called exactly once when the session ends, however it ends (not if the server's
  /// io_context is destroyed with the session still pending).
  std::function<void(WebSocketCloseInfo const& info)> on_close;
};

/// Which upgrade requests become WebSocket sessions, and how a session is set up.
struct WebSocketRoute {
  /// True for the request paths (target up to '?') this route upgrades, e.g. `path == "/ws/v4/"`.
  std::function<bool(std::string_view path)> accepts;
  /// Called once the handshake completed, on the session's strand, with the new session's handle
  /// (keep a copy to push to it later). May already send. Returns the session's callbacks; an
  /// exception closes the session (1011).
  std::function<WebSocketCallbacks(WebSocketSession const& session)> open;
};

}  // namespace tradelink::net
