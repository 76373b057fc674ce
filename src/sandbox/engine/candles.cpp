#include "sandbox/engine/candles.hpp"

#include <algorithm>

#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {
namespace {

constexpr std::int64_t floor_div(std::int64_t value, std::int64_t divisor) noexcept {
  std::int64_t const quotient = value / divisor;
  return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

/// Adds `piece` (same bucket, not older) to `candle`.
void merge_into(Candle& candle, Candle const& piece) noexcept {
  candle.high = money::larger(candle.high, piece.high);
  candle.low = money::smaller(candle.low, piece.low);
  candle.close = piece.close;
  candle.amount = money::plus(candle.amount, piece.amount);
  candle.quote_volume = money::plus(candle.quote_volume, piece.quote_volume);
}

}  // namespace

std::int64_t seconds(CandleInterval interval) noexcept {
  switch (interval) {
    case CandleInterval::s10: return 10;
    case CandleInterval::m1: return 60;
    case CandleInterval::m5: return 300;
    case CandleInterval::m15: return 900;
    case CandleInterval::m30: return 1800;
    case CandleInterval::h1: return 3600;
    case CandleInterval::h4: return 14400;
    case CandleInterval::h8: return 28800;
    case CandleInterval::d1: return 86400;
  }
  return 60;
}

std::string_view to_string(CandleInterval interval) noexcept {
  switch (interval) {
    case CandleInterval::s10: return "10s";
    case CandleInterval::m1: return "1m";
    case CandleInterval::m5: return "5m";
    case CandleInterval::m15: return "15m";
    case CandleInterval::m30: return "30m";
    case CandleInterval::h1: return "1h";
    case CandleInterval::h4: return "4h";
    case CandleInterval::h8: return "8h";
    case CandleInterval::d1: return "1d";
  }
  return "1m";
}

std::optional<CandleInterval> parse_candle_interval(std::string_view text) noexcept {
  for (CandleInterval const interval : all_candle_intervals) {
    if (to_string(interval) == text) return interval;
  }
  return std::nullopt;
}

std::int64_t seconds_of(TimeMs time_ms) noexcept {
  return floor_div(time_ms, 1000);
}

CandleSeries::CandleSeries(CandleInterval interval, std::size_t capacity)
    : interval_(interval), capacity_(std::max<std::size_t>(capacity, 1)) {}

std::int64_t CandleSeries::bucket_of(std::int64_t time_s) const noexcept {
  std::int64_t const length = seconds(interval_);
  return floor_div(time_s, length) * length;
}

std::optional<Candle> CandleSeries::absorb(Candle const& piece) {
  std::int64_t const start = bucket_of(piece.start_s);
  if (!candles_.empty() && candles_.back().start_s >= start) {
    merge_into(candles_.back(), piece);
    return std::nullopt;
  }
  std::optional<Candle> completed;
  if (!candles_.empty()) completed = candles_.back();
  if (candles_.size() == capacity_) candles_.pop_front();
  Candle opened = piece;
  opened.start_s = start;
  candles_.push_back(opened);
  return completed;
}

bool CandleSeries::merge_trade(std::int64_t time_s, core::Decimal price, core::Decimal amount,
                               core::Decimal quote_volume) noexcept {
  if (candles_.empty() || candles_.back().start_s < bucket_of(time_s)) return false;
  Candle& candle = candles_.back();
  candle.high = money::larger(candle.high, price);
  candle.low = money::smaller(candle.low, price);
  candle.close = price;
  candle.amount = money::plus(candle.amount, amount);
  candle.quote_volume = money::plus(candle.quote_volume, quote_volume);
  return true;
}

std::optional<Candle> CandleSeries::newest() const {
  if (candles_.empty()) return std::nullopt;
  return candles_.back();
}

std::vector<Candle> CandleSeries::with_pending(std::vector<Candle> const& pending) const {
  std::vector<Candle> all(candles_.begin(), candles_.end());
  for (Candle const& piece : pending) {
    std::int64_t const start = bucket_of(piece.start_s);
    if (!all.empty() && all.back().start_s >= start) {
      merge_into(all.back(), piece);
    } else {
      Candle opened = piece;
      opened.start_s = start;
      all.push_back(opened);
    }
  }
  return all;
}

std::vector<Candle> CandleSeries::query(std::vector<Candle> const& candles,
                                        std::optional<std::int64_t> from_s,
                                        std::optional<std::int64_t> to_s, std::size_t limit,
                                        TimeMs now) const {
  std::vector<Candle> result;
  if (candles.empty()) return result;
  std::int64_t const length = seconds(interval_);
  std::int64_t const now_s = seconds_of(now);
  std::int64_t const current = std::max(bucket_of(now_s), candles.back().start_s);
  std::int64_t first = 0;
  std::int64_t last = 0;
  if (from_s) {
    first = bucket_of(*from_s);
    last = std::min(bucket_of(to_s.value_or(now_s)), current);
    last = std::min(last, first + static_cast<std::int64_t>(max_query - 1) * length);
  } else {
    std::size_t const count = std::clamp<std::size_t>(limit, 1, max_query);
    last = to_s ? std::min(bucket_of(*to_s), current) : current;
    first = last - static_cast<std::int64_t>(count - 1) * length;
  }
  first = std::max(first, candles.front().start_s);
  if (first > last) return result;

  auto stored = std::lower_bound(
      candles.begin(), candles.end(), first,
      [](Candle const& candle, std::int64_t start) { return candle.start_s < start; });
  // The close carried into empty buckets: the newest candle before the range (there is one,
  // or `stored` points at `first` itself since first >= the oldest start).
  core::Decimal previous_close =
      stored == candles.begin() ? candles.front().open : std::prev(stored)->close;
  for (std::int64_t start = first; start <= last; start += length) {
    Candle candle;
    if (stored != candles.end() && stored->start_s == start) {
      candle = *stored++;
    } else {
      candle = Candle{start,          previous_close,  previous_close,  previous_close,
                      previous_close, core::Decimal{}, core::Decimal{}, false};
    }
    candle.closed = (start + length) * 1000 <= now;
    previous_close = candle.close;
    result.push_back(candle);
  }
  return result;
}

}  // namespace tradelink::sandbox
