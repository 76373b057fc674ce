// Request/response round trips: what the client puts on the wire and what it hands back.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <optional>

#include "net/http_client.hpp"
#include "support/run_until.hpp"
#include "unit/net/http_test_helpers.hpp"

namespace tradelink::net {
namespace {

using namespace client_test;
using test::LoopbackHttpServer;
using test::RecordedRequest;
using test::Reply;

TEST(HttpClientExchange, GetReturnsStatusHeadersAndBody) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    return Reply::json(200, R"({"server_time":1700000000123})")
        .with_header("X-Gate-Trace-Id", "abc123");
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  auto const response = client.send(origin_of(server), get("/api/v4/spot/time"));

  ASSERT_TRUE(response.has_value()) << response.error().message;
  EXPECT_EQ(response.value().status, 200U);
  EXPECT_EQ(response.value().body, R"({"server_time":1700000000123})");
  EXPECT_EQ(response.value().header("content-type"), "application/json");
  EXPECT_EQ(response.value().header("X-GATE-TRACE-ID"), "abc123");
  EXPECT_EQ(response.value().header("Absent"), "");
}

TEST(HttpClientExchange, SendsMethodTargetHeadersAndBodyVerbatim) {
  LoopbackHttpServer server([](RecordedRequest const&) { return Reply::json(201, "{}"); });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  HttpRequest request = post("/api/v4/spot/orders?account=spot", R"({"currency_pair":"BTC_USDT"})");
  request.headers = {
      {"KEY", "k-123"}, {"Timestamp", "1700000000"}, {"Content-Type", "application/json"}};

  auto const response = client.send(origin_of(server), request);

  ASSERT_TRUE(response.has_value()) << response.error().message;
  EXPECT_EQ(response.value().status, 201U);
  auto const requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  RecordedRequest const& received = requests.front();
  EXPECT_EQ(received.method, "POST");
  EXPECT_EQ(received.target, "/api/v4/spot/orders?account=spot");
  EXPECT_EQ(received.body, R"({"currency_pair":"BTC_USDT"})");
  EXPECT_EQ(received.header("KEY"), "k-123");
  EXPECT_EQ(received.header("Timestamp"), "1700000000");
  EXPECT_EQ(received.header("Content-Type"), "application/json");
  EXPECT_EQ(received.header("Content-Length"), std::to_string(received.body.size()));
}

TEST(HttpClientExchange, AddsHostAndUserAgentOnlyWhenAbsent) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  ClientOptions options = quick_options();
  options.user_agent = "tradelink-test/1";
  HttpClient client(io, options);

  ASSERT_TRUE(client.send(origin_of(server), get("/defaults")).has_value());
  HttpRequest custom = get("/custom");
  custom.headers = {{"user-agent", "caller/2"}};
  ASSERT_TRUE(client.send(origin_of(server), custom).has_value());

  auto const requests = server.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].header("Host"), "127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(requests[0].header("User-Agent"), "tradelink-test/1");
  EXPECT_EQ(requests[1].header_count("User-Agent"), 1U);
  EXPECT_EQ(requests[1].header("User-Agent"), "caller/2");
  EXPECT_EQ(requests[1].header_count("Host"), 1U);
}

TEST(HttpClientExchange, EveryMethodIsSentByName) {
  LoopbackHttpServer server(echo_method_and_target);
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  for (Method const method :
       {Method::get, Method::post, Method::put, Method::patch, Method::delete_}) {
    HttpRequest request = get("/orders/1");
    request.method = method;
    auto const response = client.send(origin_of(server), request);
    ASSERT_TRUE(response.has_value()) << response.error().message;
    EXPECT_EQ(response.value().body, std::string(to_string(method)) + " /orders/1");
  }
}

TEST(HttpClientExchange, CallerContentLengthIsReplacedByTheBodySize) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  HttpRequest request = post("/x", "12345");
  request.headers = {{"Content-Length", "999"}};

  ASSERT_TRUE(client.send(origin_of(server), request).has_value());

  auto const requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].header_count("Content-Length"), 1U);
  EXPECT_EQ(requests[0].header("Content-Length"), "5");
  EXPECT_EQ(requests[0].body, "12345");
}

TEST(HttpClientExchange, ErrorStatusesAreResponsesNotErrors) {
  LoopbackHttpServer server(
      [](RecordedRequest const&) { return Reply::json(429, R"({"label":"TOO_MANY_REQUESTS"})"); });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  auto const response = client.send(origin_of(server), get("/limited"));

  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response.value().status, 429U);
  EXPECT_EQ(response.value().body, R"({"label":"TOO_MANY_REQUESTS"})");
}

TEST(HttpClientExchange, ChunkedResponsesAreDecoded) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    Reply reply;
    reply.raw =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n "
        "world\r\n0\r\n\r\n";
    return reply;
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  auto const response = client.send(origin_of(server), get("/chunked"));

  ASSERT_TRUE(response.has_value()) << response.error().message;
  EXPECT_EQ(response.value().body, "hello world");
}

TEST(HttpClientExchange, HandlerIsPostedNeverInvokedInline) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  bool returned = false;
  std::optional<bool> returned_before_success;
  std::optional<bool> returned_before_failure;

  client.async_send(origin_of(server), get("/ok"), [&](core::Result<HttpResponse> response) {
    EXPECT_TRUE(response.has_value());
    returned_before_success = returned;
  });
  // Fails validation before any I/O: the handler must still not run inside async_send.
  HttpRequest invalid = get("no-leading-slash");
  client.async_send(origin_of(server), invalid, [&](core::Result<HttpResponse> response) {
    EXPECT_FALSE(response.has_value());
    returned_before_failure = returned;
  });
  returned = true;

  ASSERT_TRUE(
      test::run_until(io, [&] { return returned_before_success && returned_before_failure; }));
  EXPECT_TRUE(*returned_before_success);
  EXPECT_TRUE(*returned_before_failure);
}

TEST(HttpClientExchange, InvalidRequestsAreRefusedBeforeTheWire) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  HttpRequest request = get("/x");
  request.headers = {{"SIGN", "deadbeef\r\nX-Injected: yes"}};

  auto const response = client.send(origin_of(server), request);

  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error().code, "net.invalid_request");
  EXPECT_EQ(response.error().message.find("deadbeef"), std::string::npos);
  EXPECT_EQ(server.request_count(), 0U);
  EXPECT_EQ(server.connection_count(), 0U);
}

TEST(HttpClientExchange, SendWorksAgainAfterTheIoContextRanOutOfWork) {
  LoopbackHttpServer server;
  boost::asio::io_context io;
  ClientOptions options = quick_options();
  options.max_idle_per_origin = 0;  // nothing pending between calls: io.run() returns
  HttpClient client(io, options);

  ASSERT_TRUE(client.send(origin_of(server), get("/one")).has_value());
  io.run();
  ASSERT_TRUE(io.stopped());
  auto const again = client.send(origin_of(server), get("/two"));
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(server.request_count(), 2U);
}

}  // namespace
}  // namespace tradelink::net
