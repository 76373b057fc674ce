#include "sandbox/service/rest/order_book_query.hpp"

#include <limits>

#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/spot_params.hpp"

namespace tradelink::sandbox::rest {
namespace {

constexpr std::size_t default_depth = 10;
constexpr std::size_t max_depth = 1000;

/// Merges `levels` (best first) into buckets of `interval` and keeps the best `limit` of them.
Checked<std::vector<PriceLevel>> aggregate(std::vector<PriceLevel> const& levels,
                                           core::Decimal interval, core::Rounding rounding,
                                           std::size_t limit) {
  std::vector<PriceLevel> out;
  for (PriceLevel const& level : levels) {
    auto const bucket = level.price.quantize_to_step(interval, rounding);
    if (!bucket) return refusal("SERVER_ERROR", "Order book aggregation overflowed");
    if (!out.empty() && out.back().price == *bucket) {
      auto const size = out.back().size.add(level.size);
      if (!size) return refusal("SERVER_ERROR", "Order book aggregation overflowed");
      out.back().size = *size;
      continue;
    }
    if (out.size() == limit) break;
    out.push_back({*bucket, level.size});
  }
  return out;
}

}  // namespace

Checked<OrderBookQuery> parse_order_book_query(Params const& query) {
  OrderBookQuery out;
  auto const pair = query_required(query, "currency_pair");
  if (!pair) return pair.error();
  out.currency_pair = std::string(*pair);
  auto const limit = query_limit(query, default_depth, max_depth);
  if (!limit) return limit.error();
  out.limit = *limit;
  auto const interval = query_decimal(query, "interval");
  if (!interval) return interval.error();
  if (*interval) {
    if ((*interval)->is_negative()) return invalid_param("interval", *query.get("interval"));
    out.interval = **interval;
  }
  auto const with_id = query_bool(query, "with_id");
  if (!with_id) return with_id.error();
  out.with_id = with_id->value_or(false);
  return out;
}

Checked<BookSnapshot> spot_order_book(Engine const& engine, OrderBookQuery const& query) {
  bool const merged = query.interval.is_positive();
  std::size_t const depth = merged ? std::numeric_limits<std::size_t>::max() : query.limit;
  auto book = engine.spot().order_book(query.currency_pair, depth);
  if (!book) return refusal_from(book.error());
  if (!merged) return std::move(*book);
  auto asks = aggregate(book->asks, query.interval, core::Rounding::ceiling, query.limit);
  if (!asks) return asks.error();
  auto bids = aggregate(book->bids, query.interval, core::Rounding::floor, query.limit);
  if (!bids) return bids.error();
  book->asks = std::move(*asks);
  book->bids = std::move(*bids);
  return std::move(*book);
}

}  // namespace tradelink::sandbox::rest
