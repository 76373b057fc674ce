#pragma once
// A pool of values addressed by 32-bit slot numbers, reusing freed slots: in steady state
// acquiring and releasing a slot allocates nothing. Slots stay valid until released; references
// are invalidated by acquire() (the vector may grow), slot numbers are not.

#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace tradelink::sandbox {

template <class T>
class SlotPool {
 public:
  using Slot = std::uint32_t;

  /// Stores `value` in a free slot (or a new one) and returns the slot.
  Slot acquire(T value) {
    if (!free_.empty()) {
      Slot const slot = free_.back();
      free_.pop_back();
      items_[slot] = std::move(value);
      return slot;
    }
    items_.push_back(std::move(value));
    return static_cast<Slot>(items_.size() - 1);
  }

  /// A slot holding a default-initialised T (built in place, no temporary copied in). For the
  /// engine's records, whose members all carry default initialisers, that is the same value as
  /// T{}; value-initialisation would first zero the whole record (a `rep stos` over several
  /// hundred bytes on every order) and then write the initialisers over it.
  Slot acquire_default() {
    if (!free_.empty()) {
      Slot const slot = free_.back();
      free_.pop_back();
      std::destroy_at(&items_[slot]);
      ::new (static_cast<void*>(&items_[slot])) T;
      return slot;
    }
    items_.emplace_back();
    return static_cast<Slot>(items_.size() - 1);
  }

  /// Returns `slot` to the pool; its value stays in place until the slot is reused.
  void release(Slot slot) { free_.push_back(slot); }

  [[nodiscard]] T& operator[](Slot slot) noexcept { return items_[slot]; }
  [[nodiscard]] T const& operator[](Slot slot) const noexcept { return items_[slot]; }

  /// Slots ever created (in use or free): valid slot numbers are below it.
  [[nodiscard]] std::size_t capacity() const noexcept { return items_.size(); }
  /// Slots in use.
  [[nodiscard]] std::size_t size() const noexcept { return items_.size() - free_.size(); }

 private:
  std::vector<T> items_;
  std::vector<Slot> free_;
};

}  // namespace tradelink::sandbox
