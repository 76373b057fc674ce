// Countdown cancel-all (dead man's switch) through the engine: scope per pair/contract or all,
// re-arming, disarming, firing on advance_to and on any later call, stamped at the trigger time.

#include <gtest/gtest.h>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

constexpr UserId alice = 1;

class Countdowns : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine(&sink);
    ASSERT_TRUE(engine->deposit(alice, Account::spot, "USDT", dec("10000"), 0));
  }
  OrderId bid(std::string_view pair, TimeMs now) {
    return engine->place_spot_order(alice, limit(pair, Side::buy, "0.1", "100"), now).value().id;
  }
  SpotOrder order(std::string_view pair, OrderId id) {
    return engine->spot().order(alice, pair, id, engine->now()).value();
  }

  RecordingSink sink;
  std::unique_ptr<Engine> engine;
};

TEST_F(Countdowns, CancelsThePairWhenItRunsOut) {
  OrderId const btc = bid("BTC_USDT", 1'000);
  OrderId const eth = bid("ETH_USDT", 1'000);
  EXPECT_EQ(engine->set_spot_countdown(alice, "BTC_USDT", 10, 1'000).value(), 11'000);
  EXPECT_EQ(engine->countdowns().size(), 1U);

  engine->advance_to(10'999);
  EXPECT_EQ(order("BTC_USDT", btc).status, SpotOrderStatus::open);
  engine->advance_to(11'000);
  SpotOrder const cancelled = order("BTC_USDT", btc);
  EXPECT_EQ(cancelled.status, SpotOrderStatus::cancelled);
  EXPECT_EQ(cancelled.update_time_ms, 11'000);
  EXPECT_EQ(order("ETH_USDT", eth).status, SpotOrderStatus::open) << "other pair untouched";
  EXPECT_EQ(locked(*engine, alice, "USDT"), dec("10")) << "only the ETH bid still locks";
  EXPECT_TRUE(engine->countdowns().empty()) << "a fired timer is gone";
}

TEST_F(Countdowns, RearmingPostponesAndZeroDisarms) {
  OrderId const first = bid("BTC_USDT", 0);
  ASSERT_TRUE(engine->set_spot_countdown(alice, std::nullopt, 5, 0));
  ASSERT_TRUE(engine->set_spot_countdown(alice, std::nullopt, 5, 4'000));  // heartbeat
  engine->advance_to(8'000);
  EXPECT_EQ(order("BTC_USDT", first).status, SpotOrderStatus::open);
  EXPECT_EQ(engine->set_spot_countdown(alice, std::nullopt, 0, 8'500).value(), 0);
  engine->advance_to(100'000);
  EXPECT_EQ(order("BTC_USDT", first).status, SpotOrderStatus::open);

  EXPECT_EQ(engine->set_spot_countdown(alice, std::nullopt, 4, 0).error().code,
            "INVALID_PARAM_VALUE");
  EXPECT_EQ(engine->set_spot_countdown(alice, "DOGE_USDT", 5, 0).error().code,
            "INVALID_CURRENCY_PAIR");
}

TEST_F(Countdowns, FiresBeforeALaterCallAtItsOwnTime) {
  OrderId const stale = bid("BTC_USDT", 0);
  ASSERT_TRUE(engine->set_spot_countdown(alice, std::nullopt, 5, 0));
  OrderId const fresh = bid("ETH_USDT", 20'000);  // no advance_to in between
  EXPECT_EQ(order("BTC_USDT", stale).status, SpotOrderStatus::cancelled);
  EXPECT_EQ(order("BTC_USDT", stale).update_time_ms, 5'000);
  EXPECT_EQ(order("ETH_USDT", fresh).status, SpotOrderStatus::open);
}

TEST_F(Countdowns, FuturesTimersNeedAnAccountAndCancelFuturesOrders) {
  EXPECT_EQ(engine->set_futures_countdown(alice, std::nullopt, 10, 0).error().code,
            "USER_NOT_FOUND");
  ASSERT_TRUE(engine->deposit(alice, Account::futures, "USDT", dec("1000"), 0));
  EXPECT_EQ(engine->set_futures_countdown(alice, "NOPE", 10, 0).error().code, "CONTRACT_NOT_FOUND");
  FuturesOrder const order =
      engine->place_futures_order(alice, futures_order("BTC_USDT", "1", "40000"), 0).value();
  OrderId const spot_order = bid("BTC_USDT", 0);
  ASSERT_TRUE(engine->set_futures_countdown(alice, std::nullopt, 30, 0));
  engine->advance_to(30'000);
  FuturesOrder const cancelled = engine->futures().order(alice, order.id, 30'000).value();
  EXPECT_EQ(cancelled.finish_as, FinishAs::cancelled);
  EXPECT_EQ(cancelled.finish_time_ms, 30'000);
  EXPECT_TRUE(engine->futures_account(alice)->order_margin.is_zero());
  EXPECT_EQ(this->order("BTC_USDT", spot_order).status, SpotOrderStatus::open);
}

TEST_F(Countdowns, ClockNeverGoesBack) {
  EXPECT_EQ(engine->advance_to(50'000), 50'000);
  EXPECT_EQ(engine->advance_to(10'000), 50'000);
  SpotOrder const late =
      engine->place_spot_order(alice, limit("BTC_USDT", Side::buy, "0.1", "100"), 20'000).value();
  EXPECT_EQ(late.create_time_ms, 50'000);
}

}  // namespace
}  // namespace tradelink::sandbox::testing
