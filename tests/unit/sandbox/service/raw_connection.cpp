#include "unit/sandbox/service/raw_connection.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <array>

namespace tradelink::sandbox::test {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using boost::system::error_code;
using tcp = asio::ip::tcp;

// Runs the one operation pending on `io` until it finished or `limit` passed; past the limit the
// socket's operations are cancelled and drained, so no handler outlives the call.
void run_bounded(asio::io_context& io, tcp::socket& socket, bool const& finished,
                 std::chrono::milliseconds limit) {
  io.restart();
  io.run_for(limit);
  if (finished) return;
  error_code ignored;
  socket.cancel(ignored);
  io.restart();
  io.run();
}

}  // namespace

RawConnection::RawConnection(std::uint16_t port, std::string_view local_address) {
  error_code ec;
  auto const local = asio::ip::make_address(local_address, ec);
  if (ec) {
    connect_error_ = ec;
    return;
  }
  socket_.open(tcp::v4(), ec);
  if (!ec) socket_.bind(tcp::endpoint(local, 0), ec);
  if (ec) {
    connect_error_ = ec;
    return;
  }
  bool finished = false;
  socket_.async_connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), port),
                        [&](error_code const& error) {
                          connect_error_ = error;
                          finished = true;
                        });
  run_bounded(io_, socket_, finished, raw_wait_limit);
  if (!finished) connect_error_ = asio::error::timed_out;
  connected_ = !connect_error_;
}

error_code RawConnection::write(std::string_view bytes) {
  error_code result = asio::error::timed_out;
  bool finished = false;
  asio::async_write(socket_, asio::buffer(bytes.data(), bytes.size()),
                    [&](error_code const& error, std::size_t) {
                      result = error;
                      finished = true;
                    });
  run_bounded(io_, socket_, finished, raw_wait_limit);
  return result;
}

std::optional<RawHttpReply> RawConnection::read_response() {
  http::response<http::string_body> response;
  error_code result = asio::error::timed_out;
  bool finished = false;
  http::async_read(socket_, buffer_, response, [&](error_code const& error, std::size_t) {
    result = error;
    finished = true;
  });
  run_bounded(io_, socket_, finished, raw_wait_limit);
  if (result) return std::nullopt;
  return RawHttpReply{response.result_int(), std::move(response.body()), response.keep_alive()};
}

bool RawConnection::closed_by_peer(std::chrono::milliseconds limit) {
  if (buffer_.size() > 0) return false;
  std::array<char, 512> scratch{};
  error_code result;
  std::size_t received = 0;
  bool finished = false;
  socket_.async_read_some(asio::buffer(scratch), [&](error_code const& error, std::size_t bytes) {
    result = error;
    received = bytes;
    finished = true;
  });
  run_bounded(io_, socket_, finished, limit);
  if (!finished || received > 0) return false;
  return result == asio::error::eof || result == asio::error::connection_reset;
}

std::string raw_request(std::string_view method, std::string_view target, std::string_view headers,
                        std::string_view body) {
  std::string request;
  request.reserve(method.size() + target.size() + headers.size() + body.size() + 128);
  request.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  request.append(headers);
  if (!body.empty() || method == "POST" || method == "PUT") {
    request.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  request.append("\r\n").append(body);
  return request;
}

}  // namespace tradelink::sandbox::test
