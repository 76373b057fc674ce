#pragma once
// Order book views handed out by the engine: REST snapshots (`GET /spot/order_book?with_id=true`)
// and the incremental deltas behind `*.order_book_update` (gateio-v4.md §7.3).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// One aggregated level: spot size in base currency, futures size in contracts. In a delta a
/// zero size removes the level.
struct PriceLevel {
  core::Decimal price;
  core::Decimal size;
  friend bool operator==(PriceLevel const&, PriceLevel const&) = default;
};

/// Top levels of a book. `id` is the book's update id at the snapshot; a delta with
/// first_update_id <= id + 1 <= last_update_id is the first one to apply after it.
struct BookSnapshot {
  std::uint64_t id = 0;
  TimeMs update_ms = 0;          ///< time of the last book change (0 if it never changed)
  std::vector<PriceLevel> asks;  ///< ascending price
  std::vector<PriceLevel> bids;  ///< descending price
};

/// Changes of one book during one engine call. Every level change advanced the update id by one;
/// this delta covers ids first_update_id..last_update_id (Gate's `U`/`u`) and gives each changed
/// level's absolute size once. Spans point into engine buffers valid only during the callback.
struct BookDelta {
  std::string_view market;  ///< pair id or contract name
  TimeMs time_ms = 0;
  std::uint64_t first_update_id = 0;
  std::uint64_t last_update_id = 0;
  std::span<PriceLevel const> bids;  ///< descending price
  std::span<PriceLevel const> asks;  ///< ascending price
};

}  // namespace tradelink::sandbox
