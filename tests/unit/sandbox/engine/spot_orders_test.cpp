// Spot order validation labels, cancellation, lookup by client text, ageing of cancelled orders,
// listings and money movements outside trading (deposit, withdraw, transfer).

#include <gtest/gtest.h>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

constexpr UserId alice = 10;
constexpr UserId bob = 20;

class SpotOrders : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine(&sink);
    ASSERT_TRUE(engine->deposit(alice, Account::spot, "USDT", dec("1000"), 0));
    ASSERT_TRUE(engine->deposit(alice, Account::spot, "BTC", dec("1"), 0));
    ASSERT_TRUE(engine->deposit(bob, Account::spot, "BTC", dec("1"), 0));
  }

  std::string rejection(UserId user, SpotOrderRequest const& request) {
    auto const placed = engine->place_spot_order(user, request, 1'000);
    return placed ? std::string("accepted") : placed.error().code;
  }

  RecordingSink sink;
  std::unique_ptr<Engine> engine;
};

TEST_F(SpotOrders, RejectsWithGateLabels) {
  EXPECT_EQ(rejection(alice, limit("DOGE_USDT", Side::buy, "1", "1")), "INVALID_CURRENCY_PAIR");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::buy, "0.01", "100.05")), "INVALID_PRECISION");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::buy, "0.00015", "100")), "INVALID_PRECISION");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::buy, "0", "100")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::buy, "0.01", "-1")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::buy, "0.01", "100", TimeInForce::gtc,
                                   std::string(40, 'x'))),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(rejection(alice, market("BTC_USDT", Side::buy, "10", TimeInForce::gtc)),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::buy, "5", "1000000")), "AMOUNT_TOO_MUCH");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::buy, "0.1", "20000")), "BALANCE_NOT_ENOUGH");
  EXPECT_EQ(rejection(alice, limit("BTC_USDT", Side::sell, "1.5", "100")), "BALANCE_NOT_ENOUGH");
  EXPECT_EQ(rejection(99, limit("BTC_USDT", Side::sell, "0.1", "100")), "BALANCE_NOT_ENOUGH")
      << "a user who never deposited";
  EXPECT_TRUE(engine->spot().open_orders(alice, "BTC_USDT", {}).value().empty());
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("1000"));
}

TEST_F(SpotOrders, MinimumsUseGatesMessage) {
  auto const base =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.0005", "5000"), 1);
  ASSERT_FALSE(base);
  EXPECT_EQ(base.error().code, "INVALID_PARAM_VALUE");
  EXPECT_EQ(base.error().message,
            "Your order size 0.0005 BTC is too small. The minimum is 0.001 BTC");

  auto const value =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.001", "600"), 1);
  ASSERT_FALSE(value);
  EXPECT_EQ(value.error().code, "INVALID_PARAM_VALUE");
  EXPECT_EQ(value.error().message, "Your order size 0.6 USDT is too small. The minimum is 1 USDT");

  auto const budget = engine->place_spot_order(alice, market("BTC_USDT", Side::buy, "0.5"), 1);
  ASSERT_FALSE(budget);
  EXPECT_EQ(budget.error().message, "Your order size 0.5 USDT is too small. The minimum is 1 USDT");
}

TEST_F(SpotOrders, TradeStatusRestrictsSides) {
  Catalogue catalogue = test_catalogue();
  catalogue.pairs[0].trade_status = TradeStatus::buyable;
  auto restricted = Engine::create(catalogue).value();
  ASSERT_TRUE(restricted->deposit(alice, Account::spot, "BTC", dec("1"), 0));
  auto const sell =
      restricted->place_spot_order(alice, limit("BTC_USDT", Side::sell, "0.1", "100"), 1);
  ASSERT_FALSE(sell);
  EXPECT_EQ(sell.error().code, "TRADE_RESTRICTED");
}

TEST_F(SpotOrders, CancelUnlocksAndReportsTheRightLabels) {
  SpotOrder const order =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.5", "100"), 1'000).value();
  EXPECT_EQ(locked(*engine, alice, "USDT"), dec("50"));
  EXPECT_EQ(engine->cancel_spot_order(bob, "BTC_USDT", order.id, 1'500).error().code,
            "ORDER_NOT_FOUND")
      << "someone else's order";
  EXPECT_EQ(engine->cancel_spot_order(alice, "ETH_USDT", order.id, 1'500).error().code,
            "ORDER_NOT_FOUND")
      << "wrong pair";
  sink.clear();
  SpotOrder const cancelled = engine->cancel_spot_order(alice, "BTC_USDT", order.id, 2'000).value();
  EXPECT_EQ(cancelled.status, SpotOrderStatus::cancelled);
  EXPECT_EQ(cancelled.finish_as, FinishAs::cancelled);
  EXPECT_EQ(cancelled.update_time_ms, 2'000);
  EXPECT_TRUE(locked(*engine, alice, "USDT").is_zero());
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("1000"));
  ASSERT_FALSE(sink.spot_balances.empty());
  EXPECT_EQ(sink.spot_balances[0].change_type, SpotBalanceChange::order_update);
  EXPECT_EQ(sink.spot_balances[0].change, dec("50"));
  EXPECT_EQ(engine->cancel_spot_order(alice, "BTC_USDT", order.id, 2'100).error().code,
            "ORDER_CANCELLED");

  SpotOrder const sold =
      engine->place_spot_order(bob, limit("BTC_USDT", Side::sell, "0.1", "100"), 3'000).value();
  engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.1", "100"), 3'000).value();
  EXPECT_EQ(engine->cancel_spot_order(bob, "BTC_USDT", sold.id, 3'100).error().code,
            "ORDER_CLOSED");
}

TEST_F(SpotOrders, ClientTextFindsOpenOrdersOnly) {
  SpotOrder const order =
      engine
          ->place_spot_order(
              alice, limit("BTC_USDT", Side::buy, "0.1", "100", TimeInForce::gtc, "t-grid-1"),
              1'000)
          .value();
  EXPECT_EQ(order.text.view(), "t-grid-1");
  EXPECT_EQ(engine->spot().order(alice, "BTC_USDT", std::string_view("t-grid-1"), 1'001)->id,
            order.id);
  EXPECT_EQ(engine->spot().order(bob, "BTC_USDT", std::string_view("t-grid-1"), 1'001).error().code,
            "ORDER_NOT_FOUND");
  SpotOrder const cancelled =
      engine->cancel_spot_order(alice, "BTC_USDT", std::string_view("t-grid-1"), 2'000).value();
  EXPECT_EQ(cancelled.id, order.id);
  EXPECT_EQ(
      engine->spot().order(alice, "BTC_USDT", std::string_view("t-grid-1"), 2'001).error().code,
      "ORDER_NOT_FOUND");
  EXPECT_TRUE(engine->spot().order(alice, "BTC_USDT", order.id, 2'001)) << "by id still there";
}

TEST_F(SpotOrders, CancelledOrdersWithoutFillsAgeOutAfterSixtySeconds) {
  SpotOrder const partly =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.2", "100"), 1'000).value();
  engine->place_spot_order(bob, limit("BTC_USDT", Side::sell, "0.1", "100"), 1'100).value();
  SpotOrder const first = engine->cancel_spot_order(alice, "BTC_USDT", partly.id, 5'000).value();
  EXPECT_EQ(first.filled_amount, dec("0.1"));
  EXPECT_EQ(first.left, dec("0.1"));
  SpotOrder const unfilled =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.1", "90"), 5'000).value();
  engine->cancel_spot_order(alice, "BTC_USDT", unfilled.id, 5'000).value();

  EXPECT_TRUE(engine->spot().order(alice, "BTC_USDT", unfilled.id, 64'999));
  EXPECT_EQ(engine->spot().order(alice, "BTC_USDT", unfilled.id, 65'000).error().code,
            "ORDER_NOT_FOUND")
      << "hidden once 60 s passed, even before the engine forgets it";
  engine->advance_to(70'000);
  EXPECT_EQ(engine->spot().order(alice, "BTC_USDT", unfilled.id, 70'000).error().code,
            "ORDER_NOT_FOUND");
  EXPECT_EQ(engine->cancel_spot_order(alice, "BTC_USDT", unfilled.id, 70'000).error().code,
            "ORDER_NOT_FOUND");
  EXPECT_TRUE(engine->spot().order(alice, "BTC_USDT", partly.id, 1'000'000)) << "had a fill";
  auto const finished = engine->spot().finished_orders(alice, "BTC_USDT", {}, 70'000).value();
  ASSERT_EQ(finished.size(), 1U);
  EXPECT_EQ(finished[0].id, partly.id);
}

TEST_F(SpotOrders, AgedCancelledOrdersAreForgottenSoMemoryStaysBounded) {
  ASSERT_TRUE(engine->deposit(bob, Account::spot, "USDT", dec("1000"), 1'000));
  SpotOrder const filled =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::sell, "0.1", "100"), 1'000).value();
  engine->place_spot_order(bob, limit("BTC_USDT", Side::buy, "0.1", "100"), 1'000).value();
  // One order placed and cancelled per second for 20 minutes, after one that filled.
  for (TimeMs now = 2'000; now <= 1'200'000; now += 1'000) {
    SpotOrder const order =
        engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.02", "90"), now).value();
    engine->cancel_spot_order(alice, "BTC_USDT", order.id, now).value();
    // The two filled orders stay, and the cancels of the last 60 s.
    ASSERT_LE(engine->spot().remembered_order_count(), 2U + 60U) << "at " << now;
  }
  EXPECT_TRUE(engine->spot().order(alice, "BTC_USDT", filled.id, 1'200'000)) << "had a fill";
  auto const finished = engine->spot().finished_orders(alice, "BTC_USDT", Page{1, 100}, 1'200'000);
  ASSERT_EQ(finished->size(), 61U) << "the filled order and the cancels of the last 60 s";
  EXPECT_EQ(finished->back().id, filled.id);
}

TEST_F(SpotOrders, FinishedHistoryIsBoundedPerUserAndPair) {
  EngineConfig config;
  config.finished_orders_per_user_market = 2;
  auto bounded = make_engine(nullptr, config);
  ASSERT_TRUE(bounded->deposit(alice, Account::spot, "USDT", dec("1000"), 0));
  ASSERT_TRUE(bounded->deposit(bob, Account::spot, "BTC", dec("1"), 0));
  std::vector<OrderId> ids;
  for (int index = 0; index < 3; ++index) {
    bounded->place_spot_order(bob, limit("BTC_USDT", Side::sell, "0.01", "100"), 1'000).value();
    ids.push_back(
        bounded->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.01", "100"), 1'000)
            .value()
            .id);
  }
  EXPECT_EQ(bounded->spot().order(alice, "BTC_USDT", ids[0], 2'000).error().code, "ORDER_NOT_FOUND")
      << "the oldest was forgotten";
  EXPECT_TRUE(bounded->spot().order(alice, "BTC_USDT", ids[2], 2'000));
  EXPECT_EQ(bounded->spot().finished_orders(alice, "BTC_USDT", {}, 2'000).value().size(), 2U);
}

TEST_F(SpotOrders, HistoryLimitCountsFilledAndCancelledOrdersTogether) {
  EngineConfig config;
  config.finished_orders_per_user_market = 3;
  auto bounded = make_engine(nullptr, config);
  ASSERT_TRUE(bounded->deposit(alice, Account::spot, "USDT", dec("1000"), 0));
  ASSERT_TRUE(bounded->deposit(bob, Account::spot, "BTC", dec("1"), 0));
  bounded->place_spot_order(bob, limit("BTC_USDT", Side::sell, "0.01", "100"), 1'000).value();
  OrderId const filled =
      bounded->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.01", "100"), 1'000)
          .value()
          .id;
  std::vector<OrderId> cancelled;
  for (TimeMs now = 2'000; now <= 4'000; now += 1'000) {
    OrderId const id =
        bounded->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.02", "90"), now)
            .value()
            .id;
    bounded->cancel_spot_order(alice, "BTC_USDT", id, now).value();
    cancelled.push_back(id);
  }
  EXPECT_EQ(bounded->spot().order(alice, "BTC_USDT", filled, 5'000).error().code, "ORDER_NOT_FOUND")
      << "the oldest finish was forgotten, though it had fills";
  auto const finished = bounded->spot().finished_orders(alice, "BTC_USDT", {}, 5'000).value();
  ASSERT_EQ(finished.size(), 3U);
  EXPECT_EQ(finished[0].id, cancelled[2]);
  EXPECT_EQ(finished[2].id, cancelled[0]);
}

TEST_F(SpotOrders, ListsOpenOrdersNewestFirstWithPages) {
  std::vector<OrderId> ids;
  for (int index = 0; index < 5; ++index) {
    ids.push_back(
        engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.01", "100"), 1'000 + index)
            .value()
            .id);
  }
  ASSERT_TRUE(engine->deposit(alice, Account::spot, "ETH", dec("1"), 2'000));
  engine->place_spot_order(alice, limit("ETH_USDT", Side::sell, "0.5", "3000"), 2'000).value();

  auto const page_one = engine->spot().open_orders(alice, "BTC_USDT", Page{1, 2}).value();
  ASSERT_EQ(page_one.size(), 2U);
  EXPECT_EQ(page_one[0].id, ids[4]);
  EXPECT_EQ(page_one[1].id, ids[3]);
  auto const page_three = engine->spot().open_orders(alice, "BTC_USDT", Page{3, 2}).value();
  ASSERT_EQ(page_three.size(), 1U);
  EXPECT_EQ(page_three[0].id, ids[0]);

  auto const groups = engine->spot().open_orders_by_pair(alice, Page{1, 3});
  ASSERT_EQ(groups.size(), 2U);
  EXPECT_EQ(groups[0].currency_pair, "BTC_USDT");
  EXPECT_EQ(groups[0].total, 5U);
  EXPECT_EQ(groups[0].orders.size(), 3U);
  EXPECT_EQ(groups[1].currency_pair, "ETH_USDT");
  EXPECT_EQ(groups[1].total, 1U);

  auto const cancelled = engine->cancel_spot_orders(alice, std::nullopt, Side::buy, 3'000).value();
  EXPECT_EQ(cancelled.size(), 5U);
  EXPECT_EQ(engine->spot().open_orders_by_pair(alice, {}).size(), 1U) << "sells untouched";
  EXPECT_TRUE(locked(*engine, alice, "USDT").is_zero());
}

TEST_F(SpotOrders, MyTradesAndPublicTradesNewestFirst) {
  engine->place_spot_order(bob, limit("BTC_USDT", Side::sell, "0.3", "100"), 1'000).value();
  SpotOrder const first =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.1", "100"), 2'000).value();
  SpotOrder const second =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.2", "100"), 3'000).value();
  auto const mine = engine->spot().my_trades(alice, "BTC_USDT", std::nullopt, {}).value();
  ASSERT_EQ(mine.size(), 2U);
  EXPECT_EQ(mine[0].order_id, second.id);
  EXPECT_EQ(mine[0].deal, dec("20"));
  EXPECT_EQ(mine[0].role, Role::taker);
  EXPECT_EQ(mine[0].sequence_id, 2);
  EXPECT_EQ(mine[1].create_time_ms, 2'000);
  auto const of_first = engine->spot().my_trades(alice, "BTC_USDT", first.id, {}).value();
  ASSERT_EQ(of_first.size(), 1U);
  EXPECT_EQ(of_first[0].amount, dec("0.1"));
  auto const bobs = engine->spot().my_trades(bob, "BTC_USDT", std::nullopt, {}).value();
  ASSERT_EQ(bobs.size(), 2U);
  EXPECT_EQ(bobs[0].role, Role::maker);
  EXPECT_EQ(bobs[0].id, mine[0].id) << "one trade id for both sides";
  auto const public_trades = engine->spot().trades("BTC_USDT", 1).value();
  ASSERT_EQ(public_trades.size(), 1U);
  EXPECT_EQ(public_trades[0].amount, dec("0.2"));
}

TEST_F(SpotOrders, DepositWithdrawAndTransfer) {
  EXPECT_EQ(engine->deposit(alice, Account::spot, "XRP", dec("1"), 1).error().code,
            "INVALID_CURRENCY");
  EXPECT_EQ(engine->deposit(alice, Account::spot, "BTC", dec("0"), 1).error().code,
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(engine->withdraw(alice, Account::spot, "BTC", dec("2"), 1).error().code,
            "BALANCE_NOT_ENOUGH");
  ASSERT_TRUE(engine->withdraw(alice, Account::spot, "BTC", dec("0.25"), 1));
  EXPECT_EQ(available(*engine, alice, "BTC"), dec("0.75"));

  EXPECT_EQ(engine->futures_account(alice).error().code, "USER_NOT_FOUND");
  EXPECT_EQ(
      engine->transfer(alice, "BTC", Account::spot, Account::futures, dec("1"), 2).error().code,
      "INVALID_PARAM_VALUE");
  EXPECT_EQ(
      engine->transfer(alice, "USDT", Account::spot, Account::futures, dec("5000"), 2).error().code,
      "BALANCE_NOT_ENOUGH");
  EXPECT_EQ(engine->futures_account(alice).error().code, "USER_NOT_FOUND") << "still unopened";
  ASSERT_TRUE(engine->transfer(alice, "USDT", Account::spot, Account::futures, dec("400"), 2));
  EXPECT_EQ(engine->futures_account(alice)->total, dec("400"));
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("600"));
  EXPECT_EQ(
      engine->transfer(alice, "USDT", Account::futures, Account::spot, dec("401"), 3).error().code,
      "INSUFFICIENT_AVAILABLE");
  ASSERT_TRUE(engine->transfer(alice, "USDT", Account::futures, Account::spot, dec("100"), 3));
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("700"));
  EXPECT_EQ(engine->futures_account(alice)->history.dnw, dec("300"));
  EXPECT_EQ(sink.spot_balances.back().change_type, SpotBalanceChange::future_transfer);

  auto const balances = engine->spot_balances(alice);
  ASSERT_EQ(balances.size(), 2U);
  EXPECT_EQ(balances[0].currency, "BTC");
  EXPECT_EQ(balances[1].currency, "USDT");
  EXPECT_EQ(balances[1].update_id, 3) << "deposit, transfer out, transfer in";
  EXPECT_EQ(engine->house_totals("BTC")->withdrawals, dec("0.25"));
  EXPECT_EQ(engine->house_totals("USDT")->deposits, dec("1000")) << "transfers stay inside";
}

TEST_F(SpotOrders, DepositsAreBounded) {
  EngineConfig config;
  config.max_balance = dec("100");
  auto bounded = make_engine(nullptr, config);
  ASSERT_TRUE(bounded->deposit(alice, Account::spot, "USDT", dec("100"), 0));
  EXPECT_EQ(bounded->deposit(alice, Account::spot, "USDT", dec("0.01"), 0).error().code,
            "AMOUNT_TOO_MUCH");
}

}  // namespace
}  // namespace tradelink::sandbox::testing
