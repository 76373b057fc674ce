#pragma once
// A scripted HTTP/1.1 server on 127.0.0.1 for transport and REST-client tests. It runs on its
// own thread and io_context, answers every request through a handler the test supplies, and
// records what arrived (method, target, headers, body, on which TCP connection), so tests can
// assert exactly what a client sent and how many connections it opened.
//
//   LoopbackHttpServer server([](RecordedRequest const& request) {
//     if (request.target == "/limited") return Reply::json(429,
//     R"({"label":"TOO_MANY_REQUESTS"})"); return Reply::json(200, "[]");
//   });
//   auto origin = net::Origin::parse(server.base_url());
//
// Optional TLS with a TestCertificate. Asio and Beast stay in the .cpp.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_certificate.hpp"

namespace tradelink::test {

struct HeaderField {
  std::string name;
  std::string value;
};

/// One request as the server received it.
struct RecordedRequest {
  std::string method;                ///< "GET", "POST", ...
  std::string target;                ///< as sent: path plus "?query"
  std::vector<HeaderField> headers;  ///< in arrival order, names as sent
  std::string body;
  std::size_t connection = 0;           ///< 1-based number of the TCP connection, in accept order
  std::size_t index_on_connection = 0;  ///< 1 for the first request on that connection, ...

  /// Value of the first header named `name` (case-insensitive); empty when absent.
  [[nodiscard]] std::string_view header(std::string_view name) const noexcept;
  [[nodiscard]] bool has_header(std::string_view name) const noexcept;
  /// Number of headers named `name` (case-insensitive), to catch duplicates.
  [[nodiscard]] std::size_t header_count(std::string_view name) const noexcept;
};

/// What the server does with one request.
struct Reply {
  /// What happens to the connection after the (possibly cut) response was sent.
  enum class Ending {
    keep_alive,  ///< wait for the next request (unless the request asked to close)
    close,       ///< "Connection: close" on a full response, then an orderly close (FIN)
    reset,       ///< abortive close: SO_LINGER 0, the client sees a TCP reset
  };

  unsigned status = 200;
  std::vector<HeaderField> headers;  ///< Content-Length is added unless present
  std::string body;
  std::chrono::milliseconds delay{0};  ///< wait before sending anything
  Ending ending = Ending::keep_alive;
  /// Send only the first `cut_after` bytes of the response (0 = nothing), then end as `ending`.
  std::optional<std::size_t> cut_after;
  /// Bytes sent verbatim instead of a response built from the fields above (malformed replies).
  std::optional<std::string> raw;

  /// A `status` response with a body and Content-Type text/plain.
  static Reply text(unsigned status, std::string body);
  /// A `status` response with a body and Content-Type application/json.
  static Reply json(unsigned status, std::string body);
  /// Closes the connection without answering.
  static Reply hang_up();
  /// Resets the connection without answering.
  static Reply reset();

  /// Fluent modifiers: `Reply::json(200, "{}").with_header("X-Gate-RateLimit", "9").after(500ms)`.
  [[nodiscard]] Reply with_header(std::string name, std::string value) &&;
  [[nodiscard]] Reply after(std::chrono::milliseconds wait) &&;
  [[nodiscard]] Reply closing() &&;
};

/// Settings of a LoopbackHttpServer.
struct ServerOptions {
  /// Serve HTTPS with this identity instead of plain HTTP.
  std::optional<TestCertificate> tls;
};

class LoopbackHttpServer {
 public:
  /// Builds a Reply for a request. Runs on the server thread, one request at a time; a handler
  /// that throws makes the server answer 500 with the exception text.
  using Handler = std::function<Reply(RecordedRequest const&)>;

  /// Starts listening on 127.0.0.1 (port chosen by the system) and serving on a new thread.
  /// An empty handler answers every request with 200 "ok". Throws when it cannot listen.
  explicit LoopbackHttpServer(Handler handler = {}, ServerOptions options = {});
  /// Stops the server (see stop()).
  ~LoopbackHttpServer();
  LoopbackHttpServer(LoopbackHttpServer const&) = delete;
  LoopbackHttpServer& operator=(LoopbackHttpServer const&) = delete;

  [[nodiscard]] std::uint16_t port() const noexcept;
  /// "http://127.0.0.1:<port>" or "https://127.0.0.1:<port>".
  [[nodiscard]] std::string base_url() const;

  /// Replaces the handler for the requests that arrive from now on. Thread-safe.
  void set_handler(Handler handler);

  /// Copies of every request received so far, in arrival order. Thread-safe.
  [[nodiscard]] std::vector<RecordedRequest> requests() const;
  [[nodiscard]] std::size_t request_count() const;
  /// TCP connections accepted so far (TLS ones count even if the handshake then failed).
  [[nodiscard]] std::size_t connection_count() const;

  /// Blocks until at least `count` requests arrived or `limit` passed; returns whether they did.
  bool wait_for_requests(std::size_t count, std::chrono::milliseconds limit);

  /// Server-side idle close: closes every connection that is waiting for its next request,
  /// and returns once they are closed. A connection still sending a response closes right
  /// after it instead of reading another request.
  void close_idle_connections();

  /// Closes the listener and every connection and joins the server thread. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::test
