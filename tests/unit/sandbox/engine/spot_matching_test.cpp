// Spot matching: price-time priority, partial fills across levels, time in force, market orders
// (buy by quote cost), self-trades, and exact balances and fees after each of them.

#include <gtest/gtest.h>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

constexpr UserId seller = 1;
constexpr UserId buyer = 2;
constexpr UserId second_seller = 3;

class SpotMatching : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine(&sink);
    ASSERT_TRUE(engine->deposit(seller, Account::spot, "BTC", dec("10"), 0));
    ASSERT_TRUE(engine->deposit(second_seller, Account::spot, "BTC", dec("1"), 0));
    ASSERT_TRUE(engine->deposit(buyer, Account::spot, "USDT", dec("100000"), 0));
  }

  SpotOrder place(UserId user, SpotOrderRequest const& request, TimeMs now = 1'000) {
    auto placed = engine->place_spot_order(user, request, now);
    EXPECT_TRUE(placed.has_value()) << (placed ? "" : placed.error().code);
    return placed ? *placed : SpotOrder{};
  }

  RecordingSink sink;
  std::unique_ptr<Engine> engine;
};

TEST_F(SpotMatching, FillsBestPriceFirstThenOldestFirst) {
  SpotOrder const at_100_first = place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  SpotOrder const at_100_second = place(second_seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  SpotOrder const at_99 = place(seller, limit("BTC_USDT", Side::sell, "0.1", "99"));
  sink.clear();

  SpotOrder const taker = place(buyer, limit("BTC_USDT", Side::buy, "0.25", "100"));
  EXPECT_EQ(taker.status, SpotOrderStatus::closed);
  EXPECT_EQ(taker.finish_as, FinishAs::filled);
  EXPECT_EQ(taker.filled_amount, dec("0.25"));
  EXPECT_EQ(taker.filled_total, dec("24.9"));  // 0.1×99 + 0.1×100 + 0.05×100
  EXPECT_EQ(taker.avg_deal_price, dec("99.6"));
  EXPECT_EQ(taker.fee, dec("0.0005"));  // taker 0.2 % of 0.25 BTC, paid in BTC
  EXPECT_EQ(taker.fee_currency, "BTC");
  EXPECT_TRUE(taker.left.is_zero());

  ASSERT_EQ(sink.spot_public_trades.size(), 3U);
  EXPECT_EQ(sink.spot_public_trades[0].price, dec("99"));
  EXPECT_EQ(sink.spot_public_trades[1].price, dec("100"));
  EXPECT_EQ(sink.spot_public_trades[2].amount, dec("0.05"));
  EXPECT_EQ(sink.spot_public_trades[2].side, Side::buy);
  ASSERT_EQ(sink.spot_user_trades.size(), 6U);
  EXPECT_EQ(sink.spot_user_trades[0].order_id, at_99.id);
  EXPECT_EQ(sink.spot_user_trades[0].role, Role::maker);
  EXPECT_EQ(sink.spot_user_trades[1].role, Role::taker);
  EXPECT_EQ(sink.spot_user_trades[2].order_id, at_100_first.id);
  EXPECT_EQ(sink.spot_user_trades[4].order_id, at_100_second.id);

  auto const rest = engine->spot().order(second_seller, "BTC_USDT", at_100_second.id, 2'000);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->status, SpotOrderStatus::open);
  EXPECT_EQ(rest->left, dec("0.05"));
  EXPECT_EQ(rest->filled_total, dec("5"));
  EXPECT_EQ(rest->fee, dec("0.005"));  // maker 0.1 % of 5 USDT
  EXPECT_EQ(engine->spot().order(seller, "BTC_USDT", at_99.id, 2'000)->finish_as, FinishAs::filled);

  // Buyer locked 25 USDT at its limit, paid 24.9: the 0.1 saved came back at once.
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("99975.1"));
  EXPECT_TRUE(locked(*engine, buyer, "USDT").is_zero());
  EXPECT_EQ(available(*engine, buyer, "BTC"), dec("0.2495"));
  EXPECT_EQ(available(*engine, seller, "BTC"), dec("9.8"));
  EXPECT_TRUE(locked(*engine, seller, "BTC").is_zero());
  EXPECT_EQ(available(*engine, seller, "USDT"), dec("19.8801"));  // 19.9 − 0.0199
  EXPECT_EQ(available(*engine, second_seller, "BTC"), dec("0.9"));
  EXPECT_EQ(locked(*engine, second_seller, "BTC"), dec("0.05"));
  EXPECT_EQ(available(*engine, second_seller, "USDT"), dec("4.995"));
  EXPECT_EQ(engine->house_totals("BTC")->fees, dec("0.0005"));
  EXPECT_EQ(engine->house_totals("USDT")->fees, dec("0.0249"));

  auto const book = engine->spot().order_book("BTC_USDT", 10).value();
  ASSERT_EQ(book.asks.size(), 1U);
  EXPECT_EQ(book.asks[0], (PriceLevel{dec("100"), dec("0.05")}));
}

TEST_F(SpotMatching, RestingRemainderOfAPartiallyFilledLimitOrder) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  SpotOrder const taker = place(buyer, limit("BTC_USDT", Side::buy, "0.3", "101"));
  EXPECT_EQ(taker.status, SpotOrderStatus::open);
  EXPECT_EQ(taker.left, dec("0.2"));
  EXPECT_EQ(taker.filled_amount, dec("0.1"));
  // 0.3 × 101 locked; the fill released 0.1 × 101 (10 spent, 0.1 back); 0.2 × 101 stays locked.
  EXPECT_EQ(locked(*engine, buyer, "USDT"), dec("20.2"));
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("99969.8"));
  auto const book = engine->spot().order_book("BTC_USDT", 10).value();
  ASSERT_EQ(book.bids.size(), 1U);
  EXPECT_EQ(book.bids[0], (PriceLevel{dec("101"), dec("0.2")}));
  EXPECT_TRUE(book.asks.empty());
}

TEST_F(SpotMatching, ImmediateOrCancelDropsTheRemainder) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  SpotOrder const taker =
      place(buyer, limit("BTC_USDT", Side::buy, "0.3", "100", TimeInForce::ioc));
  EXPECT_EQ(taker.status, SpotOrderStatus::cancelled);
  EXPECT_EQ(taker.finish_as, FinishAs::ioc);
  EXPECT_EQ(taker.left, dec("0.2"));
  EXPECT_TRUE(locked(*engine, buyer, "USDT").is_zero());
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("99990"));
  EXPECT_TRUE(engine->spot().order_book("BTC_USDT", 10).value().bids.empty());
}

TEST_F(SpotMatching, FillOrKillIsAllOrNothing) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "102"));

  SpotOrder const killed =
      place(buyer, limit("BTC_USDT", Side::buy, "0.2", "101", TimeInForce::fok));
  EXPECT_EQ(killed.status, SpotOrderStatus::cancelled);
  EXPECT_EQ(killed.finish_as, FinishAs::fok);
  EXPECT_TRUE(killed.filled_amount.is_zero());
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("100000"));
  EXPECT_EQ(engine->spot().order_book("BTC_USDT", 10).value().asks.size(), 2U);

  SpotOrder const filled =
      place(buyer, limit("BTC_USDT", Side::buy, "0.2", "102", TimeInForce::fok));
  EXPECT_EQ(filled.finish_as, FinishAs::filled);
  EXPECT_EQ(filled.filled_total, dec("20.2"));
  EXPECT_TRUE(engine->spot().order_book("BTC_USDT", 10).value().asks.empty());
}

TEST_F(SpotMatching, PostOnlyRestsOrIsRejected) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  auto const crossing = engine->place_spot_order(
      buyer, limit("BTC_USDT", Side::buy, "0.1", "100", TimeInForce::poc), 1'000);
  ASSERT_FALSE(crossing);
  EXPECT_EQ(crossing.error().code, "POC_FILL_IMMEDIATELY");
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("100000")) << "nothing locked";

  SpotOrder const resting =
      place(buyer, limit("BTC_USDT", Side::buy, "0.1", "99.9", TimeInForce::poc));
  EXPECT_EQ(resting.status, SpotOrderStatus::open);
  EXPECT_EQ(locked(*engine, buyer, "USDT"), dec("9.99"));
}

TEST_F(SpotMatching, MarketBuySpendsAQuoteBudget) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  place(seller, limit("BTC_USDT", Side::sell, "0.5", "110"));
  SpotOrder const taker = place(buyer, market("BTC_USDT", Side::buy, "50"));
  // 0.1 at 100 costs 10; 40 buys 3636 lots of 0.0001 at 110 (39.996); 0.004 cannot buy a lot.
  EXPECT_EQ(taker.type, SpotOrderType::market);
  EXPECT_EQ(taker.status, SpotOrderStatus::closed);
  EXPECT_EQ(taker.finish_as, FinishAs::filled);
  EXPECT_EQ(taker.filled_amount, dec("0.4636"));
  EXPECT_EQ(taker.filled_total, dec("49.996"));
  EXPECT_EQ(taker.left, dec("0.004"));
  EXPECT_EQ(taker.fee, dec("0.0009272"));
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("99950.004"));
  EXPECT_TRUE(locked(*engine, buyer, "USDT").is_zero());
  EXPECT_EQ(available(*engine, buyer, "BTC"), dec("0.4626728"));
  EXPECT_EQ(engine->spot().order_book("BTC_USDT", 10).value().asks[0].size, dec("0.1364"));
}

TEST_F(SpotMatching, MarketOrdersThatRunOutOfBook) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  SpotOrder const buy = place(buyer, market("BTC_USDT", Side::buy, "50"));
  EXPECT_EQ(buy.finish_as, FinishAs::depth_not_enough);
  EXPECT_EQ(buy.status, SpotOrderStatus::cancelled);
  EXPECT_EQ(buy.left, dec("40"));
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("99990"));

  place(buyer, limit("BTC_USDT", Side::buy, "0.05", "90"));
  SpotOrder const sell = place(seller, market("BTC_USDT", Side::sell, "0.2"));
  EXPECT_EQ(sell.finish_as, FinishAs::depth_not_enough);
  EXPECT_EQ(sell.filled_amount, dec("0.05"));
  EXPECT_EQ(sell.filled_total, dec("4.5"));
  EXPECT_EQ(sell.fee, dec("0.009"));
  EXPECT_EQ(sell.fee_currency, "USDT");
  EXPECT_TRUE(locked(*engine, seller, "BTC").is_zero());

  SpotOrder const nothing = place(buyer, market("BTC_USDT", Side::buy, "5"));
  EXPECT_EQ(nothing.finish_as, FinishAs::depth_not_enough);
  EXPECT_TRUE(nothing.filled_amount.is_zero());
}

TEST_F(SpotMatching, MarketFillOrKillChecksTheWholeBudget) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  SpotOrder const killed = place(buyer, market("BTC_USDT", Side::buy, "20", TimeInForce::fok));
  EXPECT_EQ(killed.finish_as, FinishAs::fok);
  EXPECT_EQ(available(*engine, buyer, "USDT"), dec("100000"));
  SpotOrder const filled = place(buyer, market("BTC_USDT", Side::buy, "10", TimeInForce::fok));
  EXPECT_EQ(filled.finish_as, FinishAs::filled);
  EXPECT_EQ(filled.filled_amount, dec("0.1"));
}

TEST_F(SpotMatching, SelfTradeIsAllowedAndConservesTheUsersMoney) {
  ASSERT_TRUE(engine->deposit(seller, Account::spot, "USDT", dec("1000"), 0));
  place(seller, limit("BTC_USDT", Side::sell, "1", "100"));
  SpotOrder const taker = place(seller, limit("BTC_USDT", Side::buy, "1", "100"));
  EXPECT_EQ(taker.finish_as, FinishAs::filled);
  // Paid 100, got 100 back as the seller; fees: 0.002 BTC (taker), 0.1 USDT (maker).
  EXPECT_EQ(available(*engine, seller, "USDT"), dec("999.9"));
  EXPECT_EQ(available(*engine, seller, "BTC"), dec("9.998"));
}

TEST_F(SpotMatching, EventsFollowTheDocumentedOrder) {
  place(seller, limit("BTC_USDT", Side::sell, "0.1", "100"));
  sink.clear();
  place(buyer, limit("BTC_USDT", Side::buy, "0.1", "100"));
  std::vector<std::string> const expected{
      "spot.balance",       // buyer locks USDT (order-create)
      "spot.order.put",     // buyer order
      "spot.balance",       // seller: locked BTC spent (order-match)
      "spot.balance",       // seller: USDT received
      "spot.balance",       // seller: USDT fee
      "spot.balance",       // buyer: locked USDT spent
      "spot.balance",       // buyer: BTC received
      "spot.balance",       // buyer: BTC fee
      "spot.user_trade",    // maker
      "spot.user_trade",    // taker
      "spot.public_trade",  //
      "spot.order.finish",  // maker filled
      "spot.order.finish",  // taker filled
      "spot.book",          // one delta for the call
  };
  EXPECT_EQ(sink.kinds, expected);
  SpotBalanceUpdate const& lock = sink.spot_balances[0];
  EXPECT_EQ(lock.change_type, SpotBalanceChange::order_create);
  EXPECT_EQ(lock.change, dec("-10"));
  EXPECT_EQ(lock.freeze_change, dec("10"));
  EXPECT_EQ(lock.total, dec("100000"));
  EXPECT_EQ(lock.freeze, dec("10"));
  SpotBalanceUpdate const& fee = sink.spot_balances[3];
  EXPECT_EQ(fee.change_type, SpotBalanceChange::trade_fee_deduct);
  EXPECT_EQ(fee.currency, "USDT");
  EXPECT_EQ(fee.change, dec("-0.01"));
  EXPECT_EQ(fee.total, dec("9.99"));
  EXPECT_EQ(sink.spot_balances[5].update_id + 1, sink.spot_balances[6].update_id)
      << "buyer's BTC: received then fee";
}

TEST_F(SpotMatching, ASinkGetsOnlyTheEventsItForwardsAndTheStateIsTheSame) {
  RecordingSink all_events;
  auto loud = make_engine(&all_events);
  RecordingSink orders_only(EventInterest::orders_only());
  auto quiet = make_engine(&orders_only);
  for (Engine* each : {loud.get(), quiet.get()}) {
    ASSERT_TRUE(each->deposit(seller, Account::spot, "BTC", dec("10"), 0));
    ASSERT_TRUE(each->deposit(buyer, Account::spot, "USDT", dec("100000"), 0));
    each->place_spot_order(seller, limit("BTC_USDT", Side::sell, "0.1", "100"), 1'000).value();
    each->place_spot_order(seller, limit("BTC_USDT", Side::sell, "0.1", "101"), 1'000).value();
    each->place_spot_order(buyer, limit("BTC_USDT", Side::buy, "0.15", "101"), 2'000).value();
  }
  std::vector<std::string> const expected{"spot.order.put",    "spot.order.put",
                                          "spot.order.put",    "spot.order.finish",
                                          "spot.order.update", "spot.order.finish"};
  EXPECT_EQ(orders_only.kinds, expected);
  for (UserId const user : {seller, buyer}) {
    for (std::string_view const currency : {"BTC", "USDT"}) {
      EXPECT_EQ(available(*quiet, user, currency), available(*loud, user, currency));
      EXPECT_EQ(locked(*quiet, user, currency), locked(*loud, user, currency));
    }
  }
  EXPECT_GT(all_events.spot_balances.size(), 0U);
  EXPECT_EQ(quiet->spot().order_book("BTC_USDT", 10)->id,
            loud->spot().order_book("BTC_USDT", 10)->id)
      << "book update ids advance without a book listener";
  EXPECT_EQ(quiet->spot().my_trades(buyer, "BTC_USDT", std::nullopt, {})->size(), 2U);
  EXPECT_EQ(quiet->spot().trades("BTC_USDT", 10)->size(), 2U);
}

}  // namespace
}  // namespace tradelink::sandbox::testing
