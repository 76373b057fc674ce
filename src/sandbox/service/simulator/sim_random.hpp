#pragma once
// The market simulator's only source of chance: a seeded 64-bit Mersenne Twister (whose output
// sequence the standard fixes) with small integer helpers, so one seed gives the same market on
// every build. Not thread-safe; the simulator uses it under the venue lock.

#include <cstdint>
#include <random>

namespace tradelink::sandbox::simulator {

class SimRandom {
 public:
  explicit SimRandom(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, count) (0 when count is 0). The modulo bias is below 2^-40 for the small
  /// counts the simulator draws.
  [[nodiscard]] std::uint64_t below(std::uint64_t count) {
    return count == 0 ? 0 : engine_() % count;
  }
  /// Uniform in [low, high], both inclusive; low when high < low.
  [[nodiscard]] std::int64_t between(std::int64_t low, std::int64_t high) {
    if (high <= low) return low;
    auto const span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(below(span));
  }
  /// True with probability percent / 100.
  [[nodiscard]] bool chance(unsigned percent) { return below(100) < percent; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace tradelink::sandbox::simulator
