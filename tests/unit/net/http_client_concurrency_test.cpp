// Many calls in flight on one io_context, and tearing the client down under them.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <map>
#include <memory>

#include "net/http_client.hpp"
#include "support/run_until.hpp"
#include "unit/net/http_test_helpers.hpp"

namespace tradelink::net {
namespace {

using namespace client_test;
using test::LoopbackHttpServer;
using test::RecordedRequest;
using test::Reply;

TEST(HttpClientConcurrency, TwentyRequestsInFlightAllComplete) {
  LoopbackHttpServer server(
      [](RecordedRequest const& request) { return Reply::text(200, request.target).after(50ms); });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  std::map<std::string, std::string> bodies;
  int failures = 0;

  for (int i = 0; i < 20; ++i) {
    std::string target = "/req/" + std::to_string(i);
    client.async_send(origin_of(server), get(target),
                      [&, target](core::Result<HttpResponse> response) {
                        if (!response) {
                          ++failures;
                          return;
                        }
                        bodies[target] = response.value().body;
                      });
  }
  ASSERT_TRUE(test::run_until(
      io, [&] { return bodies.size() + static_cast<std::size_t>(failures) == 20; }));

  EXPECT_EQ(failures, 0);
  for (auto const& [target, body] : bodies) EXPECT_EQ(body, target);
  EXPECT_EQ(server.request_count(), 20U);
  EXPECT_EQ(client.stats().requests_sent, 20U);
}

TEST(HttpClientConcurrency, ConnectionsAreReusedAcrossWaves) {
  LoopbackHttpServer server(
      [](RecordedRequest const& request) { return Reply::text(200, request.target).after(20ms); });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());  // keeps up to 8 idle

  for (int wave = 0; wave < 3; ++wave) {
    int completed = 0;
    for (int i = 0; i < 5; ++i) {
      client.async_send(origin_of(server), get("/wave"), [&](core::Result<HttpResponse> response) {
        EXPECT_TRUE(response.has_value());
        ++completed;
      });
    }
    ASSERT_TRUE(test::run_until(io, [&] { return completed == 5; }));
  }

  EXPECT_EQ(server.connection_count(), 5U);
  EXPECT_EQ(client.stats().requests_on_reused_connection, 10U);
}

TEST(HttpClientConcurrency, DestroyingTheClientWithCallsInFlightDropsTheirHandlers) {
  LoopbackHttpServer server(
      [](RecordedRequest const&) { return Reply::text(200, "late").after(500ms); });
  boost::asio::io_context io;
  auto client = std::make_unique<HttpClient>(io, quick_options());
  int invoked = 0;
  for (int i = 0; i < 10; ++i) {
    client->async_send(origin_of(server), get("/pending"),
                       [&](core::Result<HttpResponse>) { ++invoked; });
  }
  ASSERT_TRUE(test::run_until(io, [&] { return server.request_count() == 10; }));

  client.reset();
  test::run_for(io, 800ms);

  EXPECT_EQ(invoked, 0);
  EXPECT_TRUE(io.stopped()) << "cancelled operations should have drained, leaving no work";
}

TEST(HttpClientConcurrency, DestroyingTheClientBeforeTheIoContextRunsIsSafe) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  int invoked = 0;
  {
    HttpClient client(io, quick_options());
    for (int i = 0; i < 5; ++i) {
      client.async_send(origin_of(server), get("/never"),
                        [&](core::Result<HttpResponse>) { ++invoked; });
    }
  }
  test::run_for(io, 200ms);

  EXPECT_EQ(invoked, 0);
}

TEST(HttpClientConcurrency, HandlerMayDestroyTheClient) {
  LoopbackHttpServer server(echo_method_and_target);
  boost::asio::io_context io;
  auto client = std::make_unique<HttpClient>(io, quick_options());
  int invoked = 0;
  for (int i = 0; i < 3; ++i) {
    client->async_send(origin_of(server), get("/one"), [&](core::Result<HttpResponse> response) {
      EXPECT_TRUE(response.has_value());
      ++invoked;
      client.reset();
    });
  }

  test::run_until(
      io, [&] { return io.stopped(); }, 2s);

  EXPECT_EQ(invoked, 1);
  EXPECT_EQ(client, nullptr);
}

TEST(HttpClientConcurrency, DestroyingTheClientClosesIdleConnections) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  auto client = std::make_unique<HttpClient>(io, quick_options());
  ASSERT_TRUE(client->send(origin_of(server), get("/x")).has_value());
  ASSERT_EQ(client->stats().idle_connections, 1U);

  client.reset();
  // The idle timer was the last pending work; with it cancelled, run() returns at once.
  auto const started = std::chrono::steady_clock::now();
  io.restart();
  io.run();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
}

}  // namespace
}  // namespace tradelink::net
