#include "sandbox/service/rest/rate_limits.hpp"

#include <algorithm>

namespace tradelink::sandbox::rest {
namespace {

constexpr std::size_t max_tracked_windows = 50'000;
constexpr std::int64_t longest_window_ms = 10'000;

// Place and cancel limits are shared by every endpoint of the group; the others count per endpoint.
bool counted_per_group(RateGroup group) {
  return group == RateGroup::spot_place || group == RateGroup::spot_cancel ||
         group == RateGroup::futures_place || group == RateGroup::futures_cancel ||
         group == RateGroup::wallet_balance;
}

}  // namespace

RateLimit limit_of(RateGroup group) noexcept {
  switch (group) {
    case RateGroup::public_endpoint: return {200, 10'000};
    case RateGroup::spot_place: return {10, 1'000};
    case RateGroup::spot_cancel: return {200, 1'000};
    case RateGroup::spot_other: return {200, 10'000};
    case RateGroup::futures_place: return {100, 1'000};
    case RateGroup::futures_cancel: return {200, 1'000};
    case RateGroup::futures_other: return {200, 10'000};
    case RateGroup::wallet_balance: return {80, 10'000};
    case RateGroup::wallet_other: return {200, 10'000};
    case RateGroup::other_private: return {150, 10'000};
  }
  return {200, 10'000};
}

std::vector<net::Header> RateVerdict::headers() const {
  return {
      {"X-Gate-RateLimit-Requests-Remain", std::to_string(remaining)},
      {"X-Gate-RateLimit-Limit", std::to_string(limit)},
      {"X-Gate-RateLimit-Reset-Timestamp", std::to_string(reset_ms)},
  };
}

RateVerdict RateLimits::admit(Route const& route, std::string_view caller, std::int64_t now_ms) {
  RateLimit const limit = limit_of(route.rate_group);
  if (!enabled_) return RateVerdict{true, limit.requests, limit.requests, now_ms};
  if (windows_.size() > max_tracked_windows) forget_stale(now_ms);

  std::string key(caller);
  key += '|';
  key += counted_per_group(route.rate_group) ? std::string(fault_group_name(route.rate_group)) +
                                                   std::to_string(static_cast<int>(route.rate_group))
                                             : route.method + route.pattern;
  Window& window = windows_[key];
  if (now_ms - window.start_ms >= limit.window_ms || now_ms < window.start_ms) {
    window = Window{now_ms, 0};
  }
  std::int64_t const reset = window.start_ms + limit.window_ms;
  if (window.count >= limit.requests) return RateVerdict{false, limit.requests, 0, reset};
  ++window.count;
  return RateVerdict{true, limit.requests, limit.requests - window.count, now_ms};
}

void RateLimits::forget_stale(std::int64_t now_ms) {
  std::erase_if(windows_, [now_ms](auto const& entry) {
    return now_ms - entry.second.start_ms >= longest_window_ms;
  });
}

}  // namespace tradelink::sandbox::rest
