#pragma once
// A FIFO of at most `limit` values in one growable circular array: pushing onto a full buffer
// drops the oldest value. Storage grows geometrically up to the limit and is reused afterwards,
// so a bounded history costs no allocation per entry in steady state (a std::deque allocates and
// frees a chunk every few large entries). Indexes count from the oldest value.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "sandbox/engine/prefetch.hpp"
#include "sandbox/engine/streaming_store.hpp"

namespace tradelink::sandbox {

/// How a RingBuffer writes values into slots it already holds: through the caches, or streamed
/// past them (a large history written once and read rarely; see streaming_store.hpp).
enum class RingWrites { cached, streamed };

template <class T, RingWrites writes = RingWrites::cached>
class RingBuffer {
 public:
  /// A buffer keeping the newest `limit` (>= 1) values; SIZE_MAX for an unbounded queue.
  explicit RingBuffer(std::size_t limit = static_cast<std::size_t>(-1))
      : limit_(std::max<std::size_t>(limit, 1)) {}

  /// Appends `value`; when the buffer holds `limit` values the oldest is dropped first.
  void push_back(T value) { emplace_back(std::move(value)); }
  /// Appends T(args...) built in place (no temporary copied in), dropping the oldest value first
  /// when the buffer holds `limit` values; returns the new value.
  template <class... Args>
  T& emplace_back(Args&&... args) {
    bool const full = size_ == limit_;
    if (!full && size_ == slots_.size()) grow();
    T* const slot = claim_back();
    if constexpr (writes == RingWrites::streamed) {
      // No prefetching either: the slot's old contents are not read.
      stream_store(slot, T(std::forward<Args>(args)...));
      return *slot;
    } else {
      if (full) {
        prefetch_ahead();
      } else if (size_ < slots_.size()) {
        // The next push writes at the new tail, last written a whole lap of the buffer ago.
        prefetch_for_write(slots_[tail()]);
      }
      std::destroy_at(slot);
      return *std::construct_at(slot, std::forward<Args>(args)...);
    }
  }
  /// Removes the oldest value; the buffer must not be empty.
  void pop_front() {
    head_ = next(head_);
    --size_;
    ++dropped_;
    if constexpr (writes == RingWrites::cached) prefetch_ahead();
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /// Values ever removed from the front (popped, or dropped by a push onto a full buffer): the
  /// oldest value is the dropped()-th ever pushed, counting from 0.
  [[nodiscard]] std::uint64_t dropped() const noexcept { return dropped_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// The `index`-th oldest value (0 = oldest).
  [[nodiscard]] T const& operator[](std::size_t index) const noexcept {
    std::size_t slot = head_ + index;
    if (slot >= slots_.size()) slot -= slots_.size();
    return slots_[slot];
  }
  [[nodiscard]] T const& front() const noexcept { return slots_[head_]; }
  [[nodiscard]] T const& back() const noexcept { return (*this)[size_ - 1]; }

 private:
  /// Values at the head were written long ago and are cold, and the head moves slowly (a few
  /// values per thousand operations): fetch the cache line a little ahead of it, so reading or
  /// overwriting the oldest values hits the cache.
  void prefetch_ahead() const noexcept {
    constexpr std::size_t ahead = sizeof(T) >= cache_line ? 1 : cache_line / sizeof(T);
    std::size_t at = head_ + ahead;
    while (at >= slots_.size()) at -= slots_.size();
    prefetch_for_write(slots_[at]);
  }
  /// Takes the slot the next value goes to: the oldest value's (dropped) when the buffer holds
  /// `limit` values, else the one after the newest, which the buffer must already hold.
  T* claim_back() noexcept {
    if (size_ == limit_) {
      T* const slot = &slots_[head_];
      head_ = next(head_);
      ++dropped_;
      return slot;
    }
    T* const slot = &slots_[tail()];
    ++size_;
    return slot;
  }
  /// The slot after the newest value; size_ < slots_.size().
  [[nodiscard]] std::size_t tail() const noexcept {
    std::size_t const slot = head_ + size_;
    return slot >= slots_.size() ? slot - slots_.size() : slot;
  }
  [[nodiscard]] std::size_t next(std::size_t slot) const noexcept {
    return slot + 1 == slots_.size() ? 0 : slot + 1;
  }
  void grow() {
    std::size_t const capacity = std::min(limit_, std::max<std::size_t>(16, slots_.size() * 2));
    std::vector<T> grown;
    grown.reserve(capacity);
    for (std::size_t index = 0; index < size_; ++index)
      grown.push_back(std::move(slots_[(head_ + index) % slots_.size()]));
    grown.resize(capacity);
    slots_ = std::move(grown);
    head_ = 0;
  }

  std::vector<T> slots_;
  std::size_t limit_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
  std::uint64_t dropped_ = 0;
};

}  // namespace tradelink::sandbox
