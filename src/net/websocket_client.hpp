#pragma once
// WebSocket client over plain TCP or TLS (OpenSSL, peer verified, SNI), for the platform's live
// sync and for tests: one connection per client object, text messages in and out, protocol pings
// and a read-silence deadline. Reconnecting is the caller's business (make a new client).
// Asio and Beast stay behind the pimpl.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "net/http_types.hpp"
#include "net/websocket_types.hpp"

namespace boost::asio {
class io_context;
}

namespace tradelink::net {

/// Limits and policies of a WebSocketClient.
struct WebSocketClientOptions {
  /// Resolve + TCP connect + TLS handshake + HTTP upgrade, all together.
  std::chrono::milliseconds connect_timeout{10'000};
  /// The connection ends with `net.timeout` when no frame at all (message, ping, pong, close)
  /// arrived for this long. 0 disables.
  std::chrono::milliseconds read_silence_timeout{30'000};
  /// A protocol-level ping is sent every interval (the server's pong counts as a frame for the
  /// silence deadline). 0 disables.
  std::chrono::milliseconds ping_interval{10'000};
  /// Bound on the closing handshake.
  std::chrono::milliseconds close_timeout{5'000};
  std::size_t max_message_bytes = 16U * 1024U * 1024U;  ///< larger inbound messages: 1009
  /// Queued-but-unsent bytes; a send beyond it ends the connection (`net.send_queue_full`).
  std::size_t max_outbound_bytes = 16U * 1024U * 1024U;
  bool verify_peer = true;             ///< TLS certificate + host-name check
  std::optional<std::string> ca_file;  ///< extra trust anchors (PEM); system store otherwise
  std::vector<Header> headers;         ///< extra upgrade request headers (e.g. X-Gate-Size-Decimal)
  std::string user_agent = "tradelink/0.1";
};

/// What the client does with what it receives; run on the io_context's thread, one at a time.
struct WebSocketClientCallbacks {
  /// One complete text message; the view is valid only during the call.
  std::function<void(std::string_view message)> on_text;
  /// Exactly once after a successful connect, when the connection ends however it ends (see
  /// WebSocketCloseInfo), unless the client was destroyed first.
  std::function<void(WebSocketCloseInfo const& info)> on_close;
};

/// Connect error codes (core::Error::code): net.url and net.invalid_request (validation: bad URL,
/// header name not a token or CR/LF/NUL in a value), net.resolve, net.connect, net.tls,
/// net.timeout, net.reset, net.protocol, net.upgrade_rejected (the server answered the upgrade
/// with an HTTP status; the message names it), net.invalid_state (connect called twice).
/// Errors of an open connection arrive in WebSocketCloseInfo::error.
///
/// Threading: I/O and callbacks run on `io`. Once connect() has returned, send_text, close,
/// is_open and queued_bytes are safe from any thread. Destroy the client on the io_context's thread
/// (a callback may destroy it) or while `io` is not running: from then on no callback runs and the
/// connection is dropped without a closing handshake (call close() first for a clean one).
class WebSocketClient {
 public:
  using ConnectHandler = std::function<void(core::Result<void>)>;

  /// `io` must outlive the client.
  WebSocketClient(boost::asio::io_context& io, WebSocketClientOptions options);
  ~WebSocketClient();
  WebSocketClient(WebSocketClient const&) = delete;
  WebSocketClient& operator=(WebSocketClient const&) = delete;

  /// Connects to `url` ("ws://host:port/path?query" or "wss://..."), then reports through
  /// `on_connected` (always invoked from `io`, never inline; not at all if the client is
  /// destroyed first). Only one connect per client. Messages sent before the connection opens
  /// are queued and go out right after the handshake.
  void connect(std::string_view url, WebSocketClientCallbacks callbacks,
               ConnectHandler on_connected);

  /// Queues `message` as one text frame. False when dropped: not connecting or open, closing,
  /// or the queue is full (which ends the connection, see max_outbound_bytes).
  bool send_text(std::string message);
  /// Starts the closing handshake after the queued messages. Idempotent.
  void close(std::uint16_t code = close_code::normal, std::string reason = {});

  /// True from connect() until close() or the end of the connection.
  [[nodiscard]] bool is_open() const noexcept;
  [[nodiscard]] std::size_t queued_bytes() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::net
