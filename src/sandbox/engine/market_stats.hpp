#pragma once
// Trade statistics of one market: candles for every interval and the rolling 24-hour figures
// tickers show (last, open, high, low, volumes). A trade updates only the 10-second series; a
// completed candle rolls up into the next coarser series, so a trade costs one candle update
// instead of nine. Queries merge the not-yet-rolled-up candles back in. The 24-hour window is
// built from one-minute candles, so it rolls at minute granularity.

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/candles.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// Figures over the last 24 hours (1440 one-minute buckets including the current one).
struct RollingStats {
  std::optional<core::Decimal> last;  ///< last trade price ever, none before the first trade
  core::Decimal open;                 ///< first price in the window (last when the window is empty)
  core::Decimal high;                 ///< highest in the window (last when empty)
  core::Decimal low;                  ///< lowest in the window (last when empty)
  core::Decimal amount;               ///< traded quantity in the window (market's unit)
  core::Decimal quote_volume;         ///< traded value in the window
  /// (last − open) / open × 100, rounded half-even to 2 decimals; 0 without trades.
  core::Decimal change_percentage;
};

class MarketStats {
 public:
  /// `candle_capacity` buckets remembered per interval; at least 1440 keeps the 24 h window whole.
  explicit MarketStats(std::size_t candle_capacity);

  /// Adds one trade.
  void record(TimeMs time, core::Decimal price, core::Decimal amount, core::Decimal quote_volume);
  /// The rolling 24-hour figures as of `now`.
  [[nodiscard]] RollingStats last_24h(TimeMs now) const;
  /// Candles of `interval` (see CandleSeries::query).
  [[nodiscard]] std::vector<Candle> candles(CandleInterval interval,
                                            std::optional<std::int64_t> from_s,
                                            std::optional<std::int64_t> to_s, std::size_t limit,
                                            TimeMs now) const;
  [[nodiscard]] std::optional<core::Decimal> last_price() const noexcept { return last_; }

 private:
  /// Every stored candle of `interval` with the finer series' pending candles merged in.
  [[nodiscard]] std::vector<Candle> complete(CandleInterval interval) const;

  std::array<CandleSeries, all_candle_intervals.size()> series_;
  std::optional<core::Decimal> last_;
};

}  // namespace tradelink::sandbox
