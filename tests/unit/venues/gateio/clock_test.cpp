#include <gtest/gtest.h>

#include "venues/gateio/rest/clock.hpp"

namespace tradelink::gateio {
namespace {

TEST(ClockOffset, UnmeasuredClockIsLocalTime) {
  std::int64_t local = 1'700'000'000'500;
  ClockOffset const clock([&] { return local; });
  EXPECT_FALSE(clock.measured());
  EXPECT_EQ(clock.offset_ms(), 0);
  EXPECT_EQ(clock.server_now_ms(), local);
  EXPECT_EQ(clock.timestamp(), "1700000000");
}

TEST(ClockOffset, UsesTheRoundTripMidpoint) {
  std::int64_t local = 1'700'000'000'000;
  ClockOffset clock([&] { return local; });
  // Sent at local 1000, server read 1000+50+90000 (server is 90 s ahead), received at 1100.
  clock.record(local + 1'000, local + 1'050 + 90'000, local + 1'100);
  EXPECT_TRUE(clock.measured());
  EXPECT_EQ(clock.offset_ms(), 90'000);
  EXPECT_EQ(clock.last_round_trip_ms(), 100);
  EXPECT_EQ(clock.server_now_ms(), local + 90'000);
  EXPECT_EQ(clock.timestamp(), "1700000090");
}

TEST(ClockOffset, LocalClockAheadGivesNegativeOffset) {
  std::int64_t local = 1'700'000'120'000;
  ClockOffset clock([&] { return local; });
  clock.record(local, local - 120'000, local);
  EXPECT_EQ(clock.offset_ms(), -120'000);
  EXPECT_EQ(clock.server_now_seconds(), 1'700'000'000);
}

TEST(ClockOffset, FollowsTheLocalClock) {
  std::int64_t local = 1'000'000;
  ClockOffset clock([&] { return local; });
  clock.record(local, local + 5'000, local);
  local += 2'000;
  EXPECT_EQ(clock.server_now_ms(), 1'007'000);
}

TEST(ClockOffset, NegativeRoundTripIsTreatedAsZero) {
  ClockOffset clock([] { return std::int64_t{0}; });
  clock.record(1'000, 3'000, 900);  // local clock stepped back during the call
  EXPECT_EQ(clock.last_round_trip_ms(), 0);
  EXPECT_EQ(clock.offset_ms(), 2'000);
}

}  // namespace
}  // namespace tradelink::gateio
