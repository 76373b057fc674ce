#pragma once
// Countdown cancel-all timers, Gate's dead man's switch (gateio-v4.md §11): per user, product
// line and market ("" = every market of the line). Setting a timer again re-arms it; timeout 0
// disarms it. The engine cancels the orders in scope when a timer runs out.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

enum class ProductLine : std::uint8_t { spot, futures };

/// One armed timer.
struct Countdown {
  UserId user = 0;
  ProductLine line = ProductLine::spot;
  std::string market;  ///< pair or contract; empty = all
  TimeMs trigger_ms = 0;
};

class CountdownTimers {
 public:
  /// Shortest timeout Gate accepts besides 0.
  static constexpr std::int64_t min_timeout_s = 5;

  /// Arms the timer to fire at now + timeout_s seconds (returned), or disarms it when timeout_s
  /// is 0 (returns 0). INVALID_PARAM_VALUE for a negative timeout or one below 5 s.
  core::Result<TimeMs> set(UserId user, ProductLine line, std::string_view market,
                           std::int64_t timeout_s, TimeMs now);
  /// True when a timer is due at `now`.
  [[nodiscard]] bool any_due(TimeMs now) const noexcept { return earliest_ && *earliest_ <= now; }
  /// Moves the timers due at `now` (trigger_ms <= now) into `due`, earliest first.
  void take_due(TimeMs now, std::vector<Countdown>& due);
  /// Armed timers.
  [[nodiscard]] std::vector<Countdown> const& armed() const noexcept { return timers_; }

 private:
  std::vector<Countdown> timers_;
  std::optional<TimeMs> earliest_;
};

}  // namespace tradelink::sandbox
