// AccountState: streamed updates and their merge with REST snapshots (drift only where the
// stream did not speak since the snapshot was requested).
#include "platform/sync/account_state.hpp"

#include <gtest/gtest.h>

namespace tradelink::platform::sync {
namespace {

using venues::AccountKind;

core::Decimal dec(char const* text) {
  return core::Decimal::parse(text).value();
}

venues::BalanceUpdate spot(char const* currency, char const* available, char const* locked) {
  core::Decimal const total = dec(available).add(dec(locked)).value();
  return venues::BalanceUpdate{AccountKind::spot, currency, total, dec(available), dec(locked), 0};
}

venues::AccountSnapshot snapshot(std::vector<venues::AccountBalance> balances) {
  return venues::AccountSnapshot{
      std::move(balances), {}, venues::AccountMode::classic, std::nullopt};
}

TEST(AccountState, TheFirstSnapshotSetsEveryLine) {
  AccountState state;
  EXPECT_FALSE(state.has_snapshot());
  (void)state.merge(snapshot({{AccountKind::spot, "USDT", dec("10"), dec("5"), dec("15")},
                              {AccountKind::futures, "USDT", dec("7"), dec("3"), dec("10")}}),
                    0);
  ASSERT_TRUE(state.has_snapshot());
  auto lines = state.lines();
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].account, "spot");
  EXPECT_EQ(lines[0].locked, dec("5"));
  EXPECT_EQ(lines[1].account, "futures");
}

TEST(AccountState, StreamedBalancesAreAbsolute) {
  AccountState state;
  EXPECT_TRUE(state.apply(spot("USDT", "10", "0")));
  EXPECT_FALSE(state.apply(spot("USDT", "10", "0")));
  EXPECT_TRUE(state.apply(spot("USDT", "4", "6")));
  auto lines = state.lines();
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].available, dec("4"));
  EXPECT_EQ(lines[0].total, dec("10"));
  EXPECT_EQ(state.sequence(), 3U);
}

TEST(AccountState, ATotalOnlyUpdateKeepsTheKnownLockedPart) {
  AccountState state;
  (void)state.merge(snapshot({{AccountKind::futures, "USDT", dec("70"), dec("30"), dec("100")}}),
                    0);
  EXPECT_TRUE(state.apply(venues::BalanceUpdate{AccountKind::futures, "USDT", dec("90"),
                                                std::nullopt, std::nullopt, 0}));
  auto lines = state.lines();
  EXPECT_EQ(lines[0].locked, dec("30"));
  EXPECT_EQ(lines[0].available, dec("60"));
}

TEST(AccountState, ADifferenceOnAnUntouchedLineIsDriftAndRepaired) {
  AccountState state;
  (void)state.apply(spot("USDT", "10", "0"));
  auto drifts = state.merge(snapshot({{AccountKind::spot, "USDT", dec("12"), dec("0"), dec("12")}}),
                            state.sequence());
  ASSERT_FALSE(drifts.empty());
  EXPECT_EQ(drifts[0].what, "spot USDT total");
  EXPECT_EQ(drifts[0].streamed, "10");
  EXPECT_EQ(drifts[0].venue, "12");
  EXPECT_EQ(state.lines()[0].total, dec("12"));
}

TEST(AccountState, ALineStreamedAfterTheRequestKeepsTheNewerStreamedValue) {
  AccountState state;
  (void)state.apply(spot("USDT", "10", "0"));
  std::uint64_t const requested_at = state.sequence();
  (void)state.apply(spot("USDT", "20", "0"));  // arrives while the snapshot is on its way
  auto drifts = state.merge(snapshot({{AccountKind::spot, "USDT", dec("10"), dec("0"), dec("10")}}),
                            requested_at);
  EXPECT_TRUE(drifts.empty());
  EXPECT_EQ(state.lines()[0].total, dec("20"));
}

TEST(AccountState, ALineTheVenueNoLongerReportsIsRemoved) {
  AccountState state;
  (void)state.apply(spot("ETH", "1", "0"));
  auto drifts = state.merge(snapshot({}), state.sequence());
  ASSERT_EQ(drifts.size(), 1U);
  EXPECT_TRUE(state.lines().empty());
}

TEST(AccountState, StalePositionUpdatesAreDroppedAndFlatOnesRemoved) {
  AccountState state;
  auto position = [](char const* size, std::int64_t update_id) {
    return venues::PositionUpdate{
        venues::PositionState{"BTC_USDT", dec(size), dec("60000"), dec("6"), dec("0"), update_id},
        0};
  };
  EXPECT_TRUE(state.apply(position("10", 2)));
  EXPECT_FALSE(state.apply(position("5", 1)));
  ASSERT_EQ(state.positions().size(), 1U);
  EXPECT_EQ(state.positions()[0].size, dec("10"));
  EXPECT_TRUE(state.apply(position("0", 3)));
  EXPECT_TRUE(state.positions().empty());
}

}  // namespace
}  // namespace tradelink::platform::sync
