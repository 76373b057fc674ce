#pragma once
// A raw TCP connection to a loopback server for tests that must send what no HTTP client would:
// bodies that never come, headers trickled byte by byte, thousands of idle sockets. Each
// connection drives its own io_context on the calling thread; every wait is bounded so a broken
// server fails the test instead of hanging it.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tradelink::sandbox::test {

/// The parts of an HTTP response the tests look at.
struct RawHttpReply {
  unsigned status = 0;
  std::string body;
  bool keep_alive = false;
};

/// Bound on every single wait of a RawConnection (a hang guard, not a performance figure).
inline constexpr std::chrono::seconds raw_wait_limit{60};

class RawConnection {
 public:
  /// Connects to 127.0.0.1:`port` from `local_address`; check connected() afterwards.
  explicit RawConnection(std::uint16_t port, std::string_view local_address = "127.0.0.1");

  [[nodiscard]] bool connected() const noexcept { return connected_; }
  [[nodiscard]] boost::system::error_code const& connect_error() const noexcept {
    return connect_error_;
  }

  /// Writes all of `bytes`; the error says why it could not (e.g. the peer closed).
  boost::system::error_code write(std::string_view bytes);

  /// Reads one response (status line, headers, Content-Length body); nullopt when the peer
  /// closed or failed before a whole response arrived.
  std::optional<RawHttpReply> read_response();

  /// True once the peer closed the connection (end of stream or reset) without sending any
  /// further byte; false when bytes arrived instead or nothing happened within `limit`.
  bool closed_by_peer(std::chrono::milliseconds limit = raw_wait_limit);

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_{io_};
  boost::beast::flat_buffer buffer_;
  boost::system::error_code connect_error_;
  bool connected_ = false;
};

/// "POST /api/v4/..." with `headers` (each "Name: value\r\n") and `body`, ready for the wire.
[[nodiscard]] std::string raw_request(std::string_view method, std::string_view target,
                                      std::string_view headers, std::string_view body);

}  // namespace tradelink::sandbox::test
