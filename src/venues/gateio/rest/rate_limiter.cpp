// Gate.io API v4 docs: "Frequency limit rule" (limits per endpoint group, rate-limit headers).
#include "venues/gateio/rest/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace tradelink::gateio {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

RateLimit documented_limit(EndpointGroup group) noexcept {
  switch (group) {
    case EndpointGroup::public_data: return {200, 10s};
    case EndpointGroup::spot_place: return {10, 1s};
    case EndpointGroup::spot_cancel: return {200, 1s};
    case EndpointGroup::spot_other: return {200, 10s};
    case EndpointGroup::futures_place: return {100, 1s};
    case EndpointGroup::futures_cancel: return {200, 1s};
    case EndpointGroup::futures_other: return {200, 10s};
    case EndpointGroup::wallet_balance: return {80, 10s};
    case EndpointGroup::wallet_other: return {200, 10s};
    case EndpointGroup::other_private: return {150, 10s};
  }
  return {10, 1s};
}

std::string_view to_string(EndpointGroup group) noexcept {
  switch (group) {
    case EndpointGroup::public_data: return "public";
    case EndpointGroup::spot_place: return "spot_place";
    case EndpointGroup::spot_cancel: return "spot_cancel";
    case EndpointGroup::spot_other: return "spot_other";
    case EndpointGroup::futures_place: return "futures_place";
    case EndpointGroup::futures_cancel: return "futures_cancel";
    case EndpointGroup::futures_other: return "futures_other";
    case EndpointGroup::wallet_balance: return "wallet_balance";
    case EndpointGroup::wallet_other: return "wallet_other";
    case EndpointGroup::other_private: return "other_private";
  }
  return "unknown";
}

RateLimiter::Bucket& RateLimiter::bucket(EndpointGroup group, std::string_view key, std::int64_t now_ms) {
  std::string bucket_key(to_string(group));
  bucket_key.push_back('|');
  bucket_key.append(key);
  auto [it, inserted] = buckets_.try_emplace(std::move(bucket_key));
  if (inserted) {
    RateLimit const limit = documented_limit(group);
    it->second.capacity = limit.requests;
    it->second.tokens = limit.requests;
    it->second.refill_per_ms = static_cast<double>(limit.requests) / static_cast<double>(limit.window.count());
    it->second.updated_ms = now_ms;
  }
  refill(it->second, now_ms);
  return it->second;
}

void RateLimiter::refill(Bucket& bucket, std::int64_t now_ms) noexcept {
  if (now_ms <= bucket.updated_ms) return;
  double const elapsed = static_cast<double>(now_ms - bucket.updated_ms);
  bucket.tokens = std::min(bucket.capacity, bucket.tokens + elapsed * bucket.refill_per_ms);
  bucket.updated_ms = now_ms;
}

milliseconds RateLimiter::try_acquire(EndpointGroup group, std::string_view key, std::int64_t now_ms) {
  Bucket& current = bucket(group, key, now_ms);
  if (now_ms < current.blocked_until_ms) return milliseconds{current.blocked_until_ms - now_ms};
  if (current.tokens >= 1.0) {
    current.tokens -= 1.0;
    return milliseconds{0};
  }
  double const missing = 1.0 - current.tokens;
  return milliseconds{static_cast<std::int64_t>(std::ceil(missing / current.refill_per_ms))};
}

void RateLimiter::on_headers(EndpointGroup group, std::string_view key, std::uint32_t remaining,
                             std::uint32_t limit, std::int64_t reset_at_ms, std::int64_t now_ms) {
  Bucket& current = bucket(group, key, now_ms);
  if (limit > 0 && static_cast<double>(limit) != current.capacity) {
    // The server may lower a limit (fill-ratio throttling); keep our window, adopt its size.
    RateLimit const documented = documented_limit(group);
    current.capacity = limit;
    current.refill_per_ms = static_cast<double>(limit) / static_cast<double>(documented.window.count());
  }
  // Trust the server when it has fewer requests left than we think; never raise on its word,
  // since other clients of the same account share the window.
  current.tokens = std::min(current.tokens, static_cast<double>(remaining));
  if (remaining == 0 && reset_at_ms > now_ms) {
    current.blocked_until_ms = std::max(current.blocked_until_ms, reset_at_ms);
  }
}

void RateLimiter::on_rate_limited(EndpointGroup group, std::string_view key, milliseconds wait,
                                  std::int64_t now_ms) {
  Bucket& current = bucket(group, key, now_ms);
  current.tokens = 0;
  current.blocked_until_ms = std::max(current.blocked_until_ms, now_ms + wait.count());
}

double RateLimiter::available(EndpointGroup group, std::string_view key, std::int64_t now_ms) {
  return bucket(group, key, now_ms).tokens;
}

}  // namespace tradelink::gateio
