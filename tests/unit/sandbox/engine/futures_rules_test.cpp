// Futures order rules: account opening, size/price/tif validation, margin checks and leverage,
// reduce-only and close semantics, post-only and fill-or-kill, open-order limit.

#include <gtest/gtest.h>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

constexpr UserId alice = 1;
constexpr UserId bob = 2;
constexpr UserId carol = 3;

class FuturesRules : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine(&sink);
    ASSERT_TRUE(engine->deposit(alice, Account::futures, "USDT", dec("10000"), 0));
    ASSERT_TRUE(engine->deposit(bob, Account::futures, "USDT", dec("10000"), 0));
  }

  std::string code(UserId user, FuturesOrderRequest const& request) {
    auto const placed = engine->place_futures_order(user, request, 1'000);
    return placed ? std::string("accepted") : placed.error().code;
  }
  FuturesOrder place(UserId user, FuturesOrderRequest const& request, TimeMs now = 1'000) {
    auto placed = engine->place_futures_order(user, request, now);
    EXPECT_TRUE(placed.has_value()) << (placed ? "" : placed.error().code);
    return placed ? *placed : FuturesOrder{};
  }
  /// Gives alice a long of `size` contracts at 50000 against bob (alice is the taker).
  void open_long(std::string_view size) {
    place(bob, futures_order("BTC_USDT", std::string("-") + std::string(size), "50000"));
    place(alice, futures_order("BTC_USDT", size, "50000"));
  }
  static FuturesOrderRequest reduce_only(std::string_view size, std::string_view price) {
    FuturesOrderRequest request = futures_order("BTC_USDT", size, price);
    request.reduce_only = true;
    return request;
  }
  static FuturesOrderRequest close_all() {
    FuturesOrderRequest request = futures_order("BTC_USDT", "0", "0", TimeInForce::ioc);
    request.close = true;
    return request;
  }

  RecordingSink sink;
  std::unique_ptr<Engine> engine;
};

TEST_F(FuturesRules, AccountMustBeOpenedFirst) {
  EXPECT_EQ(code(carol, futures_order("BTC_USDT", "1", "50000")), "USER_NOT_FOUND");
  EXPECT_EQ(engine->futures().position(carol, "BTC_USDT").error().code, "USER_NOT_FOUND");
  EXPECT_EQ(engine->set_leverage(carol, "BTC_USDT", dec("5"), 1).error().code, "USER_NOT_FOUND");
  EXPECT_EQ(engine->withdraw(carol, Account::futures, "USDT", dec("1"), 1).error().code,
            "USER_NOT_FOUND");
  EXPECT_EQ(engine->deposit(carol, Account::futures, "BTC", dec("1"), 1).error().code,
            "INVALID_CURRENCY");
  ASSERT_TRUE(engine->deposit(carol, Account::futures, "USDT", dec("10"), 1));
  EXPECT_EQ(engine->futures_account(carol)->total, dec("10"));
  EXPECT_EQ(sink.futures_balances.back().type, FuturesBalanceChange::dnw);
}

TEST_F(FuturesRules, ValidatesSizesPricesAndTimeInForce) {
  EXPECT_EQ(code(alice, futures_order("XRP_USDT", "1", "1")), "CONTRACT_NOT_FOUND");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "0", "50000")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "1.5", "50000")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "10001", "50000")), "SIZE_TOO_LARGE");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "1", "50000.05")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "1", "-1")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "1", "0")), "INVALID_PARAM_VALUE")
      << "market orders need ioc or fok";
  FuturesOrderRequest sized_close = futures_order("BTC_USDT", "1", "0", TimeInForce::ioc);
  sized_close.close = true;
  EXPECT_EQ(code(alice, sized_close), "INVALID_PARAM_VALUE");
  EXPECT_EQ(code(alice, close_all()), "POSITION_EMPTY");

  Catalogue catalogue = test_catalogue();
  catalogue.contracts[0].order_size_min = dec("5");
  catalogue.contracts[0].orders_limit = 1;
  auto strict = Engine::create(catalogue).value();
  ASSERT_TRUE(strict->deposit(alice, Account::futures, "USDT", dec("1000"), 0));
  EXPECT_EQ(
      strict->place_futures_order(alice, futures_order("BTC_USDT", "2", "100"), 1).error().code,
      "SIZE_TOO_SMALL");
  ASSERT_TRUE(strict->place_futures_order(alice, futures_order("BTC_USDT", "5", "100"), 1));
  EXPECT_EQ(
      strict->place_futures_order(alice, futures_order("BTC_USDT", "5", "100"), 1).error().code,
      "TOO_MANY_ORDERS");
}

TEST_F(FuturesRules, MarginMustFitAvailableAndFollowsLeverage) {
  ASSERT_TRUE(engine->deposit(carol, Account::futures, "USDT", dec("10"), 0));
  EXPECT_EQ(code(carol, futures_order("BTC_USDT", "10", "50000")), "INSUFFICIENT_AVAILABLE")
      << "needs 50 at 10x";
  EXPECT_EQ(engine->set_leverage(carol, "BTC_USDT", dec("101"), 1).error().code,
            "LEVERAGE_TOO_HIGH");
  EXPECT_EQ(engine->set_leverage(carol, "BTC_USDT", dec("0.5"), 1).error().code,
            "LEVERAGE_TOO_LOW");
  EXPECT_EQ(engine->set_leverage(carol, "BTC_USDT", dec("100"), 1)->leverage, dec("100"));
  FuturesOrder const order = place(carol, futures_order("BTC_USDT", "10", "50000"));
  EXPECT_EQ(engine->futures_account(carol)->order_margin, dec("5"));
  EXPECT_EQ(engine->set_leverage(carol, "BTC_USDT", dec("1"), 2).error().code,
            "INSUFFICIENT_AVAILABLE")
      << "the open order would need 500";
  ASSERT_TRUE(engine->set_leverage(carol, "BTC_USDT", dec("50"), 2));
  EXPECT_EQ(engine->futures_account(carol)->order_margin, dec("10"));
  EXPECT_TRUE(engine->futures_account(carol)->available.is_zero());
  ASSERT_TRUE(engine->cancel_futures_order(carol, order.id, 3));
  EXPECT_EQ(engine->futures_account(carol)->available, dec("10"));

  open_long("10");
  EXPECT_EQ(engine->futures_account(alice)->position_margin, dec("50"));
  FuturesPosition const remargined = engine->set_leverage(alice, "BTC_USDT", dec("5"), 4).value();
  EXPECT_EQ(remargined.margin, dec("100"));
  EXPECT_EQ(engine->futures_account(alice)->position_margin, dec("100"));
  EXPECT_EQ(engine->futures_account(alice)->available, dec("9899.75"));  // − 0.25 fee − 100
  EXPECT_EQ(engine->withdraw(alice, Account::futures, "USDT", dec("9900"), 5).error().code,
            "INSUFFICIENT_AVAILABLE");
}

TEST_F(FuturesRules, ReduceOnlyCannotIncreaseOrExceed) {
  EXPECT_EQ(code(alice, reduce_only("-1", "50000")), "REDUCE_EXCEEDED") << "empty position";
  open_long("10");
  EXPECT_EQ(code(alice, reduce_only("1", "50000")), "INCREASE_POSITION");
  EXPECT_EQ(code(alice, reduce_only("-11", "60000")), "REDUCE_EXCEEDED");
  FuturesOrder const pending = place(alice, reduce_only("-6", "60000"));
  EXPECT_TRUE(pending.is_reduce_only);
  EXPECT_TRUE(engine->futures_account(alice)->order_margin.is_zero());
  EXPECT_EQ(code(alice, reduce_only("-5", "61000")), "REDUCE_EXCEEDED") << "6 already pending";
  EXPECT_EQ(code(alice, reduce_only("-4", "61000")), "accepted");
}

TEST_F(FuturesRules, ReduceOnlyOrdersEndWithTheirPosition) {
  open_long("10");
  FuturesOrder const take_profit = place(alice, reduce_only("-10", "60000"), 2'000);
  place(bob, futures_order("BTC_USDT", "10", "49000"), 2'000);
  sink.clear();
  FuturesOrder const closed = place(alice, close_all(), 3'000);
  EXPECT_EQ(closed.finish_as, FinishAs::filled);
  FuturesOrder const after = engine->futures().order(alice, take_profit.id, 3'000).value();
  EXPECT_EQ(after.status, FuturesOrderStatus::finished);
  EXPECT_EQ(after.finish_as, FinishAs::position_closed);
  EXPECT_TRUE(engine->futures().order_book("BTC_USDT", 10).value().asks.empty());
  // Sold 10 × 0.001 at 49000 after buying at 50000: −10, minus 0.25 + 0.245 of taker fees.
  EXPECT_EQ(engine->futures().position(alice, "BTC_USDT")->last_close_pnl, dec("-10.495"));
}

TEST_F(FuturesRules, RestingReduceOnlyOrderIsDroppedWhenThePositionTurned) {
  open_long("10");
  FuturesOrder const take_profit = place(alice, reduce_only("-10", "51000"), 2'000);
  place(bob, futures_order("BTC_USDT", "20", "49000"), 2'000);
  place(alice, futures_order("BTC_USDT", "-20", "49000"), 2'100);  // long 10 → short 10
  EXPECT_EQ(engine->futures().position(alice, "BTC_USDT")->size, dec("-10"));
  EXPECT_EQ(engine->futures().order(alice, take_profit.id, 2'100)->status, FuturesOrderStatus::open)
      << "still resting until something reaches it";

  FuturesOrder const lift = place(bob, futures_order("BTC_USDT", "10", "51000"), 2'200);
  EXPECT_EQ(lift.status, FuturesOrderStatus::open) << "nothing could fill it";
  EXPECT_EQ(engine->futures().order(alice, take_profit.id, 2'200)->finish_as,
            FinishAs::reduce_only);
  EXPECT_EQ(engine->futures().position(alice, "BTC_USDT")->size, dec("-10"));
}

TEST_F(FuturesRules, ReduceOnlyTakerIsClippedToThePosition) {
  open_long("5");
  place(bob, futures_order("BTC_USDT", "3", "50000"), 2'000);
  place(bob, futures_order("BTC_USDT", "3", "49900"), 2'000);
  FuturesOrder const reduce = place(alice, reduce_only("-5", "49000"), 2'100);
  EXPECT_EQ(reduce.finish_as, FinishAs::filled);
  EXPECT_TRUE(engine->futures().position(alice, "BTC_USDT")->size.is_zero());
}

TEST_F(FuturesRules, PostOnlyAndFillOrKill) {
  place(bob, futures_order("BTC_USDT", "-5", "50000"));
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "1", "50000", TimeInForce::poc)),
            "ORDER_POC_IMMEDIATE");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "1", "49999.9", TimeInForce::poc)), "accepted");
  EXPECT_EQ(code(alice, futures_order("BTC_USDT", "6", "50000", TimeInForce::fok)), "ORDER_FOK");
  EXPECT_EQ(engine->futures().order_book("BTC_USDT", 5).value().asks[0].size, dec("5"));
  FuturesOrder const all = place(alice, futures_order("BTC_USDT", "5", "0", TimeInForce::fok));
  EXPECT_EQ(all.finish_as, FinishAs::filled);
  FuturesOrder const nothing = place(alice, futures_order("BTC_USDT", "5", "0", TimeInForce::ioc));
  EXPECT_EQ(nothing.finish_as, FinishAs::ioc) << "market order on an empty side";
  EXPECT_TRUE(nothing.fill_price.is_zero());
}

TEST_F(FuturesRules, MarkPriceMustBeOnItsGrid) {
  EXPECT_EQ(engine->set_mark_price("BTC_USDT", dec("50000.05"), 1).error().code,
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(engine->set_mark_price("BTC_USDT", dec("0"), 1).error().code, "INVALID_PARAM_VALUE");
  EXPECT_EQ(engine->set_mark_price("NOPE", dec("1"), 1).error().code, "CONTRACT_NOT_FOUND");
  ASSERT_TRUE(engine->set_mark_price("BTC_USDT", dec("50000.1"), 1));
  EXPECT_EQ(engine->futures().mark_price("BTC_USDT").value(), dec("50000.1"));
}

}  // namespace
}  // namespace tradelink::sandbox::testing
