// What goes wrong on a live account and how the sync recovers or reports it: a dropped stream,
// a silent one, 429 and 5xx answers to the reconciliation, a key revoked mid-stream, and an
// update the venue never sent (drift), a venue clock minutes away from ours.
#include "unit/platform/sync/sync_fixture.hpp"

namespace tradelink::platform::sync::test {
namespace {

TEST_F(SyncTest, ADroppedStreamIsReopenedAndResynced) {
  // Sessions opened while the fault is set are cut after one push.
  server_->faults().set_ws(sandbox::WsFaultSpec{1, false, 0});
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());

  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "1");
  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "2");
  ASSERT_TRUE(eventually([&] {
    auto view = view_of(account.binding_id);
    return view && view->health.reconnects >= 1;
  }));
  server_->faults().clear_all();
  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "3");
  ASSERT_TRUE(converges(account));
}

TEST_F(SyncTest, ASilentStreamIsRecycled) {
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());

  server_->faults().set_ws(sandbox::WsFaultSpec{0, true, 0});
  ASSERT_TRUE(eventually([&] {
    auto view = view_of(account.binding_id);
    return view && view->health.reconnects >= 1 && view->health.socket_state != "live";
  }));
  auto view = view_of(account.binding_id);
  ASSERT_TRUE(view.has_value());
  ASSERT_TRUE(view->health.last_error.has_value());

  server_->faults().clear_all();
  deposit(account.exchange_user, sandbox::Account::spot, "BTC", "0.5");
  ASSERT_TRUE(converges(account));
}

TEST_F(SyncTest, RateLimitsAndServerErrorsOnReconcileAreRetried) {
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());

  for (unsigned status : {503U, 429U}) {
    sandbox::RestFaultSpec refuse;
    refuse.fail_next = -1;
    refuse.status = status;
    refuse.label = status == 429U ? "TOO_MANY_REQUESTS" : "TOO_BUSY";
    server_->faults().set_rest("spot", refuse);
    auto const failures_before = view_of(account.binding_id)->health.reconcile_failures;
    ASSERT_TRUE(eventually([&] {
      auto view = view_of(account.binding_id);
      return view && view->health.reconcile_failures > failures_before &&
             view->health.last_error.has_value();
    })) << status;
    // The stream stays up while the REST side is refused.
    deposit(account.exchange_user, sandbox::Account::spot, "USDT", "1");
    server_->faults().clear_rest("spot");
    ASSERT_TRUE(converges(account));
    ASSERT_TRUE(eventually([&] {
      auto view = view_of(account.binding_id);
      return view && !view->health.last_error.has_value();
    })) << status;
  }
}

TEST_F(SyncTest, AKeyRevokedMidStreamFlipsTheBindingAndIsAudited) {
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());

  bool const removed = server_->venue().with(
      [&](sandbox::VenueState& state) { return state.keys.remove(account.api_key); });
  ASSERT_TRUE(removed);
  ASSERT_TRUE(eventually([&] {
    auto view = view_of(account.binding_id);
    return view && view->health.socket_state == "auth_failed";
  }));
  // The status is stored first, its audit entry right after.
  std::optional<store::AuditRecord> entry;
  ASSERT_TRUE(eventually([&] {
    auto audit = keys_->audit_log(user_, account.binding_id);
    if (!audit) return false;
    for (store::AuditRecord const& record : *audit) {
      if (record.event == "binding.status_changed") entry = record;
    }
    return entry.has_value();
  }));
  auto binding = keys_->show(user_, account.binding_id);
  ASSERT_TRUE(binding.has_value());
  EXPECT_EQ(binding->status, keys::BindingStatus::revoked);
  EXPECT_NE(entry->detail_json.find(R"("new":"revoked")"), std::string::npos) << entry->detail_json;
  EXPECT_NE(entry->detail_json.find(R"("old":"connected")"), std::string::npos);
  EXPECT_NE(entry->detail_json.find(R"("source":"sync")"), std::string::npos);

  // The last known balances stay readable, flagged by the health.
  auto view = view_of(account.binding_id);
  ASSERT_TRUE(view.has_value());
  EXPECT_FALSE(view->lines.empty());
}

TEST_F(SyncTest, AVenueClockFiveMinutesAheadIsMeasuredAndUsedForTheStream) {
  // Outside Gate's ±60 s window: every signed call and the stream's auth must use the offset
  // measured from the venue's time.
  server_->venue().clock().set_skew_ms(5 * 60 * 1000);
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());
  ASSERT_TRUE(eventually([&] {
    auto view = view_of(account.binding_id);
    return view && view->health.socket_state == "live";
  }));

  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "7");
  ASSERT_TRUE(converges(account));
  auto view = view_of(account.binding_id);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->health.reconnects, 0U) << "the stream authenticated at the first attempt";
}

TEST_F(SyncTest, AnUpdateTheStreamLostIsDetectedAsDriftAndRepaired) {
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());
  EXPECT_EQ(view_of(account.binding_id)->health.drift_count, 0U);

  server_->faults().set_ws(sandbox::WsFaultSpec{0, false, 1});
  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "42");
  ASSERT_TRUE(converges(account));
  auto view = view_of(account.binding_id);
  ASSERT_TRUE(view.has_value());
  EXPECT_GE(view->health.drift_count, 1U);
  EXPECT_EQ(view->health.reconnects, 0U) << "the stream itself never broke";

  SyncTotals const totals = service_->totals();  // what /metrics exports
  EXPECT_GE(totals.drift_count, view->health.drift_count);
  EXPECT_EQ(totals.bindings_by_socket_state.at(view->health.socket_state), 1U);
}

}  // namespace
}  // namespace tradelink::platform::sync::test
