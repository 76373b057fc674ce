// Keys that authenticate but do not fit: missing or read-only permission groups, a futures
// account never opened, and keys that can move funds (refused unless the policy allows it for
// IP-bound keys).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/decimal.hpp"
#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

using core::Access;
using core::Product;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using PermissionVerdictTest = KeyServiceTest;

TEST_F(PermissionVerdictTest, SpotOnlyKeyForBothScopesLacksPerpetualFutures) {
  KeyOptions options;
  options.perms = {{"spot", false}, {"wallet", true}, {"account", false}};
  SandboxKey const key = make_key(new_exchange_user(), options);
  auto bound = bind(user_, key, core::Scope::both);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::permission_denied) << report.message;
  EXPECT_THAT(report.missing, ElementsAre("Perpetual Futures – Read & Write"));
  EXPECT_EQ(report.message,
            "Spot and futures strategies need permissions this key lacks: Perpetual Futures – "
            "Read & Write.");
  ASSERT_EQ(report.fix.size(), 2U);
  EXPECT_THAT(report.fix[0], HasSubstr("APIv4 Keys, edit the key and enable Perpetual Futures – "
                                       "Read & Write."));
  EXPECT_EQ(report.permissions.access(Product::spot), Access::read_write);
  EXPECT_EQ(report.permissions.access(Product::futures), Access::none);
  EXPECT_EQ(find_check(report, "spot permissions")->state, CheckItem::State::passed);
  EXPECT_EQ(find_check(report, "futures permissions")->state, CheckItem::State::failed);
  EXPECT_EQ(find_check(report, "futures permissions")->detail, "missing for futures trading");

  // The same key is fine for spot alone.
  KeyOptions spot_options;
  spot_options.perms = options.perms;
  auto spot = bind(user_, make_key(new_exchange_user(), spot_options), core::Scope::spot);
  ASSERT_TRUE(spot.has_value()) << spot.error().message;
  EXPECT_EQ(spot->status, BindingStatus::connected) << spot->report.message;
  EXPECT_THAT(spot->report.message, HasSubstr("The key works for spot trading"));
}

TEST_F(PermissionVerdictTest, ReadOnlySpotKeyLacksSpotReadAndWrite) {
  KeyOptions options;
  options.perms = {{"spot", true}, {"wallet", true}, {"account", true}};
  SandboxKey const key = make_key(new_exchange_user(), options);
  auto bound = bind(user_, key, core::Scope::spot);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::permission_denied) << report.message;
  EXPECT_THAT(report.missing, ElementsAre("Spot & Margin Trading – Read & Write"));
  EXPECT_EQ(report.message,
            "Spot strategies need permissions this key lacks: Spot & Margin Trading – Read & "
            "Write.");
  EXPECT_EQ(report.permissions.access(Product::spot), Access::read);
  EXPECT_EQ(find_check(report, "futures permissions"), nullptr);
  EXPECT_THAT(report.probes,
              Contains(::testing::Field(&venues::ProbeRecord::outcome, "read only")));
}

TEST_F(PermissionVerdictTest, KeyLimitedToOtherPairsIsNotMistakenForReadOnly) {
  KeyOptions options;
  options.currency_pairs = {"ETH_USDT"};  // the write probe's pair is not among them
  auto bound = bind(user_, trading_key(options), core::Scope::spot);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  EXPECT_EQ(bound->status, BindingStatus::connected) << bound->report.message;
  EXPECT_EQ(bound->report.permissions.access(Product::spot), Access::read_write)
      << to_json(bound->report);
  EXPECT_THAT(bound->report.pair_whitelist, ElementsAre("ETH_USDT"));
}

TEST_F(PermissionVerdictTest, FuturesKeyWithoutFuturesAccountIsToldToOpenIt) {
  KeyOptions options;
  options.perms = {{"futures", false}, {"account", false}};
  SandboxKey const key = make_key(new_exchange_user(), options);  // no deposit into futures
  auto bound = bind(user_, key, core::Scope::futures);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::permission_denied) << report.message;
  EXPECT_EQ(report.futures_account_opened, venues::Known::no);
  EXPECT_TRUE(report.missing.empty());
  EXPECT_EQ(report.message, "The futures account has never been opened.");
  EXPECT_THAT(report.fix, ElementsAre(HasSubstr("Transfer any amount of USDT to your futures "
                                                "account once")));
  EXPECT_EQ(find_check(report, "futures permissions")->detail, "futures account not opened");
  EXPECT_EQ(report.permissions.access(Product::futures), Access::read_write);

  // After the first transfer into futures, verifying again connects.
  deposit(key.exchange_user_id, sandbox::Account::futures, "USDT", "10");
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::connected) << verified->report.message;
  EXPECT_EQ(verified->report.futures_account_opened, venues::Known::yes);
}

TEST_F(PermissionVerdictTest, WithdrawEnabledKeyIsRefused) {
  KeyOptions options;
  options.withdraw_enabled = true;
  SandboxKey const key = trading_key(options);
  deposit(key.exchange_user_id, sandbox::Account::spot, "USDT", "50");
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::withdraw_enabled_refused) << report.message;
  EXPECT_EQ(report.withdraw_enabled, venues::Known::yes);
  EXPECT_THAT(report.message, HasSubstr("This key can withdraw funds."));
  ASSERT_FALSE(report.fix.empty());
  EXPECT_THAT(report.fix[0], HasSubstr("turn off Withdrawal (keep Wallet – Read Only)"));
  EXPECT_EQ(find_check(report, "withdrawal")->state, CheckItem::State::failed);
  // The zero-amount withdrawal and transfer probes moved nothing.
  server_->venue().with([&](sandbox::VenueState& state) {
    auto const spot = state.engine.spot_balance(key.exchange_user_id, "USDT");
    ASSERT_TRUE(spot.has_value());
    EXPECT_EQ(spot->available, core::Decimal::parse("50").value());
    auto const futures = state.engine.futures_account(key.exchange_user_id);
    ASSERT_TRUE(futures.has_value());
    EXPECT_EQ(futures->total, core::Decimal::parse("100").value());
  });
}

TEST_F(PermissionVerdictTest, WithdrawEnabledIpBoundKeyIsAllowedByPolicyWithANote) {
  KeyPolicy policy = default_policy();
  policy.allow_withdraw_with_ip_whitelist = true;
  use_policy(policy);

  KeyOptions unbound;
  unbound.withdraw_enabled = true;
  auto refused = bind(user_, trading_key(unbound));
  ASSERT_TRUE(refused.has_value()) << refused.error().message;
  EXPECT_EQ(refused->status, BindingStatus::withdraw_enabled_refused)
      << "the policy needs an IP whitelist too";

  KeyOptions bound_to_ip;
  bound_to_ip.withdraw_enabled = true;
  bound_to_ip.ip_whitelist = {"127.0.0.1"};
  auto allowed = bind(user_, trading_key(bound_to_ip));
  ASSERT_TRUE(allowed.has_value()) << allowed.error().message;
  EXPECT_EQ(allowed->status, BindingStatus::connected) << allowed->report.message;
  EXPECT_THAT(allowed->report.notes,
              Contains("This key can withdraw funds. The policy allows it because the key is "
                       "bound to IP addresses."));
  EXPECT_EQ(find_check(allowed->report, "withdrawal")->state, CheckItem::State::warning);
}

TEST_F(PermissionVerdictTest, WalletReadWriteKeyIsRefused) {
  KeyOptions options;
  options.perms = {{"spot", false}, {"futures", false}, {"wallet", false}, {"account", false}};
  auto bound = bind(user_, trading_key(options));
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::withdraw_enabled_refused) << report.message;
  EXPECT_EQ(report.withdraw_enabled, venues::Known::no);
  EXPECT_EQ(report.permissions.access(Product::wallet), Access::read_write);
  EXPECT_THAT(report.message, HasSubstr("This key can move funds between wallets."));
  EXPECT_THAT(report.fix[0], HasSubstr("turn off Wallet – Read & Write"));
}

}  // namespace
}  // namespace tradelink::platform::keys::test
