// Order amendment over loopback with signed raw HTTP: `PATCH /spot/orders/{order_id}` and
// `PUT /futures/usdt/orders/{order_id}` change an open order, answer the whole order with its
// amend_text, move locks and order margin, and refuse as Gate does (labels, permissions, pair
// whitelist, finished or unknown orders).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <memory>
#include <string>

#include "core/decimal.hpp"
#include "unit/sandbox/service/raw_gate_http.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"
#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

namespace json = boost::json;

class RestAmendTest : public RawGateTest {
 protected:
  /// A key limited to `perms` and `pairs` for a new user.
  TestKey scoped_key(std::vector<KeyPermission> perms, std::vector<std::string> pairs) {
    return server_->venue().with([&](VenueState& state) {
      std::int64_t const user_id = state.users.create("scoped", state.clock.now_ms()).id;
      KeySpec spec;
      spec.user_id = user_id;
      spec.name = "scoped key";
      spec.perms = std::move(perms);
      spec.currency_pairs = std::move(pairs);
      auto key = state.keys.create(std::move(spec), state.clock.now_ms());
      EXPECT_TRUE(key.has_value());
      return TestKey{key->key, key->secret, user_id};
    });
  }
  /// Places a spot limit order and returns its id.
  std::string place_spot(TestKey const& key, std::string const& side, std::string const& amount,
                         std::string const& price) {
    RawResponse const placed =
        raw_->call(key, "POST", "/spot/orders", {},
                   R"({"currency_pair":"BTC_USDT","side":")" + side + R"(","amount":")" + amount +
                       R"(","price":")" + price + R"("})");
    EXPECT_EQ(placed.status, 201U) << placed.body;
    return text_of(placed.json, "id");
  }
  std::string usdt_locked(TestKey const& key) {
    RawResponse const balance = raw_->call(key, "GET", "/spot/accounts", "currency=USDT");
    return text_of(balance.json.at(0), "locked");
  }
  std::string order_margin(TestKey const& key) {
    RawResponse const account = raw_->call(key, "GET", "/futures/usdt/accounts");
    return text_of(account.json, "order_margin");
  }
  static std::string label(RawResponse const& response) { return text_of(response.json, "label"); }
};

TEST_F(RestAmendTest, SpotAmendChangesAmountPriceAndLock) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  std::string const id = place_spot(key, "buy", "0.001", "60000");
  EXPECT_EQ(usdt_locked(key), "60");

  // The SDK's form: currency_pair as a query parameter, the OrderPatch as the body.
  RawResponse const amended =
      raw_->call(key, "PATCH", "/spot/orders/" + id, "currency_pair=BTC_USDT",
                 R"({"amount":"0.002","price":"61000","amend_text":"t-bump"})");
  ASSERT_EQ(amended.status, 200U) << amended.body;
  EXPECT_EQ(text_of(amended.json, "id"), id);
  EXPECT_EQ(text_of(amended.json, "status"), "open");
  EXPECT_EQ(text_of(amended.json, "amount"), "0.002");
  EXPECT_EQ(text_of(amended.json, "left"), "0.002");
  EXPECT_EQ(text_of(amended.json, "price"), "61000");
  EXPECT_EQ(text_of(amended.json, "amend_text"), "t-bump");
  EXPECT_EQ(usdt_locked(key), "122");

  RawResponse const read = raw_->call(key, "GET", "/spot/orders/" + id, "currency_pair=BTC_USDT");
  ASSERT_EQ(read.status, 200U);
  EXPECT_EQ(read.json, amended.json);

  // CCXT's form: the pair in the body (and account spot).
  RawResponse const smaller =
      raw_->call(key, "PATCH", "/spot/orders/" + id, {},
                 R"({"currency_pair":"BTC_USDT","account":"spot","amount":"0.001"})");
  ASSERT_EQ(smaller.status, 200U) << smaller.body;
  EXPECT_EQ(text_of(smaller.json, "amount"), "0.001");
  EXPECT_EQ(text_of(smaller.json, "price"), "61000");
  EXPECT_EQ(usdt_locked(key), "61");
}

TEST_F(RestAmendTest, SpotAmendThatCrossesFills) {
  TestKey const buyer = make_user_key();
  TestKey const seller = make_user_key();
  deposit(buyer.user_id, "USDT", "1000");
  deposit(seller.user_id, "BTC", "1");
  place_spot(seller, "sell", "0.001", "62000");
  std::string const id = place_spot(buyer, "buy", "0.001", "60000");
  RawResponse const crossed = raw_->call(buyer, "PATCH", "/spot/orders/" + id,
                                         "currency_pair=BTC_USDT", R"({"price":"62500"})");
  ASSERT_EQ(crossed.status, 200U) << crossed.body;
  EXPECT_EQ(text_of(crossed.json, "status"), "closed");
  EXPECT_EQ(text_of(crossed.json, "finish_as"), "filled");
  EXPECT_EQ(text_of(crossed.json, "filled_total"), "62");
  EXPECT_EQ(usdt_locked(buyer), "0");
}

TEST_F(RestAmendTest, SpotAmendRefusals) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  std::string const id = place_spot(key, "buy", "0.001", "60000");
  std::string const path = "/spot/orders/" + id;

  RawResponse const no_pair = raw_->call(key, "PATCH", path, {}, R"({"price":"1"})");
  EXPECT_EQ(no_pair.status, 400U);
  EXPECT_EQ(label(no_pair), "MISSING_REQUIRED_PARAM");
  RawResponse const nothing =
      raw_->call(key, "PATCH", path, "currency_pair=BTC_USDT", R"({"amend_text":"t-x"})");
  EXPECT_EQ(label(nothing), "INVALID_PARAM_VALUE");
  RawResponse const margin =
      raw_->call(key, "PATCH", path, "currency_pair=BTC_USDT&account=margin", R"({"price":"1"})");
  EXPECT_EQ(label(margin), "INVALID_PARAM_VALUE");
  RawResponse const too_much =
      raw_->call(key, "PATCH", path, "currency_pair=BTC_USDT", R"({"amount":"1"})");
  EXPECT_EQ(label(too_much), "BALANCE_NOT_ENOUGH");
  RawResponse const precision =
      raw_->call(key, "PATCH", path, "currency_pair=BTC_USDT", R"({"price":"60000.123"})");
  EXPECT_EQ(label(precision), "INVALID_PRECISION");
  RawResponse const unknown =
      raw_->call(key, "PATCH", "/spot/orders/999999", "currency_pair=BTC_USDT", R"({"price":"1"})");
  EXPECT_EQ(unknown.status, 400U);
  EXPECT_EQ(label(unknown), "ORDER_NOT_FOUND");
  EXPECT_EQ(usdt_locked(key), "60") << "refusals change nothing";

  ASSERT_EQ(raw_->call(key, "DELETE", path, "currency_pair=BTC_USDT").status, 200U);
  RawResponse const finished =
      raw_->call(key, "PATCH", path, "currency_pair=BTC_USDT", R"({"price":"59000"})");
  EXPECT_EQ(label(finished), "ORDER_NOT_FOUND");

  TestKey const read_only = scoped_key({{"spot", true}}, {});
  RawResponse const refused =
      raw_->call(read_only, "PATCH", path, "currency_pair=BTC_USDT", R"({"price":"1"})");
  EXPECT_EQ(label(refused), "READ_ONLY");
  TestKey const eth_only = scoped_key({{"spot", false}}, {"ETH_USDT"});
  RawResponse const fenced =
      raw_->call(eth_only, "PATCH", path, "currency_pair=BTC_USDT", R"({"price":"1"})");
  EXPECT_EQ(fenced.status, 403U);
  EXPECT_EQ(label(fenced), "FORBIDDEN");
}

TEST_F(RestAmendTest, FuturesAmendChangesSizePriceAndMargin) {
  TestKey const key = make_user_key();
  fund_futures(*server_, key.user_id, "1000");
  RawResponse const placed = raw_->call(key, "POST", "/futures/usdt/orders", {},
                                        R"({"contract":"BTC_USDT","size":"10","price":"60000"})");
  ASSERT_EQ(placed.status, 201U) << placed.body;
  std::string const id = std::to_string(placed.json.at("id").as_int64());
  EXPECT_EQ(order_margin(key), "6");

  RawResponse const amended = raw_->call(key, "PUT", "/futures/usdt/orders/" + id, {},
                                         R"({"size":"20","price":"59000","amend_text":"t-more"})");
  ASSERT_EQ(amended.status, 200U) << amended.body;
  EXPECT_EQ(amended.json.at("id").as_int64(), placed.json.at("id").as_int64());
  EXPECT_EQ(text_of(amended.json, "size"), "20");
  EXPECT_EQ(text_of(amended.json, "left"), "20");
  EXPECT_EQ(text_of(amended.json, "price"), "59000");
  EXPECT_EQ(text_of(amended.json, "amend_text"), "t-more");
  EXPECT_EQ(text_of(amended.json, "status"), "open");
  EXPECT_EQ(amended.json.at("update_id").as_int64(), 2);
  EXPECT_EQ(order_margin(key), "11.8");

  // Integer sizes without the decimal header, and a sell order's negative size (CCXT's form,
  // with members the amendment does not use).
  RawResponse const ask = raw_->call(key, "POST", "/futures/usdt/orders", {},
                                     R"({"contract":"BTC_USDT","size":"-5","price":"70000"})");
  ASSERT_EQ(ask.status, 201U) << ask.body;
  std::string const ask_id = std::to_string(ask.json.at("id").as_int64());
  RawResponse const smaller =
      raw_->call(key, "PUT", "/futures/usdt/orders/" + ask_id, {},
                 R"({"currency_pair":"BTC_USDT","account":"futures","size":-3,"price":"71000"})",
                 Sizes::integer);
  ASSERT_EQ(smaller.status, 200U) << smaller.body;
  EXPECT_EQ(smaller.json.at("size").as_int64(), -3);
  EXPECT_EQ(text_of(smaller.json, "price"), "71000");

  RawResponse const flipped =
      raw_->call(key, "PUT", "/futures/usdt/orders/" + ask_id, {}, R"({"size":"3"})");
  EXPECT_EQ(label(flipped), "INVALID_PARAM_VALUE");
  RawResponse const greedy =
      raw_->call(key, "PUT", "/futures/usdt/orders/" + id, {}, R"({"size":"100000"})");
  EXPECT_EQ(label(greedy), "INSUFFICIENT_AVAILABLE");
  RawResponse const nothing = raw_->call(key, "PUT", "/futures/usdt/orders/" + id, {}, "{}");
  EXPECT_EQ(label(nothing), "INVALID_PARAM_VALUE");
  RawResponse const settle =
      raw_->call(key, "PUT", "/futures/btc/orders/" + id, {}, R"({"size":"1"})");
  EXPECT_EQ(label(settle), "INVALID_PARAM_VALUE");

  // A size not above the filled part (nothing filled) cancels the order.
  RawResponse const cancelled =
      raw_->call(key, "PUT", "/futures/usdt/orders/" + id, {}, R"({"size":"0"})");
  ASSERT_EQ(cancelled.status, 200U) << cancelled.body;
  EXPECT_EQ(text_of(cancelled.json, "status"), "finished");
  EXPECT_EQ(text_of(cancelled.json, "finish_as"), "cancelled");
  RawResponse const finished =
      raw_->call(key, "PUT", "/futures/usdt/orders/" + id, {}, R"({"price":"60000"})");
  EXPECT_EQ(label(finished), "ORDER_NOT_FOUND");
  RawResponse const unknown =
      raw_->call(key, "PUT", "/futures/usdt/orders/123456789", {}, R"({"price":"60000"})");
  EXPECT_EQ(label(unknown), "ORDER_NOT_FOUND");
}

}  // namespace
}  // namespace tradelink::sandbox::test
