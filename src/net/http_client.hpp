#pragma once
// HTTP/1.1 client over plain TCP or TLS (OpenSSL, peer verified, SNI) with a keep-alive
// connection pool per origin, connect/read/total timeouts, a response size cap and refused
// redirects. Asio and Beast stay behind the pimpl.

#include <functional>
#include <memory>

#include "core/result.hpp"
#include "net/http_types.hpp"

namespace boost::asio {
class io_context;
}

namespace tradelink::net {

/// Transport error codes (core::Error::code, layer transport):
///   net.resolve, net.connect, net.tls, net.timeout, net.reset (peer closed / reset),
///   net.response_too_large, net.redirect_refused, net.protocol (malformed HTTP).
/// Timeouts, connect failures and resets are `Retry::retryable`; the others are not.
/// Caller mistakes have layer validation: net.url (origin without host) and
/// net.invalid_request (target not in origin form, header name not a token, CR/LF/NUL in a
/// header value). Error messages never contain request headers or bodies.
///
/// Destruction: destroying the client closes every connection and abandons the calls in flight;
/// their handlers are dropped (destroyed without being invoked), as is any completed call's
/// handler that has not run yet. Handlers usually capture the client's owner, which is being
/// torn down. Pending operations still drain through `io` and hold no reference to the client.
///
/// Idle pooled connections keep a timer pending on `io` until `idle_timeout`, so `io.run()`
/// does not return while the pool holds idle connections; destroy the client to release them.
class HttpClient {
 public:
  using Handler = std::function<void(core::Result<HttpResponse>)>;

  /// All I/O runs on `io` and handlers are invoked from the thread running it. `io` must
  /// outlive the client. Not thread-safe: use one client per io_context thread (shard).
  HttpClient(boost::asio::io_context& io, ClientOptions options);
  ~HttpClient();
  HttpClient(HttpClient const&) = delete;
  HttpClient& operator=(HttpClient const&) = delete;

  /// Sends `request` to `origin`, reusing an idle pooled connection when one is available and
  /// still open (a stale pooled connection that fails before any response byte is retried once
  /// on a fresh connection). The Host and User-Agent headers are added when absent. Any 3xx
  /// answer is an error (net.redirect_refused). `handler` is invoked exactly once, posted to the
  /// io_context (never from inside async_send), unless the client is destroyed first (see above).
  void async_send(Origin const& origin, HttpRequest request, Handler handler);

  /// Blocking convenience for tools and tests: runs the io_context (one handler at a time, so
  /// other work on it progresses too) until this call completes; restarts a stopped io_context.
  /// Must not be called from a thread that is already running the io_context. Error
  /// `net.interrupted` (internal) when the io_context is stopped before the call completes.
  core::Result<HttpResponse> send(Origin const& origin, HttpRequest request);

  /// A request object to fill and pass to async_send: one a finished call sent, handed back so
  /// its strings and header list keep their capacity (a client that sends steadily builds its
  /// requests without allocating), or a new one when none is spare. Its fields still hold that
  /// earlier request: overwrite every one of them.
  [[nodiscard]] HttpRequest recycled_request();

  [[nodiscard]] PoolStats stats() const noexcept;
  [[nodiscard]] ClientOptions const& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::net
