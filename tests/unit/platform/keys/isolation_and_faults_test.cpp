// One user cannot reach another's binding through any call; an exchange that answers nothing
// useful gives exchange_unavailable (and never a wrong verdict or a lost binding).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_error.hpp"
#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

using IsolationAndFaultsTest = KeyServiceTest;

template <class T>
void expect_not_found(core::Result<T> const& result, char const* what) {
  ASSERT_FALSE(result.has_value()) << what;
  EXPECT_EQ(result.error().code, store::error_code::not_found) << what;
}

TEST_F(IsolationAndFaultsTest, AnotherUserCannotTouchTheBinding) {
  SandboxKey const key = trading_key();
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  std::int64_t const bob = new_platform_user("bob@example.com");

  expect_not_found(service_->show(bob, bound->id), "show");
  expect_not_found(service_->verify(bob, bound->id), "verify");
  expect_not_found(service_->credentials(bob, bound->id), "credentials");
  RotateRequest rotation;
  SandboxKey const new_key = make_key(key.exchange_user_id);
  rotation.api_key = new_key.key;
  rotation.secret = crypto::SecretString(new_key.secret);
  expect_not_found(service_->rotate(bob, bound->id, std::move(rotation)), "rotate");
  expect_not_found(service_->remove(bob, bound->id, true), "remove");

  auto bobs_list = service_->list(bob);
  ASSERT_TRUE(bobs_list.has_value());
  EXPECT_TRUE(bobs_list->empty());
  EXPECT_TRUE(audit_of(bob, bound->id).empty());
  EXPECT_TRUE(audit_of(bob, "").empty());

  // Alice's binding is untouched by all of that.
  EXPECT_THAT(audit_events(user_, bound->id), ElementsAre("binding.created"));
  auto credentials = service_->credentials(user_, bound->id);
  ASSERT_TRUE(credentials.has_value());
  EXPECT_EQ(credentials->api_key, key.key);

  // Bob may bind the same exchange key himself: bindings are per user.
  auto bobs = bind(bob, key);
  ASSERT_TRUE(bobs.has_value()) << bobs.error().message;
  EXPECT_NE(bobs->id, bound->id);
}

TEST_F(IsolationAndFaultsTest, ExchangeAnsweringOnly503IsExchangeUnavailable) {
  SandboxKey const key = trading_key();
  auto bound = bind(user_, key);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;

  sandbox::RestFaultSpec outage;
  outage.fail_next = -1;
  outage.status = 503;
  outage.label = "SERVER_ERROR";
  server_->faults().set_rest("all", outage);

  auto during = bind(user_, trading_key());
  ASSERT_TRUE(during.has_value()) << during.error().message;
  EXPECT_EQ(during->status, BindingStatus::exchange_unavailable) << during->report.message;
  EXPECT_THAT(during->report.message,
              HasSubstr("The exchange could not be reached or did not answer decisively"));
  EXPECT_THAT(during->report.fix, ::testing::Contains(HasSubstr("nothing was changed")));
  EXPECT_EQ(find_check(during->report, "credentials")->state, CheckItem::State::skipped);
  for (venues::ProbeRecord const& probe : during->report.probes) {
    EXPECT_EQ(probe.outcome, "inconclusive") << probe.name << ": " << probe.detail;
  }

  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::exchange_unavailable);
  // The last known facts about the account are kept.
  EXPECT_EQ(verified->exchange_user_id, std::to_string(key.exchange_user_id));
  EXPECT_EQ(verified->expires_at, bound->expires_at);
  EXPECT_EQ(verified->ip_bound, bound->ip_bound);

  // Deleting with order cancellation fails and keeps the key.
  auto removal = service_->remove(user_, bound->id, true);
  ASSERT_FALSE(removal.has_value());
  EXPECT_EQ(removal.error().code, "keys.cancel_failed");
  EXPECT_THAT(removal.error().message, HasSubstr("so the key was kept"));
  EXPECT_TRUE(service_->show(user_, bound->id).has_value());

  server_->faults().clear_all();
  auto recovered = service_->verify(user_, bound->id);
  ASSERT_TRUE(recovered.has_value()) << recovered.error().message;
  EXPECT_EQ(recovered->status, BindingStatus::connected) << recovered->report.message;
}

TEST_F(IsolationAndFaultsTest, FailingPermissionProbesAreNotMistakenForMissingPermissions) {
  sandbox::RestFaultSpec outage;
  outage.fail_next = -1;
  outage.status = 503;
  server_->faults().set_rest("futures", outage);
  SandboxKey const key = trading_key();

  // The key's own permission list still answers for the futures group.
  auto listed = bind(user_, key, core::Scope::futures, "listed");
  ASSERT_TRUE(listed.has_value()) << listed.error().message;
  EXPECT_EQ(listed->status, BindingStatus::connected) << listed->report.message;
  EXPECT_EQ(listed->report.permissions.access(core::Product::futures), core::Access::read_write);
  EXPECT_EQ(listed->report.futures_account_opened, venues::Known::unknown);
  ASSERT_TRUE(service_->remove(user_, listed->id, false).has_value());

  // Without it, futures permissions are undetermined: unavailable, not permission_denied.
  server_->faults().set_rest("account", outage);
  auto bound = bind(user_, key, core::Scope::futures, "undetermined");
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  EXPECT_EQ(bound->status, BindingStatus::exchange_unavailable) << bound->report.message;
  EXPECT_EQ(bound->report.message,
            "The exchange did not answer the permission checks for futures.");
  EXPECT_TRUE(bound->report.missing.empty());
}

}  // namespace
}  // namespace tradelink::platform::keys::test
