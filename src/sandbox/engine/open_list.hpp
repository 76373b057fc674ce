#pragma once
// A user's open orders on one market as a doubly linked list of order slots, oldest first:
// linking and unlinking allocate nothing in steady state and cost O(1). The links live in one
// dense array indexed by slot, apart from the order records: the records are large and mostly
// cold, and unlinking an order must not pull its two neighbours' records into the cache.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tradelink::sandbox {

inline constexpr std::uint32_t no_slot = 0xffff'ffffU;

/// One list's ends and length; its links are in an OpenLinks.
struct OpenList {
  std::uint32_t head = no_slot;  ///< oldest
  std::uint32_t tail = no_slot;  ///< newest
  std::size_t count = 0;
};

/// The links of every slot of one order store; a slot is in at most one list at a time.
class OpenLinks {
 public:
  /// Appends `slot` to `list`.
  void link_back(OpenList& list, std::uint32_t slot) {
    if (slot >= links_.size()) links_.resize(static_cast<std::size_t>(slot) + 1);
    links_[slot] = Link{list.tail, no_slot};
    if (list.tail != no_slot) {
      links_[list.tail].next = slot;
    } else {
      list.head = slot;
    }
    list.tail = slot;
    ++list.count;
  }
  /// Removes `slot`, which must be in `list`.
  void unlink(OpenList& list, std::uint32_t slot) noexcept {
    Link const link = links_[slot];
    if (link.prev != no_slot) {
      links_[link.prev].next = link.next;
    } else {
      list.head = link.next;
    }
    if (link.next != no_slot) {
      links_[link.next].prev = link.prev;
    } else {
      list.tail = link.prev;
    }
    links_[slot] = Link{};
    --list.count;
  }
  /// The slot after / before `slot` in its list, or no_slot.
  [[nodiscard]] std::uint32_t next(std::uint32_t slot) const noexcept { return links_[slot].next; }
  [[nodiscard]] std::uint32_t prev(std::uint32_t slot) const noexcept { return links_[slot].prev; }

 private:
  struct Link {
    std::uint32_t prev = no_slot;
    std::uint32_t next = no_slot;
  };
  std::vector<Link> links_;
};

}  // namespace tradelink::sandbox
