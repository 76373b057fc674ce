#pragma once
// The orders one product line remembers, addressed by order id: open orders as live records in a
// small pool, finished ones in a compact archived form in bounded rings (one per user and
// market, newest last).
//
// Why two places: a user's finished-order history is kept (thousands per user and market), so
// the records far outnumber the open orders the hot path works on. Kept apart, the open orders
// stay in a few hundred kilobytes that the caches hold, a new order reuses the slot a just-
// finished one left (warm), and the history is written once, sequentially, at the back of its
// ring — instead of every cancel or fill reaching a random record in a store of many megabytes.
//
// An id is sequence << 28 | handle: ids stay positive and strictly increasing (the sequence
// grows by one per order), and the handle indexes a small table saying where the order is —
// one array access per lookup, no hash table, and the id is checked against the order found
// there. Handles of forgotten orders are reused; their old ids no longer match and are not
// found. The table has a handle per remembered order (tens of thousands, reached at random by
// cancels and fills), so a handle is 8 bytes: the id it would repeat is the order's own.

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "sandbox/engine/money.hpp"
#include "sandbox/engine/prefetch.hpp"
#include "sandbox/engine/ring_buffer.hpp"
#include "sandbox/engine/slot_pool.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// `Record` (a live order) must have a member `order` with an `OrderId id`; `Archived` (its
/// compact finished form) a member `OrderId id`.
template <class Record, class Archived>
class OrderStore {
 public:
  static constexpr int handle_bits = 28;
  static constexpr std::uint32_t npos = 0xffff'ffffU;
  using Archive =
      RingBuffer<Archived, streamable<Archived> ? RingWrites::streamed : RingWrites::cached>;

  /// When an order finished, and which finish of its product line it was.
  struct Finish {
    TimeMs time_ms = 0;
    std::uint64_t sequence = 0;
  };

  /// What the store itself reads of a finished order to forget it in turn.
  struct Finished {
    OrderId id = 0;
    std::uint64_t finish_sequence = 0;
    TimeMs time_ms = 0;  ///< when it finished
  };

  /// Where an order is: its live record while open, else its archived form and the index of
  /// the archive holding it.
  struct Found {
    Record const* live = nullptr;
    Archived const* archived = nullptr;
    std::uint32_t archive = npos;
  };

  /// A new open order: a default-initialised live record under the next id (written to its
  /// order.id); returns its live slot, the caller fills in the rest. Aborts past 2^28 remembered
  /// orders (hundreds of gigabytes: memory ends long before).
  std::uint32_t add() {
    std::uint32_t handle = 0;
    if (!free_handles_.empty()) {
      handle = free_handles_.back();
      free_handles_.pop_back();
    } else {
      handle = static_cast<std::uint32_t>(handles_.size());
      if (handle >= (std::uint32_t{1} << handle_bits)) money::broken_invariant("order store full");
      handles_.emplace_back();
    }
    std::uint32_t const slot = live_.acquire_default();
    OrderId const id = (++sequence_ << handle_bits) | static_cast<OrderId>(handle);
    handles_[handle] = Handle{slot, 0};
    live_[slot].order.id = id;
    return slot;
  }

  /// The record of a live slot.
  [[nodiscard]] Record& operator[](std::uint32_t slot) noexcept { return live_[slot]; }
  [[nodiscard]] Record const& operator[](std::uint32_t slot) const noexcept { return live_[slot]; }

  /// The live slot of order `id`, or npos when it is not open (unknown, finished or forgotten).
  [[nodiscard]] std::uint32_t find_live(OrderId id) const noexcept {
    std::uint32_t const place = place_of(id);
    // npos has the archived bit as well.
    if ((place & archived) != 0) return npos;
    return live_[place].order.id == id ? place : npos;
  }
  /// Order `id`, open or finished; both pointers null when it is unknown or forgotten.
  [[nodiscard]] Found find(OrderId id) const noexcept {
    std::uint32_t const place = place_of(id);
    if (place == npos) return {};
    if ((place & archived) == 0) {
      Record const& record = live_[place];
      return record.order.id == id ? Found{&record, nullptr} : Found{};
    }
    std::uint32_t const index = place & ~archived;
    Archive const& ring = archives_[index].orders;
    // Sequences count modulo 2^32; a ring holds far fewer orders, so the offset is exact.
    std::uint32_t const sequence = handles_[handle_of(id)].sequence;
    Archived const& stored = ring[static_cast<std::uint32_t>(sequence - ring_start(ring))];
    return stored.id == id ? Found{nullptr, &stored, index} : Found{};
  }
  /// Starts fetching the live record of order `id` (a cancel names an arbitrary, probably cold,
  /// open order; fetching all its lines at once overlaps their misses). Only a hint.
  void prefetch(OrderId id) const noexcept {
    std::uint32_t const handle = handle_of(id);
    if (id <= 0 || handle >= handles_.size()) return;
    std::uint32_t const slot = handles_[handle].place;
    if (slot < live_.capacity()) prefetch_for_write(live_[slot]);
  }

  /// Starts fetching the record of the open order `id` in live `slot` and the order's handle,
  /// which finishing it writes: both probably cold for a resting order a taker is about to fill.
  /// Only a hint.
  void prefetch_open(std::uint32_t slot, OrderId id) const noexcept {
    prefetch_for_write(live_[slot]);
    prefetch_for_write(handles_[handle_of(id)]);
  }
  /// Starts fetching the handle of archive `index`'s oldest order, which archiving next to it may
  /// forget: handles are written in no particular order and are probably cold. Only a hint.
  void prefetch_oldest(std::uint32_t index) const noexcept {
    if (index >= archives_.size() || archives_[index].finished.empty()) return;
    prefetch_for_write(handles_[handle_of(archives_[index].oldest.id)]);
  }
  /// Replaces the finished order in live `slot` by its archived form, Archived(args...) built in
  /// place (a copy assembled elsewhere and copied in stalls on store forwarding), at the back of
  /// archive `index`, which keeps at most `limit` (>= 1) orders: when it is full its oldest order
  /// is forgotten. `finish` says when it finished and its place in the product line's order of
  /// finishes (which must grow with every call). The live slot is free afterwards.
  template <class... Args>
  void archive(std::uint32_t slot, std::uint32_t index, std::size_t limit, Finish finish,
               Args&&... args) {
    while (archives_.size() <= index) archives_.emplace_back(limit);
    Shelf& shelf = archives_[index];
    if (shelf.orders.size() == limit) forget_oldest(shelf);
    OrderId const id = live_[slot].order.id;
    shelf.orders.emplace_back(std::forward<Args>(args)...);
    shelf.finished.emplace_back(Finished{id, finish.sequence, finish.time_ms});
    if (shelf.finished.size() == 1) shelf.oldest = shelf.finished.front();
    Handle& handle = handles_[handle_of(id)];
    handle.place = archived | index;
    handle.sequence =
        static_cast<std::uint32_t>(ring_start(shelf.orders) + shelf.orders.size() - 1);
    live_.release(slot);
  }
  /// Forgets the oldest orders of archive `index` while `expired(oldest)` is true for their
  /// Finished: for an archive of orders that stay queryable only for a while, kept in the order
  /// they finished.
  template <class Expired>
  void forget_expired(std::uint32_t index, Expired&& expired) {
    if (index >= archives_.size()) return;
    Shelf& shelf = archives_[index];
    while (!shelf.finished.empty() && expired(shelf.oldest)) forget_oldest(shelf);
  }
  /// Makes room for one more finished order in a history kept in two archives, `first` and
  /// `second`, that hold at most `limit` (>= 1) orders together: while they hold `limit` or
  /// more, forgets whichever of their two oldest orders finished first.
  void make_room(std::uint32_t first, std::uint32_t second, std::size_t limit) {
    std::array<Shelf*, 2> const shelves{first < archives_.size() ? &archives_[first] : nullptr,
                                        second < archives_.size() ? &archives_[second] : nullptr};
    auto const held = [](Shelf const* shelf) {
      return shelf != nullptr ? shelf->finished.size() : 0;
    };
    auto const oldest = [](Shelf const* shelf) { return shelf->oldest.finish_sequence; };
    while (held(shelves[0]) + held(shelves[1]) >= limit) {
      bool const second_older = held(shelves[0]) == 0 ||
                                (held(shelves[1]) > 0 && oldest(shelves[1]) < oldest(shelves[0]));
      forget_oldest(*shelves[second_older ? 1 : 0]);
    }
  }
  /// Orders remembered: open, and finished ones not forgotten yet.
  [[nodiscard]] std::size_t size() const noexcept { return handles_.size() - free_handles_.size(); }

  /// Archive `index` (finished orders, oldest first), or null when it was never used.
  [[nodiscard]] Archive const* archived_orders(std::uint32_t index) const noexcept {
    return index < archives_.size() ? &archives_[index].orders : nullptr;
  }

 private:
  static constexpr std::uint32_t archived = 0x8000'0000U;  ///< `place` names an archive
  /// One archive: its orders, and beside them what the store reads of each. Bounding a history
  /// reads the oldest order of two archives on every finish; read from the archived orders
  /// (large, written long ago) that was a cache miss or two per finish, read from this dense
  /// ring it is a line shared by several orders and fetched ahead. The oldest entry is also
  /// copied into the shelf itself: the ring's front line is reached through its storage pointer
  /// and sits in a different cache line for every archive, while the shelf is read anyway.
  struct Shelf {
    explicit Shelf(std::size_t limit) : orders(limit), finished(limit) {}
    Archive orders;
    RingBuffer<Finished> finished;
    Finished oldest;  ///< finished.front() while finished is not empty
  };
  struct Handle {
    std::uint32_t place = npos;  ///< live slot, or archived | archive index; npos when free
    std::uint32_t sequence = 0;  ///< in its archive: the ring's count of values ever pushed
  };

  [[nodiscard]] static std::uint32_t handle_of(OrderId id) noexcept {
    return static_cast<std::uint32_t>(id & ((OrderId{1} << handle_bits) - 1));
  }
  /// The place of the handle of id `id`, or npos; whether the order there is `id` is still to
  /// be checked.
  [[nodiscard]] std::uint32_t place_of(OrderId id) const noexcept {
    if (id <= 0) return npos;
    std::uint32_t const handle = handle_of(id);
    return handle < handles_.size() ? handles_[handle].place : npos;
  }
  /// The push count of the ring's oldest value (modulo 2^32).
  [[nodiscard]] static std::uint32_t ring_start(Archive const& ring) noexcept {
    return static_cast<std::uint32_t>(ring.dropped());
  }
  void forget(std::uint32_t handle) {
    handles_[handle] = Handle{};
    free_handles_.push_back(handle);
  }
  void forget_oldest(Shelf& shelf) {
    forget(handle_of(shelf.oldest.id));
    shelf.finished.pop_front();
    shelf.orders.pop_front();
    if (!shelf.finished.empty()) shelf.oldest = shelf.finished.front();
  }

  SlotPool<Record> live_;
  std::vector<Handle> handles_;
  std::vector<std::uint32_t> free_handles_;
  std::vector<Shelf> archives_;
  OrderId sequence_ = 0;
};

}  // namespace tradelink::sandbox
