#pragma once
// Client-side rate limiting per Gate.io endpoint group (gateio-v4.md §6): a token bucket per
// (group, key) — key is the endpoint path, or the pair for spot placement — refilled at the
// documented rate and corrected by the X-Gate-RateLimit-* headers of each response.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tradelink::gateio {

/// Endpoint groups with their own limits.
enum class EndpointGroup {
  public_data,       ///< 200 / 10 s per endpoint (per IP)
  spot_place,        ///< 10 / s per pair: create + amend
  spot_cancel,       ///< 200 / s
  spot_other,        ///< 200 / 10 s per endpoint
  futures_place,     ///< 100 / s: create + amend
  futures_cancel,    ///< 200 / s
  futures_other,     ///< 200 / 10 s per endpoint
  wallet_balance,    ///< 80 / 10 s: total_balance, transfers
  wallet_other,      ///< 200 / 10 s per endpoint
  other_private,     ///< 150 / 10 s per endpoint (account, unified, ...)
};

struct RateLimit {
  std::uint32_t requests;
  std::chrono::milliseconds window;
};

/// The documented limit of a group.
[[nodiscard]] RateLimit documented_limit(EndpointGroup group) noexcept;
[[nodiscard]] std::string_view to_string(EndpointGroup group) noexcept;

/// Not thread-safe: one per REST client, used from its io_context thread.
class RateLimiter {
 public:
  /// Takes one token for (group, key) at `now_ms` (monotonic ms). Returns 0 when the request may
  /// go now, otherwise how long to wait before asking again (no token is taken then).
  [[nodiscard]] std::chrono::milliseconds try_acquire(EndpointGroup group, std::string_view key,
                                                      std::int64_t now_ms);

  /// Applies the server's view after a response: `remaining` requests left in the window out of
  /// `limit`; when `remaining` is 0, nothing more is allowed until `reset_at_ms` (monotonic).
  void on_headers(EndpointGroup group, std::string_view key, std::uint32_t remaining,
                  std::uint32_t limit, std::int64_t reset_at_ms, std::int64_t now_ms);

  /// After a 429: no request in (group, key) until `now_ms + wait`.
  void on_rate_limited(EndpointGroup group, std::string_view key, std::chrono::milliseconds wait,
                       std::int64_t now_ms);

  /// Tokens currently available in (group, key), for tests and metrics.
  [[nodiscard]] double available(EndpointGroup group, std::string_view key, std::int64_t now_ms);

 private:
  struct Bucket {
    double tokens = 0;
    double capacity = 0;
    double refill_per_ms = 0;
    std::int64_t updated_ms = 0;
    std::int64_t blocked_until_ms = 0;
  };
  Bucket& bucket(EndpointGroup group, std::string_view key, std::int64_t now_ms);
  static void refill(Bucket& bucket, std::int64_t now_ms) noexcept;

  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace tradelink::gateio
