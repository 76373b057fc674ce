#include "sandbox/service/sandbox_clock.hpp"

#include <chrono>

namespace tradelink::sandbox {

std::int64_t SandboxClock::now_ms() const noexcept {
  auto const wall = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  return wall + offset_ms() + skew_ms();
}

std::int64_t SandboxClock::now_us() const noexcept {
  auto const wall = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  return wall + (offset_ms() + skew_ms()) * 1000;
}

void SandboxClock::advance(std::int64_t ms) noexcept {
  if (ms > 0) offset_ms_.fetch_add(ms, std::memory_order_relaxed);
}

}  // namespace tradelink::sandbox
