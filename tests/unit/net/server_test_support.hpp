#pragma once
// Helpers for the HttpServer / WebSocket tests: a raw loopback client that sends exactly the
// bytes a test wants (malformed, partial, oversized) from a chosen source address and reads
// with deadlines, so no test can hang; polling with a bound; a started-server factory.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "net/http_server.hpp"

namespace tradelink::net::test {

using namespace std::chrono_literals;

using RawResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// A TCP (optionally TLS) connection to 127.0.0.1:<port> driven synchronously by the test, every
/// operation bounded by a deadline. Not thread-safe.
class RawClient {
 public:
  /// Connects from `source_address` (any 127.x.y.z works on Linux loopback). With
  /// `trusted_certificate_pem`, speaks TLS and trusts only that certificate. Throws on failure.
  explicit RawClient(std::uint16_t port, std::string const& source_address = "127.0.0.1",
                     std::optional<std::string> const& trusted_certificate_pem = std::nullopt);
  ~RawClient();
  RawClient(RawClient const&) = delete;
  RawClient& operator=(RawClient const&) = delete;

  /// Writes all of `bytes`; false on error or when `limit` passed (a peer not reading).
  bool write(std::string_view bytes, std::chrono::milliseconds limit = 5s);
  /// Reads one HTTP response; nullopt on error, end of stream or timeout.
  std::optional<RawResponse> read_response(std::chrono::milliseconds limit = 5s);
  /// Writes `request` and reads the response.
  std::optional<RawResponse> exchange(std::string_view request,
                                      std::chrono::milliseconds limit = 5s);
  /// Reads what arrives within `limit` (at most `max_bytes`); empty on timeout or end of stream.
  std::string read_some(std::chrono::milliseconds limit, std::size_t max_bytes = 65536);
  /// Discards incoming bytes until the peer closes (end of stream or reset): true when it did
  /// within `limit`.
  bool wait_closed(std::chrono::milliseconds limit);
  /// Shrinks the receive buffer (SO_RCVBUF) so a peer's writes stall early.
  void set_receive_buffer(int bytes);
  /// The local port of this connection (to recognise it in the server's reports).
  [[nodiscard]] std::uint16_t local_port() const;

 private:
  using TlsStream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;

  template <class Operation>
  bool run(std::chrono::milliseconds limit, Operation&& start);
  boost::asio::ip::tcp::socket& socket();

  boost::asio::io_context io_;
  std::optional<boost::asio::ssl::context> tls_context_;
  std::variant<boost::asio::ip::tcp::socket, TlsStream> stream_;
  boost::beast::flat_buffer buffer_;
};

/// Polls `condition` every few milliseconds until it holds or `limit` passed; returns it.
bool eventually(std::function<bool()> const& condition, std::chrono::milliseconds limit = 10s);

/// Options for a test server: loopback, ephemeral port, short but generous limits.
ServerOptions test_server_options();

/// A started server with its own io_context; fails the calling test (and throws) on error.
std::unique_ptr<HttpServer> start_server(ServerOptions options, ServerHandlers handlers);

/// "GET <target> HTTP/1.1" with Host and the given extra header lines (each "Name: value\r\n").
std::string get_request(std::string_view target, std::string_view extra_headers = {});

}  // namespace tradelink::net::test
