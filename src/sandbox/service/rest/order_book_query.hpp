#pragma once
// `GET /spot/order_book` (gateio-v4.md §3.2, §7.3): the query's parameters and the snapshot it
// asks for, with Gate's optional price aggregation (`interval`: levels merged into buckets of
// that width, bids rounded down and asks up, sizes summed).

#include <cstddef>
#include <string>

#include "core/decimal.hpp"
#include "sandbox/engine/book_types.hpp"
#include "sandbox/engine/engine.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

struct OrderBookQuery {
  std::string currency_pair;
  std::size_t limit = 10;  ///< levels per side (Gate's default 10)
  core::Decimal interval;  ///< 0: no aggregation
  bool with_id = false;
};

/// Reads currency_pair (required), limit (1..1000), interval ("0" or a positive decimal) and
/// with_id. MISSING_REQUIRED_PARAM / INVALID_PARAM_VALUE.
[[nodiscard]] Checked<OrderBookQuery> parse_order_book_query(Params const& query);

/// The snapshot `query` asks for. The book id is the engine's, aggregated or not: it numbers
/// book changes, the same id space as the WebSocket deltas. INVALID_CURRENCY_PAIR.
[[nodiscard]] Checked<BookSnapshot> spot_order_book(Engine const& engine,
                                                    OrderBookQuery const& query);

}  // namespace tradelink::sandbox::rest
