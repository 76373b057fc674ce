#pragma once
// Gate's REST rate limits (gateio-v4.md §6) as fixed windows per endpoint group and caller, with
// the figures Gate reports in X-Gate-RateLimit-* headers. Not thread-safe: used under the venue
// lock. Spot placements are counted per user, not per user and pair (the pair is only known
// once the body is parsed), which is stricter than Gate when one user trades several pairs.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "net/http_types.hpp"
#include "sandbox/service/rest/route.hpp"

namespace tradelink::sandbox::rest {

struct RateVerdict {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;
  std::int64_t reset_ms = 0;  ///< when the window reopens (ms since epoch)

  /// X-Gate-RateLimit-Requests-Remain, -Limit and -Reset-Timestamp (ms).
  [[nodiscard]] std::vector<net::Header> headers() const;
};

struct RateLimit {
  int requests = 0;
  std::int64_t window_ms = 0;
};

/// The documented limit of `group`.
[[nodiscard]] RateLimit limit_of(RateGroup group) noexcept;

class RateLimits {
 public:
  /// Counts one call of `route` by `caller` (user id or IP) at `now_ms`.
  RateVerdict admit(Route const& route, std::string_view caller, std::int64_t now_ms);

  void set_enabled(bool enabled) noexcept { enabled_ = enabled; }
  [[nodiscard]] bool enabled() const noexcept { return enabled_; }

 private:
  struct Window {
    std::int64_t start_ms = 0;
    int count = 0;
  };
  void forget_stale(std::int64_t now_ms);

  std::unordered_map<std::string, Window> windows_;
  bool enabled_ = true;
};

}  // namespace tradelink::sandbox::rest
