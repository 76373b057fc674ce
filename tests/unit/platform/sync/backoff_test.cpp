// Backoff: doubling ceilings, jitter within [d/2, d], the cap, reset.
#include "platform/sync/backoff.hpp"

#include <gtest/gtest.h>

namespace tradelink::platform::sync {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, WaitsDoubleWithJitterUpToTheCap) {
  Backoff backoff(milliseconds{100}, milliseconds{1'000}, 7);
  std::int64_t ceiling = 100;
  for (int attempt = 0; attempt < 8; ++attempt) {
    milliseconds const wait = backoff.next();
    EXPECT_GE(wait.count(), ceiling / 2) << attempt;
    EXPECT_LE(wait.count(), ceiling) << attempt;
    ceiling = std::min<std::int64_t>(ceiling * 2, 1'000);
  }
  backoff.reset();
  EXPECT_LE(backoff.next().count(), 100);
}

TEST(Backoff, BindingsWithDifferentSeedsDoNotRetryInLockStep) {
  Backoff first(milliseconds{1'000}, milliseconds{60'000}, 1);
  Backoff second(milliseconds{1'000}, milliseconds{60'000}, 2);
  bool differed = false;
  for (int attempt = 0; attempt < 5; ++attempt) differed |= first.next() != second.next();
  EXPECT_TRUE(differed);
}

}  // namespace
}  // namespace tradelink::platform::sync
