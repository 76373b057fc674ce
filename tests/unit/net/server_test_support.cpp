#include "server_test_support.hpp"

#include <gtest/gtest.h>

#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>

#include <stdexcept>
#include <thread>

namespace tradelink::net::test {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

std::optional<ssl::context> make_client_context(std::optional<std::string> const& trusted_pem) {
  if (!trusted_pem) return std::nullopt;
  std::optional<ssl::context> context(std::in_place, ssl::context::tls_client);
  context->add_certificate_authority(asio::buffer(*trusted_pem));
  context->set_verify_mode(ssl::verify_peer);
  return context;
}

}  // namespace

RawClient::RawClient(std::uint16_t port, std::string const& source_address,
                     std::optional<std::string> const& trusted_certificate_pem)
    : tls_context_(make_client_context(trusted_certificate_pem)),
      stream_(tls_context_ ? decltype(stream_)(std::in_place_type<TlsStream>, io_, *tls_context_)
                           : decltype(stream_)(std::in_place_type<tcp::socket>, io_)) {
  tcp::socket& raw = socket();
  raw.open(tcp::v4());
  raw.bind(tcp::endpoint(asio::ip::make_address(source_address), 0));
  raw.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  if (auto* tls = std::get_if<TlsStream>(&stream_)) {
    error_code result;
    bool const finished = run(5s, [&](bool& done) {
      tls->async_handshake(ssl::stream_base::client, [&](error_code const& ec) {
        result = ec;
        done = true;
      });
    });
    if (!finished || result) throw std::runtime_error("TLS handshake failed: " + result.message());
  }
}

RawClient::~RawClient() {
  error_code ignored;
  socket().close(ignored);
}

tcp::socket& RawClient::socket() {
  return std::visit(
      [](auto& stream) -> tcp::socket& {
        if constexpr (std::is_same_v<std::decay_t<decltype(stream)>, tcp::socket>) {
          return stream;
        } else {
          return stream.next_layer();
        }
      },
      stream_);
}

template <class Operation>
bool RawClient::run(std::chrono::milliseconds limit, Operation&& start) {
  bool done = false;
  start(done);
  io_.restart();
  io_.run_for(limit);
  if (done) return true;
  error_code ignored;
  socket().cancel(ignored);
  io_.restart();
  io_.run();
  return false;
}

bool RawClient::write(std::string_view bytes, std::chrono::milliseconds limit) {
  error_code result;
  bool const finished = run(limit, [&](bool& done) {
    std::visit(
        [&](auto& stream) {
          asio::async_write(stream, asio::buffer(bytes.data(), bytes.size()),
                            [&](error_code const& ec, std::size_t) {
                              result = ec;
                              done = true;
                            });
        },
        stream_);
  });
  return finished && !result;
}

std::optional<RawResponse> RawClient::read_response(std::chrono::milliseconds limit) {
  RawResponse response;
  error_code result;
  bool const finished = run(limit, [&](bool& done) {
    std::visit(
        [&](auto& stream) {
          http::async_read(stream, buffer_, response, [&](error_code const& ec, std::size_t) {
            result = ec;
            done = true;
          });
        },
        stream_);
  });
  if (!finished || result) return std::nullopt;
  return response;
}

std::optional<RawResponse> RawClient::exchange(std::string_view request,
                                               std::chrono::milliseconds limit) {
  if (!write(request, limit)) return std::nullopt;
  return read_response(limit);
}

std::string RawClient::read_some(std::chrono::milliseconds limit, std::size_t max_bytes) {
  if (buffer_.size() > 0) {
    auto const data = buffer_.cdata();
    std::string buffered(static_cast<char const*>(data.data()), std::min(data.size(), max_bytes));
    buffer_.consume(buffered.size());
    return buffered;
  }
  std::string received(max_bytes, '\0');
  std::size_t count = 0;
  error_code result;
  bool const finished = run(limit, [&](bool& done) {
    std::visit(
        [&](auto& stream) {
          stream.async_read_some(asio::buffer(received), [&](error_code const& ec, std::size_t n) {
            result = ec;
            count = n;
            done = true;
          });
        },
        stream_);
  });
  received.resize(finished && !result ? count : 0);
  return received;
}

bool RawClient::wait_closed(std::chrono::milliseconds limit) {
  auto const deadline = std::chrono::steady_clock::now() + limit;
  buffer_.clear();
  std::string scratch(65536, '\0');
  while (true) {
    auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    error_code result;
    bool const finished = run(left, [&](bool& done) {
      std::visit(
          [&](auto& stream) {
            stream.async_read_some(asio::buffer(scratch), [&](error_code const& ec, std::size_t) {
              result = ec;
              done = true;
            });
          },
          stream_);
    });
    if (!finished) return false;
    if (result) return true;
  }
}

void RawClient::set_receive_buffer(int bytes) {
  socket().set_option(asio::socket_base::receive_buffer_size(bytes));
}

std::uint16_t RawClient::local_port() const {
  return std::visit(
      [](auto const& stream) -> std::uint16_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(stream)>, tcp::socket>) {
          return stream.local_endpoint().port();
        } else {
          return stream.next_layer().local_endpoint().port();
        }
      },
      stream_);
}

bool eventually(std::function<bool()> const& condition, std::chrono::milliseconds limit) {
  auto const deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return condition();
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

ServerOptions test_server_options() {
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.header_timeout = 5s;
  options.body_timeout = 5s;
  options.idle_timeout = 10s;
  options.write_timeout = 5s;
  options.handler_timeout = 5s;
  options.shutdown_grace = 2s;
  return options;
}

std::unique_ptr<HttpServer> start_server(ServerOptions options, ServerHandlers handlers) {
  auto server = std::make_unique<HttpServer>(std::move(options), std::move(handlers));
  auto started = server->start();
  if (!started) {
    ADD_FAILURE() << "server did not start: " << started.error().code << ": "
                  << started.error().message;
    throw std::runtime_error("server did not start");
  }
  return server;
}

std::string get_request(std::string_view target, std::string_view extra_headers) {
  std::string request = "GET ";
  request += target;
  request += " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  request += extra_headers;
  request += "\r\n";
  return request;
}

}  // namespace tradelink::net::test
