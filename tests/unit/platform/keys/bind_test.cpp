// Binding keys against the sandbox over loopback: the good key, wrong credentials, keys of the
// wrong kind, pasted input that needs cleaning, and a venue whose clock is off.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "crypto/random_token.hpp"
#include "store/store_error.hpp"
#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

using core::Access;
using core::Product;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using BindTest = KeyServiceTest;

TEST_F(BindTest, GoodKeyIsConnectedWithExactlyTheGrantedPermissions) {
  SandboxKey const key = trading_key();
  auto bound = bind(user_, key, core::Scope::both, "UFOX-GateIO-API");
  ASSERT_TRUE(bound.has_value()) << bound.error().message;

  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::connected) << report.message;
  EXPECT_EQ(report.status, BindingStatus::connected);
  EXPECT_THAT(report.message, HasSubstr("spot and futures"));
  EXPECT_THAT(report.message, HasSubstr(std::to_string(key.exchange_user_id)));
  EXPECT_TRUE(report.fix.empty());
  EXPECT_TRUE(report.missing.empty());

  core::PermissionSet granted;
  granted.set(Product::spot, Access::read_write);
  granted.set(Product::futures, Access::read_write);
  granted.set(Product::wallet, Access::read);
  granted.set(Product::account, Access::read_write);
  EXPECT_EQ(report.permissions, granted) << report.permissions.to_string();
  EXPECT_EQ(report.withdraw_enabled, venues::Known::no);
  EXPECT_EQ(report.futures_account_opened, venues::Known::yes);
  EXPECT_EQ(report.account_mode, venues::AccountMode::classic);
  EXPECT_EQ(report.exchange_user_id, std::to_string(key.exchange_user_id));
  EXPECT_EQ(bound->exchange_user_id, std::to_string(key.exchange_user_id));
  EXPECT_LE(report.round_trips, 2);
  EXPECT_GE(report.round_trips, 1);

  std::vector<std::pair<std::string, CheckItem::State>> expected{
      {"credentials", CheckItem::State::passed},
      {"clock", CheckItem::State::passed},
      {"ip whitelist", CheckItem::State::warning},
      {"expiry", CheckItem::State::passed},
      {"withdrawal", CheckItem::State::passed},
      {"spot permissions", CheckItem::State::passed},
      {"futures permissions", CheckItem::State::passed},
      {"account mode", CheckItem::State::passed},
  };
  for (auto const& [name, state] : expected) {
    CheckItem const* item = find_check(report, name);
    ASSERT_NE(item, nullptr) << name;
    EXPECT_EQ(item->state, state) << name << ": " << item->detail;
  }
  EXPECT_EQ(find_check(report, "withdrawal")->detail, "disabled");
  EXPECT_EQ(find_check(report, "spot permissions")->detail, "spot read & write, wallet read");
  EXPECT_EQ(find_check(report, "futures permissions")->detail, "perpetual futures read & write");
  EXPECT_THAT(find_check(report, "expiry")->detail, HasSubstr("expires in 90 days"));

  // Not IP-bound: the 90-day expiry is announced and the platform's addresses offered.
  ASSERT_TRUE(bound->expires_at.has_value());
  EXPECT_FALSE(bound->ip_bound);
  EXPECT_THAT(report.notes, ::testing::Contains(HasSubstr("expires after about 90 days")));
  EXPECT_THAT(report.notes, ::testing::Contains(HasSubstr("203.0.113.7, 2001:db8::7")));

  EXPECT_EQ(bound->label, "UFOX-GateIO-API");
  EXPECT_EQ(bound->masked_key, crypto::mask(key.key));
  EXPECT_NE(bound->masked_key, key.key);
  EXPECT_EQ(bound->scope, core::Scope::both);
  EXPECT_TRUE(bound->id.starts_with("kb_"));

  auto listed = service_->list(user_);
  ASSERT_TRUE(listed.has_value()) << listed.error().message;
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().id, bound->id);
  EXPECT_EQ(listed->front().status, BindingStatus::connected);

  auto shown = service_->show(user_, bound->id);
  ASSERT_TRUE(shown.has_value()) << shown.error().message;
  EXPECT_EQ(shown->report.permissions, granted);
  EXPECT_EQ(shown->report.message, report.message);
  EXPECT_EQ(to_json(shown->report), to_json(report));

  std::vector<store::AuditRecord> const audit = audit_of(user_, bound->id);
  ASSERT_EQ(audit.size(), 1U);
  EXPECT_EQ(audit[0].event, "binding.created");
  EXPECT_THAT(audit[0].detail_json, HasSubstr("\"status\":\"connected\""));
  EXPECT_THAT(audit[0].detail_json, HasSubstr(crypto::mask(key.key)));

  auto credentials = service_->credentials(user_, bound->id);
  ASSERT_TRUE(credentials.has_value()) << credentials.error().message;
  EXPECT_EQ(credentials->api_key, key.key);
  EXPECT_EQ(credentials->secret.reveal(), key.secret);
}

TEST_F(BindTest, BindingTheSameKeyTwiceIsRefused) {
  SandboxKey const key = trading_key();
  ASSERT_TRUE(bind(user_, key).has_value());
  auto again = bind(user_, key);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, "keys.already_bound");
  EXPECT_THAT(again.error().message, HasSubstr("test key"));
}

TEST_F(BindTest, WrongSecretIsInvalidCredentialsAboutTheSecret) {
  SandboxKey key = trading_key();
  key.secret = crypto::random_token(32, crypto::TokenEncoding::hex);
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  EXPECT_EQ(bound->status, BindingStatus::invalid_credentials);
  EXPECT_THAT(bound->report.message, HasSubstr("The secret does not match the API key"));
  EXPECT_THAT(bound->report.message, HasSubstr("INVALID_SIGNATURE"));
  EXPECT_THAT(bound->report.message, ::testing::Not(HasSubstr("APIv4")));
  ASSERT_FALSE(bound->report.fix.empty());
  EXPECT_THAT(bound->report.fix[0], HasSubstr("Copy the API Key and the Secret again"));
  EXPECT_FALSE(bound->exchange_user_id.has_value());
  EXPECT_EQ(find_check(bound->report, "credentials")->state, CheckItem::State::failed);
  EXPECT_THAT(audit_events(user_, bound->id), ElementsAre("binding.created"));
}

TEST_F(BindTest, UnknownKeyIsInvalidCredentials) {
  SandboxKey const unknown{crypto::random_token(16, crypto::TokenEncoding::hex),
                           crypto::random_token(32, crypto::TokenEncoding::hex), 0};
  auto bound = bind(user_, unknown);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  EXPECT_EQ(bound->status, BindingStatus::invalid_credentials);
  EXPECT_THAT(bound->report.message, HasSubstr("The exchange does not know this API key"));
  EXPECT_THAT(bound->report.message, HasSubstr("INVALID_KEY"));
}

TEST_F(BindTest, KeyOfTheWrongKindGetsTheApiV4Hint) {
  std::int64_t const exchange_user = new_exchange_user();
  KeyOptions options;
  options.key = "mykey-123";
  options.secret = "shortsecret";
  SandboxKey key = make_key(exchange_user, options);
  key.secret = "othersecret";  // a v2-era pair that does not authenticate
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  EXPECT_EQ(bound->status, BindingStatus::invalid_credentials);
  EXPECT_THAT(bound->report.message, HasSubstr("not an API v4 key"));
  EXPECT_THAT(bound->report.message, HasSubstr("APIv4"));
  EXPECT_THAT(bound->report.notes, ::testing::Contains(HasSubstr("does not have the usual shape")));
}

TEST_F(BindTest, PastedWhitespaceAndZeroWidthCharactersAreCleanedAndReported) {
  SandboxKey const key = trading_key();
  BindRequest request;
  request.label = "  pasted  ";
  request.api_key = "  " + key.key.substr(0, 10) + "\u200b" + key.key.substr(10) + "\n";
  request.secret = crypto::SecretString("\t" + key.secret.substr(0, 32) + " \u200b\u200b" +
                                        key.secret.substr(32) + "\r\n");
  request.scope = core::Scope::both;
  auto bound = service_->bind(user_, std::move(request));
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  EXPECT_EQ(bound->status, BindingStatus::connected) << bound->report.message;
  EXPECT_EQ(bound->label, "pasted");
  EXPECT_EQ(bound->masked_key, crypto::mask(key.key));
  EXPECT_THAT(bound->report.notes,
              ::testing::Contains("Pasted input cleaned: removed 3 spaces and line breaks and 1 "
                                  "invisible (zero-width) character from the API key."));
  EXPECT_THAT(bound->report.notes,
              ::testing::Contains("Pasted input cleaned: removed 4 spaces and line breaks and 2 "
                                  "invisible (zero-width) characters from the secret."));
  auto credentials = service_->credentials(user_, bound->id);
  ASSERT_TRUE(credentials.has_value());
  EXPECT_EQ(credentials->api_key, key.key);
  EXPECT_EQ(credentials->secret.reveal(), key.secret);
}

TEST_F(BindTest, EmptyOrUnprintableInputIsAValidationErrorAndNothingIsStored) {
  SandboxKey const key = trading_key();
  BindRequest empty_secret;
  empty_secret.api_key = key.key;
  empty_secret.secret = crypto::SecretString(" \u200b\n");
  auto empty = service_->bind(user_, std::move(empty_secret));
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, "keys.empty");
  EXPECT_EQ(empty.error().layer, core::ErrorLayer::validation);
  EXPECT_EQ(empty.error().message, "The secret is empty.");

  BindRequest control;
  control.api_key = key.key.substr(0, 5) + "\x01" + key.key.substr(5);
  control.secret = crypto::SecretString(key.secret);
  auto refused = service_->bind(user_, std::move(control));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "keys.not_printable");
  EXPECT_THAT(refused.error().message, HasSubstr("API key contains control characters"));
  EXPECT_THAT(refused.error().message, ::testing::Not(HasSubstr(key.key.substr(5))));

  BindRequest unknown_venue;
  unknown_venue.venue = "nowhere";
  unknown_venue.api_key = key.key;
  unknown_venue.secret = crypto::SecretString(key.secret);
  auto venue = service_->bind(user_, std::move(unknown_venue));
  ASSERT_FALSE(venue.has_value());
  EXPECT_EQ(venue.error().code, "keys.unknown_venue");
  EXPECT_THAT(venue.error().message, HasSubstr("supported: gateio"));

  auto listed = service_->list(user_);
  ASSERT_TRUE(listed.has_value());
  EXPECT_TRUE(listed->empty());
  EXPECT_TRUE(audit_of(user_, "").empty());
}

TEST_F(BindTest, SkewedVenueClockIsMeasuredCorrectedAndNoted) {
  SandboxKey const key = trading_key();
  constexpr std::int64_t skew = 5 * 60 * 1000;
  server_->venue().clock().set_skew_ms(skew);
  auto bound = bind(user_, key);
  server_->venue().clock().set_skew_ms(0);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  VerificationReport const& report = bound->report;
  EXPECT_EQ(bound->status, BindingStatus::connected) << report.message;
  EXPECT_NEAR(static_cast<double>(report.clock_skew_ms), static_cast<double>(skew), 5'000.0);
  EXPECT_LE(report.round_trips, 2);
  CheckItem const* clock = find_check(report, "clock");
  ASSERT_NE(clock, nullptr);
  EXPECT_EQ(clock->state, CheckItem::State::warning);
  EXPECT_THAT(clock->detail, HasSubstr("behind the exchange's; corrected automatically"));
  EXPECT_THAT(report.notes, ::testing::Contains(HasSubstr(" s behind the exchange's.")));
  EXPECT_THAT(report.notes, ::testing::Contains(HasSubstr("enabling NTP")));
}

}  // namespace
}  // namespace tradelink::platform::keys::test
