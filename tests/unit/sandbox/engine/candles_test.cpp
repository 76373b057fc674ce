// Candle roll-up: only the 10 s series sees trades, coarser series are built from completed finer
// candles and queries merge what is still pending. Checked against a naive per-interval
// aggregation of random trades over several days, including gap filling.

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "sandbox/engine/market_stats.hpp"
#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

struct Trade {
  TimeMs time;
  Decimal price;
  Decimal amount;
};

TEST(MarketStatsCandles, RolledUpSeriesMatchNaiveAggregation) {
  std::mt19937_64 random(99);
  MarketStats stats(100'000);
  std::vector<Trade> trades;
  TimeMs now = 1'700'000'000'000;
  for (int index = 0; index < 20'000; ++index) {
    // Bursts and long pauses, so some buckets stay empty at every interval.
    now += random() % 50 == 0 ? static_cast<TimeMs>(random() % 20'000'000)
                              : static_cast<TimeMs>(random() % 20'000);
    Decimal const price =
        dec(std::to_string(900 + random() % 200) + "." + std::to_string(random() % 10));
    Decimal const amount = dec("0." + std::to_string(1 + random() % 999));
    trades.push_back({now, price, amount});
    stats.record(now, price, amount, money::times(price, amount));
  }
  TimeMs const query_time = now + 1;

  for (CandleInterval const interval : all_candle_intervals) {
    std::int64_t const length = seconds(interval);
    std::map<std::int64_t, Candle> naive;
    for (Trade const& trade : trades) {
      std::int64_t const bucket = seconds_of(trade.time) / length * length;
      auto [entry, created] = naive.try_emplace(
          bucket,
          Candle{bucket, trade.price, trade.price, trade.price, trade.price, {}, {}, false});
      Candle& candle = entry->second;
      candle.high = money::larger(candle.high, trade.price);
      candle.low = money::smaller(candle.low, trade.price);
      candle.close = trade.price;
      candle.amount = money::plus(candle.amount, trade.amount);
      candle.quote_volume =
          money::plus(candle.quote_volume, money::times(trade.price, trade.amount));
    }
    std::int64_t from = naive.begin()->first;
    std::int64_t const last = naive.rbegin()->first;
    Decimal previous_close;
    std::size_t checked = 0;
    while (from <= last) {
      auto const page = stats.candles(interval, from, std::nullopt, 0, query_time);
      ASSERT_FALSE(page.empty()) << to_string(interval);
      for (Candle const& candle : page) {
        if (candle.start_s > last) break;
        auto const expected = naive.find(candle.start_s);
        if (expected == naive.end()) {
          ASSERT_TRUE(candle.amount.is_zero()) << to_string(interval) << " " << candle.start_s;
          ASSERT_EQ(candle.open, previous_close) << to_string(interval) << " gap is flat";
          ASSERT_EQ(candle.close, previous_close);
        } else {
          ASSERT_EQ(candle.open, expected->second.open)
              << to_string(interval) << " " << candle.start_s;
          ASSERT_EQ(candle.high, expected->second.high) << to_string(interval);
          ASSERT_EQ(candle.low, expected->second.low) << to_string(interval);
          ASSERT_EQ(candle.close, expected->second.close) << to_string(interval);
          ASSERT_EQ(candle.amount, expected->second.amount) << to_string(interval);
          ASSERT_EQ(candle.quote_volume, expected->second.quote_volume) << to_string(interval);
          ++checked;
        }
        ASSERT_EQ(candle.closed, (candle.start_s + length) * 1000 <= query_time);
        previous_close = candle.close;
      }
      from = page.back().start_s + length;
    }
    EXPECT_EQ(checked, naive.size()) << to_string(interval);
  }
}

}  // namespace
}  // namespace tradelink::sandbox::testing
