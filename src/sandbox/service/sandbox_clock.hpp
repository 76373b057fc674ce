#pragma once
// The sandbox's clock: wall-clock time plus an offset the admin API can move forward (so key
// expiry, countdowns and candles can be tested without waiting) plus an injected skew (the
// "server clock skew" fault, which can be taken back). Lock-free; any thread.

#include <atomic>
#include <cstdint>

namespace tradelink::sandbox {

class SandboxClock {
 public:
  /// Milliseconds since the Unix epoch on the sandbox clock.
  [[nodiscard]] std::int64_t now_ms() const noexcept;
  /// Microseconds since the Unix epoch on the sandbox clock (Gate's X-In-Time / X-Out-Time).
  [[nodiscard]] std::int64_t now_us() const noexcept;
  /// Moves the clock forward by `ms` (>= 0).
  void advance(std::int64_t ms) noexcept;
  [[nodiscard]] std::int64_t offset_ms() const noexcept {
    return offset_ms_.load(std::memory_order_relaxed);
  }
  /// Restores an offset (state file).
  void set_offset_ms(std::int64_t ms) noexcept { offset_ms_.store(ms, std::memory_order_relaxed); }
  /// The skew fault: added to every reading until set back to 0.
  void set_skew_ms(std::int64_t ms) noexcept { skew_ms_.store(ms, std::memory_order_relaxed); }
  [[nodiscard]] std::int64_t skew_ms() const noexcept {
    return skew_ms_.load(std::memory_order_relaxed);
  }

 private:
  std::atomic<std::int64_t> offset_ms_{0};
  std::atomic<std::int64_t> skew_ms_{0};
};

}  // namespace tradelink::sandbox
