#pragma once
// The platform's persistence, as an interface so that the embedded SQLite store and a shared
// PostgreSQL store are interchangeable. Every operation returns core::Result with layer
// `store` and a code from store/store_error.hpp. Implementations are thread-safe.
//
// Ownership: every query about a user's data takes the owner's id and behaves as if rows of
// other users did not exist (store.not_found, never the row).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/records.hpp"

namespace tradelink::store {

/// Maps one binding to its re-sealed ciphertexts, or an error that aborts the whole re-seal.
using ResealFunction = std::function<core::Result<ResealedSecrets>(KeyBindingRecord const&)>;

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(Store const&) = delete;
  Store& operator=(Store const&) = delete;

  // --- users -------------------------------------------------------------------------------

  /// Inserts `user` (its id is ignored) and returns it with the assigned id. store.conflict
  /// when the email exists, compared without regard to ASCII case.
  [[nodiscard]] virtual core::Result<UserRecord> create_user(UserRecord const& user) = 0;
  /// Case-insensitive lookup. store.not_found when absent.
  [[nodiscard]] virtual core::Result<UserRecord> find_user_by_email(std::string_view email) = 0;
  [[nodiscard]] virtual core::Result<UserRecord> find_user(std::int64_t user_id) = 0;
  /// Replaces the password hash (after a rehash or a password change). store.not_found.
  [[nodiscard]] virtual core::Result<void> update_password_hash(std::int64_t user_id,
                                                                std::string_view hash) = 0;

  // --- sessions ------------------------------------------------------------------------------

  /// store.conflict for a duplicate token hash; store.not_found for an unknown user.
  [[nodiscard]] virtual core::Result<void> insert_session(SessionRecord const& session) = 0;
  /// The session whatever its expiry (the caller compares expires_at). store.not_found.
  [[nodiscard]] virtual core::Result<SessionRecord> find_session(std::string_view token_hash) = 0;
  /// Deleting an absent session succeeds.
  [[nodiscard]] virtual core::Result<void> delete_session(std::string_view token_hash) = 0;
  /// Deletes sessions with expires_at <= now; returns how many.
  [[nodiscard]] virtual core::Result<std::size_t> delete_expired_sessions(std::int64_t now) = 0;

  // --- API tokens ----------------------------------------------------------------------------

  /// Inserts `token` (id ignored) and returns it with the assigned id. store.conflict for a
  /// duplicate hash; store.not_found for an unknown user.
  [[nodiscard]] virtual core::Result<ApiTokenRecord> insert_api_token(
      ApiTokenRecord const& token) = 0;
  /// The token, revoked or not (the caller checks). store.not_found.
  [[nodiscard]] virtual core::Result<ApiTokenRecord> find_api_token(
      std::string_view token_hash) = 0;
  /// The user's tokens, revoked ones included, oldest first.
  [[nodiscard]] virtual core::Result<std::vector<ApiTokenRecord>> list_api_tokens(
      std::int64_t user_id) = 0;
  /// Marks the user's token revoked (idempotent). store.not_found for another user's token.
  [[nodiscard]] virtual core::Result<void> revoke_api_token(std::int64_t user_id,
                                                            std::int64_t token_id) = 0;
  /// Sets last_used_at. store.not_found.
  [[nodiscard]] virtual core::Result<void> touch_api_token(std::int64_t token_id,
                                                           std::int64_t now) = 0;

  // --- key bindings --------------------------------------------------------------------------

  /// Inserts `binding` with version 1 and no deleted_at, and returns what was stored.
  /// store.conflict when the id exists or the user already has a live binding of the same
  /// api_key on the same venue; store.not_found for an unknown user.
  [[nodiscard]] virtual core::Result<KeyBindingRecord> insert_binding(
      KeyBindingRecord const& binding) = 0;
  /// Writes every mutable field of `binding` (all but id, user_id, venue, created_at,
  /// deleted_at) if the stored version equals binding.version, and returns the stored record
  /// with the version bumped. store.version_conflict when another write came first;
  /// store.not_found when the binding is absent, deleted or another user's.
  [[nodiscard]] virtual core::Result<KeyBindingRecord> update_binding(
      KeyBindingRecord const& binding) = 0;
  /// The user's live binding. store.not_found when absent, deleted or another user's.
  [[nodiscard]] virtual core::Result<KeyBindingRecord> find_binding(
      std::int64_t user_id, std::string_view binding_id) = 0;
  /// The user's live bindings, oldest first.
  [[nodiscard]] virtual core::Result<std::vector<KeyBindingRecord>> list_bindings(
      std::int64_t user_id) = 0;
  /// Every live binding of every user (for periodic re-verification), by user then age.
  [[nodiscard]] virtual core::Result<std::vector<KeyBindingRecord>> list_active_bindings() = 0;
  /// Deletes a binding's secrets for good, in one transaction: overwrites the ciphertexts with
  /// zero bytes, empties them, sets deleted_at = updated_at = now and bumps the version; then
  /// flushes the write-ahead log so no copy of the ciphertext stays in the database files
  /// (should another process hold a read transaction open, that flush completes at a later
  /// purge). store.not_found when absent, already deleted or another user's.
  [[nodiscard]] virtual core::Result<void> purge_binding_secret(std::int64_t user_id,
                                                                std::string_view binding_id,
                                                                std::int64_t now) = 0;
  /// Re-seals every live binding in one transaction: `reseal` is called once per binding and
  /// its ciphertexts are written with updated_at = now and the version bumped. Any error
  /// (from `reseal` or the database) rolls everything back and is returned. `reseal` runs
  /// while the store is locked and must not call the store. Returns the number re-sealed.
  [[nodiscard]] virtual core::Result<std::size_t> reseal_all(ResealFunction const& reseal,
                                                             std::int64_t now) = 0;

  // --- audit ---------------------------------------------------------------------------------

  /// Appends `record` (id ignored) and returns its id. store.not_found for an unknown user.
  [[nodiscard]] virtual core::Result<std::int64_t> append_audit(AuditRecord const& record) = 0;
  /// The user's audit lines, newest first, at most `limit`; only those of `binding_id` when
  /// given (deleted bindings included).
  [[nodiscard]] virtual core::Result<std::vector<AuditRecord>> list_audit(
      std::int64_t user_id, std::optional<std::string_view> binding_id, std::size_t limit) = 0;

  // --- balances ------------------------------------------------------------------------------

  /// Inserts or replaces each (binding, account, currency) row, all in one transaction; a row
  /// older (updated_at) than the stored one is skipped.
  [[nodiscard]] virtual core::Result<void> upsert_balances(
      std::vector<BalanceRecord> const& balances) = 0;
  /// The binding's current balances by account then currency; empty when none (or another
  /// user's binding).
  [[nodiscard]] virtual core::Result<std::vector<BalanceRecord>> list_balances(
      std::int64_t user_id, std::string_view binding_id) = 0;
  /// Appends history points, all in one transaction.
  [[nodiscard]] virtual core::Result<void> append_balance_history(
      std::vector<BalancePointRecord> const& points) = 0;
  /// The binding's points with since <= at < until, oldest first, at most `limit`.
  [[nodiscard]] virtual core::Result<std::vector<BalancePointRecord>> list_balance_history(
      std::int64_t user_id, std::string_view binding_id, std::int64_t since, std::int64_t until,
      std::size_t limit) = 0;
};

}  // namespace tradelink::store
