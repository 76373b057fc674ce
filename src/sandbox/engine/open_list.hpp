#pragma once
// A user's open orders on one market as an intrusive doubly linked list through the order
// records (members `prev_open` / `next_open`), oldest first: linking and unlinking allocate
// nothing and cost O(1).

#include <cstddef>
#include <cstdint>

namespace tradelink::sandbox {

inline constexpr std::uint32_t no_slot = 0xffff'ffffU;

struct OpenList {
  std::uint32_t head = no_slot;  ///< oldest
  std::uint32_t tail = no_slot;  ///< newest
  std::size_t count = 0;
};

/// Appends record `slot` of `records` (a SlotPool of records with prev_open/next_open).
template <class Records>
void link_back(OpenList& list, Records& records, std::uint32_t slot) {
  auto& record = records[slot];
  record.prev_open = list.tail;
  record.next_open = no_slot;
  if (list.tail != no_slot) {
    records[list.tail].next_open = slot;
  } else {
    list.head = slot;
  }
  list.tail = slot;
  ++list.count;
}

/// Removes record `slot`, which must be in `list`.
template <class Records>
void unlink(OpenList& list, Records& records, std::uint32_t slot) {
  auto& record = records[slot];
  if (record.prev_open != no_slot) {
    records[record.prev_open].next_open = record.next_open;
  } else {
    list.head = record.next_open;
  }
  if (record.next_open != no_slot) {
    records[record.next_open].prev_open = record.prev_open;
  } else {
    list.tail = record.prev_open;
  }
  record.prev_open = record.next_open = no_slot;
  --list.count;
}

}  // namespace tradelink::sandbox
