// Keep-alive pooling: reuse, Connection: close, stale connections, idle expiry, pool size.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "net/http_client.hpp"
#include "support/run_until.hpp"
#include "unit/net/http_test_helpers.hpp"

namespace tradelink::net {
namespace {

using namespace client_test;
using test::LoopbackHttpServer;
using test::RecordedRequest;
using test::Reply;

TEST(HttpClientPool, SequentialRequestsShareOneConnection) {
  LoopbackHttpServer server(echo_method_and_target);
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  for (int i = 0; i < 5; ++i) {
    auto const response = client.send(origin_of(server), get("/n/" + std::to_string(i)));
    ASSERT_TRUE(response.has_value()) << response.error().message;
    EXPECT_EQ(response.value().body, "GET /n/" + std::to_string(i));
  }

  EXPECT_EQ(server.connection_count(), 1U);
  auto const requests = server.requests();
  ASSERT_EQ(requests.size(), 5U);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(requests[i].connection, 1U);
    EXPECT_EQ(requests[i].index_on_connection, i + 1);
  }
  PoolStats const stats = client.stats();
  EXPECT_EQ(stats.connections_opened, 1U);
  EXPECT_EQ(stats.requests_sent, 5U);
  EXPECT_EQ(stats.requests_on_reused_connection, 4U);
  EXPECT_EQ(stats.stale_retries, 0U);
  EXPECT_EQ(stats.idle_connections, 1U);
}

TEST(HttpClientPool, ServerConnectionCloseIsRespected) {
  LoopbackHttpServer server(
      [](RecordedRequest const&) { return Reply::text(200, "bye").closing(); });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(client.send(origin_of(server), get("/close")).has_value());

  EXPECT_EQ(server.connection_count(), 3U);
  EXPECT_EQ(client.stats().connections_opened, 3U);
  EXPECT_EQ(client.stats().requests_on_reused_connection, 0U);
  EXPECT_EQ(client.stats().idle_connections, 0U);
}

TEST(HttpClientPool, CallerConnectionCloseIsNotPooled) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  HttpRequest request = get("/once");
  request.headers = {{"Connection", "close"}};

  ASSERT_TRUE(client.send(origin_of(server), request).has_value());
  ASSERT_TRUE(client.send(origin_of(server), request).has_value());

  EXPECT_EQ(server.connection_count(), 2U);
  EXPECT_EQ(client.stats().idle_connections, 0U);
}

TEST(HttpClientPool, ConnectionClosedByServerWhileIdleIsReplacedTransparently) {
  LoopbackHttpServer server(echo_method_and_target);
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  ASSERT_TRUE(client.send(origin_of(server), get("/first")).has_value());

  server.close_idle_connections();
  auto const response = client.send(origin_of(server), get("/second"));

  ASSERT_TRUE(response.has_value()) << response.error().message;
  EXPECT_EQ(response.value().body, "GET /second");
  EXPECT_EQ(server.connection_count(), 2U);
  EXPECT_EQ(client.stats().connections_opened, 2U);
}

TEST(HttpClientPool, StaleConnectionFailingBeforeAnyResponseByteIsRetriedOnAFreshOne) {
  // The second request on a connection is dropped unanswered, as by a server that closed the
  // idle connection just as the request went out.
  LoopbackHttpServer server([](RecordedRequest const& request) {
    if (request.index_on_connection > 1) return Reply::hang_up();
    return echo_method_and_target(request);
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  ASSERT_TRUE(client.send(origin_of(server), get("/first")).has_value());

  auto const response = client.send(origin_of(server), post("/second", "payload"));

  ASSERT_TRUE(response.has_value()) << response.error().message;
  EXPECT_EQ(response.value().body, "POST /second");
  PoolStats const stats = client.stats();
  EXPECT_EQ(stats.stale_retries, 1U);
  EXPECT_EQ(stats.connections_opened, 2U);
  EXPECT_EQ(stats.requests_sent, 3U);
  auto const requests = server.requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[1].connection, 1U);
  EXPECT_EQ(requests[2].connection, 2U);
  EXPECT_EQ(requests[2].body, "payload");
}

TEST(HttpClientPool, StaleRetryHappensOnlyOnce) {
  LoopbackHttpServer server([](RecordedRequest const& request) {
    if (request.connection == 1 && request.index_on_connection == 1) return Reply::text(200, "ok");
    return Reply::hang_up();
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  ASSERT_TRUE(client.send(origin_of(server), get("/first")).has_value());

  auto const response = client.send(origin_of(server), get("/second"));

  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error().code, "net.reset");
  EXPECT_TRUE(response.error().retryable());
  EXPECT_EQ(client.stats().stale_retries, 1U);
  EXPECT_EQ(server.request_count(), 3U);
  EXPECT_EQ(server.connection_count(), 2U);
}

TEST(HttpClientPool, FreshConnectionHangingUpIsNotRetried) {
  LoopbackHttpServer server([](RecordedRequest const&) { return Reply::hang_up(); });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  auto const response = client.send(origin_of(server), post("/order", "{}"));

  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error().code, "net.reset");
  EXPECT_EQ(server.request_count(), 1U);
  EXPECT_EQ(client.stats().stale_retries, 0U);
}

TEST(HttpClientPool, IdleConnectionsAreClosedAfterIdleTimeout) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  ClientOptions options = quick_options();
  options.idle_timeout = 100ms;
  HttpClient client(io, options);
  ASSERT_TRUE(client.send(origin_of(server), get("/first")).has_value());
  ASSERT_EQ(client.stats().idle_connections, 1U);

  EXPECT_TRUE(test::run_until(
      io, [&] { return client.stats().idle_connections == 0; }, 5s));
  ASSERT_TRUE(client.send(origin_of(server), get("/second")).has_value());

  EXPECT_EQ(server.connection_count(), 2U);
  EXPECT_EQ(client.stats().requests_on_reused_connection, 0U);
}

TEST(HttpClientPool, KeepsAtMostMaxIdlePerOrigin) {
  LoopbackHttpServer server(
      [](RecordedRequest const&) { return Reply::text(200, "slow").after(100ms); });
  boost::asio::io_context io;
  ClientOptions options = quick_options();
  options.max_idle_per_origin = 2;
  HttpClient client(io, options);
  int completed = 0;

  for (int i = 0; i < 4; ++i) {
    client.async_send(origin_of(server), get("/parallel"),
                      [&](core::Result<HttpResponse> response) {
                        EXPECT_TRUE(response.has_value());
                        ++completed;
                      });
  }
  ASSERT_TRUE(test::run_until(io, [&] { return completed == 4; }));

  EXPECT_EQ(server.connection_count(), 4U);
  EXPECT_EQ(client.stats().idle_connections, 2U);
}

TEST(HttpClientPool, OriginsArePooledSeparately) {
  LoopbackHttpServer first(echo_method_and_target);
  LoopbackHttpServer second(echo_method_and_target);
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(client.send(origin_of(first), get("/a")).has_value());
    ASSERT_TRUE(client.send(origin_of(second), get("/b")).has_value());
  }

  EXPECT_EQ(first.connection_count(), 1U);
  EXPECT_EQ(second.connection_count(), 1U);
  EXPECT_EQ(client.stats().idle_connections, 2U);
}

}  // namespace
}  // namespace tradelink::net
