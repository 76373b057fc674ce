// Verifying a bound key again after something changed on the exchange: permissions taken away,
// the key deleted or locked; and the periodic re-verification of bindings that are due.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using ReverifyTest = KeyServiceTest;

TEST_F(ReverifyTest, UnchangedKeyIsVerifiedAndAudited) {
  auto bound = bind(user_, trading_key());
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  advance_clocks(60'000);
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::connected);
  EXPECT_GT(*verified->verified_at, *bound->verified_at);
  EXPECT_THAT(audit_events(user_, bound->id), ElementsAre("binding.verified", "binding.created"));
}

TEST_F(ReverifyTest, PermissionsRemovedOnTheExchangeArePermissionDeniedWithTheChangeAudited) {
  SandboxKey const key = trading_key();
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  ASSERT_EQ(bound->status, BindingStatus::connected) << bound->report.message;

  update_key(key.key, [](sandbox::KeySpec& spec) {
    spec.perms = {{"spot", false}, {"wallet", true}, {"account", false}};
  });
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::permission_denied) << verified->report.message;
  EXPECT_THAT(verified->report.missing, ElementsAre("Perpetual Futures – Read & Write"));

  std::vector<store::AuditRecord> const audit = audit_of(user_, bound->id);
  ASSERT_EQ(audit.size(), 2U);
  EXPECT_EQ(audit[0].event, "binding.changed");
  json::value const detail = json::parse(audit[0].detail_json);
  EXPECT_EQ(detail.at("status").at("old"), json::value("connected"));
  EXPECT_EQ(detail.at("status").at("new"), json::value("permission_denied"));
  EXPECT_EQ(detail.at("permissions").at("old"),
            json::value("spot:read_write,futures:read_write,wallet:read,account:read_write"));
  EXPECT_EQ(detail.at("permissions").at("new"),
            json::value("spot:read_write,wallet:read,account:read_write"));

  auto shown = service_->show(user_, bound->id);
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(shown->status, BindingStatus::permission_denied);
}

TEST_F(ReverifyTest, KeyDeletedOnTheExchangeIsRevoked) {
  KeyOptions options;
  options.ip_whitelist = {"127.0.0.1"};
  SandboxKey const key = trading_key(options);
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  ASSERT_TRUE(bound->ip_bound);
  delete_key(key.key);
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::revoked) << verified->report.message;
  EXPECT_THAT(verified->report.message,
              HasSubstr("The exchange no longer accepts this key: it was deleted or revoked"));
  EXPECT_THAT(verified->report.fix, ::testing::Contains(HasSubstr("Rotate this binding")));
  // What the exchange account was, and that the key was IP-bound, stays known.
  EXPECT_EQ(verified->exchange_user_id, std::to_string(key.exchange_user_id));
  EXPECT_TRUE(verified->ip_bound);
  EXPECT_EQ(audit_events(user_, bound->id).front(), "binding.changed");
}

TEST_F(ReverifyTest, KeyLockedOnTheExchangeIsLocked) {
  SandboxKey const key = trading_key();
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  update_key(key.key, [](sandbox::KeySpec& spec) { spec.state = sandbox::KeyState::locked; });
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::locked) << verified->report.message;
  EXPECT_THAT(verified->report.message,
              HasSubstr("The key or the exchange account is locked or frozen"));
  EXPECT_THAT(verified->report.message, HasSubstr("ACCOUNT_LOCKED"));
}

TEST_F(ReverifyTest, OnlyBindingsVerifiedLongerAgoThanTheIntervalAreReverified) {
  constexpr std::int64_t hour_ms = 3600 * 1000;
  auto old_binding = bind(user_, trading_key(), core::Scope::both, "old");
  ASSERT_TRUE(old_binding.has_value()) << old_binding.error().message;
  advance_clocks(5 * hour_ms);
  std::int64_t const bob = new_platform_user("bob@example.com");
  auto fresh_binding = bind(bob, trading_key(), core::Scope::both, "fresh");
  ASSERT_TRUE(fresh_binding.has_value()) << fresh_binding.error().message;
  advance_clocks(hour_ms);

  auto reverified = service_->reverify_due(4 * hour_ms);
  ASSERT_TRUE(reverified.has_value()) << reverified.error().message;
  EXPECT_EQ(*reverified, 1U);
  EXPECT_THAT(audit_events(user_, old_binding->id),
              ElementsAre("binding.verified", "binding.created"));
  EXPECT_THAT(audit_events(bob, fresh_binding->id), ElementsAre("binding.created"));

  auto old_now = service_->show(user_, old_binding->id);
  ASSERT_TRUE(old_now.has_value());
  EXPECT_GE(*old_now->verified_at, *old_binding->verified_at + 6 * hour_ms);
  auto fresh_now = service_->show(bob, fresh_binding->id);
  ASSERT_TRUE(fresh_now.has_value());
  EXPECT_EQ(fresh_now->verified_at, fresh_binding->verified_at);

  // Nothing is due right after.
  auto again = service_->reverify_due(4 * hour_ms);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, 0U);
}

}  // namespace
}  // namespace tradelink::platform::keys::test
