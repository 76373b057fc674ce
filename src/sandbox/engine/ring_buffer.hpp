#pragma once
// A FIFO of at most `limit` values in one growable circular array: pushing onto a full buffer
// drops the oldest value. Storage grows geometrically up to the limit and is reused afterwards,
// so a bounded history costs no allocation per entry in steady state (a std::deque allocates and
// frees a chunk every few large entries). Indexes count from the oldest value.

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace tradelink::sandbox {

template <class T>
class RingBuffer {
 public:
  /// A buffer keeping the newest `limit` (>= 1) values; SIZE_MAX for an unbounded queue.
  explicit RingBuffer(std::size_t limit = static_cast<std::size_t>(-1))
      : limit_(std::max<std::size_t>(limit, 1)) {}

  /// Appends `value`; when the buffer holds `limit` values the oldest is dropped first.
  void push_back(T value) {
    if (size_ == limit_) {
      slots_[head_] = std::move(value);
      head_ = next(head_);
      return;
    }
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) % slots_.size()] = std::move(value);
    ++size_;
  }
  /// Removes the oldest value; the buffer must not be empty.
  void pop_front() {
    head_ = next(head_);
    --size_;
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// The `index`-th oldest value (0 = oldest).
  [[nodiscard]] T const& operator[](std::size_t index) const noexcept {
    return slots_[(head_ + index) % slots_.size()];
  }
  [[nodiscard]] T const& front() const noexcept { return slots_[head_]; }
  [[nodiscard]] T const& back() const noexcept { return (*this)[size_ - 1]; }

 private:
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
};

}  // namespace tradelink::sandbox
