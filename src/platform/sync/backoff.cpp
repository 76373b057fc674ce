#include "platform/sync/backoff.hpp"

#include <algorithm>

namespace tradelink::platform::sync {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max,
                 std::uint64_t seed)
    : initial_(std::max(initial, std::chrono::milliseconds{1})),
      max_(std::max(max, initial_)),
      random_(seed) {}

std::chrono::milliseconds Backoff::next() {
  std::int64_t ceiling = initial_.count();
  for (unsigned doubling = 0; doubling < attempts_ && ceiling < max_.count(); ++doubling) {
    ceiling *= 2;
  }
  ceiling = std::min(ceiling, max_.count());
  ++attempts_;
  std::uniform_int_distribution<std::int64_t> jitter(ceiling / 2, ceiling);
  return std::chrono::milliseconds{jitter(random_)};
}

}  // namespace tradelink::platform::sync
