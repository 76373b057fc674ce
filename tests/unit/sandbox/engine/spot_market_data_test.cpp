// Public market data: the book id sequence and its deltas (replayed against a naive book and
// against Gate's snapshot-then-deltas procedure), tickers over the rolling 24 h window, candles.

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

using NaiveSide = std::map<Decimal, Decimal>;

void apply(NaiveSide& side, std::vector<PriceLevel> const& levels) {
  for (PriceLevel const& level : levels) {
    if (level.size.is_zero()) {
      side.erase(level.price);
    } else {
      side[level.price] = level.size;
    }
  }
}

std::vector<PriceLevel> best_first(NaiveSide const& side, bool descending) {
  std::vector<PriceLevel> levels;
  for (auto const& [price, size] : side) levels.push_back({price, size});
  if (descending) std::reverse(levels.begin(), levels.end());
  return levels;
}

TEST(SpotBookStream, DeltasReplayToTheSnapshotUnderRandomTrading) {
  RecordingSink sink;
  auto engine = make_engine(&sink);
  std::mt19937_64 random(2024);
  for (UserId user = 1; user <= 4; ++user) {
    ASSERT_TRUE(engine->deposit(user, Account::spot, "BTC", dec("1000"), 0));
    ASSERT_TRUE(engine->deposit(user, Account::spot, "USDT", dec("10000000"), 0));
  }
  NaiveSide bids;
  NaiveSide asks;
  std::uint64_t last_id = 0;
  std::size_t consumed = 0;
  std::optional<BookSnapshot> early_snapshot;
  std::size_t deltas_before_snapshot = 0;
  std::vector<std::pair<UserId, OrderId>> placed;
  TimeMs now = 1'000;

  for (int step = 0; step < 4'000; ++step) {
    now += 10;
    UserId const user = 1 + static_cast<UserId>(random() % 4);
    auto const choice = random() % 20;
    if (choice < 13 || placed.empty()) {
      Side const side = random() % 2 == 0 ? Side::buy : Side::sell;
      std::string const price = std::to_string(950 + random() % 100);  // tenths
      std::string const amount = "0.0" + std::to_string(20 + random() % 80);
      TimeInForce const tif = choice == 0 ? TimeInForce::ioc : TimeInForce::gtc;
      auto request = limit("BTC_USDT", side, amount,
                           price.substr(0, price.size() - 1) + "." + price.back(), tif);
      auto const order = engine->place_spot_order(user, request, now);
      ASSERT_TRUE(order) << order.error().code << " " << order.error().message;
      if (order->status == SpotOrderStatus::open) placed.emplace_back(user, order->id);
    } else if (choice < 18) {
      std::size_t const pick = random() % placed.size();
      auto const [owner, id] = placed[pick];
      static_cast<void>(engine->cancel_spot_order(owner, "BTC_USDT", id, now));
      placed[pick] = placed.back();
      placed.pop_back();
    } else if (choice == 18) {
      static_cast<void>(
          engine->place_spot_order(user,
                                   market("BTC_USDT", random() % 2 == 0 ? Side::sell : Side::buy,
                                          random() % 2 == 0 ? "0.05" : "5"),
                                   now));
    } else {
      ASSERT_TRUE(engine->cancel_spot_orders(user, "BTC_USDT", std::nullopt, now));
    }

    for (; consumed < sink.spot_books.size(); ++consumed) {
      RecordedDelta const& delta = sink.spot_books[consumed];
      ASSERT_EQ(delta.market, "BTC_USDT");
      ASSERT_EQ(delta.first_update_id, last_id + 1) << "ids advance by exactly one per change";
      ASSERT_LE(delta.first_update_id, delta.last_update_id);
      last_id = delta.last_update_id;
      apply(bids, delta.bids);
      apply(asks, delta.asks);
    }
    BookSnapshot const snapshot = engine->spot().order_book("BTC_USDT", 1'000).value();
    ASSERT_EQ(snapshot.id, last_id);
    ASSERT_EQ(snapshot.bids, best_first(bids, true));
    ASSERT_EQ(snapshot.asks, best_first(asks, false));
    if (!snapshot.bids.empty() && !snapshot.asks.empty()) {
      ASSERT_LT(snapshot.bids.front().price, snapshot.asks.front().price) << "book never crossed";
    }
    if (step == 1'000) {
      early_snapshot = snapshot;
      deltas_before_snapshot = sink.spot_books.size();
    }
  }

  // Gate's procedure: start from a snapshot, apply every delta with u > id in order.
  ASSERT_TRUE(early_snapshot);
  NaiveSide replay_bids;
  NaiveSide replay_asks;
  for (auto const& level : early_snapshot->bids) replay_bids[level.price] = level.size;
  for (auto const& level : early_snapshot->asks) replay_asks[level.price] = level.size;
  std::uint64_t local_id = early_snapshot->id;
  for (std::size_t index = deltas_before_snapshot; index < sink.spot_books.size(); ++index) {
    RecordedDelta const& delta = sink.spot_books[index];
    if (delta.last_update_id <= local_id) continue;
    ASSERT_LE(delta.first_update_id, local_id + 1);
    apply(replay_bids, delta.bids);
    apply(replay_asks, delta.asks);
    local_id = delta.last_update_id;
  }
  BookSnapshot const final_book = engine->spot().order_book("BTC_USDT", 1'000).value();
  EXPECT_EQ(local_id, final_book.id);
  EXPECT_EQ(best_first(replay_bids, true), final_book.bids);
  EXPECT_EQ(best_first(replay_asks, false), final_book.asks);
}

class SpotStatistics : public ::testing::Test {
 protected:
  void SetUp() override {
    engine = make_engine();
    ASSERT_TRUE(engine->deposit(1, Account::spot, "BTC", dec("10"), 0));
    ASSERT_TRUE(engine->deposit(2, Account::spot, "USDT", dec("100000"), 0));
  }
  void trade(std::string_view price, std::string_view amount, TimeMs at) {
    ASSERT_TRUE(engine->place_spot_order(1, limit("BTC_USDT", Side::sell, amount, price), at));
    auto const taker = engine->place_spot_order(2, limit("BTC_USDT", Side::buy, amount, price), at);
    ASSERT_TRUE(taker);
    ASSERT_EQ(taker->finish_as, FinishAs::filled);
  }
  std::unique_ptr<Engine> engine;
};

constexpr TimeMs hour = 3'600'000;

TEST_F(SpotStatistics, TickerRollsOverTwentyFourHours) {
  SpotTicker const empty = engine->spot().ticker("BTC_USDT", 0).value();
  EXPECT_FALSE(empty.last);
  EXPECT_FALSE(empty.lowest_ask);
  EXPECT_TRUE(empty.base_volume.is_zero());

  trade("100", "0.1", 0);
  trade("110", "0.1", hour);
  ASSERT_TRUE(engine->place_spot_order(1, limit("BTC_USDT", Side::sell, "0.1", "120"), hour));
  ASSERT_TRUE(engine->place_spot_order(2, limit("BTC_USDT", Side::buy, "0.1", "90"), hour));

  SpotTicker const day = engine->spot().ticker("BTC_USDT", 2 * hour).value();
  EXPECT_EQ(day.last, dec("110"));
  EXPECT_EQ(day.lowest_ask, dec("120"));
  EXPECT_EQ(day.highest_bid, dec("90"));
  EXPECT_EQ(day.change_percentage, dec("10"));
  EXPECT_EQ(day.high_24h, dec("110"));
  EXPECT_EQ(day.low_24h, dec("100"));
  EXPECT_EQ(day.base_volume, dec("0.2"));
  EXPECT_EQ(day.quote_volume, dec("21"));

  SpotTicker const next_day = engine->spot().ticker("BTC_USDT", 24 * hour + hour / 2).value();
  EXPECT_TRUE(next_day.change_percentage.is_zero()) << "the 100 trade left the window";
  EXPECT_EQ(next_day.low_24h, dec("110"));
  EXPECT_EQ(next_day.base_volume, dec("0.1"));

  SpotTicker const later = engine->spot().ticker("BTC_USDT", 72 * hour).value();
  EXPECT_EQ(later.last, dec("110"));
  EXPECT_TRUE(later.base_volume.is_zero());
  EXPECT_EQ(later.high_24h, dec("110"));

  trade("99", "0.1", 72 * hour);
  trade("97.9", "0.1", 72 * hour);
  EXPECT_EQ(engine->spot().ticker("BTC_USDT", 72 * hour)->change_percentage, dec("-1.11"))
      << "(97.9 − 99) / 99 = −1.1111 % rounded to 2 decimals";
  EXPECT_EQ(engine->spot().tickers(72 * hour).size(), 2U);
}

TEST_F(SpotStatistics, CandlesAggregateAndFillGaps) {
  trade("100", "0.1", 5'000);
  trade("102", "0.1", 30'000);
  trade("99", "0.2", 65'000);
  trade("101", "0.1", 200'000);

  auto const minutes =
      engine->spot()
          .candles("BTC_USDT", CandleInterval::m1, std::nullopt, std::nullopt, 10, 250'000)
          .value();
  ASSERT_EQ(minutes.size(), 5U);
  EXPECT_EQ(minutes[0].start_s, 0);
  EXPECT_EQ(minutes[0].open, dec("100"));
  EXPECT_EQ(minutes[0].high, dec("102"));
  EXPECT_EQ(minutes[0].low, dec("100"));
  EXPECT_EQ(minutes[0].close, dec("102"));
  EXPECT_EQ(minutes[0].amount, dec("0.2"));
  EXPECT_EQ(minutes[0].quote_volume, dec("20.2"));
  EXPECT_TRUE(minutes[0].closed);
  EXPECT_EQ(minutes[1].close, dec("99"));
  EXPECT_EQ(minutes[2].start_s, 120);
  EXPECT_EQ(minutes[2].open, dec("99")) << "empty bucket carries the previous close";
  EXPECT_TRUE(minutes[2].amount.is_zero());
  EXPECT_EQ(minutes[3].close, dec("101"));
  EXPECT_TRUE(minutes[3].closed);
  EXPECT_EQ(minutes[4].start_s, 240);
  EXPECT_FALSE(minutes[4].closed) << "the current bucket is still open";

  auto const ranged =
      engine->spot().candles("BTC_USDT", CandleInterval::s10, 20, 70, 100, 250'000).value();
  ASSERT_EQ(ranged.size(), 6U);  // 20, 30, …, 70
  EXPECT_EQ(ranged[0].close, dec("100"));
  EXPECT_EQ(ranged[1].open, dec("102"));
  EXPECT_EQ(ranged[5].start_s, 70);
  EXPECT_EQ(ranged[5].close, dec("99"));

  auto const daily =
      engine->spot()
          .candles("BTC_USDT", CandleInterval::d1, std::nullopt, std::nullopt, 3, 250'000)
          .value();
  ASSERT_EQ(daily.size(), 1U);
  EXPECT_EQ(daily[0].high, dec("102"));
  EXPECT_EQ(daily[0].low, dec("99"));
  EXPECT_EQ(daily[0].amount, dec("0.5"));
  EXPECT_EQ(parse_candle_interval("4h"), CandleInterval::h4);
  EXPECT_FALSE(parse_candle_interval("2m"));
}

}  // namespace
}  // namespace tradelink::sandbox::testing
