#include <gtest/gtest.h>

#include "venues/gateio/rest/rate_limiter.hpp"

namespace tradelink::gateio {
namespace {

using std::chrono::milliseconds;

TEST(RateLimiter, DocumentedLimits) {
  EXPECT_EQ(documented_limit(EndpointGroup::spot_place).requests, 10U);
  EXPECT_EQ(documented_limit(EndpointGroup::spot_place).window, milliseconds{1000});
  EXPECT_EQ(documented_limit(EndpointGroup::futures_place).requests, 100U);
  EXPECT_EQ(documented_limit(EndpointGroup::wallet_balance).requests, 80U);
  EXPECT_EQ(documented_limit(EndpointGroup::wallet_balance).window, milliseconds{10'000});
}

TEST(RateLimiter, AllowsABurstUpToTheLimitThenAsksToWait) {
  RateLimiter limiter;
  std::int64_t const now = 1'000;
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(limiter.try_acquire(EndpointGroup::spot_place, "BTC_USDT", now), milliseconds{0}) << i;
  }
  milliseconds const wait = limiter.try_acquire(EndpointGroup::spot_place, "BTC_USDT", now);
  EXPECT_EQ(wait, milliseconds{100});  // 10 per second refill: one token per 100 ms
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::spot_place, "BTC_USDT", now + 100), milliseconds{0});
}

TEST(RateLimiter, SpotPlacementIsLimitedPerPair) {
  RateLimiter limiter;
  for (int i = 0; i < 10; ++i) (void)limiter.try_acquire(EndpointGroup::spot_place, "BTC_USDT", 0);
  EXPECT_GT(limiter.try_acquire(EndpointGroup::spot_place, "BTC_USDT", 0), milliseconds{0});
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::spot_place, "ETH_USDT", 0), milliseconds{0});
}

TEST(RateLimiter, RefillIsCappedAtCapacity) {
  RateLimiter limiter;
  (void)limiter.try_acquire(EndpointGroup::spot_cancel, "", 0);
  EXPECT_DOUBLE_EQ(limiter.available(EndpointGroup::spot_cancel, "", 1'000'000), 200.0);
}

TEST(RateLimiter, ServerHeadersLowerOurEstimate) {
  RateLimiter limiter;
  limiter.on_headers(EndpointGroup::spot_other, "/spot/accounts", 3, 200, 0, 0);
  EXPECT_DOUBLE_EQ(limiter.available(EndpointGroup::spot_other, "/spot/accounts", 0), 3.0);
  // ...but never raise it: another client of the account may be using the window.
  (void)limiter.try_acquire(EndpointGroup::spot_other, "/spot/accounts", 0);
  limiter.on_headers(EndpointGroup::spot_other, "/spot/accounts", 150, 200, 0, 0);
  EXPECT_DOUBLE_EQ(limiter.available(EndpointGroup::spot_other, "/spot/accounts", 0), 2.0);
}

TEST(RateLimiter, ExhaustedWindowBlocksUntilReset) {
  RateLimiter limiter;
  limiter.on_headers(EndpointGroup::futures_other, "/futures/usdt/accounts", 0, 200, 5'000, 1'000);
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::futures_other, "/futures/usdt/accounts", 1'000),
            milliseconds{4'000});
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::futures_other, "/futures/usdt/accounts", 5'000),
            milliseconds{0});
}

TEST(RateLimiter, ServerCanLowerTheLimit) {
  RateLimiter limiter;
  limiter.on_headers(EndpointGroup::futures_place, "", 1, 10, 0, 0);  // fill-ratio throttling
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::futures_place, "", 0), milliseconds{0});
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::futures_place, "", 0), milliseconds{100});
}

TEST(RateLimiter, RateLimitedResponseBlocksForTheWait) {
  RateLimiter limiter;
  limiter.on_rate_limited(EndpointGroup::spot_other, "/spot/orders", milliseconds{2'000}, 10'000);
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::spot_other, "/spot/orders", 10'500), milliseconds{1'500});
  EXPECT_EQ(limiter.try_acquire(EndpointGroup::spot_other, "/spot/orders", 12'000), milliseconds{0});
}

}  // namespace
}  // namespace tradelink::gateio
