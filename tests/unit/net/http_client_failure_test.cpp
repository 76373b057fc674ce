// Failures and limits: timeouts, unreachable hosts, resets, oversized responses, redirects,
// malformed responses. Timing assertions are generous upper bounds only.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>

#include "net/http_client.hpp"
#include "unit/net/http_test_helpers.hpp"

namespace tradelink::net {
namespace {

using namespace client_test;
using test::LoopbackHttpServer;
using test::RecordedRequest;
using test::Reply;
using Clock = std::chrono::steady_clock;

constexpr char const* planted_secret = "planted-secret-6f1e2d";

/// A request carrying credentials that must never show up in an error message.
HttpRequest signed_get(std::string target) {
  HttpRequest request = get(std::move(target));
  request.headers = {{"KEY", planted_secret}, {"SIGN", planted_secret}};
  return request;
}

void expect_transport_error(core::Result<HttpResponse> const& result, std::string_view code,
                            bool retryable) {
  ASSERT_FALSE(result.has_value())
      << "expected " << code << ", got status " << result.value().status;
  EXPECT_EQ(result.error().code, code) << result.error().message;
  EXPECT_EQ(result.error().layer, core::ErrorLayer::transport);
  EXPECT_EQ(result.error().retryable(), retryable);
  EXPECT_EQ(result.error().message.find(planted_secret), std::string::npos)
      << result.error().message;
}

/// A port on 127.0.0.1 with nothing listening on it.
std::uint16_t closed_port() {
  LoopbackHttpServer server;
  std::uint16_t const port = server.port();
  server.stop();
  return port;
}

TEST(HttpClientFailure, ReadTimeoutFiresAndTheClientStaysUsable) {
  LoopbackHttpServer server([](RecordedRequest const& request) {
    if (request.target == "/slow") return Reply::text(200, "late").after(3s);
    return echo_method_and_target(request);
  });
  boost::asio::io_context io;
  ClientOptions options = quick_options();
  options.read_timeout = 200ms;
  HttpClient client(io, options);

  auto const started = Clock::now();
  auto const slow = client.send(origin_of(server), signed_get("/slow"));
  auto const waited = Clock::now() - started;

  expect_transport_error(slow, "net.timeout", true);
  EXPECT_LT(waited, 5s);
  EXPECT_NE(slow.error().message.find("reading the response"), std::string::npos);
  auto const next = client.send(origin_of(server), get("/fast"));
  ASSERT_TRUE(next.has_value()) << next.error().message;
  EXPECT_EQ(next.value().body, "GET /fast");
  // The timed-out connection was not pooled: the second request needed a new one.
  EXPECT_EQ(server.connection_count(), 2U);
  EXPECT_EQ(client.stats().requests_on_reused_connection, 0U);
}

TEST(HttpClientFailure, TotalTimeoutBoundsTheWholeCall) {
  LoopbackHttpServer server(
      [](RecordedRequest const&) { return Reply::text(200, "late").after(3s); });
  boost::asio::io_context io;
  ClientOptions options = quick_options();
  options.read_timeout = 10s;
  options.total_timeout = 200ms;
  HttpClient client(io, options);

  auto const started = Clock::now();
  auto const result = client.send(origin_of(server), get("/slow"));

  expect_transport_error(result, "net.timeout", true);
  EXPECT_LT(Clock::now() - started, 5s);
}

TEST(HttpClientFailure, ConnectTimeoutCoversTheTlsHandshake) {
  // A listener that never accepts: the kernel completes the TCP handshake, nobody answers
  // the TLS ClientHello.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(
      io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  ClientOptions options = quick_options();
  options.connect_timeout = 200ms;
  HttpClient client(io, options);
  Origin const origin =
      Origin::parse("https://127.0.0.1:" + std::to_string(silent.local_endpoint().port())).value();

  auto const started = Clock::now();
  auto const result = client.send(origin, get("/"));

  expect_transport_error(result, "net.timeout", true);
  EXPECT_LT(Clock::now() - started, 5s);
  EXPECT_NE(result.error().message.find("TLS handshake"), std::string::npos)
      << result.error().message;
}

TEST(HttpClientFailure, ClosedPortIsAConnectError) {
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  Origin const origin = Origin::parse("http://127.0.0.1:" + std::to_string(closed_port())).value();

  auto const result = client.send(origin, signed_get("/"));

  expect_transport_error(result, "net.connect", true);
  EXPECT_NE(result.error().message.find(origin.pool_key()), std::string::npos);
}

TEST(HttpClientFailure, UnresolvableHostIsAResolveError) {
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  auto const result =
      client.send(Origin::parse("http://nonexistent.invalid").value(), signed_get("/"));

  expect_transport_error(result, "net.resolve", false);
  EXPECT_NE(result.error().message.find("nonexistent.invalid"), std::string::npos);
}

TEST(HttpClientFailure, ResetMidResponseIsAResetError) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    Reply reply = Reply::text(200, std::string(200'000, 'x'));
    reply.cut_after = 1'000;
    reply.ending = Reply::Ending::reset;
    return reply;
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  auto const result = client.send(origin_of(server), signed_get("/big"));

  expect_transport_error(result, "net.reset", true);
  EXPECT_EQ(client.stats().idle_connections, 0U);
}

TEST(HttpClientFailure, ResetWithoutAnswerIsAResetError) {
  LoopbackHttpServer server([](RecordedRequest const&) { return Reply::reset(); });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  expect_transport_error(client.send(origin_of(server), get("/")), "net.reset", true);
}

TEST(HttpClientFailure, CloseMidBodyIsAResetError) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    Reply reply = Reply::text(200, std::string(10'000, 'x'));
    reply.cut_after = 500;
    reply.ending = Reply::Ending::close;
    return reply;
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  expect_transport_error(client.send(origin_of(server), get("/")), "net.reset", true);
}

class HttpClientSizeCap : public ::testing::Test {
 protected:
  static ClientOptions capped() {
    ClientOptions options = quick_options();
    options.max_response_bytes = 64 * 1024;
    return options;
  }
};

TEST_F(HttpClientSizeCap, BodyOverTheCapIsRefused) {
  LoopbackHttpServer server(
      [](RecordedRequest const&) { return Reply::text(200, std::string(1 << 20, 'x')); });
  boost::asio::io_context io;
  HttpClient client(io, capped());

  expect_transport_error(client.send(origin_of(server), signed_get("/huge")),
                         "net.response_too_large", false);
  EXPECT_EQ(client.stats().idle_connections, 0U);
}

TEST_F(HttpClientSizeCap, HeaderPlusBodyCountTowardsTheCap) {
  // The body alone fits; with a 10 KiB header the response does not.
  LoopbackHttpServer server([](RecordedRequest const&) {
    return Reply::text(200, std::string(60 * 1024, 'x'))
        .with_header("X-Padding", std::string(10 * 1024, 'p'));
  });
  boost::asio::io_context io;
  HttpClient client(io, capped());

  expect_transport_error(client.send(origin_of(server), get("/padded")), "net.response_too_large",
                         false);
}

TEST_F(HttpClientSizeCap, ChunkedBodyOverTheCapIsRefused) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    std::string const chunk(16 * 1024, 'c');
    Reply reply;
    reply.raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 8; ++i) *reply.raw += "4000\r\n" + chunk + "\r\n";
    *reply.raw += "0\r\n\r\n";
    return reply;
  });
  boost::asio::io_context io;
  HttpClient client(io, capped());

  expect_transport_error(client.send(origin_of(server), get("/chunked")), "net.response_too_large",
                         false);
}

TEST_F(HttpClientSizeCap, HeaderOverTheCapIsRefused) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    return Reply::text(200, "small").with_header("X-Huge", std::string(100 * 1024, 'h'));
  });
  boost::asio::io_context io;
  HttpClient client(io, capped());

  expect_transport_error(client.send(origin_of(server), get("/")), "net.response_too_large", false);
}

TEST_F(HttpClientSizeCap, ResponseUnderTheCapPasses) {
  LoopbackHttpServer server(
      [](RecordedRequest const&) { return Reply::text(200, std::string(60 * 1024, 'x')); });
  boost::asio::io_context io;
  HttpClient client(io, capped());

  auto const result = client.send(origin_of(server), get("/fits"));

  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result.value().body.size(), 60U * 1024U);
}

TEST(HttpClientFailure, RedirectsAreRefusedWithTheLocation) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    return Reply::text(302, "").with_header("Location", "https://elsewhere.example/api/v4");
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  auto const result = client.send(origin_of(server), signed_get("/api/v4/spot/accounts"));

  expect_transport_error(result, "net.redirect_refused", false);
  EXPECT_NE(result.error().message.find("https://elsewhere.example/api/v4"), std::string::npos);
  EXPECT_NE(result.error().message.find("302"), std::string::npos);
  EXPECT_EQ(server.request_count(), 1U);
  // The redirect response was complete, so its connection stays reusable.
  EXPECT_EQ(client.stats().idle_connections, 1U);
}

TEST(HttpClientFailure, MalformedResponseIsAProtocolError) {
  LoopbackHttpServer server([](RecordedRequest const&) {
    Reply reply;
    reply.raw = "SPDY/9 banana\r\n\r\n";
    return reply;
  });
  boost::asio::io_context io;
  HttpClient client(io, quick_options());

  expect_transport_error(client.send(origin_of(server), signed_get("/")), "net.protocol", false);
}

}  // namespace
}  // namespace tradelink::net
