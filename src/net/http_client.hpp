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
///   net.response_too_large, net.redirect_refused, net.protocol (malformed HTTP), net.url.
/// Timeouts, connect failures and resets are `Retry::retryable`; the others are not.
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
  /// on a fresh connection). The Host and User-Agent headers are added when absent.
  void async_send(Origin const& origin, HttpRequest request, Handler handler);

  /// Blocking convenience for tools and tests: runs the io_context until the call completes.
  /// Must not be called from a thread that is already running the io_context.
  core::Result<HttpResponse> send(Origin const& origin, HttpRequest request);

  [[nodiscard]] PoolStats stats() const noexcept;
  [[nodiscard]] ClientOptions const& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::net
