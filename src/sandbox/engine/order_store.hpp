#pragma once
// The orders one product line remembers (open, and finished ones still queryable), addressed by
// order id. An id carries its record's slot in the low 28 bits: id = sequence << 28 | slot. Ids
// therefore stay positive and strictly increasing (the sequence grows by one per order), and a
// lookup is one array access plus an id check — no hash table on the hot path. Slots of forgotten
// orders are reused; their old ids no longer match and are not found.

#include <cstdint>

#include "sandbox/engine/money.hpp"
#include "sandbox/engine/slot_pool.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// `Record` must have a member `order` with an `OrderId id`.
template <class Record>
class OrderStore {
 public:
  static constexpr int slot_bits = 28;
  static constexpr std::uint32_t npos = 0xffff'ffffU;

  /// Stores a value-initialised record under the next id (written to its order.id) and returns
  /// its slot; the caller fills in the rest. Aborts past 2^28 remembered orders (hundreds of
  /// gigabytes: memory ends long before).
  std::uint32_t add() {
    std::uint32_t const slot = records_.acquire_default();
    if (slot >= (std::uint32_t{1} << slot_bits)) money::broken_invariant("order store full");
    records_[slot].order.id = (++sequence_ << slot_bits) | static_cast<OrderId>(slot);
    return slot;
  }
  /// The slot of order `id`, or npos when it is unknown or forgotten.
  [[nodiscard]] std::uint32_t find(OrderId id) const noexcept {
    if (id <= 0) return npos;
    auto const slot = static_cast<std::uint32_t>(id & ((OrderId{1} << slot_bits) - 1));
    if (slot >= records_.capacity() || records_[slot].order.id != id) return npos;
    return slot;
  }
  /// Forgets the order in `slot`.
  void erase(std::uint32_t slot) {
    records_[slot].order.id = 0;
    records_.release(slot);
  }

  [[nodiscard]] Record& operator[](std::uint32_t slot) noexcept { return records_[slot]; }
  [[nodiscard]] Record const& operator[](std::uint32_t slot) const noexcept {
    return records_[slot];
  }
  /// Orders remembered.
  [[nodiscard]] std::size_t size() const noexcept { return records_.size(); }

 private:
  SlotPool<Record> records_;
  OrderId sequence_ = 0;
};

}  // namespace tradelink::sandbox
