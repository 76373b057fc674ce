#include "sandbox/engine/market_stats.hpp"

#include <utility>

#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {
namespace {

constexpr std::int64_t window_minutes = 24 * 60;

template <std::size_t... index>
std::array<CandleSeries, sizeof...(index)> make_series(std::size_t capacity,
                                                       std::index_sequence<index...>) {
  return {CandleSeries(all_candle_intervals[index], capacity)...};
}

}  // namespace

MarketStats::MarketStats(std::size_t candle_capacity)
    : series_(
          make_series(candle_capacity, std::make_index_sequence<all_candle_intervals.size()>{})) {}

void MarketStats::record(TimeMs time, core::Decimal price, core::Decimal amount,
                         core::Decimal quote_volume) {
  last_ = price;
  if (series_[0].merge_trade(seconds_of(time), price, amount, quote_volume)) return;
  std::optional<Candle> piece =
      Candle{seconds_of(time), price, price, price, price, amount, quote_volume, false};
  for (std::size_t level = 0; level < series_.size() && piece; ++level) {
    piece = series_[level].absorb(*piece);
  }
}

std::vector<Candle> MarketStats::complete(CandleInterval interval) const {
  auto const level = static_cast<std::size_t>(interval);
  // Finer series hold what was not rolled up yet; coarser levels' newest candles are older.
  std::vector<Candle> pending;
  for (std::size_t finer = level; finer-- > 0;) {
    if (auto const newest = series_[finer].newest()) pending.push_back(*newest);
  }
  return series_[level].with_pending(pending);
}

std::vector<Candle> MarketStats::candles(CandleInterval interval,
                                         std::optional<std::int64_t> from_s,
                                         std::optional<std::int64_t> to_s, std::size_t limit,
                                         TimeMs now) const {
  return series_[static_cast<std::size_t>(interval)].query(complete(interval), from_s, to_s, limit,
                                                           now);
}

RollingStats MarketStats::last_24h(TimeMs now) const {
  RollingStats stats;
  stats.last = last_;
  core::Decimal const last = last_.value_or(core::Decimal{});
  stats.open = stats.high = stats.low = last;
  std::vector<Candle> const minutes = complete(CandleInterval::m1);
  std::int64_t const current_minute =
      (seconds_of(now) >= 0 ? seconds_of(now) / 60 : (seconds_of(now) - 59) / 60) * 60;
  std::int64_t const window_start = current_minute - (window_minutes - 1) * 60;
  bool first = true;
  for (auto candle = minutes.rbegin(); candle != minutes.rend() && candle->start_s >= window_start;
       ++candle) {
    if (first) {
      stats.high = candle->high;
      stats.low = candle->low;
      first = false;
    }
    stats.open = candle->open;  // walking backwards: ends at the oldest candle of the window
    stats.high = money::larger(stats.high, candle->high);
    stats.low = money::smaller(stats.low, candle->low);
    stats.amount = money::plus(stats.amount, candle->amount);
    stats.quote_volume = money::plus(stats.quote_volume, candle->quote_volume);
  }
  if (!first && stats.open.is_positive()) {
    core::Decimal const ratio =
        money::divided(money::times(money::minus(last, stats.open), money::whole(100)), stats.open,
                       core::Rounding::half_even);
    stats.change_percentage = money::rounded(ratio, 2, core::Rounding::half_even);
  }
  return stats;
}

}  // namespace tradelink::sandbox
