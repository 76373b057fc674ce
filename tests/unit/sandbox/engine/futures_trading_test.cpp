// USDT perpetuals end to end with hand-computed numbers: open, increase, reduce and close a
// position; fees, realised and unrealised PnL, margins, balances, events; decimal sizes.

#include <gtest/gtest.h>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

constexpr UserId alice = 1;
constexpr UserId bob = 2;

class FuturesTrading : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine(&sink);
    ASSERT_TRUE(engine->deposit(alice, Account::futures, "USDT", dec("10000"), 0));
    ASSERT_TRUE(engine->deposit(bob, Account::futures, "USDT", dec("10000"), 0));
  }

  FuturesOrder place(UserId user, FuturesOrderRequest const& request, TimeMs now = 1'000) {
    auto placed = engine->place_futures_order(user, request, now);
    EXPECT_TRUE(placed.has_value())
        << (placed ? "" : placed.error().code + " " + placed.error().message);
    return placed ? *placed : FuturesOrder{};
  }
  FuturesAccount account(UserId user) { return engine->futures_account(user).value(); }
  FuturesPosition position(UserId user, std::string_view contract = "BTC_USDT") {
    return engine->futures().position(user, contract).value();
  }

  RecordingSink sink;
  std::unique_ptr<Engine> engine;
};

TEST_F(FuturesTrading, LongAndShortThroughAFullLifecycle) {
  // 1. Alice bids 10 contracts (0.01 BTC) at 50000: order margin 10 × 0.001 × 50000 / 10 = 50.
  FuturesOrder const bid = place(alice, futures_order("BTC_USDT", "10", "50000"));
  EXPECT_EQ(bid.status, FuturesOrderStatus::open);
  EXPECT_EQ(account(alice).order_margin, dec("50"));
  EXPECT_EQ(account(alice).available, dec("9950"));

  // 2. Bob sells into it: value 500, maker fee 0.1, taker fee 0.25.
  FuturesOrder const ask = place(bob, futures_order("BTC_USDT", "-10", "50000"));
  EXPECT_EQ(ask.status, FuturesOrderStatus::finished);
  EXPECT_EQ(ask.finish_as, FinishAs::filled);
  EXPECT_EQ(ask.fill_price, dec("50000"));
  EXPECT_EQ(ask.fee, dec("0.25"));
  EXPECT_EQ(ask.size, dec("-10"));
  EXPECT_TRUE(ask.left.is_zero());
  FuturesAccount a = account(alice);
  EXPECT_EQ(a.total, dec("9999.9"));
  EXPECT_EQ(a.position_margin, dec("50"));
  EXPECT_TRUE(a.order_margin.is_zero());
  EXPECT_EQ(a.available, dec("9949.9"));
  EXPECT_EQ(a.history.fee, dec("-0.1"));
  EXPECT_EQ(position(alice).size, dec("10"));
  EXPECT_EQ(position(alice).entry_price, dec("50000"));
  EXPECT_EQ(position(bob).size, dec("-10"));
  EXPECT_EQ(account(bob).total, dec("9999.75"));

  // 3. Mark 51000: unrealised ±(510 − 500).
  ASSERT_TRUE(engine->set_mark_price("BTC_USDT", dec("51000"), 2'000));
  EXPECT_EQ(position(alice).unrealised_pnl, dec("10"));
  EXPECT_EQ(position(alice).value, dec("510"));
  EXPECT_EQ(position(bob).unrealised_pnl, dec("-10"));
  EXPECT_EQ(account(alice).unrealised_pnl, dec("10"));
  EXPECT_EQ(account(bob).unrealised_pnl, dec("-10"));

  // 4. Both increase at 52000: entry value 1020 over 20 contracts → entry price 51000.
  place(bob, futures_order("BTC_USDT", "-10", "52000"), 3'000);
  EXPECT_EQ(account(bob).order_margin, dec("52"));
  place(alice, futures_order("BTC_USDT", "10", "52000"), 3'000);
  EXPECT_EQ(position(alice).size, dec("20"));
  EXPECT_EQ(position(alice).entry_price, dec("51000"));
  EXPECT_EQ(position(alice).margin, dec("102"));
  EXPECT_EQ(account(alice).total, dec("9999.64"));  // taker fee 0.26
  EXPECT_EQ(account(bob).total, dec("9999.646"));   // maker fee 0.104
  EXPECT_TRUE(account(bob).order_margin.is_zero());

  // 5. Alice reduces 5 at 53000: pnl 265 − 1020 × 5/20 = 10; Bob buys back 5 and loses 10.
  FuturesOrder const reduce = place(alice, futures_order("BTC_USDT", "-5", "53000"), 4'000);
  EXPECT_TRUE(account(alice).order_margin.is_zero()) << "a closing order holds no margin";
  sink.clear();
  place(bob, futures_order("BTC_USDT", "5", "53000"), 4'000);
  a = account(alice);
  EXPECT_EQ(a.total, dec("10009.587"));  // + 10 − 0.053
  EXPECT_EQ(a.history.pnl, dec("10"));
  EXPECT_EQ(position(alice).size, dec("15"));
  EXPECT_EQ(position(alice).margin, dec("76.5"));
  EXPECT_EQ(account(bob).total, dec("9989.5135"));  // − 10 − 0.1325
  ASSERT_GE(sink.futures_balances.size(), 2U);
  EXPECT_EQ(sink.futures_balances[0].user, alice);
  EXPECT_EQ(sink.futures_balances[0].type, FuturesBalanceChange::pnl);
  EXPECT_EQ(sink.futures_balances[0].change, dec("10"));
  EXPECT_EQ(sink.futures_balances[0].balance, dec("10009.64"));
  EXPECT_EQ(sink.futures_balances[0].contract, "BTC_USDT");
  EXPECT_EQ(sink.futures_balances[0].order_id, reduce.id);
  EXPECT_EQ(sink.futures_balances[1].type, FuturesBalanceChange::fee);
  EXPECT_EQ(sink.futures_balances[1].change, dec("-0.053"));
  ASSERT_FALSE(sink.futures_user_trades.empty());
  EXPECT_EQ(sink.futures_user_trades[0].size, dec("-5"));
  EXPECT_EQ(sink.futures_user_trades[0].close_size, dec("-5"));
  EXPECT_EQ(sink.futures_user_trades[0].role, Role::maker);

  // 6. Bob bids 15; Alice closes everything at market: pnl 795 − 765 = 30.
  place(bob, futures_order("BTC_USDT", "15", "53000"), 5'000);
  FuturesOrderRequest close = futures_order("BTC_USDT", "0", "0", TimeInForce::ioc);
  close.close = true;
  FuturesOrder const closed = place(alice, close, 5'000);
  EXPECT_TRUE(closed.is_close);
  EXPECT_TRUE(closed.is_reduce_only);
  EXPECT_EQ(closed.size, dec("-15"));
  EXPECT_EQ(closed.finish_as, FinishAs::filled);
  FuturesPosition const flat = position(alice);
  EXPECT_TRUE(flat.size.is_zero());
  EXPECT_TRUE(flat.margin.is_zero());
  EXPECT_TRUE(flat.realised_pnl.is_zero());
  EXPECT_EQ(flat.last_close_pnl, dec("39.1895"));  // 40 of PnL minus 0.8105 of fees
  EXPECT_EQ(flat.history_pnl, dec("39.1895"));
  a = account(alice);
  EXPECT_EQ(a.total, dec("10039.1895"));
  EXPECT_EQ(a.available, dec("10039.1895"));
  EXPECT_EQ(account(bob).total, dec("9959.3545"));
  EXPECT_TRUE(position(bob).size.is_zero());
  EXPECT_EQ(engine->house_totals("USDT")->fees, dec("1.456"));
  // Conservation: 10039.1895 + 9959.3545 + 1.456 = 20000.
}

TEST_F(FuturesTrading, EventsCarryPositionUpdateIdsAndSignedTrades) {
  place(alice, futures_order("BTC_USDT", "3", "50000"));
  sink.clear();
  place(bob, futures_order("BTC_USDT", "-2", "0", TimeInForce::ioc));
  std::vector<std::string> const expected{
      "futures.order.put",     // bob's market order
      "futures.balance",       // alice maker fee
      "futures.position",      // alice
      "futures.user_trade",    // alice
      "futures.balance",       // bob taker fee
      "futures.position",      // bob
      "futures.user_trade",    // bob
      "futures.public_trade",  //
      "futures.order.update",  // alice partly filled
      "futures.order.finish",  // bob filled
      "futures.book",          //
  };
  EXPECT_EQ(sink.kinds, expected);
  EXPECT_EQ(sink.futures_public_trades[0].size, dec("-2")) << "signed by the taker";
  EXPECT_EQ(sink.futures_positions[0].update_id, 1);
  EXPECT_EQ(sink.futures_positions[0].size, dec("2"));
  EXPECT_EQ(sink.futures_orders[1].second.left, dec("1"));
  EXPECT_EQ(sink.futures_books[0].bids, (std::vector<PriceLevel>{{dec("50000"), dec("1")}}));

  place(bob, futures_order("BTC_USDT", "-1", "0", TimeInForce::ioc));
  EXPECT_EQ(position(alice).update_id, 2);
  auto const book = engine->futures().order_book("BTC_USDT", 5).value();
  EXPECT_TRUE(book.bids.empty());
  EXPECT_EQ(book.id, 3U) << "add, reduce, remove";
  FuturesTicker const ticker = engine->futures().ticker("BTC_USDT", 2'000).value();
  EXPECT_EQ(ticker.total_size, dec("3"));
  EXPECT_EQ(ticker.volume_24h, dec("3"));
  EXPECT_EQ(ticker.volume_24h_base, dec("0.003"));
  EXPECT_EQ(ticker.volume_24h_quote, dec("150"));
  EXPECT_EQ(ticker.mark_price, dec("50000")) << "last price until a mark is set";
}

TEST_F(FuturesTrading, DecimalSizesOnDecimalContracts) {
  place(alice, futures_order("ETH_USDT", "0.5", "3000"));
  place(bob, futures_order("ETH_USDT", "-0.5", "3000"));
  EXPECT_EQ(position(alice, "ETH_USDT").size, dec("0.5"));
  EXPECT_EQ(position(alice, "ETH_USDT").margin, dec("1.5"));  // 0.5 × 0.01 × 3000 / 10
  EXPECT_EQ(account(bob).total, dec("9999.9925"));            // taker 0.0005 × 15
  auto const bad = engine->place_futures_order(alice, futures_order("ETH_USDT", "0.05", "3000"), 1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "INVALID_PARAM_VALUE");
}

TEST_F(FuturesTrading, OrdersByTextCancelAndAgeing) {
  FuturesOrderRequest request = futures_order("BTC_USDT", "2", "40000");
  request.text = "t-fut-1";
  FuturesOrder const order = place(alice, request);
  EXPECT_EQ(engine->futures().order(alice, std::string_view("t-fut-1"), 1'001)->id, order.id);
  EXPECT_EQ(engine->futures().open_orders(alice, std::nullopt, {})->size(), 1U);
  EXPECT_EQ(engine->cancel_futures_order(bob, order.id, 2'000).error().code, "ORDER_NOT_FOUND");
  FuturesOrder const cancelled =
      engine->cancel_futures_order(alice, std::string_view("t-fut-1"), 2'000).value();
  EXPECT_EQ(cancelled.finish_as, FinishAs::cancelled);
  EXPECT_EQ(cancelled.finish_time_ms, 2'000);
  EXPECT_TRUE(account(alice).order_margin.is_zero());
  EXPECT_EQ(engine->cancel_futures_order(alice, order.id, 2'100).error().code, "ORDER_FINISHED");
  EXPECT_TRUE(engine->futures().order(alice, order.id, 61'999));
  EXPECT_EQ(engine->futures().order(alice, order.id, 62'000).error().code, "ORDER_NOT_FOUND");

  place(alice, futures_order("BTC_USDT", "1", "40000"), 3'000);
  place(alice, futures_order("ETH_USDT", "1", "3000"), 3'000);
  auto const all = engine->cancel_futures_orders(alice, std::nullopt, std::nullopt, 4'000).value();
  EXPECT_EQ(all.size(), 2U);
  EXPECT_EQ(engine->futures().finished_orders(alice, "BTC_USDT", {}, 4'000)->size(), 2U);
}

TEST_F(FuturesTrading, AgedOrdersWithoutFillsAreForgottenSoMemoryStaysBounded) {
  // One order placed and cancelled per second for 20 minutes.
  for (TimeMs now = 1'000; now <= 1'200'000; now += 1'000) {
    FuturesOrder const order = place(alice, futures_order("BTC_USDT", "1", "40000"), now);
    engine->cancel_futures_order(alice, order.id, now).value();
    ASSERT_LE(engine->futures().remembered_order_count(), 61U) << "at " << now;
  }
  EXPECT_EQ(engine->futures().finished_orders(alice, "BTC_USDT", Page{1, 100}, 1'200'000)->size(),
            60U)
      << "the last 60 s";
}

}  // namespace
}  // namespace tradelink::sandbox::testing
