// Order amendment (Gate's amend order) on both product lines: queue priority when only the
// amount or size changes, re-queueing and taking on a new price, locks and order margins that
// follow, cancellation below the filled part, events, and the refusals.

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

constexpr UserId alice = 10;
constexpr UserId bob = 20;
constexpr UserId carol = 30;

SpotOrderAmendment spot_amount(std::string_view amount, std::string_view note = {}) {
  return SpotOrderAmendment{.amount = dec(amount), .price = std::nullopt, .amend_text = note};
}
SpotOrderAmendment spot_price(std::string_view price, std::string_view note = {}) {
  return SpotOrderAmendment{.amount = std::nullopt, .price = dec(price), .amend_text = note};
}
FuturesOrderAmendment futures_size(std::string_view size) {
  return FuturesOrderAmendment{.size = dec(size), .price = std::nullopt, .amend_text = {}};
}
FuturesOrderAmendment futures_price(std::string_view price) {
  return FuturesOrderAmendment{.size = std::nullopt, .price = dec(price), .amend_text = {}};
}

class SpotAmend : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine(&sink);
    for (UserId const user : {alice, carol}) {
      ASSERT_TRUE(engine->deposit(user, Account::spot, "USDT", dec("1000"), 0));
    }
    ASSERT_TRUE(engine->deposit(bob, Account::spot, "BTC", dec("1"), 0));
  }

  SpotOrder place(UserId user, SpotOrderRequest const& request, TimeMs now = 1'000) {
    auto placed = engine->place_spot_order(user, request, now);
    EXPECT_TRUE(placed.has_value()) << (placed ? "" : placed.error().message);
    return placed ? *placed : SpotOrder{};
  }
  SpotOrder amend(UserId user, OrderId id, SpotOrderAmendment const& amendment,
                  TimeMs now = 2'000) {
    auto amended = engine->amend_spot_order(user, "BTC_USDT", id, amendment, now);
    EXPECT_TRUE(amended.has_value()) << (amended ? "" : amended.error().message);
    return amended ? *amended : SpotOrder{};
  }
  std::string refusal(UserId user, OrderId id, SpotOrderAmendment const& amendment) {
    auto const amended = engine->amend_spot_order(user, "BTC_USDT", id, amendment, 2'000);
    return amended ? std::string("accepted") : amended.error().code;
  }
  SpotOrder order(UserId user, OrderId id) {
    return engine->spot().order(user, "BTC_USDT", id, 3'000).value();
  }

  RecordingSink sink;
  std::unique_ptr<Engine> engine;
};

TEST_F(SpotAmend, SmallerAmountKeepsPriorityAndReleasesLock) {
  SpotOrder const first = place(alice, limit("BTC_USDT", Side::buy, "0.1", "100"));
  SpotOrder const second = place(carol, limit("BTC_USDT", Side::buy, "0.1", "100"));
  sink.clear();

  SpotOrder const amended = amend(alice, first.id, spot_amount("0.05", "t-smaller"));
  EXPECT_EQ(amended.amount, dec("0.05"));
  EXPECT_EQ(amended.left, dec("0.05"));
  EXPECT_EQ(amended.price, dec("100"));
  EXPECT_EQ(amended.amend_text, "t-smaller");
  EXPECT_EQ(amended.update_time_ms, 2'000);
  EXPECT_EQ(amended.create_time_ms, 1'000);
  EXPECT_EQ(locked(*engine, alice, "USDT"), dec("5"));
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("995"));
  // One balance change (order-update), one order update, one book delta with the new level.
  ASSERT_EQ(sink.spot_balances.size(), 1U);
  EXPECT_EQ(sink.spot_balances[0].change_type, SpotBalanceChange::order_update);
  EXPECT_EQ(sink.spot_balances[0].freeze_change, dec("-5"));
  ASSERT_EQ(sink.spot_orders.size(), 1U);
  EXPECT_EQ(sink.spot_orders[0].first, OrderEvent::update);
  EXPECT_EQ(sink.spot_orders[0].second.amend_text, "t-smaller");
  ASSERT_EQ(sink.spot_books.size(), 1U);
  ASSERT_EQ(sink.spot_books[0].bids.size(), 1U);
  EXPECT_EQ(sink.spot_books[0].bids[0].size, dec("0.15"));

  // Still first in the queue: a seller of 0.05 fills Alice's order, not Carol's.
  place(bob, limit("BTC_USDT", Side::sell, "0.05", "100"), 3'000);
  EXPECT_EQ(order(alice, first.id).status, SpotOrderStatus::closed);
  EXPECT_EQ(order(carol, second.id).left, dec("0.1"));
  EXPECT_TRUE(locked(*engine, alice, "USDT").is_zero());
}

TEST_F(SpotAmend, LargerAmountMovesToTheBackAndLocksMore) {
  SpotOrder const first = place(alice, limit("BTC_USDT", Side::buy, "0.1", "100"));
  SpotOrder const second = place(carol, limit("BTC_USDT", Side::buy, "0.1", "100"));
  amend(alice, first.id, spot_amount("0.2"));
  EXPECT_EQ(locked(*engine, alice, "USDT"), dec("20"));
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("980"));
  EXPECT_EQ(engine->spot().order_book("BTC_USDT", 5)->bids[0].size, dec("0.3"));

  // Gate: a larger amount puts the order at the end of its price.
  place(bob, limit("BTC_USDT", Side::sell, "0.1", "100"), 3'000);
  EXPECT_EQ(order(carol, second.id).status, SpotOrderStatus::closed);
  EXPECT_EQ(order(alice, first.id).left, dec("0.2"));
}

TEST_F(SpotAmend, NewPriceMovesToTheBackOfTheQueue) {
  SpotOrder const first = place(alice, limit("BTC_USDT", Side::buy, "0.1", "99"));
  SpotOrder const second = place(carol, limit("BTC_USDT", Side::buy, "0.1", "100"));
  SpotOrder const amended = amend(alice, first.id, spot_price("100"));
  EXPECT_EQ(amended.price, dec("100"));
  EXPECT_EQ(locked(*engine, alice, "USDT"), dec("10"));
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("990"));
  auto const book = engine->spot().order_book("BTC_USDT", 5).value();
  ASSERT_EQ(book.bids.size(), 1U);
  EXPECT_EQ(book.bids[0].size, dec("0.2"));

  place(bob, limit("BTC_USDT", Side::sell, "0.1", "100"), 3'000);
  EXPECT_EQ(order(carol, second.id).status, SpotOrderStatus::closed);
  EXPECT_EQ(order(alice, first.id).status, SpotOrderStatus::open);
}

TEST_F(SpotAmend, CrossingPriceTakesThenRests) {
  place(bob, limit("BTC_USDT", Side::sell, "0.1", "105"));
  SpotOrder const bid = place(alice, limit("BTC_USDT", Side::buy, "0.2", "100"));
  sink.clear();

  SpotOrder const amended = amend(alice, bid.id, spot_price("106"));
  // Took 0.1 at the maker's 105 (taker fee 0.2 % in BTC), rests 0.1 at 106.
  EXPECT_EQ(amended.status, SpotOrderStatus::open);
  EXPECT_EQ(amended.filled_amount, dec("0.1"));
  EXPECT_EQ(amended.filled_total, dec("10.5"));
  EXPECT_EQ(amended.left, dec("0.1"));
  EXPECT_EQ(amended.fee, dec("0.0002"));
  EXPECT_EQ(locked(*engine, alice, "USDT"), dec("10.6"));
  EXPECT_EQ(available(*engine, alice, "USDT"), dec("978.9"));
  EXPECT_EQ(available(*engine, alice, "BTC"), dec("0.0998"));
  ASSERT_EQ(sink.spot_user_trades.size(), 2U);
  EXPECT_EQ(sink.spot_user_trades[1].role, Role::taker);
  EXPECT_EQ(sink.spot_user_trades[1].price, dec("105"));
  auto const book = engine->spot().order_book("BTC_USDT", 5).value();
  EXPECT_TRUE(book.asks.empty());
  ASSERT_EQ(book.bids.size(), 1U);
  EXPECT_EQ(book.bids[0].price, dec("106"));

  // Fully crossed: the order finishes filled.
  place(bob, limit("BTC_USDT", Side::sell, "0.1", "107"));
  SpotOrder const filled = amend(alice, bid.id, spot_price("107"), 3'000);
  EXPECT_EQ(filled.status, SpotOrderStatus::closed);
  EXPECT_EQ(filled.finish_as, FinishAs::filled);
  EXPECT_TRUE(locked(*engine, alice, "USDT").is_zero());
}

TEST_F(SpotAmend, SellLockFollowsTheAmount) {
  SpotOrder const ask = place(bob, limit("BTC_USDT", Side::sell, "0.3", "100"));
  EXPECT_EQ(locked(*engine, bob, "BTC"), dec("0.3"));
  amend(bob, ask.id, spot_amount("0.5"));
  EXPECT_EQ(locked(*engine, bob, "BTC"), dec("0.5"));
  amend(bob, ask.id,
        SpotOrderAmendment{.amount = dec("0.2"), .price = dec("110"), .amend_text = {}});
  EXPECT_EQ(locked(*engine, bob, "BTC"), dec("0.2"));
  EXPECT_EQ(available(*engine, bob, "BTC"), dec("0.8"));
  EXPECT_EQ(order(bob, ask.id).price, dec("110"));
}

TEST_F(SpotAmend, AmountNotAboveFilledCancels) {
  SpotOrder const bid = place(alice, limit("BTC_USDT", Side::buy, "0.2", "100"));
  place(bob, limit("BTC_USDT", Side::sell, "0.1", "100"));
  SpotOrder const cancelled = amend(alice, bid.id, spot_amount("0.1", "t-stop"));
  EXPECT_EQ(cancelled.status, SpotOrderStatus::cancelled);
  EXPECT_EQ(cancelled.finish_as, FinishAs::cancelled);
  EXPECT_EQ(cancelled.filled_amount, dec("0.1"));
  EXPECT_EQ(cancelled.amend_text, "t-stop");
  EXPECT_TRUE(locked(*engine, alice, "USDT").is_zero());
  EXPECT_TRUE(engine->spot().order_book("BTC_USDT", 5)->bids.empty());
  EXPECT_EQ(refusal(alice, bid.id, spot_amount("0.3")), "ORDER_NOT_FOUND") << "finished";
}

TEST_F(SpotAmend, NoteBelongsToTheAmendedOrderOnly) {
  SpotOrder const first = place(alice, limit("BTC_USDT", Side::buy, "0.1", "100"));
  EXPECT_EQ(first.amend_text, "");
  EXPECT_EQ(amend(alice, first.id, spot_amount("0.09", "t-one")).amend_text, "t-one");
  EXPECT_EQ(amend(alice, first.id, spot_amount("0.08", "t-two")).amend_text, "t-two");
  EXPECT_EQ(order(alice, first.id).amend_text, "t-two");
  SpotOrder const cancelled = engine->cancel_spot_order(alice, "BTC_USDT", first.id, 3'000).value();
  EXPECT_EQ(cancelled.amend_text, "t-two");
  EXPECT_EQ(order(alice, first.id).amend_text, "") << "the history keeps no note";

  // The next order takes the finished one's place in the engine: it starts without a note, and
  // its own note does not reach the finished order's history.
  SpotOrder const second = place(carol, limit("BTC_USDT", Side::buy, "0.1", "99"));
  EXPECT_EQ(second.amend_text, "");
  EXPECT_EQ(order(carol, second.id).amend_text, "");
  EXPECT_EQ(amend(carol, second.id, spot_amount("0.05", "t-three")).amend_text, "t-three");
  EXPECT_EQ(order(alice, first.id).amend_text, "");
}

TEST_F(SpotAmend, RefusalsChangeNothing) {
  SpotOrder const bid = place(alice, limit("BTC_USDT", Side::buy, "0.1", "100"));
  SpotOrder const post = place(carol, limit("BTC_USDT", Side::buy, "0.1", "90", TimeInForce::poc));
  place(bob, limit("BTC_USDT", Side::sell, "0.1", "120"));
  EXPECT_EQ(refusal(alice, bid.id, SpotOrderAmendment{}), "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(alice, bid.id, spot_amount("0")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(alice, bid.id, spot_price("-1")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(alice, bid.id, spot_amount("0.00015")), "INVALID_PRECISION");
  EXPECT_EQ(refusal(alice, bid.id, spot_price("100.05")), "INVALID_PRECISION");
  EXPECT_EQ(refusal(alice, bid.id, spot_amount("0.0005")), "INVALID_PARAM_VALUE") << "minimum";
  EXPECT_EQ(refusal(alice, bid.id, spot_amount("20")), "BALANCE_NOT_ENOUGH");
  EXPECT_EQ(refusal(alice, bid.id, spot_amount("0.2", std::string(40, 'x'))),
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(carol, post.id, spot_price("120")), "POC_FILL_IMMEDIATELY");
  EXPECT_EQ(refusal(bob, bid.id, spot_amount("0.2")), "ORDER_NOT_FOUND") << "someone else's";
  EXPECT_EQ(refusal(alice, bid.id + 1'000'000, spot_amount("0.2")), "ORDER_NOT_FOUND");
  EXPECT_EQ(
      engine->amend_spot_order(alice, "ETH_USDT", bid.id, spot_amount("0.2"), 2'000).error().code,
      "ORDER_NOT_FOUND")
      << "another pair";
  EXPECT_EQ(order(alice, bid.id).amount, dec("0.1"));
  EXPECT_EQ(order(alice, bid.id).update_time_ms, 1'000);
  EXPECT_EQ(locked(*engine, alice, "USDT"), dec("10"));
  EXPECT_EQ(locked(*engine, carol, "USDT"), dec("9"));
}

TEST_F(SpotAmend, FindsOrdersByClientText) {
  place(alice, limit("BTC_USDT", Side::buy, "0.1", "100", TimeInForce::gtc, "t-mine"));
  auto const amended = engine->amend_spot_order(alice, "BTC_USDT", std::string_view("t-mine"),
                                                spot_price("101"), 2'000);
  ASSERT_TRUE(amended);
  EXPECT_EQ(amended->price, dec("101"));
  EXPECT_EQ(amended->text.view(), "t-mine");
}

class FuturesAmend : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine(&sink);
    for (UserId const user : {alice, bob, carol}) {
      ASSERT_TRUE(engine->deposit(user, Account::futures, "USDT", dec("10000"), 0));
    }
  }

  FuturesOrder place(UserId user, FuturesOrderRequest const& request, TimeMs now = 1'000) {
    auto placed = engine->place_futures_order(user, request, now);
    EXPECT_TRUE(placed.has_value()) << (placed ? "" : placed.error().message);
    return placed ? *placed : FuturesOrder{};
  }
  FuturesOrder amend(UserId user, OrderId id, FuturesOrderAmendment const& amendment,
                     TimeMs now = 2'000) {
    auto amended = engine->amend_futures_order(user, id, amendment, now);
    EXPECT_TRUE(amended.has_value()) << (amended ? "" : amended.error().message);
    return amended ? *amended : FuturesOrder{};
  }
  std::string refusal(UserId user, OrderId id, FuturesOrderAmendment const& amendment) {
    auto const amended = engine->amend_futures_order(user, id, amendment, 2'000);
    return amended ? std::string("accepted") : amended.error().code;
  }
  FuturesOrder order(UserId user, OrderId id) {
    return engine->futures().order(user, id, 3'000).value();
  }
  FuturesAccount account(UserId user) { return engine->futures_account(user).value(); }

  RecordingSink sink;
  std::unique_ptr<Engine> engine;
};

TEST_F(FuturesAmend, SizeAndPriceMoveTheOrderMargin) {
  FuturesOrder const bid = place(alice, futures_order("BTC_USDT", "10", "50000"));
  EXPECT_EQ(account(alice).order_margin, dec("50"));
  sink.clear();

  FuturesOrder const larger = amend(alice, bid.id, futures_size("20"));
  EXPECT_EQ(larger.size, dec("20"));
  EXPECT_EQ(larger.left, dec("20"));
  EXPECT_EQ(larger.update_id, 2);
  EXPECT_EQ(larger.update_time_ms, 2'000);
  EXPECT_EQ(account(alice).order_margin, dec("100"));
  EXPECT_EQ(account(alice).available, dec("9900"));
  ASSERT_EQ(sink.futures_orders.size(), 1U);
  EXPECT_EQ(sink.futures_orders[0].first, OrderEvent::update);
  ASSERT_EQ(sink.futures_books.size(), 1U);
  EXPECT_EQ(sink.futures_books[0].bids[0].size, dec("20"));

  FuturesOrder const cheaper = amend(
      alice, bid.id,
      FuturesOrderAmendment{.size = std::nullopt, .price = dec("40000"), .amend_text = "t-x"});
  EXPECT_EQ(cheaper.price, dec("40000"));
  EXPECT_EQ(cheaper.amend_text, "t-x");
  EXPECT_EQ(account(alice).order_margin, dec("80"));
  auto const book = engine->futures().order_book("BTC_USDT", 5).value();
  ASSERT_EQ(book.bids.size(), 1U);
  EXPECT_EQ(book.bids[0].price, dec("40000"));
  EXPECT_EQ(book.bids[0].size, dec("20"));
}

TEST_F(FuturesAmend, SmallerSizeKeepsPriorityLargerLosesIt) {
  FuturesOrder const first = place(alice, futures_order("BTC_USDT", "10", "50000"));
  FuturesOrder const second = place(carol, futures_order("BTC_USDT", "10", "50000"));
  amend(alice, first.id, futures_size("5"));
  EXPECT_EQ(account(alice).order_margin, dec("25"));
  place(bob, futures_order("BTC_USDT", "-5", "50000"));
  EXPECT_EQ(order(alice, first.id).finish_as, FinishAs::filled);
  EXPECT_EQ(order(carol, second.id).left, dec("10"));

  FuturesOrder const third = place(alice, futures_order("BTC_USDT", "10", "50000"));
  // Gate: a larger size at the same price goes to the back of that price. Carol is first now.
  amend(carol, second.id, futures_size("12"));
  place(bob, futures_order("BTC_USDT", "-10", "50000"));
  EXPECT_EQ(order(alice, third.id).finish_as, FinishAs::filled);
  EXPECT_EQ(order(carol, second.id).left, dec("12"));
}

TEST_F(FuturesAmend, SizeNotAboveFilledCancels) {
  FuturesOrder const bid = place(alice, futures_order("BTC_USDT", "10", "50000"));
  place(bob, futures_order("BTC_USDT", "-4", "50000"));
  EXPECT_EQ(account(alice).order_margin, dec("30"));
  FuturesOrder const cancelled = amend(alice, bid.id, futures_size("3"));
  EXPECT_EQ(cancelled.status, FuturesOrderStatus::finished);
  EXPECT_EQ(cancelled.finish_as, FinishAs::cancelled);
  EXPECT_EQ(cancelled.size, dec("10"));
  EXPECT_EQ(cancelled.left, dec("6"));
  EXPECT_TRUE(account(alice).order_margin.is_zero());
  EXPECT_EQ(engine->futures().position(alice, "BTC_USDT")->size, dec("4"));
  EXPECT_TRUE(engine->futures().order_book("BTC_USDT", 5)->bids.empty());
  EXPECT_EQ(refusal(alice, bid.id, futures_size("20")), "ORDER_NOT_FOUND") << "finished";
}

TEST_F(FuturesAmend, CrossingPriceTakesThenRests) {
  place(bob, futures_order("BTC_USDT", "-5", "51000"));
  FuturesOrder const bid = place(alice, futures_order("BTC_USDT", "10", "50000"));
  FuturesOrder const amended = amend(alice, bid.id, futures_price("51000"));
  EXPECT_EQ(amended.status, FuturesOrderStatus::open);
  EXPECT_EQ(amended.left, dec("5"));
  EXPECT_EQ(amended.fill_price, dec("51000"));
  EXPECT_EQ(engine->futures().position(alice, "BTC_USDT")->size, dec("5"));
  // What rests still opens: 5 × 0.001 × 51000 / 10.
  EXPECT_EQ(account(alice).order_margin, dec("25.5"));
  auto const book = engine->futures().order_book("BTC_USDT", 5).value();
  EXPECT_TRUE(book.asks.empty());
  EXPECT_EQ(book.bids[0].price, dec("51000"));
}

TEST_F(FuturesAmend, ClosingPartHoldsNoMargin) {
  place(bob, futures_order("BTC_USDT", "-10", "50000"));
  place(alice, futures_order("BTC_USDT", "10", "50000"));  // Alice long 10
  FuturesOrder const ask = place(alice, futures_order("BTC_USDT", "-4", "52000"));
  EXPECT_TRUE(account(alice).order_margin.is_zero());
  amend(alice, ask.id, futures_size("-14"));  // 10 close the long, 4 would open a short
  EXPECT_EQ(account(alice).order_margin, dec("20.8"));
  amend(alice, ask.id, futures_size("-6"));
  EXPECT_TRUE(account(alice).order_margin.is_zero());
}

TEST_F(FuturesAmend, RefusalsChangeNothing) {
  FuturesOrder const bid = place(alice, futures_order("BTC_USDT", "10", "50000"));
  FuturesOrder const post = place(carol, futures_order("BTC_USDT", "1", "40000", TimeInForce::poc));
  place(bob, futures_order("BTC_USDT", "-1", "60000"));
  EXPECT_EQ(refusal(alice, bid.id, FuturesOrderAmendment{}), "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(alice, bid.id, futures_size("-10")), "INVALID_PARAM_VALUE") << "side";
  EXPECT_EQ(refusal(alice, bid.id, futures_size("10.5")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(alice, bid.id, futures_price("0")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(alice, bid.id, futures_price("50000.05")), "INVALID_PARAM_VALUE");
  EXPECT_EQ(refusal(alice, bid.id, futures_size("10001")), "SIZE_TOO_LARGE");
  EXPECT_EQ(refusal(alice, bid.id, futures_size("2500")), "INSUFFICIENT_AVAILABLE");
  EXPECT_EQ(refusal(carol, post.id, futures_price("60000")), "ORDER_POC_IMMEDIATE");
  EXPECT_EQ(refusal(bob, bid.id, futures_size("5")), "ORDER_NOT_FOUND");
  EXPECT_EQ(refusal(alice, bid.id + 1'000'000, futures_size("5")), "ORDER_NOT_FOUND");
  FuturesOrder const unchanged = order(alice, bid.id);
  EXPECT_EQ(unchanged.size, dec("10"));
  EXPECT_EQ(unchanged.update_id, 1);
  EXPECT_EQ(account(alice).order_margin, dec("50"));
}

TEST_F(FuturesAmend, ReduceOnlyStaysWithinThePosition) {
  place(bob, futures_order("BTC_USDT", "-10", "50000"));
  place(alice, futures_order("BTC_USDT", "10", "50000"));
  FuturesOrderRequest request = futures_order("BTC_USDT", "-4", "52000");
  request.reduce_only = true;
  FuturesOrder const ask = place(alice, request);
  EXPECT_EQ(refusal(alice, ask.id, futures_size("-11")), "REDUCE_EXCEEDED");
  EXPECT_EQ(amend(alice, ask.id, futures_size("-10")).left, dec("-10"));
  EXPECT_TRUE(account(alice).order_margin.is_zero());
}

}  // namespace
}  // namespace tradelink::sandbox::testing
