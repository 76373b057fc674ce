// judge(): from venue-neutral facts to every binding status, with the message and fix a user
// reads, under the policy and the scope picked. No network.
#include "platform/keys/verdict.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "venues/gateio/keys/permission_names.hpp"

namespace tradelink::platform::keys {
namespace {

using core::Access;
using core::Product;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using venues::AuthOutcome;
using venues::Known;

constexpr std::int64_t day_ms = 24LL * 3600 * 1000;
constexpr std::int64_t now = 1'750'000'000'000;

venues::KeyFacts good_facts() {
  venues::KeyFacts facts;
  facts.auth = AuthOutcome::ok;
  facts.exchange_user_id = "10000001";
  facts.permissions.set(Product::spot, Access::read_write);
  facts.permissions.set(Product::futures, Access::read_write);
  facts.permissions.set(Product::wallet, Access::read);
  facts.withdraw_enabled = Known::no;
  facts.futures_account_opened = Known::yes;
  facts.account_mode = venues::AccountMode::classic;
  facts.key_created_at_ms = now - 10 * day_ms;
  facts.clock_offset = std::chrono::milliseconds(40);
  facts.sequential_round_trips = 1;
  facts.probes.push_back({"spot read", "granted", ""});
  return facts;
}

class VerdictTest : public ::testing::Test {
 protected:
  VerdictTest() {
    page_.permission_checkbox = gateio::key_page_checkbox;
    page_.ip_whitelist_setting = "IP Permissions → Bind IP";
    page_.key_page = "Account → API Management";
    page_.open_futures_account = "Transfer USDT to futures once.";
    policy_.egress_ips = {"198.51.100.1"};
  }

  VerificationReport judge_with(venues::KeyFacts const& facts,
                                core::Scope scope = core::Scope::both) {
    VerdictContext context;
    context.scope = scope;
    context.policy = &policy_;
    context.page = &page_;
    context.unusual_shape = unusual_shape_;
    context.wrong_kind_hint = "Create an APIv4 key.";
    context.previously_connected = previously_connected_;
    context.first_seen_ms = now - day_ms;
    context.now_ms = now;
    context.notes = {"a note from cleaning"};
    return judge(facts, context);
  }

  KeyPolicy policy_;
  venues::KeyPageNames page_;
  bool unusual_shape_ = false;
  bool previously_connected_ = false;
};

TEST_F(VerdictTest, Connected) {
  VerificationReport const report = judge_with(good_facts());
  EXPECT_EQ(report.status, BindingStatus::connected);
  EXPECT_EQ(report.message,
            "The key works for spot and futures trading on exchange account 10000001.");
  EXPECT_TRUE(report.fix.empty());
  EXPECT_EQ(report.notes.front(), "a note from cleaning");
  EXPECT_EQ(report.checked_at_ms, now);
  EXPECT_EQ(report.clock_skew_ms, 40);
  EXPECT_EQ(report.round_trips, 1);
  EXPECT_EQ(report.expires_at_ms, now + 80 * day_ms);
  EXPECT_THAT(report.egress_ips, ElementsAre("198.51.100.1"));
  EXPECT_EQ(report.probes.size(), 1U);
  std::vector<std::string> names;
  for (CheckItem const& item : report.checklist) names.push_back(item.name);
  EXPECT_THAT(names, ElementsAre("credentials", "clock", "ip whitelist", "expiry", "withdrawal",
                                 "spot permissions", "futures permissions", "account mode"));
}

TEST_F(VerdictTest, InvalidCredentials) {
  venues::KeyFacts facts;
  facts.auth = AuthOutcome::invalid_signature;
  facts.auth_detail = "INVALID_SIGNATURE: Signature mismatch";
  VerificationReport const report = judge_with(facts);
  EXPECT_EQ(report.status, BindingStatus::invalid_credentials);
  EXPECT_EQ(report.message,
            "The secret does not match the API key (exchange said: INVALID_SIGNATURE: Signature "
            "mismatch).");
  EXPECT_EQ(report.fix.size(), 3U);

  facts.auth = AuthOutcome::invalid_key;
  facts.auth_detail.clear();
  unusual_shape_ = true;
  VerificationReport const unknown = judge_with(facts);
  EXPECT_EQ(unknown.status, BindingStatus::invalid_credentials);
  EXPECT_EQ(unknown.message,
            "The exchange does not know this API key. It is most likely not an API v4 key. Create "
            "an APIv4 key.");
  EXPECT_THAT(unknown.notes, Contains(HasSubstr("does not have the usual shape")));
}

TEST_F(VerdictTest, RevokedWhenAKnownKeyIsNoLongerKnown) {
  previously_connected_ = true;
  venues::KeyFacts facts;
  facts.auth = AuthOutcome::invalid_key;
  VerificationReport const report = judge_with(facts);
  EXPECT_EQ(report.status, BindingStatus::revoked);
  EXPECT_THAT(report.fix, ElementsAre(HasSubstr("Create a new API key at Account → API Management"),
                                      HasSubstr("Rotate this binding")));
}

TEST_F(VerdictTest, PermissionDeniedNamesTheSettings) {
  venues::KeyFacts facts = good_facts();
  facts.permissions.set(Product::futures, Access::read);
  facts.permissions.set(Product::wallet, Access::none);
  VerificationReport const report = judge_with(facts);
  EXPECT_EQ(report.status, BindingStatus::permission_denied);
  EXPECT_THAT(report.missing,
              ElementsAre("Wallet – Read Only", "Perpetual Futures – Read & Write"));
  EXPECT_EQ(report.message,
            "Spot and futures strategies need permissions this key lacks: Wallet – Read Only, "
            "Perpetual Futures – Read & Write.");
  EXPECT_EQ(report.fix[0],
            "Open Account → API Management, edit the key and enable Wallet – Read Only, "
            "Perpetual Futures – Read & Write.");

  // The futures scope does not need spot.
  venues::KeyFacts futures_only = good_facts();
  futures_only.permissions.set(Product::spot, Access::none);
  EXPECT_EQ(judge_with(futures_only, core::Scope::futures).status, BindingStatus::connected);
  EXPECT_EQ(judge_with(futures_only, core::Scope::spot).status, BindingStatus::permission_denied);
}

TEST_F(VerdictTest, PermissionDeniedForAFuturesAccountNeverOpened) {
  venues::KeyFacts facts = good_facts();
  facts.futures_account_opened = Known::no;
  VerificationReport const report = judge_with(facts, core::Scope::futures);
  EXPECT_EQ(report.status, BindingStatus::permission_denied);
  EXPECT_EQ(report.message, "The futures account has never been opened.");
  EXPECT_THAT(report.fix, ElementsAre("Transfer USDT to futures once."));
  EXPECT_EQ(judge_with(facts, core::Scope::spot).status, BindingStatus::connected);
}

TEST_F(VerdictTest, IpRestricted) {
  venues::KeyFacts facts;
  facts.auth = AuthOutcome::ip_forbidden;
  facts.rejected_ip = "192.0.2.9";
  VerificationReport const report = judge_with(facts);
  EXPECT_EQ(report.status, BindingStatus::ip_restricted);
  EXPECT_EQ(report.rejected_ip, "192.0.2.9");
  EXPECT_THAT(report.message, HasSubstr("refused requests from 192.0.2.9"));
  EXPECT_THAT(report.fix[0], HasSubstr("add 198.51.100.1 under IP Permissions → Bind IP"));

  policy_.egress_ips.clear();
  EXPECT_THAT(judge_with(facts).fix[0], HasSubstr("add the address of this tradelink server"));
}

TEST_F(VerdictTest, ClockSkew) {
  venues::KeyFacts facts;
  facts.auth = AuthOutcome::clock_skew;
  VerificationReport const report = judge_with(facts);
  EXPECT_EQ(report.status, BindingStatus::clock_skew);
  EXPECT_THAT(report.fix, Contains(HasSubstr("enable NTP")));
}

TEST_F(VerdictTest, ExchangeUnavailable) {
  venues::KeyFacts facts;
  facts.auth = AuthOutcome::unavailable;
  VerificationReport const report = judge_with(facts);
  EXPECT_EQ(report.status, BindingStatus::exchange_unavailable);
  EXPECT_EQ(report.checklist.at(0).state, CheckItem::State::skipped);

  venues::KeyFacts undetermined = good_facts();
  undetermined.permissions.set(Product::futures, Access::none);
  undetermined.undetermined = {Product::futures};
  VerificationReport const partial = judge_with(undetermined);
  EXPECT_EQ(partial.status, BindingStatus::exchange_unavailable);
  EXPECT_EQ(partial.message, "The exchange did not answer the permission checks for futures.");
  EXPECT_TRUE(partial.missing.empty());
}

TEST_F(VerdictTest, WithdrawEnabledRefusedUnlessPolicyAndWhitelist) {
  venues::KeyFacts facts = good_facts();
  facts.withdraw_enabled = Known::yes;
  VerificationReport const refused = judge_with(facts);
  EXPECT_EQ(refused.status, BindingStatus::withdraw_enabled_refused);
  EXPECT_THAT(refused.fix[0], HasSubstr("turn off Withdrawal (keep Wallet – Read Only)"));

  policy_.allow_withdraw_with_ip_whitelist = true;
  EXPECT_EQ(judge_with(facts).status, BindingStatus::withdraw_enabled_refused);
  facts.ip_whitelist = {"198.51.100.1"};
  VerificationReport const allowed = judge_with(facts);
  EXPECT_EQ(allowed.status, BindingStatus::connected);
  EXPECT_FALSE(allowed.expires_at_ms.has_value());
  EXPECT_THAT(allowed.notes, Contains(HasSubstr("The policy allows it")));
}

TEST_F(VerdictTest, ExpiredByTheVenueOrByAge) {
  venues::KeyFacts refused;
  refused.auth = AuthOutcome::expired;
  EXPECT_EQ(judge_with(refused).status, BindingStatus::expired);

  venues::KeyFacts old = good_facts();
  old.key_created_at_ms = now - 91 * day_ms;
  VerificationReport const report = judge_with(old);
  EXPECT_EQ(report.status, BindingStatus::expired);
  EXPECT_EQ(report.message, "The key has passed its 90-day lifetime (it has no IP whitelist).");

  venues::KeyFacts soon = good_facts();
  soon.key_created_at_ms = now - 85 * day_ms;
  VerificationReport const warned = judge_with(soon);
  EXPECT_EQ(warned.status, BindingStatus::connected);
  EXPECT_THAT(warned.notes, Contains(HasSubstr("The key expires in 5 days.")));

  // Without the venue's creation time the expiry counts from when tradelink first saw the key.
  venues::KeyFacts unknown_age = good_facts();
  unknown_age.key_created_at_ms.reset();
  EXPECT_EQ(judge_with(unknown_age).expires_at_ms, now - day_ms + 90 * day_ms);
}

TEST_F(VerdictTest, Locked) {
  venues::KeyFacts facts;
  facts.auth = AuthOutcome::locked;
  facts.auth_detail = "key state 2";
  VerificationReport const report = judge_with(facts);
  EXPECT_EQ(report.status, BindingStatus::locked);
  EXPECT_EQ(report.message,
            "The key or the exchange account is locked or frozen (exchange said: "
            "key state 2).");
}

TEST_F(VerdictTest, ExpiryOutranksWithdrawalWhichOutranksPermissions) {
  venues::KeyFacts facts = good_facts();
  facts.withdraw_enabled = Known::yes;
  facts.permissions.set(Product::futures, Access::none);
  EXPECT_EQ(judge_with(facts).status, BindingStatus::withdraw_enabled_refused);
  facts.key_created_at_ms = now - 100 * day_ms;
  EXPECT_EQ(judge_with(facts).status, BindingStatus::expired);
}

TEST(BindingStatusTest, CodesAndHeadlinesRoundTrip) {
  for (BindingStatus status :
       {BindingStatus::connected, BindingStatus::invalid_credentials,
        BindingStatus::permission_denied, BindingStatus::ip_restricted, BindingStatus::clock_skew,
        BindingStatus::exchange_unavailable, BindingStatus::withdraw_enabled_refused,
        BindingStatus::expired, BindingStatus::revoked, BindingStatus::locked,
        BindingStatus::deleted}) {
    EXPECT_EQ(parse_binding_status(to_string(status)), status);
    EXPECT_FALSE(headline(status).empty());
  }
  EXPECT_EQ(headline(BindingStatus::connected), "API Status: Connected");
  EXPECT_FALSE(parse_binding_status("Connected").has_value());
  EXPECT_TRUE(may_trade(BindingStatus::connected));
  EXPECT_FALSE(may_trade(BindingStatus::expired));
}

}  // namespace
}  // namespace tradelink::platform::keys
