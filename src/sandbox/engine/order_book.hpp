#pragma once
// Price-time priority order book of one market, in integer units (price ticks and quantity lots,
// see Grid). Each side is a vector of price levels sorted worst-to-best, so the best level is the
// back element; each level is an intrusive FIFO of entries living in a slot pool. Adding,
// reducing and removing entries allocates nothing in steady state.
//
// Every change of a level's quantity advances the book's update id by exactly one (Gate's book id,
// gateio-v4.md §7.3) and is remembered until drain_changes() hands the changed levels, with their
// absolute quantities, to the caller. Not thread-safe; owned by one market.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "sandbox/engine/slot_pool.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

class OrderBook {
 public:
  using Handle = std::uint32_t;
  static constexpr Handle none = 0xffff'ffffU;

  /// A resting order as the book keeps it.
  struct Entry {
    OrderId order_id = 0;
    std::int64_t price = 0;     ///< price units
    std::int64_t quantity = 0;  ///< remaining quantity units, > 0 while resting
    std::uint32_t owner = 0;    ///< the caller's record slot for this order
    Side side = Side::buy;
    Handle prev = none;
    Handle next = none;
  };

  /// Aggregate quantity at one price.
  struct Level {
    std::int64_t price = 0;
    std::int64_t quantity = 0;
    friend bool operator==(Level const&, Level const&) = default;
  };

  /// Levels changed since the previous drain: update ids first_id..last_id, absolute quantities
  /// (0 = level removed), bids best-first (descending), asks best-first (ascending).
  struct Changes {
    std::uint64_t first_id = 0;
    std::uint64_t last_id = 0;
    std::vector<Level> bids;
    std::vector<Level> asks;
  };

  /// Appends an order at the back of its price level. `quantity` must be positive.
  Handle add(Side side, std::int64_t price, std::int64_t quantity, OrderId order_id,
             std::uint32_t owner);
  /// Takes `quantity` (0 < quantity <= remaining) off the entry; removes it when nothing is left.
  void reduce(Handle handle, std::int64_t quantity);
  /// Removes the entry.
  void remove(Handle handle);

  /// The entry behind a live handle.
  [[nodiscard]] Entry const& entry(Handle handle) const noexcept { return entries_[handle]; }
  /// The oldest order at the best price of `side`, or `none`.
  [[nodiscard]] Handle best(Side side) const noexcept {
    auto const& levels = side_levels(side);
    return levels.empty() ? none : levels.back().head;
  }
  /// The best price of `side`, if any.
  [[nodiscard]] std::optional<std::int64_t> best_price(Side side) const noexcept {
    auto const& levels = side_levels(side);
    if (levels.empty()) return std::nullopt;
    return levels.back().price;
  }
  /// Calls `visit(Level)` best-first until it returns false or the side ends.
  template <class Visit>
  void visit_levels(Side side, Visit&& visit) const {
    auto const& levels = side_levels(side);
    for (auto level = levels.rbegin(); level != levels.rend(); ++level) {
      if (!visit(Level{level->price, level->quantity})) return;
    }
  }
  /// Up to `limit` levels of `side`, best-first, into `out` (cleared first).
  void depth(Side side, std::size_t limit, std::vector<Level>& out) const;
  /// Aggregate quantity at `price` on `side`, 0 when there is no such level.
  [[nodiscard]] std::int64_t quantity_at(Side side, std::int64_t price) const noexcept;

  /// Id of the last change; 0 for a book that never changed.
  [[nodiscard]] std::uint64_t update_id() const noexcept { return update_id_; }
  /// Resting orders.
  [[nodiscard]] std::size_t order_count() const noexcept { return entries_.size(); }
  /// Moves the changes since the last drain into `out`; false (and `out` untouched) when none.
  bool drain_changes(Changes& out);
  /// Drops the changes since the last drain (nobody forwards them); false when there were none.
  /// The update id is unaffected: the next drain starts after the changes dropped.
  bool discard_changes() noexcept {
    if (touched_.empty()) return false;
    touched_.clear();
    return true;
  }

 private:
  struct PriceLevel {
    std::int64_t price = 0;
    std::int64_t quantity = 0;
    Handle head = none;
    Handle tail = none;
  };
  using Levels = std::vector<PriceLevel>;

  [[nodiscard]] Levels& side_levels(Side side) noexcept {
    return side == Side::buy ? bids_ : asks_;
  }
  [[nodiscard]] Levels const& side_levels(Side side) const noexcept {
    return side == Side::buy ? bids_ : asks_;
  }
  /// First level not worse than `price` (levels are sorted worst-to-best); works on const and
  /// mutable level vectors.
  template <class LevelVector>
  [[nodiscard]] static auto lower_level(LevelVector& levels, Side side, std::int64_t price);
  [[nodiscard]] Levels::iterator find_level(Side side, std::int64_t price);
  /// Notes that the level at `price` now holds `quantity` (0: gone) and advances the id.
  void record_change(Side side, std::int64_t price, std::int64_t quantity);
  void unlink(Handle handle, PriceLevel& level);

  Levels bids_;
  Levels asks_;
  SlotPool<Entry> entries_;
  std::uint64_t update_id_ = 0;
  std::uint64_t first_pending_id_ = 0;
  /// A level change since the last drain; `order` keeps the newest of several on one level.
  struct Touched {
    Side side = Side::buy;
    std::int64_t price = 0;
    std::int64_t quantity = 0;
    std::uint64_t order = 0;
  };
  std::vector<Touched> touched_;
};

}  // namespace tradelink::sandbox
