// SqliteStore: the key_bindings table.
#include <string>

#include "store/sqlite/sqlite_store.hpp"
#include "store/store_error.hpp"

namespace tradelink::store {
namespace {

constexpr std::string_view binding_columns =
    "id, user_id, venue, label, api_key, secret_ct, passphrase_ct, scope, status, report_json, "
    "exchange_user_id, account_mode, ip_bound, verified_at, expires_at, created_at, updated_at, "
    "deleted_at, version";

KeyBindingRecord read_binding(sqlite::Statement const& row) {
  KeyBindingRecord binding;
  binding.id = row.column_text(0);
  binding.user_id = row.column_int64(1);
  binding.venue = row.column_text(2);
  binding.label = row.column_text(3);
  binding.api_key = row.column_text(4);
  binding.secret_ct = row.column_blob(5);
  binding.passphrase_ct = row.column_optional_blob(6);
  binding.scope = row.column_text(7);
  binding.status = row.column_text(8);
  binding.report_json = row.column_text(9);
  binding.exchange_user_id = row.column_optional_text(10);
  binding.account_mode = row.column_text(11);
  binding.ip_bound = row.column_bool(12);
  binding.verified_at = row.column_optional_int64(13);
  binding.expires_at = row.column_optional_int64(14);
  binding.created_at = row.column_int64(15);
  binding.updated_at = row.column_int64(16);
  binding.deleted_at = row.column_optional_int64(17);
  binding.version = row.column_int64(18);
  return binding;
}

core::Error binding_not_found() {
  return store_error(error_code::not_found, "no such key binding");
}

/// Parameters ?4 to ?15, the columns insert and update both write, in the same places.
void bind_mutable_columns(sqlite::Statement& statement, KeyBindingRecord const& binding) {
  statement.bind_text(4, binding.label)
      .bind_text(5, binding.api_key)
      .bind_blob(6, binding.secret_ct)
      .bind_optional_blob(7, binding.passphrase_ct)
      .bind_text(8, binding.scope)
      .bind_text(9, binding.status)
      .bind_text(10, binding.report_json)
      .bind_optional_text(11, binding.exchange_user_id)
      .bind_text(12, binding.account_mode)
      .bind_bool(13, binding.ip_bound)
      .bind_optional_int64(14, binding.verified_at)
      .bind_optional_int64(15, binding.expires_at);
}

}  // namespace

void SqliteStore::flush_superseded_pages() noexcept {
  // The write-ahead log still holds the page images written before the change (the old
  // ciphertext). The change itself is committed either way; if another connection's reader
  // blocks the truncation, the next purge or re-seal completes it.
  (void)connection_.checkpoint_and_truncate_log();
}

core::Result<KeyBindingRecord> SqliteStore::find_live_binding(std::int64_t user_id,
                                                              std::string_view binding_id) {
  auto query = connection_.prepare("SELECT " + std::string{binding_columns} +
                                   " FROM key_bindings"
                                   " WHERE id = ?1 AND user_id = ?2 AND deleted_at IS NULL");
  if (!query) return query.error();
  query->bind_text(1, binding_id).bind_int64(2, user_id);
  auto row = query->step();
  if (!row) return row.error();
  if (!*row) return binding_not_found();
  return read_binding(*query);
}

core::Result<std::vector<KeyBindingRecord>> SqliteStore::query_bindings(
    std::string_view where_and_order, std::optional<std::int64_t> user_id) {
  auto query = connection_.prepare("SELECT " + std::string{binding_columns} +
                                   " FROM key_bindings " + std::string{where_and_order});
  if (!query) return query.error();
  if (user_id) query->bind_int64(1, *user_id);
  std::vector<KeyBindingRecord> bindings;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return bindings;
    bindings.push_back(read_binding(*query));
  }
}

core::Result<KeyBindingRecord> SqliteStore::insert_binding(KeyBindingRecord const& binding) {
  std::lock_guard const lock(mutex_);
  auto insert = connection_.prepare(
      "INSERT INTO key_bindings (" + std::string{binding_columns} +
      ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
      "NULL, 1)");
  if (!insert) return insert.error();
  insert->bind_text(1, binding.id).bind_int64(2, binding.user_id).bind_text(3, binding.venue);
  bind_mutable_columns(*insert, binding);
  insert->bind_int64(16, binding.created_at).bind_int64(17, binding.updated_at);
  if (auto ran = insert->run(); !ran) return ran.error();
  KeyBindingRecord stored = binding;
  stored.deleted_at.reset();
  stored.version = 1;
  return stored;
}

core::Result<KeyBindingRecord> SqliteStore::update_binding(KeyBindingRecord const& binding) {
  std::lock_guard const lock(mutex_);
  auto transaction = sqlite::Transaction::begin(connection_);
  if (!transaction) return transaction.error();
  auto update = connection_.prepare(
      "UPDATE key_bindings SET label = ?4, api_key = ?5, secret_ct = ?6, passphrase_ct = ?7, "
      "scope = ?8, status = ?9, report_json = ?10, exchange_user_id = ?11, account_mode = ?12, "
      "ip_bound = ?13, verified_at = ?14, expires_at = ?15, updated_at = ?16, "
      "version = version + 1 "
      "WHERE id = ?1 AND user_id = ?2 AND version = ?3 AND deleted_at IS NULL");
  if (!update) return update.error();
  update->bind_text(1, binding.id).bind_int64(2, binding.user_id).bind_int64(3, binding.version);
  bind_mutable_columns(*update, binding);
  update->bind_int64(16, binding.updated_at);
  if (auto ran = update->run(); !ran) return ran.error();
  bool const updated = connection_.changes() == 1;
  auto stored = find_live_binding(binding.user_id, binding.id);
  if (!stored) return stored.error();
  if (!updated) {
    return store_error(error_code::version_conflict,
                       "key binding " + binding.id + " changed meanwhile (version " +
                           std::to_string(stored->version) + ", expected " +
                           std::to_string(binding.version) + "); reload and retry");
  }
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return stored;
}

core::Result<KeyBindingRecord> SqliteStore::find_binding(std::int64_t user_id,
                                                         std::string_view binding_id) {
  std::lock_guard const lock(mutex_);
  return find_live_binding(user_id, binding_id);
}

core::Result<std::vector<KeyBindingRecord>> SqliteStore::list_bindings(std::int64_t user_id) {
  std::lock_guard const lock(mutex_);
  return query_bindings("WHERE user_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
                        user_id);
}

core::Result<std::vector<KeyBindingRecord>> SqliteStore::list_active_bindings() {
  std::lock_guard const lock(mutex_);
  return query_bindings("WHERE deleted_at IS NULL ORDER BY user_id, created_at, id", std::nullopt);
}

core::Result<void> SqliteStore::purge_binding_secret(std::int64_t user_id,
                                                     std::string_view binding_id,
                                                     std::int64_t now) {
  std::lock_guard const lock(mutex_);
  {
    auto transaction = sqlite::Transaction::begin(connection_);
    if (!transaction) return transaction.error();
    // Same-length zeros first, so the ciphertext's own bytes are overwritten where they lie
    // (secure_delete then zeroes whatever the shrinking second write frees).
    auto zero = connection_.prepare(
        "UPDATE key_bindings SET secret_ct = zeroblob(length(secret_ct)), "
        "passphrase_ct = CASE WHEN passphrase_ct IS NULL THEN NULL "
        "ELSE zeroblob(length(passphrase_ct)) END "
        "WHERE id = ?1 AND user_id = ?2 AND deleted_at IS NULL");
    if (!zero) return zero.error();
    zero->bind_text(1, binding_id).bind_int64(2, user_id);
    if (auto ran = zero->run(); !ran) return ran;
    if (connection_.changes() == 0) return binding_not_found();

    auto clear = connection_.prepare(
        "UPDATE key_bindings SET secret_ct = x'', passphrase_ct = NULL, deleted_at = ?3, "
        "updated_at = ?3, version = version + 1 WHERE id = ?1 AND user_id = ?2");
    if (!clear) return clear.error();
    clear->bind_text(1, binding_id).bind_int64(2, user_id).bind_int64(3, now);
    if (auto ran = clear->run(); !ran) return ran;
    if (auto committed = transaction->commit(); !committed) return committed;
  }
  flush_superseded_pages();
  return core::ok();
}

core::Result<std::size_t> SqliteStore::reseal_all(ResealFunction const& reseal, std::int64_t now) {
  std::lock_guard const lock(mutex_);
  std::size_t resealed = 0;
  {
    auto transaction = sqlite::Transaction::begin(connection_);
    if (!transaction) return transaction.error();
    auto bindings =
        query_bindings("WHERE deleted_at IS NULL ORDER BY user_id, created_at, id", std::nullopt);
    if (!bindings) return bindings.error();
    auto update = connection_.prepare(
        "UPDATE key_bindings SET secret_ct = ?2, passphrase_ct = ?3, updated_at = ?4, "
        "version = version + 1 WHERE id = ?1");
    if (!update) return update.error();
    for (KeyBindingRecord const& binding : *bindings) {
      auto secrets = reseal(binding);
      if (!secrets) return secrets.error();
      update->reset();
      update->bind_text(1, binding.id)
          .bind_blob(2, secrets->secret_ct)
          .bind_optional_blob(3, secrets->passphrase_ct)
          .bind_int64(4, now);
      if (auto ran = update->run(); !ran) return ran.error();
      ++resealed;
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
  }
  flush_superseded_pages();
  return resealed;
}

}  // namespace tradelink::store
