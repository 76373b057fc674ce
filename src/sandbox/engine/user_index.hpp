#pragma once
// Users numbered densely in order of arrival: UserId → index, looked up on every order and
// cancel. An open-addressing table with a power-of-two size: one multiply to hash and usually one
// probe, where std::unordered_map divides by a prime bucket count and chases a node pointer.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

class UserIndex {
 public:
  /// The index of `user`, if it was added.
  [[nodiscard]] std::optional<std::uint32_t> find(UserId user) const noexcept {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t at = home(user);; at = (at + 1) & mask()) {
      Slot const& slot = slots_[at];
      if (slot.index == empty) return std::nullopt;
      if (slot.user == user) return slot.index;
    }
  }
  /// The index of `user`, numbering it next (index == size() before the call) when it is new.
  std::uint32_t add(UserId user) {
    if (auto const found = find(user)) return *found;
    // Keep the table at most half full so probes stay short.
    if ((count_ + 1) * 2 > slots_.size()) grow();
    auto const index = static_cast<std::uint32_t>(count_++);
    place(user, index);
    return index;
  }
  /// Users added.
  [[nodiscard]] std::size_t size() const noexcept { return count_; }

 private:
  static constexpr std::uint32_t empty = 0xffff'ffffU;
  struct Slot {
    UserId user = 0;
    std::uint32_t index = empty;
  };

  [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }
  [[nodiscard]] std::size_t home(UserId user) const noexcept {
    // Fibonacci hashing: the multiply spreads consecutive ids; the top bits index the table.
    std::uint64_t const mixed = static_cast<std::uint64_t>(user) * 0x9e37'79b9'7f4a'7c15ULL;
    return static_cast<std::size_t>(mixed >> 32) & mask();
  }
  void place(UserId user, std::uint32_t index) noexcept {
    std::size_t at = home(user);
    while (slots_[at].index != empty) at = (at + 1) & mask();
    slots_[at] = Slot{user, index};
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (Slot const& slot : old) {
      if (slot.index != empty) place(slot.user, slot.index);
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace tradelink::sandbox
