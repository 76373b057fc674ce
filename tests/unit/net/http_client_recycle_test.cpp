// Finished calls hand their request objects back through HttpClient::recycled_request, so a
// caller that sends steadily refills the same buffers instead of allocating new ones.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <string>
#include <utility>

#include "net/http_client.hpp"
#include "unit/net/http_test_helpers.hpp"

namespace tradelink::net {
namespace {

using namespace client_test;
using test::LoopbackHttpServer;

TEST(HttpClientRecycling, WithoutFinishedCallsARecycledRequestIsNew) {
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  HttpRequest const request = client.recycled_request();
  EXPECT_TRUE(request.target.empty());
  EXPECT_TRUE(request.headers.empty());
  EXPECT_TRUE(request.body.empty());
}

TEST(HttpClientRecycling, AFinishedCallHandsItsRequestBackOnce) {
  LoopbackHttpServer server(echo_method_and_target);
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  HttpRequest request = post("/api/v4/spot/orders", std::string(300, 'x'));
  char const* const body_buffer = request.body.data();

  ASSERT_TRUE(client.send(origin_of(server), std::move(request)).has_value());

  HttpRequest recycled = client.recycled_request();
  EXPECT_EQ(recycled.body.data(), body_buffer);  // the same buffer, moved back, not copied
  EXPECT_EQ(recycled.target, "/api/v4/spot/orders");
  EXPECT_TRUE(client.recycled_request().target.empty());  // handed out once only
}

TEST(HttpClientRecycling, FailedCallsHandTheirRequestBackToo) {
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  HttpRequest invalid = get("no-leading-slash");

  EXPECT_FALSE(
      client.send(Origin::parse("http://127.0.0.1:1").value(), std::move(invalid)).has_value());

  EXPECT_EQ(client.recycled_request().target, "no-leading-slash");
}

TEST(HttpClientRecycling, ARecycledRequestIsSentWithWhatTheCallerWroteInto) {
  LoopbackHttpServer server(echo_method_and_target);
  boost::asio::io_context io;
  HttpClient client(io, quick_options());
  ASSERT_TRUE(client.send(origin_of(server), get("/first")).has_value());

  HttpRequest second = client.recycled_request();
  second.method = Method::get;
  second.target = "/second";
  second.headers.clear();
  second.body.clear();
  auto const response = client.send(origin_of(server), std::move(second));

  ASSERT_TRUE(response.has_value()) << response.error().message;
  EXPECT_EQ(response.value().body, "GET /second");
  auto const requests = server.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[1].target, "/second");
}

}  // namespace
}  // namespace tradelink::net
