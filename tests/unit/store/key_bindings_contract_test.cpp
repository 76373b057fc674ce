// Store contract: key bindings (ownership, optimistic concurrency, purge, re-seal).
#include "store/store_error.hpp"
#include "unit/store/store_fixture.hpp"

namespace tradelink::store::test {
namespace {

TEST_P(StoreContract, BindingRoundTripsEveryField) {
  auto const user = make_user("alice@example.com");
  KeyBindingRecord full = binding("kb_full", user, "key-full");
  full.passphrase_ct = bytes("sealed-passphrase");
  full.exchange_user_id = "10000001";
  full.account_mode = "unified";
  full.ip_bound = true;
  full.verified_at = 2'500;
  full.expires_at = 9'000;
  full.version = 77;  // ignored: a new binding starts at version 1
  auto inserted = store().insert_binding(full);
  ASSERT_TRUE(inserted.has_value()) << inserted.error().message;
  EXPECT_EQ(inserted->version, 1);

  KeyBindingRecord bare = binding("kb_bare", user, "key-bare");
  bare.secret_ct.clear();  // an empty blob is kept as empty, not NULL
  ASSERT_TRUE(store().insert_binding(bare).has_value());

  auto found = store().find_binding(user, "kb_full");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, "kb_full");
  EXPECT_EQ(found->user_id, user);
  EXPECT_EQ(found->venue, "gateio");
  EXPECT_EQ(found->label, "main account");
  EXPECT_EQ(found->api_key, "key-full");
  EXPECT_EQ(found->secret_ct, full.secret_ct);
  EXPECT_EQ(found->passphrase_ct, full.passphrase_ct);
  EXPECT_EQ(found->scope, "both");
  EXPECT_EQ(found->status, "connected");
  EXPECT_EQ(found->report_json, full.report_json);
  EXPECT_EQ(found->exchange_user_id, "10000001");
  EXPECT_EQ(found->account_mode, "unified");
  EXPECT_TRUE(found->ip_bound);
  EXPECT_EQ(found->verified_at, 2'500);
  EXPECT_EQ(found->expires_at, 9'000);
  EXPECT_EQ(found->created_at, 2'000);
  EXPECT_EQ(found->updated_at, 2'000);
  EXPECT_FALSE(found->deleted_at.has_value());
  EXPECT_EQ(found->version, 1);

  auto found_bare = store().find_binding(user, "kb_bare");
  ASSERT_TRUE(found_bare.has_value());
  EXPECT_TRUE(found_bare->secret_ct.empty());
  EXPECT_FALSE(found_bare->passphrase_ct.has_value());
  EXPECT_FALSE(found_bare->exchange_user_id.has_value());
  EXPECT_FALSE(found_bare->verified_at.has_value());
  EXPECT_FALSE(found_bare->expires_at.has_value());
  EXPECT_FALSE(found_bare->ip_bound);
}

TEST_P(StoreContract, BindingConflicts) {
  auto const user = make_user("bob@example.com");
  ASSERT_TRUE(store().insert_binding(binding("kb_1", user, "key-1")).has_value());
  EXPECT_EQ(store().insert_binding(binding("kb_1", user, "key-2")).error().code,
            error_code::conflict);
  EXPECT_EQ(store().insert_binding(binding("kb_2", user, "key-1")).error().code,
            error_code::conflict);
  EXPECT_EQ(store().insert_binding(binding("kb_3", 999, "key-3")).error().code,
            error_code::not_found);
  // Another user may bind the same exchange key (e.g. a shared team key).
  auto const other = make_user("other@example.com");
  EXPECT_TRUE(store().insert_binding(binding("kb_4", other, "key-1")).has_value());
}

TEST_P(StoreContract, BindingsAreInvisibleToOtherUsers) {
  auto const owner = make_user("carol@example.com");
  auto const intruder = make_user("mallory@example.com");
  ASSERT_TRUE(store().insert_binding(binding("kb_c", owner, "key-c")).has_value());

  EXPECT_EQ(store().find_binding(intruder, "kb_c").error().code, error_code::not_found);
  EXPECT_TRUE(store().list_bindings(intruder)->empty());

  KeyBindingRecord hijack = binding("kb_c", intruder, "key-c");
  hijack.version = 1;
  hijack.label = "hijacked";
  EXPECT_EQ(store().update_binding(hijack).error().code, error_code::not_found);
  EXPECT_EQ(store().purge_binding_secret(intruder, "kb_c", 5'000).error().code,
            error_code::not_found);

  auto untouched = store().find_binding(owner, "kb_c");
  ASSERT_TRUE(untouched.has_value());
  EXPECT_EQ(untouched->label, "main account");
  EXPECT_EQ(untouched->secret_ct, bytes("sealed-secret-of-kb_c"));
  EXPECT_EQ(untouched->version, 1);
}

TEST_P(StoreContract, UpdateWritesMutableFieldsAndBumpsTheVersion) {
  auto const user = make_user("dave@example.com");
  auto stored = store().insert_binding(binding("kb_d", user, "key-d"));
  ASSERT_TRUE(stored.has_value());

  KeyBindingRecord changed = *stored;
  changed.label = "renamed";
  changed.api_key = "key-d2";
  changed.secret_ct = bytes("rotated");
  changed.passphrase_ct = bytes("pp");
  changed.status = "permission_denied";
  changed.report_json = R"({"missing":["futures"]})";
  changed.exchange_user_id = "42";
  changed.account_mode = "unified";
  changed.ip_bound = true;
  changed.verified_at = 3'000;
  changed.expires_at = 4'000;
  changed.updated_at = 3'001;
  changed.venue = "elsewhere";  // immutable fields are not written
  changed.created_at = 1;
  auto updated = store().update_binding(changed);
  ASSERT_TRUE(updated.has_value()) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->venue, "gateio");
  EXPECT_EQ(updated->created_at, 2'000);

  auto found = store().find_binding(user, "kb_d");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->label, "renamed");
  EXPECT_EQ(found->api_key, "key-d2");
  EXPECT_EQ(found->secret_ct, bytes("rotated"));
  EXPECT_EQ(found->passphrase_ct, bytes("pp"));
  EXPECT_EQ(found->status, "permission_denied");
  EXPECT_EQ(found->report_json, R"({"missing":["futures"]})");
  EXPECT_EQ(found->exchange_user_id, "42");
  EXPECT_EQ(found->account_mode, "unified");
  EXPECT_TRUE(found->ip_bound);
  EXPECT_EQ(found->verified_at, 3'000);
  EXPECT_EQ(found->expires_at, 4'000);
  EXPECT_EQ(found->updated_at, 3'001);
  EXPECT_EQ(found->version, 2);
}

TEST_P(StoreContract, StaleVersionIsAConflictAndChangesNothing) {
  auto const user = make_user("erin@example.com");
  auto stored = store().insert_binding(binding("kb_e", user, "key-e"));
  ASSERT_TRUE(stored.has_value());

  KeyBindingRecord first_writer = *stored;
  KeyBindingRecord second_writer = *stored;
  first_writer.status = "connected";
  first_writer.label = "first";
  ASSERT_TRUE(store().update_binding(first_writer).has_value());

  second_writer.label = "second";
  auto stale = store().update_binding(second_writer);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, error_code::version_conflict);

  auto found = store().find_binding(user, "kb_e");
  EXPECT_EQ(found->label, "first");
  EXPECT_EQ(found->version, 2);

  KeyBindingRecord missing = binding("kb_missing", user, "key-m");
  missing.version = 1;
  EXPECT_EQ(store().update_binding(missing).error().code, error_code::not_found);
}

TEST_P(StoreContract, ActiveBindingsSpanUsersAndSkipDeletedOnes) {
  auto const a = make_user("a@example.com");
  auto const b = make_user("b@example.com");
  ASSERT_TRUE(store().insert_binding(binding("kb_a1", a, "k1")).has_value());
  ASSERT_TRUE(store().insert_binding(binding("kb_b1", b, "k2")).has_value());
  ASSERT_TRUE(store().insert_binding(binding("kb_a2", a, "k3")).has_value());
  ASSERT_TRUE(store().purge_binding_secret(a, "kb_a2", 9'000).has_value());

  auto active = store().list_active_bindings();
  ASSERT_TRUE(active.has_value());
  std::vector<std::string> ids;
  for (auto const& record : *active) ids.push_back(record.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"kb_a1", "kb_b1"}));

  auto own = store().list_bindings(a);
  ASSERT_TRUE(own.has_value());
  ASSERT_EQ(own->size(), 1U);
  EXPECT_EQ((*own)[0].id, "kb_a1");
}

TEST_P(StoreContract, PurgeRemovesTheSecretsAndTheBindingFromView) {
  auto const user = make_user("frank@example.com");
  KeyBindingRecord record = binding("kb_f", user, "key-f");
  record.passphrase_ct = bytes("sealed-pass");
  ASSERT_TRUE(store().insert_binding(record).has_value());
  ASSERT_TRUE(
      store()
          .append_audit(AuditRecord{0, user, std::string{"kb_f"}, "binding.created", "{}", 2'000})
          .has_value());

  ASSERT_TRUE(store().purge_binding_secret(user, "kb_f", 5'000).has_value());
  EXPECT_EQ(store().find_binding(user, "kb_f").error().code, error_code::not_found);
  EXPECT_TRUE(store().list_bindings(user)->empty());
  EXPECT_EQ(store().purge_binding_secret(user, "kb_f", 6'000).error().code, error_code::not_found);

  auto audit = store().list_audit(user, std::string_view{"kb_f"}, 10);
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->size(), 1U);

  // The same exchange key can be bound again once the old binding is gone.
  EXPECT_TRUE(store().insert_binding(binding("kb_f2", user, "key-f")).has_value());
}

TEST_P(StoreContract, ResealReplacesEveryLiveCiphertext) {
  auto const a = make_user("g@example.com");
  auto const b = make_user("h@example.com");
  KeyBindingRecord with_passphrase = binding("kb_g", a, "kg");
  with_passphrase.passphrase_ct = bytes("old-pass");
  ASSERT_TRUE(store().insert_binding(with_passphrase).has_value());
  ASSERT_TRUE(store().insert_binding(binding("kb_h", b, "kh")).has_value());
  ASSERT_TRUE(store().insert_binding(binding("kb_gone", a, "kx")).has_value());
  ASSERT_TRUE(store().purge_binding_secret(a, "kb_gone", 2'500).has_value());

  std::vector<std::string> seen;
  auto resealed = store().reseal_all(
      [&](KeyBindingRecord const& record) -> core::Result<ResealedSecrets> {
        seen.push_back(record.id);
        ResealedSecrets secrets{bytes("new-" + record.id), std::nullopt};
        if (record.passphrase_ct) secrets.passphrase_ct = bytes("new-pass");
        return secrets;
      },
      7'000);
  ASSERT_TRUE(resealed.has_value()) << resealed.error().message;
  EXPECT_EQ(*resealed, 2U);
  EXPECT_EQ(seen, (std::vector<std::string>{"kb_g", "kb_h"}));

  auto g = store().find_binding(a, "kb_g");
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->secret_ct, bytes("new-kb_g"));
  EXPECT_EQ(g->passphrase_ct, bytes("new-pass"));
  EXPECT_EQ(g->version, 2);
  EXPECT_EQ(g->updated_at, 7'000);
  auto h = store().find_binding(b, "kb_h");
  EXPECT_EQ(h->secret_ct, bytes("new-kb_h"));
  EXPECT_FALSE(h->passphrase_ct.has_value());
}

TEST_P(StoreContract, ResealRollsBackEverythingOnAnError) {
  auto const user = make_user("ivan@example.com");
  for (std::string const id : {"kb_1", "kb_2", "kb_3"}) {
    ASSERT_TRUE(store().insert_binding(binding(id, user, "key-" + id)).has_value());
  }
  int calls = 0;
  auto resealed = store().reseal_all(
      [&](KeyBindingRecord const& record) -> core::Result<ResealedSecrets> {
        if (++calls == 2) return core::internal_error("vault.open_failed", "cannot open");
        return ResealedSecrets{bytes("new-" + record.id), std::nullopt};
      },
      7'000);
  ASSERT_FALSE(resealed.has_value());
  EXPECT_EQ(resealed.error().code, "vault.open_failed");
  EXPECT_EQ(calls, 2);

  auto all = store().list_bindings(user);
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 3U);
  for (auto const& record : *all) {
    EXPECT_EQ(record.secret_ct, bytes("sealed-secret-of-" + record.id)) << record.id;
    EXPECT_EQ(record.version, 1);
    EXPECT_EQ(record.updated_at, 2'000);
  }
  // The store is usable afterwards (the transaction was closed).
  EXPECT_TRUE(store().insert_binding(binding("kb_4", user, "key-4")).has_value());
}

}  // namespace
}  // namespace tradelink::store::test
