// IP whitelists and key lifetime: a key bound to other addresses, keys without a whitelist that
// expire after 90 days (warned 14 days ahead), and IP-bound keys that do not expire.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

using IpAndExpiryTest = KeyServiceTest;

TEST_F(IpAndExpiryTest, KeyBoundToOtherAddressesIsIpRestrictedWithOurEgressAddresses) {
  KeyOptions options;
  options.ip_whitelist = {"10.1.2.3"};
  auto bound = bind(user_, trading_key(options));
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::ip_restricted) << report.message;
  EXPECT_EQ(report.rejected_ip, "127.0.0.1");
  EXPECT_EQ(report.message,
            "The key is restricted to other IP addresses: the exchange refused requests from "
            "127.0.0.1.");
  ASSERT_EQ(report.fix.size(), 2U);
  EXPECT_THAT(report.fix[0], HasSubstr("add 203.0.113.7, 2001:db8::7 under IP Permissions → "
                                       "Bind IP"));
  EXPECT_THAT(report.egress_ips, ::testing::ElementsAre("203.0.113.7", "2001:db8::7"));
  EXPECT_EQ(find_check(report, "credentials")->state, CheckItem::State::passed);
  EXPECT_EQ(find_check(report, "ip whitelist")->state, CheckItem::State::failed);
}

TEST_F(IpAndExpiryTest, KeyPastNinetyDaysIsExpired) {
  SandboxKey const key = trading_key();
  advance_clocks(91 * day_ms);
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::expired) << report.message;
  EXPECT_THAT(report.message, HasSubstr("The key has expired"));
  EXPECT_THAT(report.message, HasSubstr("Keys without an IP whitelist stop working after 90 days"));
  ASSERT_FALSE(report.fix.empty());
  EXPECT_THAT(report.fix[0], HasSubstr("bind it to 203.0.113.7, 2001:db8::7"));
}

TEST_F(IpAndExpiryTest, BoundKeyExpiresOnceTheClocksPassNinetyDays) {
  SandboxKey const key = trading_key();
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  ASSERT_EQ(bound->status, BindingStatus::connected) << bound->report.message;
  advance_clocks(91 * day_ms);
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::expired) << verified->report.message;
  EXPECT_EQ(audit_events(user_, bound->id).front(), "binding.changed");
}

TEST_F(IpAndExpiryTest, KeyWithinFourteenDaysOfExpiryIsConnectedWithANote) {
  SandboxKey const key = trading_key();
  std::int64_t const created_ms = server_->venue().with(
      [&](sandbox::VenueState& state) { return state.keys.find(key.key)->created_at_ms; });
  advance_clocks(80 * day_ms);
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::connected) << report.message;
  EXPECT_THAT(report.notes, Contains(HasSubstr("The key expires in 10 days.")));
  EXPECT_THAT(report.notes, Contains(HasSubstr("Create a key bound to 203.0.113.7, 2001:db8::7")));
  EXPECT_EQ(find_check(report, "expiry")->state, CheckItem::State::warning);
  EXPECT_EQ(find_check(report, "expiry")->detail, "expires in 10 days");
  // Gate gives the creation time in whole seconds.
  std::int64_t const expected = created_ms / 1000 * 1000 + 90 * day_ms;
  EXPECT_EQ(report.expires_at_ms, expected);
  EXPECT_EQ(bound->expires_at, expected);
}

TEST_F(IpAndExpiryTest, IpBoundKeysHaveNoExpiry) {
  KeyOptions options;
  options.ip_whitelist = {"10.1.2.3", "127.0.0.1"};
  advance_clocks(10 * day_ms);
  auto bound = bind(user_, trading_key(options));
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::connected) << report.message;
  EXPECT_FALSE(bound->expires_at.has_value());
  EXPECT_FALSE(report.expires_at_ms.has_value());
  EXPECT_TRUE(bound->ip_bound);
  EXPECT_EQ(find_check(report, "expiry"), nullptr);
  EXPECT_EQ(find_check(report, "ip whitelist")->state, CheckItem::State::passed);
  EXPECT_EQ(find_check(report, "ip whitelist")->detail, "bound to 10.1.2.3, 127.0.0.1");
  EXPECT_THAT(report.ip_whitelist, ::testing::ElementsAre("10.1.2.3", "127.0.0.1"));

  // Still working long after 90 days.
  advance_clocks(120 * day_ms);
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::connected) << verified->report.message;
  EXPECT_FALSE(verified->expires_at.has_value());
}

}  // namespace
}  // namespace tradelink::platform::keys::test
