#pragma once
// Value types of the HTTP server's public face: its options, the request an owner's handler
// sees, the response the owner gives back, and the hook that shapes error bodies. No Asio or
// Beast in sight.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "net/http_types.hpp"

namespace tradelink::net {

/// TLS identity of a server: a PEM certificate chain (leaf first) and the leaf's PEM private key.
struct ServerTls {
  std::string certificate_chain_pem;
  std::string private_key_pem;

  /// Reads both PEM files. Errors: `net.tls` when a file cannot be read.
  static core::Result<ServerTls> from_files(std::filesystem::path const& certificate_chain,
                                            std::filesystem::path const& private_key);
};

/// Limits and liveness checks of a server's WebSocket sessions.
struct WebSocketServerOptions {
  /// Larger inbound messages end the session with close code 1009 (message too big).
  std::size_t max_message_bytes = 1024U * 1024U;
  /// Bytes a session may hold queued but not yet written to its peer. A push beyond it closes
  /// the session (code 1008) instead of letting a slow consumer grow memory.
  std::size_t max_outbound_bytes = 4U * 1024U * 1024U;
  /// A protocol-level ping is sent every interval (0: never). Pongs are not awaited one by one:
  /// liveness is judged by `silence_timeout`.
  std::chrono::milliseconds ping_interval{20'000};
  /// The session is dropped when no frame at all (message, ping, pong, close) arrived for this
  /// long (0: never).
  std::chrono::milliseconds silence_timeout{60'000};
  /// Bound on writing the 101 response and on the closing handshake.
  std::chrono::milliseconds handshake_timeout{10'000};
};

/// Where an HttpServer listens and the limits it enforces. The defaults suit an exchange-like
/// JSON API on a trusted host.
struct ServerOptions {
  std::string address = "127.0.0.1";  ///< IPv4 or IPv6 literal to bind ("0.0.0.0", "::")
  std::uint16_t port = 0;             ///< 0: an ephemeral port, see HttpServer::port()
  /// Threads running the server's own io_context (ignored when embedded in a caller's).
  std::size_t threads = 1;
  std::optional<ServerTls> tls;  ///< serve HTTPS / WSS with this identity

  std::size_t max_body_bytes = 1024U * 1024U;  ///< larger bodies are answered 413, unread
  std::size_t max_header_bytes = 16U * 1024U;  ///< request line + header fields; larger → 431
  /// Open connections (HTTP and WebSocket); connections beyond it are closed on accept.
  std::size_t max_connections = 16'384;

  /// From accept (or, between kept-alive requests, from the first byte) until the whole request
  /// header arrived, TLS handshake included; a connection that trickles slower is closed.
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};   ///< reading a request body
  std::chrono::milliseconds idle_timeout{60'000};   ///< kept-alive connection waiting for a request
  std::chrono::milliseconds write_timeout{30'000};  ///< writing one response
  /// A handler that has not answered after this long gets a 503 sent on its behalf.
  std::chrono::milliseconds handler_timeout{30'000};
  /// On stop, connections get this long to finish the exchange in progress before being cut.
  std::chrono::milliseconds shutdown_grace{5'000};

  WebSocketServerOptions websocket;
};

/// A header field borrowed from the request being handled.
struct HeaderView {
  std::string_view name;
  std::string_view value;
};

/// One HTTP request as an owner's handler sees it. Every view points into the connection's
/// buffers and stays valid only until the handler returns: copy what an asynchronous answer
/// needs. Nothing is decoded (no percent-decoding of path or query); owners decode.
struct ServerRequest {
  std::string_view method;  ///< as received; methods are case-sensitive ("GET", "POST", ...)
  std::string_view
      target;             ///< raw request target, e.g. "/api/v4/spot/orders?currency_pair=BTC_USDT"
  std::string_view path;  ///< target up to '?'
  std::string_view query;               ///< target after '?', without it; empty when absent
  std::span<HeaderView const> headers;  ///< in arrival order, names as sent
  std::string_view body;
  std::string_view peer_address;  ///< the TCP peer: "127.0.0.2" (IPv4 dotted), or an IPv6 text
  std::uint16_t peer_port = 0;
  std::uint16_t local_port = 0;  ///< the port the server accepted the connection on
  bool tls = false;

  /// Value of the first header named `name` (ASCII case-insensitive); empty when absent.
  [[nodiscard]] std::string_view header(std::string_view name) const noexcept;
  [[nodiscard]] bool has_header(std::string_view name) const noexcept;
};

/// An owner's answer. The server adds Content-Length and manages Connection itself (an owner's
/// "Connection: close" is honoured); Content-Length / Transfer-Encoding given here are ignored.
struct ServerResponse {
  unsigned status = 200;  ///< 200..999 except 1xx; anything else is replaced by a 500
  std::vector<Header> headers;
  std::string body;

  /// A response with Content-Type application/json.
  static ServerResponse json(unsigned status, std::string body);
  /// A response with Content-Type text/plain; charset=utf-8.
  static ServerResponse text(unsigned status, std::string body);
};

/// The body the server sends with a response it makes itself (400, 408, 413, 431, 500, 503, ...).
struct ErrorBody {
  std::string content_type;
  std::string body;
};

/// Shapes the server's own error responses into the owner's error format (Gate answers
/// `{"label":"...","message":"..."}`). `reason` is a short English phrase chosen by the server.
/// Called on a server thread; must not throw.
using ErrorBodyFormatter = std::function<ErrorBody(unsigned status, std::string_view reason)>;

/// The formatter used when the owner gives none: `{"status":413,"message":"<reason>"}`.
[[nodiscard]] ErrorBody default_error_body(unsigned status, std::string_view reason);

}  // namespace tradelink::net
