#pragma once
// Generic HTTP/1.1 + WebSocket server over plain TCP or TLS, for the sandbox exchange and the
// platform API. The owner supplies one request handler (routing is the owner's), the shape of
// error bodies, and which paths upgrade to WebSocket. The server enforces the limits in
// ServerOptions and answers every failure it detects itself with the owner's error body:
//   400 malformed request · 413 body over max_body_bytes (decided from Content-Length before
//   reading the body, or as soon as a chunked body passes the limit) · 431 header too large ·
//   426 unsupported WebSocket version · 500 handler dropped its Responder or gave an invalid
//   response · 503 handler did not answer within handler_timeout, or upgrade during stop.
// Slow or silent peers are closed after header_timeout / body_timeout / idle_timeout.
// Asio and Beast stay behind the pimpl.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/result.hpp"
#include "net/responder.hpp"
#include "net/server_types.hpp"
#include "net/websocket_session.hpp"

namespace boost::asio {
class io_context;
}

namespace tradelink::net {

/// Handles one request. Runs on a server thread (the connection's strand) and must not block:
/// answer through `responder`, now or later from any thread. `request` is valid only during the
/// call. An exception escaping the handler answers 500 (through the dropped responder).
using RequestHandler = std::function<void(ServerRequest const& request, Responder responder)>;

/// What the owner plugs into an HttpServer.
struct ServerHandlers {
  RequestHandler on_request;  ///< required
  /// Error body shape; default_error_body when empty.
  ErrorBodyFormatter error_body;
  /// Upgrade requests whose path a route accepts become WebSocket sessions (first match wins);
  /// other upgrade requests reach `on_request` as ordinary requests.
  std::vector<WebSocketRoute> websocket_routes;
};

/// Error codes of HttpServer::start (core::Error::code):
///   net.server_options (validation) — no request handler, zero threads or limits, bad address;
///   net.server_state (validation) — start() called again after it succeeded (a failed start
///     may be retried);
///   net.listen (transport) — cannot bind or listen (address in use, permission);
///   net.tls (transport) — the TLS certificate or key is unusable.
///
/// Threading: handlers and WebSocket callbacks run on the server's threads; each connection is
/// serialised on its own strand, so one connection's callbacks never overlap. Responders and
/// WebSocketSession handles may be used from any thread, also after stop().
///
/// Stop: the listener closes at once; idle connections close; a connection in the middle of an
/// exchange finishes it (the response carries "Connection: close"); WebSocket sessions get a
/// closing handshake with 1001. After `shutdown_grace`, whatever is left is cut. Every open
/// WebSocket session's on_close still runs.
class HttpServer {
 public:
  /// A server with its own io_context, run by `options.threads` threads from start() to stop().
  HttpServer(ServerOptions options, ServerHandlers handlers);
  /// A server embedded in the caller's io_context, which the caller runs (any number of threads)
  /// and which must outlive the server. After stop() (or destruction) the server's connections
  /// drain as the caller keeps running `io`; destroying `io` first is safe too.
  HttpServer(boost::asio::io_context& io, ServerOptions options, ServerHandlers handlers);
  /// Stops (see stop()).
  ~HttpServer();
  HttpServer(HttpServer const&) = delete;
  HttpServer& operator=(HttpServer const&) = delete;

  /// Binds, listens and starts accepting; with its own io_context, starts the threads. Raises
  /// the process's soft open-file limit to the hard limit first, so thousands of sockets fit.
  /// Errors: see the class comment.
  core::Result<void> start();

  /// The listening port (the ephemeral one when ServerOptions::port was 0); 0 before start().
  [[nodiscard]] std::uint16_t port() const noexcept;
  /// Open connections right now (HTTP and WebSocket).
  [[nodiscard]] std::size_t connection_count() const;

  /// Graceful stop, see the class comment. With its own io_context: blocks until every
  /// connection is gone and the threads are joined (at most about `shutdown_grace`); must not be
  /// called from a handler. Embedded: returns at once. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::net
