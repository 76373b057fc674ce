// Request bytes for Gate.io (gateio-v4.md §2.1, §3.3, §3.5, §11): order and countdown bodies,
// client order ids, query strings; cross-checked against the SDK-produced signing vectors.
#include "venues/gateio/rest/request_bodies.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "venues/gateio/common/enums.hpp"

namespace tradelink::gateio {
namespace {

using core::operator""_dec;

/// The exact `body` of a REST case in the shared signing vectors (produced by the NodeJS SDK).
std::string vector_body(std::string_view id) {
  std::ifstream file(TRADELINK_VECTORS_FILE, std::ios::binary);
  if (!file) throw std::runtime_error("missing vectors file");
  std::ostringstream text;
  text << file.rdbuf();
  boost::json::value const vectors = boost::json::parse(text.str());
  for (auto const& entry : vectors.at("rest").as_array()) {
    if (entry.at("id").as_string() == id) return std::string(entry.at("body").as_string());
  }
  throw std::runtime_error("no vector " + std::string(id));
}

template <class T>
void expect_error(core::Result<T> const& result, std::string_view code,
                  std::string_view fragment = {}) {
  ASSERT_FALSE(result.has_value()) << "accepted: " << *result;
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().layer, core::ErrorLayer::validation);
  EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
}

SpotOrderRequest vector_spot_order() {
  SpotOrderRequest order;
  order.text = "t-abc123";
  order.currency_pair = "BTC_USDT";
  order.type = SpotOrderType::limit;
  order.account = SpotAccountType::spot;
  order.side = OrderSide::buy;
  order.amount = "0.001"_dec;
  order.price = "65000"_dec;
  order.time_in_force = TimeInForce::gtc;
  return order;
}

// --- spot orders ---------------------------------------------------------------------------------

TEST(RequestBodiesTest, SpotOrderMatchesTheSdkBytes) {
  auto const body = serialize_spot_order(vector_spot_order());
  ASSERT_TRUE(body.has_value()) << body.error().message;
  EXPECT_EQ(*body, vector_body("post_spot_order"));
}

TEST(RequestBodiesTest, SpotOrderWithOnlyRequiredFields) {
  SpotOrderRequest order;
  order.currency_pair = "ETH_USDT";
  order.side = OrderSide::sell;
  order.amount = "0.50"_dec;
  auto const body = serialize_spot_order(order);
  ASSERT_TRUE(body.has_value()) << body.error().message;
  EXPECT_EQ(*body, R"({"currency_pair":"ETH_USDT","side":"sell","amount":"0.5"})");
}

TEST(RequestBodiesTest, SpotOrderWithEveryField) {
  SpotOrderRequest order = vector_spot_order();
  order.type = SpotOrderType::market;
  order.price.reset();
  order.account = SpotAccountType::unified;
  order.time_in_force = TimeInForce::ioc;
  order.amount = "0.00000001"_dec;
  order.iceberg = "0"_dec;
  order.auto_borrow = false;
  order.auto_repay = true;
  order.stp_act = StpAction::cancel_both;
  order.action_mode = ActionMode::ack;
  order.slippage = "0.03"_dec;
  auto const body = serialize_spot_order(order);
  ASSERT_TRUE(body.has_value()) << body.error().message;
  EXPECT_EQ(*body,
            R"({"text":"t-abc123","currency_pair":"BTC_USDT","type":"market","account":"unified",)"
            R"("side":"buy","amount":"0.00000001","time_in_force":"ioc","iceberg":"0",)"
            R"("auto_borrow":false,"auto_repay":true,"stp_act":"cb","action_mode":"ACK",)"
            R"("slippage":"0.03"})");
}

TEST(RequestBodiesTest, SpotOrderValidation) {
  SpotOrderRequest order = vector_spot_order();
  order.currency_pair.clear();
  expect_error(serialize_spot_order(order), "gateio.request", "currency_pair");

  order = vector_spot_order();
  order.amount = "0"_dec;
  expect_error(serialize_spot_order(order), "gateio.request", "amount");

  order = vector_spot_order();
  order.price = "-1"_dec;
  expect_error(serialize_spot_order(order), "gateio.request", "price");

  order = vector_spot_order();
  order.text = "abc123";
  expect_error(serialize_spot_order(order), "gateio.client_order_id", "t-");

  order = vector_spot_order();
  order.currency_pair = "BTC\xff_USDT";
  expect_error(serialize_spot_order(order), "gateio.request", "UTF-8");
}

TEST(RequestBodiesTest, StringsAreEscapedAndUtf8PassesThrough) {
  SpotOrderRequest order;
  order.side = OrderSide::buy;
  order.amount = "1"_dec;
  order.currency_pair =
      std::string("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f \xe4\xba\xa4\xe6\x98\x93 t\xc3\xabst");
  auto const body = serialize_spot_order(order);
  ASSERT_TRUE(body.has_value()) << body.error().message;
  EXPECT_EQ(*body,
            "{\"currency_pair\":\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f "
            "\xe4\xba\xa4\xe6\x98\x93 t\xc3\xabst\",\"side\":\"buy\",\"amount\":\"1\"}");
  // Whatever we send must be JSON that reads back to the same string.
  boost::json::value const parsed = boost::json::parse(*body);
  EXPECT_EQ(parsed.at("currency_pair").as_string(), order.currency_pair);
}

// --- futures orders ------------------------------------------------------------------------------

FuturesOrderRequest vector_futures_order() {
  FuturesOrderRequest order;
  order.contract = "BTC_USDT";
  order.size = "-3"_dec;
  order.price = "0"_dec;
  order.tif = TimeInForce::ioc;
  order.text = "t-close-01";
  order.reduce_only = true;
  return order;
}

TEST(RequestBodiesTest, FuturesOrderMatchesTheSdkBytes) {
  auto const body = serialize_futures_order(vector_futures_order());
  ASSERT_TRUE(body.has_value()) << body.error().message;
  EXPECT_EQ(*body, vector_body("post_futures_order"));
}

TEST(RequestBodiesTest, FuturesOrderSizeEncodings) {
  FuturesOrderRequest order = vector_futures_order();
  auto const integer = serialize_futures_order(order, FuturesSizeEncoding::integer);
  ASSERT_TRUE(integer.has_value()) << integer.error().message;
  EXPECT_EQ(*integer,
            R"({"contract":"BTC_USDT","size":-3,"price":"0","tif":"ioc","text":"t-close-01",)"
            R"("reduce_only":true})");

  order.size = "0.25"_dec;
  auto const decimal = serialize_futures_order(order);
  ASSERT_TRUE(decimal.has_value()) << decimal.error().message;
  EXPECT_NE(decimal->find(R"("size":"0.25")"), std::string::npos);
  expect_error(serialize_futures_order(order, FuturesSizeEncoding::integer), "gateio.request",
               "X-Gate-Size-Decimal");
}

TEST(RequestBodiesTest, FuturesOrderWithEveryField) {
  FuturesOrderRequest order;
  order.contract = "ETH_USDT";
  order.size = "0"_dec;
  order.price = "3300.50"_dec;
  order.tif = TimeInForce::poc;
  order.text = "t-grid.7_b-1";
  order.reduce_only = false;
  order.close = false;
  order.iceberg = "2"_dec;
  order.auto_size = FuturesAutoSize::close_long;
  order.stp_act = StpAction::cancel_oldest;
  order.market_order_slip_ratio = "0.05"_dec;
  order.pos_margin_mode = PositionMarginMode::isolated;
  order.action_mode = ActionMode::result;
  auto const body = serialize_futures_order(order);
  ASSERT_TRUE(body.has_value()) << body.error().message;
  EXPECT_EQ(*body,
            R"({"contract":"ETH_USDT","size":"0","iceberg":"2","price":"3300.5","tif":"poc",)"
            R"("text":"t-grid.7_b-1","reduce_only":false,"close":false,"auto_size":"close_long",)"
            R"("stp_act":"co","market_order_slip_ratio":"0.05","pos_margin_mode":"isolated",)"
            R"("action_mode":"RESULT"})");
}

TEST(RequestBodiesTest, FuturesOrderValidation) {
  FuturesOrderRequest order = vector_futures_order();
  order.contract.clear();
  expect_error(serialize_futures_order(order), "gateio.request", "contract");
  order = vector_futures_order();
  order.price = "-0.1"_dec;
  expect_error(serialize_futures_order(order), "gateio.request", "price");
  order = vector_futures_order();
  order.text = "t-" + std::string(29, 'a');
  expect_error(serialize_futures_order(order), "gateio.client_order_id", "28");
}

// --- countdown -----------------------------------------------------------------------------------

TEST(RequestBodiesTest, CountdownBodies) {
  auto const spot = serialize_countdown_cancel(
      SpotCountdownCancelRequest{std::chrono::seconds{30}, std::string("BTC_USDT")});
  ASSERT_TRUE(spot.has_value()) << spot.error().message;
  EXPECT_EQ(*spot, R"({"timeout":30,"currency_pair":"BTC_USDT"})");

  auto const off = serialize_countdown_cancel(SpotCountdownCancelRequest{});
  ASSERT_TRUE(off.has_value()) << off.error().message;
  EXPECT_EQ(*off, R"({"timeout":0})");

  auto const futures = serialize_countdown_cancel(
      FuturesCountdownCancelRequest{std::chrono::seconds{10}, std::string("BTC_USDT")});
  ASSERT_TRUE(futures.has_value()) << futures.error().message;
  EXPECT_EQ(*futures, R"({"timeout":10,"contract":"BTC_USDT"})");

  expect_error(serialize_countdown_cancel(
                   FuturesCountdownCancelRequest{std::chrono::seconds{-1}, std::nullopt}),
               "gateio.request", "timeout");
  expect_error(serialize_countdown_cancel(
                   SpotCountdownCancelRequest{std::chrono::seconds{5}, std::string()}),
               "gateio.request", "currency_pair");
}

// --- client order ids ----------------------------------------------------------------------------

TEST(RequestBodiesTest, ClientOrderIdRules) {
  for (std::string const& valid : {std::string("t-abc123"), std::string("t-A.b_c-9"),
                                   std::string("t-x"), "t-" + std::string(28, 'z')}) {
    auto const result = validate_client_order_id(valid);
    ASSERT_TRUE(result.has_value()) << valid << ": " << result.error().message;
    EXPECT_EQ(*result, valid);
  }
  expect_error(validate_client_order_id("t-" + std::string(29, 'z')), "gateio.client_order_id",
               "29");
  expect_error(validate_client_order_id("t-"), "gateio.client_order_id", "1 to 28");
  expect_error(validate_client_order_id(""), "gateio.client_order_id", "t-");
  expect_error(validate_client_order_id("abc"), "gateio.client_order_id", "t-");
  expect_error(validate_client_order_id("T-abc"), "gateio.client_order_id", "t-");
  expect_error(validate_client_order_id("t-a b"), "gateio.client_order_id", "byte 3");
  expect_error(validate_client_order_id("t-\xc3\xa9"), "gateio.client_order_id", "byte 2");
  expect_error(validate_client_order_id("t-a/b"), "gateio.client_order_id", "[0-9A-Za-z_.-]");
}

// --- query strings -------------------------------------------------------------------------------

TEST(RequestBodiesTest, QueryKeepsOrderAndBytes) {
  EXPECT_EQ(build_query({}).value(), "");
  std::vector<QueryParam> const params{
      {"currency_pair", "BTC_USDT"}, {"status", "open"}, {"limit", "100"}, {"from", "-1"}};
  EXPECT_EQ(build_query(params).value(), "currency_pair=BTC_USDT&status=open&limit=100&from=-1");
  std::vector<QueryParam> const comma{{"currency_pairs", "BTC_USDT,ETH_USDT"}};
  EXPECT_EQ(build_query(comma).value(), "currency_pairs=BTC_USDT,ETH_USDT");
  std::vector<QueryParam> const decimal{{"leverage", "12.5"}};
  EXPECT_EQ(build_query(decimal).value(), "leverage=12.5");
}

TEST(RequestBodiesTest, QueryRefusesWhatWouldNeedEscaping) {
  for (std::string_view const bad : {"a b", "a&b", "a=b", "100%", "x+y", "\xc3\xa9", "a/b", "a?"}) {
    std::vector<QueryParam> const params{{"currency_pair", "BTC_USDT"}, {"text", bad}};
    expect_error(build_query(params), "gateio.query", "`text`");
  }
  std::vector<QueryParam> const empty_value{{"contract", ""}};
  expect_error(build_query(empty_value), "gateio.query", "empty value");
  std::vector<QueryParam> const empty_name{{"", "1"}};
  expect_error(build_query(empty_name), "gateio.query", "empty name");
  std::vector<QueryParam> const bad_name{{"a b", "1"}};
  expect_error(build_query(bad_name), "gateio.query", "name");
}

// --- enums ---------------------------------------------------------------------------------------

TEST(EnumsTest, WireSpellingsRoundTrip) {
  EXPECT_EQ(to_string(OrderSide::sell), "sell");
  EXPECT_EQ(to_string(TimeInForce::poc), "poc");
  EXPECT_EQ(to_string(SpotAccountType::cross_margin), "cross_margin");
  EXPECT_EQ(to_string(StpAction::cancel_newest), "cn");
  EXPECT_EQ(to_string(ActionMode::full), "FULL");
  EXPECT_EQ(to_string(FuturesAutoSize::close_short), "close_short");
  EXPECT_EQ(to_string(PositionMarginMode::cross), "cross");
  for (auto const tif : {TimeInForce::gtc, TimeInForce::ioc, TimeInForce::poc, TimeInForce::fok}) {
    EXPECT_EQ(parse_time_in_force(to_string(tif)), tif);
  }
  EXPECT_EQ(parse_order_side("buy"), OrderSide::buy);
  EXPECT_EQ(parse_spot_order_type("market"), SpotOrderType::market);
  EXPECT_EQ(parse_spot_account_type("unified"), SpotAccountType::unified);
  EXPECT_EQ(parse_stp_action("co"), StpAction::cancel_oldest);
  EXPECT_EQ(parse_action_mode("ACK"), ActionMode::ack);
  EXPECT_EQ(parse_futures_auto_size("close_long"), FuturesAutoSize::close_long);
  EXPECT_EQ(parse_position_margin_mode("isolated"), PositionMarginMode::isolated);
  EXPECT_FALSE(parse_order_side("BUY").has_value());
  EXPECT_FALSE(parse_action_mode("ack").has_value());
  EXPECT_FALSE(parse_time_in_force("").has_value());
}

}  // namespace
}  // namespace tradelink::gateio
