#pragma once
// Candlesticks (`GET /spot/candlesticks`): trades aggregated into fixed buckets aligned to the
// Unix epoch. A CandleSeries keeps a bounded history for one interval; it is fed either trades
// or closed candles of the next finer interval (see MarketStats), merged into its buckets.
// Queries fill buckets without trades with flat candles at the previous close, as Gate does.

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// Candle intervals Gate offers for spot (`10s` … `1d`). Each divides the next.
enum class CandleInterval : std::uint8_t { s10, m1, m5, m15, m30, h1, h4, h8, d1 };

/// Every interval, shortest first.
inline constexpr std::array<CandleInterval, 9> all_candle_intervals{
    CandleInterval::s10, CandleInterval::m1,  CandleInterval::m5,
    CandleInterval::m15, CandleInterval::m30, CandleInterval::h1,
    CandleInterval::h4,  CandleInterval::h8,  CandleInterval::d1};

/// Length of the interval in seconds.
[[nodiscard]] std::int64_t seconds(CandleInterval interval) noexcept;
/// Gate's spelling: "10s", "1m", "5m", "15m", "30m", "1h", "4h", "8h", "1d".
[[nodiscard]] std::string_view to_string(CandleInterval interval) noexcept;
/// Inverse of to_string(); nullopt for anything else.
[[nodiscard]] std::optional<CandleInterval> parse_candle_interval(std::string_view text) noexcept;

/// One bucket. `amount` is in the market's quantity unit (spot: base currency; futures:
/// contracts), `quote_volume` in the quote/settle currency.
struct Candle {
  std::int64_t start_s = 0;  ///< bucket start, Unix seconds
  core::Decimal open;
  core::Decimal high;
  core::Decimal low;
  core::Decimal close;
  core::Decimal amount;
  core::Decimal quote_volume;
  bool closed = false;  ///< the bucket has ended (set by queries from their `now`)
};

/// Floor of `time_ms` / 1000: a trade time in whole seconds.
[[nodiscard]] std::int64_t seconds_of(TimeMs time_ms) noexcept;

class CandleSeries {
 public:
  /// Most candles returned by one query (Gate's limit maximum).
  static constexpr std::size_t max_query = 1000;

  /// Keeps at most `capacity` (>= 1) most recent buckets.
  CandleSeries(CandleInterval interval, std::size_t capacity);

  /// Merges `piece` (a trade as a one-price candle, or a closed finer candle) into its bucket.
  /// Pieces must come in non-decreasing time; one stamped into an older bucket joins the newest
  /// bucket (a caller clock going back loses no volume). When the piece opens a new bucket, the
  /// previous newest candle is complete and is returned.
  std::optional<Candle> absorb(Candle const& piece);
  /// The common case of absorb() for one trade, without building a candle: merges the trade into
  /// the newest bucket when it belongs there (or is older) and returns true; false, and nothing
  /// changes, when it opens a new bucket.
  bool merge_trade(std::int64_t time_s, core::Decimal price, core::Decimal amount,
                   core::Decimal quote_volume) noexcept;

  /// The stored candles, oldest first, plus `pending` (candles of finer intervals not folded in
  /// yet, oldest first) merged into their buckets.
  [[nodiscard]] std::vector<Candle> with_pending(std::vector<Candle> const& pending) const;
  /// The newest stored candle, if any.
  [[nodiscard]] std::optional<Candle> newest() const;

  /// Candles of `candles` (oldest first, this series' buckets) for a query, oldest first. With
  /// `from_s`: buckets from `from_s` to `to_s` (default: now), at most max_query. Without: the
  /// `limit` (capped at max_query) buckets ending with the current one. Buckets before the first
  /// candle are omitted; later empty buckets are flat at the previous close.
  [[nodiscard]] std::vector<Candle> query(std::vector<Candle> const& candles,
                                          std::optional<std::int64_t> from_s,
                                          std::optional<std::int64_t> to_s, std::size_t limit,
                                          TimeMs now) const;

  [[nodiscard]] CandleInterval interval() const noexcept { return interval_; }

 private:
  [[nodiscard]] std::int64_t bucket_of(std::int64_t time_s) const noexcept;

  CandleInterval interval_;
  std::size_t capacity_;
  std::deque<Candle> candles_;
};

}  // namespace tradelink::sandbox
