// HttpServer limits over real loopback sockets: body and header caps answered without reading
// the excess, slow and idle peers closed, thousands of idle sockets, the connection cap.

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "net/http_server.hpp"
#include "server_test_support.hpp"

namespace tradelink::net {
namespace {

using namespace std::chrono_literals;
using test::get_request;
using test::RawClient;
using test::start_server;
using test::test_server_options;

ErrorBody labelled(unsigned status, std::string_view reason) {
  return ErrorBody{"application/json", "{\"label\":\"L" + std::to_string(status) +
                                           "\",\"message\":\"" + std::string(reason) + "\"}"};
}

/// A server that echoes body sizes and counts the requests that reached the owner.
struct CountingServer {
  explicit CountingServer(ServerOptions options) {
    ServerHandlers handlers;
    handlers.error_body = labelled;
    handlers.on_request = [this](ServerRequest const& request, Responder responder) {
      ++handled;
      responder.respond(ServerResponse::text(200, std::to_string(request.body.size())));
    };
    server = start_server(std::move(options), std::move(handlers));
  }
  std::atomic<int> handled{0};
  std::unique_ptr<HttpServer> server;
};

std::string chunk(std::size_t size) {
  char length[32];
  std::snprintf(length, sizeof length, "%zx\r\n", size);
  return std::string(length) + std::string(size, 'x') + "\r\n";
}

TEST(ServerLimits, OversizedContentLengthGets413BeforeAnyBodyIsSent) {
  CountingServer counting(test_server_options());
  RawClient client(counting.server->port());
  // Only the header goes out: the answer must come from the Content-Length alone.
  auto response = client.exchange(
      "POST /api/v4/spot/orders HTTP/1.1\r\nHost: a\r\nContent-Length: 10485760\r\n\r\n");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 413U);
  EXPECT_EQ(response->body(), R"({"label":"L413","message":"request body too large"})");
  EXPECT_FALSE(response->keep_alive());
  EXPECT_EQ(counting.handled.load(), 0);
}

TEST(ServerLimits, BodyAtTheLimitPassesAndOneByteMoreGets413) {
  ServerOptions options = test_server_options();
  options.max_body_bytes = 1000;
  CountingServer counting(options);
  RawClient client(counting.server->port());
  auto fits = client.exchange("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n" +
                              std::string(1000, 'b'));
  ASSERT_TRUE(fits.has_value());
  EXPECT_EQ(fits->result_int(), 200U);
  EXPECT_EQ(fits->body(), "1000");
  auto too_big = client.exchange("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1001\r\n\r\n");
  ASSERT_TRUE(too_big.has_value());
  EXPECT_EQ(too_big->result_int(), 413U);
  EXPECT_EQ(counting.handled.load(), 1);
}

TEST(ServerLimits, ChunkedBodyPassingTheLimitGets413) {
  CountingServer counting(test_server_options());  // 1 MiB default
  RawClient client(counting.server->port());
  ASSERT_TRUE(client.write("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
  // 1.5 MiB in 64 KiB chunks; the server stops storing at 1 MiB and drains the rest.
  for (int i = 0; i < 24; ++i) ASSERT_TRUE(client.write(chunk(64 * 1024))) << "chunk " << i;
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 413U);
  EXPECT_EQ(response->body(), R"({"label":"L413","message":"request body too large"})");
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_EQ(counting.handled.load(), 0);
}

TEST(ServerLimits, ChunkedBodyWithinTheLimitIsAssembled) {
  CountingServer counting(test_server_options());
  RawClient client(counting.server->port());
  auto response =
      client.exchange("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" +
                      chunk(3000) + chunk(500) + "0\r\n\r\n");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body(), "3500");
}

TEST(ServerLimits, OversizedHeaderGets431) {
  ServerOptions options = test_server_options();
  options.max_header_bytes = 4096;
  CountingServer counting(options);
  RawClient client(counting.server->port());
  auto response =
      client.exchange(get_request("/", "X-Padding: " + std::string(8000, 'p') + "\r\n"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 431U);
  EXPECT_EQ(response->body(), R"({"label":"L431","message":"request header too large"})");
  EXPECT_EQ(counting.handled.load(), 0);
}

TEST(ServerLimits, SlowlorisHeaderIsCutAfterTheHeaderTimeout) {
  ServerOptions options = test_server_options();
  options.header_timeout = 300ms;
  CountingServer counting(options);

  RawClient stalled(counting.server->port());
  ASSERT_TRUE(stalled.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
  EXPECT_TRUE(stalled.wait_closed(5s));

  // Trickling a byte at a time does not extend the deadline.
  RawClient trickler(counting.server->port());
  bool closed = false;
  for (int i = 0; i < 50 && !closed; ++i) {
    trickler.write(i == 0 ? "GET / HTTP/1.1\r\n" : "X");
    closed = trickler.wait_closed(100ms);
  }
  EXPECT_TRUE(closed);

  // A connection that never sends a byte is cut too.
  RawClient silent(counting.server->port());
  EXPECT_TRUE(silent.wait_closed(5s));
  EXPECT_EQ(counting.handled.load(), 0);
}

TEST(ServerLimits, IdleKeptAliveConnectionIsClosedAfterTheIdleTimeout) {
  ServerOptions options = test_server_options();
  options.idle_timeout = 300ms;
  CountingServer counting(options);
  RawClient client(counting.server->port());
  ASSERT_TRUE(client.exchange(get_request("/")).has_value());
  EXPECT_TRUE(client.wait_closed(5s));
  EXPECT_TRUE(test::eventually([&] { return counting.server->connection_count() == 0; }));
}

TEST(ServerLimits, ThousandsOfIdleSocketsDoNotStopNormalService) {
  ServerOptions options = test_server_options();
  options.header_timeout = 60s;
  CountingServer counting(options);

  constexpr std::size_t idle_count = 2000;
  boost::asio::io_context io;
  std::vector<boost::asio::ip::tcp::socket> idle;
  idle.reserve(idle_count);
  boost::asio::ip::tcp::endpoint const endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                counting.server->port());
  for (std::size_t i = 0; i < idle_count; ++i) {
    idle.emplace_back(io);
    idle.back().connect(endpoint);
  }
  EXPECT_TRUE(test::eventually([&] { return counting.server->connection_count() == idle_count; }))
      << counting.server->connection_count();

  RawClient client(counting.server->port());
  auto response = client.exchange(get_request("/"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 200U);

  idle.clear();
  EXPECT_TRUE(test::eventually([&] { return counting.server->connection_count() == 1; }))
      << counting.server->connection_count();
}

TEST(ServerLimits, ConnectionsBeyondTheCapAreClosedOnAccept) {
  ServerOptions options = test_server_options();
  options.max_connections = 3;
  CountingServer counting(options);
  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<RawClient>(counting.server->port()));
  ASSERT_TRUE(test::eventually([&] { return counting.server->connection_count() == 3; }));

  RawClient refused(counting.server->port());
  EXPECT_TRUE(refused.wait_closed(5s));

  held.pop_back();
  ASSERT_TRUE(test::eventually([&] { return counting.server->connection_count() == 2; }));
  RawClient admitted(counting.server->port());
  auto response = admitted.exchange(get_request("/"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 200U);
}

}  // namespace
}  // namespace tradelink::net
