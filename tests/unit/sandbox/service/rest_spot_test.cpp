// The sandbox's signed spot API over loopback, driven by tradelink's own Gate client: placing,
// reading, listing and cancelling orders, balances that move when two users trade, fees as the
// engine charges them, cancel-all and the countdown — and Gate's refusals for bad keys,
// permissions, pair whitelists, unknown orders and malformed input.
#include <gtest/gtest.h>

#include <boost/json/value.hpp>

#include <string>

#include "core/decimal.hpp"
#include "unit/sandbox/service/raw_gate_http.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::operator""_dec;

class RestSpotTest : public RawGateTest {
 protected:
  /// A key for `user_id` (a new user when 0) with `perms` and a pair whitelist.
  TestKey make_key(std::vector<KeyPermission> perms, std::vector<std::string> pairs = {},
                   std::int64_t user_id = 0) {
    return server_->venue().with([&](VenueState& state) {
      if (user_id == 0) user_id = state.users.create("whitelisted", state.clock.now_ms()).id;
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

  static gateio::SpotOrderRequest limit(gateio::OrderSide side, std::string_view price,
                                        std::string_view amount,
                                        std::optional<std::string> text = std::nullopt) {
    gateio::SpotOrderRequest order;
    order.currency_pair = "BTC_USDT";
    order.side = side;
    order.price = core::Decimal::parse(price).value();
    order.amount = core::Decimal::parse(amount).value();
    order.text = std::move(text);
    return order;
  }

  gateio::GateResult<gateio::SpotOrder> place(gateio::RestClient& rest,
                                              gateio::SpotOrderRequest const& order) {
    return run<gateio::SpotOrder>([&](auto done) { rest.create_spot_order(order, done); });
  }

  /// The user's spot balance of `currency` as the client reads it.
  std::pair<core::Decimal, core::Decimal> balance(gateio::RestClient& rest,
                                                  std::string_view currency) {
    auto accounts = run<std::vector<gateio::SpotAccount>>(
        [&](auto done) { rest.spot_accounts(currency, done); });
    EXPECT_TRUE(accounts.has_value()) << accounts.error().message;
    if (!accounts || accounts->size() != 1) return {};
    return {accounts->front().available, accounts->front().locked};
  }

  static std::string text(boost::json::value const& value) {
    return std::string(value.as_string());
  }
};

TEST_F(RestSpotTest, PlacesReadsListsAndCancelsAnOrder) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  auto rest = client(&key);

  auto placed = place(*rest, limit(gateio::OrderSide::buy, "60000", "0.001", "t-first"));
  ASSERT_TRUE(placed.has_value()) << placed.error().message;
  EXPECT_FALSE(placed->id.empty());
  EXPECT_EQ(placed->currency_pair, "BTC_USDT");
  EXPECT_EQ(placed->text, "t-first");
  EXPECT_EQ(placed->status, "open");
  EXPECT_EQ(placed->type, "limit");
  EXPECT_EQ(placed->account, "spot");
  EXPECT_EQ(placed->side, "buy");
  EXPECT_EQ(placed->time_in_force, "gtc");
  EXPECT_EQ(placed->amount, "0.001"_dec);
  EXPECT_EQ(placed->price, "60000"_dec);
  EXPECT_EQ(placed->left, "0.001"_dec);
  EXPECT_EQ(placed->filled_amount, "0"_dec);
  EXPECT_EQ(placed->fee_currency, "BTC");
  EXPECT_EQ(placed->finish_as, "open");
  ASSERT_TRUE(placed->create_time_ms.has_value());
  EXPECT_EQ(placed->create_time,
            core::Decimal::from_integer(*placed->create_time_ms / 1000).value());
  EXPECT_EQ(balance(*rest, "USDT"), std::make_pair("940"_dec, "60"_dec));

  auto by_id =
      run<gateio::SpotOrder>([&](auto done) { rest->spot_order(placed->id, "BTC_USDT", done); });
  ASSERT_TRUE(by_id.has_value()) << by_id.error().message;
  EXPECT_EQ(by_id->id, placed->id);
  auto by_text =
      run<gateio::SpotOrder>([&](auto done) { rest->spot_order("t-first", "BTC_USDT", done); });
  ASSERT_TRUE(by_text.has_value()) << by_text.error().message;
  EXPECT_EQ(by_text->id, placed->id);

  auto listed = run<std::vector<gateio::SpotOrder>>([&](auto done) {
    rest->spot_orders("BTC_USDT", gateio::OrderStatus::open, gateio::Page{}, done);
  });
  ASSERT_TRUE(listed.has_value()) << listed.error().message;
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().id, placed->id);

  auto grouped = run<std::vector<gateio::OpenOrders>>(
      [&](auto done) { rest->spot_open_orders(gateio::Page{}, done); });
  ASSERT_TRUE(grouped.has_value()) << grouped.error().message;
  ASSERT_EQ(grouped->size(), 1U);
  EXPECT_EQ(grouped->front().currency_pair, "BTC_USDT");
  EXPECT_EQ(grouped->front().total, 1);
  ASSERT_EQ(grouped->front().orders.size(), 1U);

  auto cancelled = run<gateio::SpotOrder>(
      [&](auto done) { rest->cancel_spot_order("t-first", "BTC_USDT", done); });
  ASSERT_TRUE(cancelled.has_value()) << cancelled.error().message;
  EXPECT_EQ(cancelled->status, "cancelled");
  EXPECT_EQ(cancelled->finish_as, "cancelled");
  EXPECT_EQ(balance(*rest, "USDT"), std::make_pair("1000"_dec, "0"_dec));

  auto finished = run<std::vector<gateio::SpotOrder>>([&](auto done) {
    rest->spot_orders("BTC_USDT", gateio::OrderStatus::finished, gateio::Page{}, done);
  });
  ASSERT_TRUE(finished.has_value()) << finished.error().message;
  ASSERT_EQ(finished->size(), 1U);
  EXPECT_EQ(finished->front().status, "cancelled");
}

TEST_F(RestSpotTest, OrderWithoutTextShowsApiv4AndAnswersWith201) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  auto const created =
      raw_->call(key, "POST", "/spot/orders", {},
                 R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"50000"})");
  ASSERT_EQ(created.status, 201U) << created.body;
  auto const& order = created.json.as_object();
  EXPECT_TRUE(order.at("id").is_string());
  EXPECT_EQ(text(order.at("text")), "apiv4");
  EXPECT_EQ(text(order.at("amend_text")), "-");
  EXPECT_TRUE(order.at("create_time").is_string());
  EXPECT_TRUE(order.at("create_time_ms").is_int64());
  EXPECT_EQ(text(order.at("iceberg")), "0");
  EXPECT_EQ(text(order.at("rebated_fee_currency")), "USDT");
  EXPECT_FALSE(order.at("gt_discount").as_bool());
  EXPECT_EQ(order.at("stp_id").as_int64(), 0);
  EXPECT_EQ(text(order.at("stp_act")), "-");
}

TEST_F(RestSpotTest, MatchedOrdersMoveBalancesAndChargeTheEnginesFees) {
  TestKey const seller_key = make_user_key();
  TestKey const buyer_key = make_user_key();
  deposit(seller_key.user_id, "BTC", "1");
  deposit(buyer_key.user_id, "USDT", "1000");
  auto seller = client(&seller_key);
  auto buyer = client(&buyer_key);

  auto ask = place(*seller, limit(gateio::OrderSide::sell, "60000", "0.01", "t-ask"));
  ASSERT_TRUE(ask.has_value()) << ask.error().message;
  auto bid = place(*buyer, limit(gateio::OrderSide::buy, "60000", "0.01", "t-bid"));
  ASSERT_TRUE(bid.has_value()) << bid.error().message;
  EXPECT_EQ(bid->status, "closed");
  EXPECT_EQ(bid->finish_as, "filled");
  EXPECT_EQ(bid->filled_amount, "0.01"_dec);
  EXPECT_EQ(bid->filled_total, "600"_dec);
  EXPECT_EQ(bid->avg_deal_price, "60000"_dec);
  EXPECT_EQ(bid->fee, "0.00002"_dec);  // 0.2 % of 0.01 BTC, paid in the bought base
  EXPECT_EQ(bid->fee_currency, "BTC");

  // Buyer: 600 USDT out, 0.01 BTC in less the fee. Seller: 0.01 BTC out, 600 USDT in less 0.2 %.
  EXPECT_EQ(balance(*buyer, "USDT"), std::make_pair("400"_dec, "0"_dec));
  EXPECT_EQ(balance(*buyer, "BTC"), std::make_pair("0.00998"_dec, "0"_dec));
  EXPECT_EQ(balance(*seller, "BTC"), std::make_pair("0.99"_dec, "0"_dec));
  EXPECT_EQ(balance(*seller, "USDT"), std::make_pair("598.8"_dec, "0"_dec));

  auto seller_fills = run<std::vector<gateio::SpotTrade>>(
      [&](auto done) { seller->spot_my_trades("BTC_USDT", std::nullopt, gateio::Page{}, done); });
  ASSERT_TRUE(seller_fills.has_value()) << seller_fills.error().message;
  ASSERT_EQ(seller_fills->size(), 1U);
  gateio::SpotTrade const& sold = seller_fills->front();
  EXPECT_EQ(sold.side, "sell");
  EXPECT_EQ(sold.role, "maker");
  EXPECT_EQ(sold.amount, "0.01"_dec);
  EXPECT_EQ(sold.price, "60000"_dec);
  EXPECT_EQ(sold.fee, "1.2"_dec);
  EXPECT_EQ(sold.fee_currency, "USDT");
  EXPECT_EQ(sold.order_id, ask->id);
  EXPECT_EQ(sold.text, "t-ask");
  EXPECT_EQ(sold.deal, "600"_dec);

  auto buyer_fills = run<std::vector<gateio::SpotTrade>>([&](auto done) {
    buyer->spot_my_trades("BTC_USDT", std::string_view(bid->id), gateio::Page{}, done);
  });
  ASSERT_TRUE(buyer_fills.has_value()) << buyer_fills.error().message;
  ASSERT_EQ(buyer_fills->size(), 1U);
  EXPECT_EQ(buyer_fills->front().role, "taker");
  EXPECT_EQ(buyer_fills->front().id, sold.id);  // one fill, seen from both sides
  EXPECT_EQ(buyer_fills->front().fee, "0.00002"_dec);

  auto none = run<std::vector<gateio::SpotTrade>>([&](auto done) {
    buyer->spot_my_trades("BTC_USDT", std::string_view("999999"), gateio::Page{}, done);
  });
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
}

TEST_F(RestSpotTest, MarketBuySpendsItsAmountInQuote) {
  TestKey const seller_key = make_user_key();
  TestKey const buyer_key = make_user_key();
  deposit(seller_key.user_id, "BTC", "1");
  deposit(buyer_key.user_id, "USDT", "1000");
  auto seller = client(&seller_key);
  auto buyer = client(&buyer_key);
  ASSERT_TRUE(place(*seller, limit(gateio::OrderSide::sell, "50000", "0.1")).has_value());

  gateio::SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.side = gateio::OrderSide::buy;
  order.type = gateio::SpotOrderType::market;
  order.time_in_force = gateio::TimeInForce::ioc;
  order.amount = "100"_dec;
  auto bought = place(*buyer, order);
  ASSERT_TRUE(bought.has_value()) << bought.error().message;
  EXPECT_EQ(bought->type, "market");
  EXPECT_EQ(bought->filled_amount, "0.002"_dec);
  EXPECT_EQ(bought->filled_total, "100"_dec);
  EXPECT_EQ(balance(*buyer, "USDT"), std::make_pair("900"_dec, "0"_dec));
}

TEST_F(RestSpotTest, CancelAllCancelsOneSideOfAPair) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  deposit(key.user_id, "BTC", "1");
  auto rest = client(&key);
  ASSERT_TRUE(place(*rest, limit(gateio::OrderSide::buy, "50000", "0.001")).has_value());
  ASSERT_TRUE(place(*rest, limit(gateio::OrderSide::buy, "51000", "0.001")).has_value());
  ASSERT_TRUE(place(*rest, limit(gateio::OrderSide::sell, "70000", "0.001")).has_value());

  auto const cancelled =
      raw_->call(key, "DELETE", "/spot/orders", "currency_pair=BTC_USDT&side=buy");
  ASSERT_EQ(cancelled.status, 200U) << cancelled.body;
  auto const& list = cancelled.json.as_array();
  ASSERT_EQ(list.size(), 2U);
  for (auto const& order : list) {
    EXPECT_EQ(text(order.at("status")), "cancelled");
    EXPECT_EQ(text(order.at("side")), "buy");
    EXPECT_TRUE(order.at("succeeded").as_bool());
  }
  auto open = run<std::vector<gateio::SpotOrder>>([&](auto done) {
    rest->spot_orders("BTC_USDT", gateio::OrderStatus::open, gateio::Page{}, done);
  });
  ASSERT_TRUE(open.has_value());
  ASSERT_EQ(open->size(), 1U);
  EXPECT_EQ(open->front().side, "sell");

  auto const unknown = raw_->call(key, "DELETE", "/spot/orders", "currency_pair=NOPE_USDT");
  EXPECT_EQ(text(unknown.json.at("label")), "INVALID_CURRENCY_PAIR");
}

TEST_F(RestSpotTest, CountdownArmsAndDisarms) {
  TestKey const key = make_user_key();
  auto rest = client(&key);
  std::int64_t const before = server_->venue().clock().now_ms();
  gateio::SpotCountdownCancelRequest request;
  request.timeout = std::chrono::seconds(30);
  request.currency_pair = "BTC_USDT";
  auto armed = run<gateio::CountdownCancelResult>(
      [&](auto done) { rest->spot_countdown_cancel_all(request, done); });
  ASSERT_TRUE(armed.has_value()) << armed.error().message;
  EXPECT_GE(armed->trigger_time_ms, before + 30'000);
  EXPECT_LE(armed->trigger_time_ms, server_->venue().clock().now_ms() + 30'000);

  request.timeout = std::chrono::seconds(0);
  auto disarmed = run<gateio::CountdownCancelResult>(
      [&](auto done) { rest->spot_countdown_cancel_all(request, done); });
  ASSERT_TRUE(disarmed.has_value()) << disarmed.error().message;
  EXPECT_EQ(disarmed->trigger_time_ms, 0);

  auto const raw = raw_->call(key, "POST", "/spot/countdown_cancel_all", {}, R"({"timeout":10})");
  ASSERT_EQ(raw.status, 200U) << raw.body;
  EXPECT_TRUE(raw.json.at("triggerTime").is_string());
}

TEST_F(RestSpotTest, SpotAccountsListHeldCurrenciesAndRefuseUnknownOnes) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "12.5");
  deposit(key.user_id, "ETH", "2");
  auto rest = client(&key);
  auto all = run<std::vector<gateio::SpotAccount>>(
      [&](auto done) { rest->spot_accounts(std::nullopt, done); });
  ASSERT_TRUE(all.has_value()) << all.error().message;
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ(all->at(0).currency, "USDT");
  EXPECT_EQ(all->at(0).available, "12.5"_dec);
  EXPECT_EQ(all->at(1).currency, "ETH");
  EXPECT_TRUE(all->at(1).update_id.has_value());

  auto unknown = run<std::vector<gateio::SpotAccount>>(
      [&](auto done) { rest->spot_accounts(std::string_view("NOPE"), done); });
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().label, "INVALID_CURRENCY");
}

TEST_F(RestSpotTest, UnknownOrderIsOrderNotFound) {
  TestKey const key = make_user_key();
  auto rest = client(&key);
  auto cancel =
      run<gateio::SpotOrder>([&](auto done) { rest->cancel_spot_order("1", "BTC_USDT", done); });
  ASSERT_FALSE(cancel.has_value());
  EXPECT_EQ(cancel.error().label, "ORDER_NOT_FOUND");
  auto get =
      run<gateio::SpotOrder>([&](auto done) { rest->spot_order("t-nothing", "BTC_USDT", done); });
  ASSERT_FALSE(get.has_value());
  EXPECT_EQ(get.error().label, "ORDER_NOT_FOUND");
}

TEST_F(RestSpotTest, MalformedRequestsGetGatesLabels) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  auto const label = [&](std::string_view method, std::string_view path, std::string_view query,
                         std::string_view body) {
    auto const response = raw_->call(key, method, path, query, body);
    EXPECT_EQ(response.status, 400U) << response.body;
    return response.json.is_object() ? text(response.json.at("label")) : response.body;
  };
  EXPECT_EQ(label("POST", "/spot/orders", {},
                  R"({"currency_pair":"NOPE_USDT","side":"buy","amount":"1","price":"1"})"),
            "INVALID_CURRENCY_PAIR");
  EXPECT_EQ(label("POST", "/spot/orders", {}, R"({"currency_pair":"BTC_USDT","side":"buy"})"),
            "MISSING_REQUIRED_PARAM");
  EXPECT_EQ(label("POST", "/spot/orders", {},
                  R"({"currency_pair":"BTC_USDT","side":"up","amount":"1","price":"1"})"),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(label("POST", "/spot/orders", {},
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":{},"price":"1"})"),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(label("POST", "/spot/orders", {},
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"50000",)"
                  R"("text":"no-prefix"})"),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(label("POST", "/spot/orders", {},
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"50000",)"
                  R"("account":"margin"})"),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(label("POST", "/spot/orders", {}, "[1,2]"), "INVALID_REQUEST_BODY");
  EXPECT_EQ(label("GET", "/spot/orders/1", {}, {}), "MISSING_REQUIRED_PARAM");
  EXPECT_EQ(label("GET", "/spot/orders", "currency_pair=BTC_USDT&status=half", {}),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(label("GET", "/spot/orders", "currency_pair=BTC_USDT&status=open&limit=101", {}),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(label("GET", "/spot/my_trades", "order_id=5", {}), "MISSING_REQUIRED_PARAM");
  EXPECT_EQ(label("POST", "/spot/orders", {},
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":"1","price":"60000"})"),
            "BALANCE_NOT_ENOUGH");
}

TEST_F(RestSpotTest, UnknownKeyIsInvalidKey) {
  TestKey stranger = make_user_key();
  stranger.key = std::string(32, 'a');
  auto rest = client(&stranger);
  auto accounts = run<std::vector<gateio::SpotAccount>>(
      [&](auto done) { rest->spot_accounts(std::nullopt, done); });
  ASSERT_FALSE(accounts.has_value());
  EXPECT_EQ(accounts.error().label, "INVALID_KEY");
  EXPECT_EQ(accounts.error().category, gateio::ErrorCategory::invalid_key);
}

TEST_F(RestSpotTest, WrongSecretIsInvalidSignature) {
  TestKey key = make_user_key();
  key.secret = std::string(64, '0');
  auto rest = client(&key);
  auto accounts = run<std::vector<gateio::SpotAccount>>(
      [&](auto done) { rest->spot_accounts(std::nullopt, done); });
  ASSERT_FALSE(accounts.has_value());
  EXPECT_EQ(accounts.error().label, "INVALID_SIGNATURE");
}

TEST_F(RestSpotTest, ReadOnlyKeyCannotPlaceButCanRead) {
  TestKey const key = make_user_key({{"spot", true}});
  deposit(key.user_id, "USDT", "1000");
  auto rest = client(&key);
  auto placed = place(*rest, limit(gateio::OrderSide::buy, "60000", "0.001"));
  ASSERT_FALSE(placed.has_value());
  EXPECT_EQ(placed.error().label, "READ_ONLY");
  EXPECT_EQ(placed.error().category, gateio::ErrorCategory::read_only);
  EXPECT_EQ(balance(*rest, "USDT"), std::make_pair("1000"_dec, "0"_dec));
}

TEST_F(RestSpotTest, KeyWithoutSpotIsForbiddenNamingSpot) {
  TestKey const key = make_user_key({{"futures", false}});
  auto rest = client(&key);
  auto placed = place(*rest, limit(gateio::OrderSide::buy, "60000", "0.001"));
  ASSERT_FALSE(placed.has_value());
  EXPECT_EQ(placed.error().label, "FORBIDDEN");
  EXPECT_EQ(placed.error().missing_permission, "spot");
  auto accounts = run<std::vector<gateio::SpotAccount>>(
      [&](auto done) { rest->spot_accounts(std::nullopt, done); });
  ASSERT_FALSE(accounts.has_value());
  EXPECT_EQ(accounts.error().label, "FORBIDDEN");
}

TEST_F(RestSpotTest, PairWhitelistRefusesOtherPairs) {
  TestKey const key = make_key({{"spot", false}}, {"ETH_USDT"});
  deposit(key.user_id, "USDT", "1000");
  auto rest = client(&key);
  auto placed = place(*rest, limit(gateio::OrderSide::buy, "60000", "0.001"));
  ASSERT_FALSE(placed.has_value());
  EXPECT_EQ(placed.error().label, "FORBIDDEN");
  EXPECT_NE(placed.error().message.find("BTC_USDT"), std::string::npos);

  gateio::SpotOrderRequest eth = limit(gateio::OrderSide::buy, "3000", "0.01");
  eth.currency_pair = "ETH_USDT";
  auto allowed = place(*rest, eth);
  ASSERT_TRUE(allowed.has_value()) << allowed.error().message;

  auto listed = run<std::vector<gateio::SpotOrder>>([&](auto done) {
    rest->spot_orders("BTC_USDT", gateio::OrderStatus::open, gateio::Page{}, done);
  });
  ASSERT_FALSE(listed.has_value());
  EXPECT_EQ(listed.error().label, "FORBIDDEN");
}

}  // namespace
}  // namespace tradelink::sandbox::test
