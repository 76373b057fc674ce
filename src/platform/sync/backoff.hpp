#pragma once
// Exponential backoff with jitter for reconnects and retried snapshots: the n-th wait is drawn
// uniformly from [d/2, d] with d = min(max, initial · 2^n), so many bindings that lost the same
// venue at once do not come back in lock step.

#include <chrono>
#include <cstdint>
#include <random>

namespace tradelink::platform::sync {

class Backoff {
 public:
  /// `seed` makes the jitter reproducible (a binding seeds it with its own identity).
  Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, std::uint64_t seed);

  /// The next wait; each call doubles the ceiling up to `max`.
  [[nodiscard]] std::chrono::milliseconds next();
  /// Back to `initial` (after a success).
  void reset() noexcept { attempts_ = 0; }
  [[nodiscard]] unsigned attempts() const noexcept { return attempts_; }

 private:
  std::chrono::milliseconds initial_;
  std::chrono::milliseconds max_;
  unsigned attempts_ = 0;
  std::mt19937_64 random_;
};

}  // namespace tradelink::platform::sync
