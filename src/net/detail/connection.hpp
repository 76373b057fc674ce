#pragma once
// One HTTP/1.1 connection to one origin, plain TCP or TLS: resolve + connect + handshake, then
// any number of request/response exchanges, one at a time. A single deadline guards whatever
// the connection is doing (including DNS): when it passes, the connection closes itself and the
// pending operation fails with `net.timeout`. The pool uses the same deadline to close idle
// connections. Asio and Beast stay in connection.cpp.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#include "core/result.hpp"
#include "net/http_types.hpp"

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}
}  // namespace boost::asio

namespace tradelink::net::detail {

/// Where and how a connection talks.
struct ConnectionSettings {
  Origin origin;
  /// TLS client context; required when `origin.tls`, ignored otherwise. Shared, kept alive by
  /// the connection.
  std::shared_ptr<boost::asio::ssl::context> tls_context;
  bool verify_host = true;  ///< check the certificate against origin.host (name or IP address)
  std::size_t max_response_bytes = 0;  ///< header + body cap of each response
};

/// A handle to a connection: copies refer to the same connection. Single-threaded: use it only
/// from the thread running its io_context. Operations in flight keep the connection alive, so a
/// handle may be dropped at any time; `close()` aborts whatever is pending.
class Connection {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  /// Outcome of one request/response exchange.
  struct Exchange {
    core::Result<HttpResponse> response;
    /// Both sides allow keep-alive, the response was read completely and nothing more is
    /// buffered: the connection may carry another request.
    bool reusable = false;
    /// The peer closed or reset the connection before sending a single byte of the response
    /// (and no deadline fired): the request was not answered, resending it is safe.
    bool hung_up_before_response = false;
  };

  using OpenHandler = std::function<void(core::Result<void>)>;
  using ExchangeHandler = std::function<void(Exchange)>;

  /// A connection that is not open yet. `io` must outlive it.
  Connection(boost::asio::io_context& io, ConnectionSettings settings);

  /// Resolves the host, connects to the first reachable address, and for TLS performs the
  /// handshake with SNI and certificate + host-name verification. `handler` runs once, from the
  /// io_context, never inline. Errors: `net.resolve`, `net.connect`, `net.tls`, `net.timeout`.
  void async_open(OpenHandler handler);

  /// Writes `request` (complete: the caller added Host etc.; Content-Length is set here) and
  /// reads one response of at most `max_response_bytes`. The connection must be open and idle.
  /// `handler` runs once, from the io_context. On any error the connection is closed.
  /// Errors: `net.timeout`, `net.reset`, `net.response_too_large`, `net.protocol`.
  void async_exchange(HttpRequest const& request, ExchangeHandler handler);

  /// Arms the deadline: at `deadline` the connection closes itself (see the file comment).
  /// Replaces any previous deadline.
  void expires_at(time_point deadline);
  /// Disarms the deadline.
  void expires_never();

  /// Closes the socket and cancels everything pending; pending handlers still run (with an
  /// error). Idempotent.
  void close() noexcept;

  [[nodiscard]] bool is_open() const noexcept;

  /// Non-blocking look at an idle connection: true when it is closed or the peer has already
  /// closed or reset it (or, on plain HTTP, sent unsolicited bytes), so it must not be reused.
  [[nodiscard]] bool peer_has_hung_up() const noexcept;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace tradelink::net::detail
