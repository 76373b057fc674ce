// RequestBuilder: the request sent for an Endpoint, signed over exactly the bytes sent, and the
// same request whether it is built into a fresh object or into one reused from earlier calls.

#include "venues/gateio/rest/request_builder.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "net/http_types.hpp"
#include "venues/gateio/rest/order_endpoints.hpp"
#include "venues/gateio/rest/request_bodies.hpp"
#include "venues/gateio/rest/signer.hpp"
#include "venues/gateio/rest/timestamp_text.hpp"

namespace tradelink::gateio {
namespace {

constexpr char const* api_key = "7c9e6679f4a24c5b8e1d2a3b4c5d6e7f";
constexpr char const* timestamp = "1700000000";

Signer make_signer() {
  return Signer(Credential(api_key, crypto::SecretString("s3cret")));
}

Endpoint order_post() {
  Endpoint endpoint;
  endpoint.method = net::Method::post;
  endpoint.path = "/spot/orders";
  endpoint.body = R"({"currency_pair":"BTC_USDT","side":"buy","amount":"1"})";
  endpoint.auth = Auth::signed_call;
  return endpoint;
}

Endpoint orders_get() {
  Endpoint endpoint;
  endpoint.path = "/spot/orders";
  endpoint.query = "currency_pair=BTC_USDT&status=open";
  endpoint.auth = Auth::signed_call;
  return endpoint;
}

Endpoint public_get() {
  Endpoint endpoint;
  endpoint.path = "/spot/time";
  return endpoint;
}

std::vector<std::string> header_names(net::HttpRequest const& request) {
  std::vector<std::string> names;
  for (auto const& header : request.headers) names.push_back(header.name);
  return names;
}

std::string header(net::HttpRequest const& request, std::string_view name) {
  for (auto const& header : request.headers) {
    if (header.name == name) return header.value;
  }
  return "<absent>";
}

void expect_same(net::HttpRequest const& actual, net::HttpRequest const& expected) {
  EXPECT_EQ(actual.method, expected.method);
  EXPECT_EQ(actual.target, expected.target);
  EXPECT_EQ(actual.body, expected.body);
  ASSERT_EQ(header_names(actual), header_names(expected));
  for (std::size_t i = 0; i < actual.headers.size(); ++i) {
    EXPECT_EQ(actual.headers[i].value, expected.headers[i].value) << actual.headers[i].name;
  }
}

net::HttpRequest fresh(RequestBuilder& builder, Endpoint const& endpoint) {
  net::HttpRequest request;
  builder.build(endpoint, timestamp, request);
  return request;
}

TEST(RequestBuilder, SignedPostCarriesGateHeadersAndTheSignatureOfItsBytes) {
  Signer const signer = make_signer();
  RequestBuilder builder({"/api/v4", true}, &signer);
  net::HttpRequest const request = fresh(builder, order_post());

  EXPECT_EQ(request.method, net::Method::post);
  EXPECT_EQ(request.target, "/api/v4/spot/orders");
  EXPECT_EQ(request.body, order_post().body);
  EXPECT_EQ(header_names(request),
            (std::vector<std::string>{"Accept", "Content-Type", "X-Gate-Size-Decimal", "KEY",
                                      "Timestamp", "SIGN"}));
  EXPECT_EQ(header(request, "Content-Type"), "application/json");
  EXPECT_EQ(header(request, "KEY"), api_key);
  EXPECT_EQ(header(request, "Timestamp"), timestamp);
  RestSignature const expected =
      signer.sign_rest({"POST", "/api/v4/spot/orders", "", request.body, timestamp});
  EXPECT_EQ(header(request, "SIGN"), view(expected.sign));
}

TEST(RequestBuilder, QueryIsSignedApartFromThePathAndSentAfterIt) {
  Signer const signer = make_signer();
  RequestBuilder builder({"/api/v4", false}, &signer);
  net::HttpRequest const request = fresh(builder, orders_get());

  EXPECT_EQ(request.target, "/api/v4/spot/orders?currency_pair=BTC_USDT&status=open");
  EXPECT_TRUE(request.body.empty());
  EXPECT_EQ(header_names(request),
            (std::vector<std::string>{"Accept", "KEY", "Timestamp", "SIGN"}));
  RestSignature const expected = signer.sign_rest(
      {"GET", "/api/v4/spot/orders", "currency_pair=BTC_USDT&status=open", "", timestamp});
  EXPECT_EQ(header(request, "SIGN"), view(expected.sign));
}

TEST(RequestBuilder, WithoutASignerSignedEndpointsGoOutUnsigned) {
  RequestBuilder builder({"/api/v4", true}, nullptr);
  net::HttpRequest const request = fresh(builder, order_post());
  EXPECT_EQ(header_names(request),
            (std::vector<std::string>{"Accept", "Content-Type", "X-Gate-Size-Decimal"}));
}

TEST(RequestBuilder, AReusedRequestEndsUpAsAFreshOne) {
  Signer const signer = make_signer();
  RequestBuilder builder({"/api/v4", true}, &signer);
  net::HttpRequest reused;
  // Shapes in an order that grows, shrinks and reorders the header list; the HTTP client's own
  // Host and User-Agent headers are left at the end as a recycled request has them.
  for (Endpoint const& endpoint :
       {order_post(), public_get(), orders_get(), order_post(), public_get(), order_post()}) {
    builder.build(endpoint, timestamp, reused);
    expect_same(reused, fresh(builder, endpoint));
    reused.headers.push_back({"Host", "api.gateio.ws"});
    reused.headers.push_back({"User-Agent", "tradelink/0.1"});
  }
}

TEST(RequestBuilder, SteadyRequestsReuseTheBuffersOfTheRequest) {
  Signer const signer = make_signer();
  RequestBuilder builder({"/api/v4", true}, &signer);
  net::HttpRequest request;
  builder.build(order_post(), timestamp, request);
  char const* const body = request.body.data();
  char const* const sign = request.headers.back().value.data();
  net::Header const* const headers = request.headers.data();

  builder.build(order_post(), "1700000001", request);

  EXPECT_EQ(request.body.data(), body);
  EXPECT_EQ(request.headers.data(), headers);
  EXPECT_EQ(request.headers.back().value.data(), sign);
  EXPECT_EQ(header(request, "Timestamp"), "1700000001");
}

TEST(OrderEndpoints, SpotPlacementIsSignedLimitedPerPairAndNeverReplayed) {
  SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.side = OrderSide::sell;
  order.amount = core::Decimal::parse("0.5").value();
  auto const endpoint = spot_order_endpoint(order);
  ASSERT_TRUE(endpoint.has_value()) << endpoint.error().message;
  EXPECT_EQ(endpoint->method, net::Method::post);
  EXPECT_EQ(endpoint->path, "/spot/orders");
  EXPECT_TRUE(endpoint->query.empty());
  EXPECT_EQ(endpoint->body, serialize_spot_order(order).value());
  EXPECT_EQ(endpoint->auth, Auth::signed_call);
  EXPECT_EQ(endpoint->group, EndpointGroup::spot_place);
  EXPECT_EQ(endpoint->limit_key, "BTC_USDT");
  EXPECT_EQ(endpoint->replay, Replay::unsafe);
}

TEST(OrderEndpoints, FuturesPlacementUsesOneBucketPerAccount) {
  FuturesOrderRequest order;
  order.contract = "BTC_USDT";
  order.size = core::Decimal::parse("2").value();
  auto const endpoint = futures_order_endpoint(order);
  ASSERT_TRUE(endpoint.has_value()) << endpoint.error().message;
  EXPECT_EQ(endpoint->path, "/futures/usdt/orders");
  EXPECT_EQ(endpoint->body, serialize_futures_order(order).value());
  EXPECT_EQ(endpoint->group, EndpointGroup::futures_place);
  EXPECT_TRUE(endpoint->limit_key.empty());
  EXPECT_EQ(endpoint->replay, Replay::unsafe);
}

TEST(OrderEndpoints, InvalidOrdersFailWithTheBodyError) {
  SpotOrderRequest order;
  order.amount = core::Decimal::parse("1").value();  // no currency pair
  auto const endpoint = spot_order_endpoint(order);
  ASSERT_FALSE(endpoint.has_value());
  EXPECT_EQ(endpoint.error().code, "gateio.request");
}

TEST(OrderEndpoints, ARecycledEndpointIsOverwrittenWholeAndKeepsItsBuffer) {
  // What a transport hands back after a finished read: every field set to something else.
  Endpoint recycled;
  recycled.method = net::Method::get;
  recycled.path = "/spot/my_trades/with/a/path/longer/than/the/small/string/buffer";
  recycled.query = "currency_pair=ETH_USDT&limit=100";
  recycled.body = std::string(400, 'x');
  recycled.auth = Auth::public_call;
  recycled.group = EndpointGroup::spot_other;
  recycled.limit_key = "/spot/my_trades";
  recycled.replay = Replay::safe;
  char const* const body_buffer = recycled.body.data();

  SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.side = OrderSide::buy;
  order.amount = core::Decimal::parse("0.001").value();
  order.price = core::Decimal::parse("65000.5").value();
  order.text = "t-recycled";
  ASSERT_TRUE(order_endpoint(order, recycled).has_value());

  auto const fresh = spot_order_endpoint(order).value();
  EXPECT_EQ(recycled.method, fresh.method);
  EXPECT_EQ(recycled.path, fresh.path);
  EXPECT_EQ(recycled.query, fresh.query);
  EXPECT_EQ(recycled.body, fresh.body);
  EXPECT_EQ(recycled.auth, fresh.auth);
  EXPECT_EQ(recycled.group, fresh.group);
  EXPECT_EQ(recycled.limit_key, fresh.limit_key);
  EXPECT_EQ(recycled.replay, fresh.replay);
  EXPECT_EQ(recycled.body.data(), body_buffer);  // written in place, not reallocated
}

TEST(OrderEndpoints, AnInvalidOrderLeavesTheRecycledEndpointAsItWas) {
  Endpoint recycled;
  recycled.path = "/futures/usdt/orders";
  recycled.body = R"({"contract":"BTC_USDT","size":"1","price":"0"})";
  Endpoint const before = recycled;

  FuturesOrderRequest order;
  order.size = core::Decimal::parse("1").value();  // no contract
  auto const filled = order_endpoint(order, recycled);
  ASSERT_FALSE(filled.has_value());
  EXPECT_EQ(filled.error().code, "gateio.request");
  EXPECT_EQ(recycled.path, before.path);
  EXPECT_EQ(recycled.body, before.body);
}

TEST(TimestampText, FormatsTheSecondAndFollowsTheClock) {
  TimestampText text;
  EXPECT_EQ(text.of(1'700'000'000), "1700000000");
  EXPECT_EQ(text.of(1'700'000'000), "1700000000");
  EXPECT_EQ(text.of(1'700'000'001), "1700000001");
  EXPECT_EQ(text.of(0), "0");
  EXPECT_EQ(text.of(-5), "-5");
}

TEST(SigningContext, SignsLikeTheSignerRequestAfterRequest) {
  Signer const signer = make_signer();
  SigningContext context(signer);
  EXPECT_EQ(context.api_key(), api_key);
  std::string const long_query(10'000, 'a');  // beyond the stack buffer of the signature string
  for (RestRequestParts const& parts :
       {RestRequestParts{"POST", "/api/v4/spot/orders", "", R"({"a":1})", "1700000000"},
        RestRequestParts{"GET", "/api/v4/spot/accounts", "currency=BTC", "", "1700000001"},
        RestRequestParts{"POST", "/api/v4/spot/orders", "", R"({"a":1})", "1700000000"},
        RestRequestParts{"GET", "/api/v4/spot/orders", long_query, "", "1"}}) {
    RestSignature const signature = context.sign_rest(parts);
    EXPECT_EQ(view(signature.sign), view(signer.sign_rest(parts).sign));
    EXPECT_EQ(signature.key, api_key);
    EXPECT_EQ(signature.timestamp, parts.timestamp);
  }
}

}  // namespace
}  // namespace tradelink::gateio
