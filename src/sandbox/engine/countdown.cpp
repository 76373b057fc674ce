#include "sandbox/engine/countdown.hpp"

#include <algorithm>
#include <string>

#include "sandbox/engine/labels.hpp"

namespace tradelink::sandbox {

core::Result<TimeMs> CountdownTimers::set(UserId user, ProductLine line, std::string_view market,
                                          std::int64_t timeout_s, TimeMs now) {
  if (timeout_s < 0 || (timeout_s > 0 && timeout_s < min_timeout_s)) {
    return make_error(Label::invalid_param_value,
                      "Invalid parameter `timeout` with value: " + std::to_string(timeout_s) +
                          " (at least 5 seconds, 0 cancels the countdown)");
  }
  auto const existing = std::find_if(timers_.begin(), timers_.end(), [&](Countdown const& timer) {
    return timer.user == user && timer.line == line && timer.market == market;
  });
  if (timeout_s == 0) {
    if (existing != timers_.end()) timers_.erase(existing);
  } else if (existing != timers_.end()) {
    existing->trigger_ms = now + timeout_s * 1000;
  } else {
    timers_.push_back(Countdown{user, line, std::string(market), now + timeout_s * 1000});
  }
  earliest_.reset();
  for (Countdown const& timer : timers_) {
    if (!earliest_ || timer.trigger_ms < *earliest_) earliest_ = timer.trigger_ms;
  }
  return timeout_s == 0 ? TimeMs{0} : now + timeout_s * 1000;
}

void CountdownTimers::take_due(TimeMs now, std::vector<Countdown>& due) {
  due.clear();
  if (!earliest_ || *earliest_ > now) return;
  auto const not_due =
      std::stable_partition(timers_.begin(), timers_.end(),
                            [now](Countdown const& timer) { return timer.trigger_ms > now; });
  due.assign(std::make_move_iterator(not_due), std::make_move_iterator(timers_.end()));
  timers_.erase(not_due, timers_.end());
  std::stable_sort(due.begin(), due.end(), [](Countdown const& a, Countdown const& b) {
    return a.trigger_ms < b.trigger_ms;
  });
  earliest_.reset();
  for (Countdown const& timer : timers_) {
    if (!earliest_ || timer.trigger_ms < *earliest_) earliest_ = timer.trigger_ms;
  }
}

}  // namespace tradelink::sandbox
