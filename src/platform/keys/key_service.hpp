#pragma once
// Key bindings: bind an exchange API key to a user (clean, verify, seal, store, audit), verify it
// again, list and show it, rotate it to a new key of the same exchange account, and delete it.
// Every call takes the acting user's id and cannot see or touch another user's bindings.
// Secrets leave this service only sealed (to the store) or inside a venue's KeyChecker.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/scope.hpp"
#include "crypto/secret_string.hpp"
#include "crypto/vault.hpp"
#include "platform/keys/binding_status.hpp"
#include "platform/keys/verdict.hpp"
#include "platform/keys/verification_report.hpp"
#include "store/records.hpp"
#include "store/store.hpp"
#include "venues/key_check.hpp"

namespace tradelink::platform::keys {

/// What the user typed into "Add key" (raw: cleaned by the service).
struct BindRequest {
  std::string venue = "gateio";
  std::string label;
  std::string api_key;
  crypto::SecretString secret;
  std::optional<crypto::SecretString> passphrase;
  core::Scope scope = core::Scope::both;
};

/// A new key for an existing binding.
struct RotateRequest {
  std::string api_key;
  crypto::SecretString secret;
  std::optional<crypto::SecretString> passphrase;
};

/// A binding as callers may see it: the key masked, never a secret.
struct BindingView {
  std::string id;
  std::string venue;
  std::string label;
  std::string masked_key;
  core::Scope scope = core::Scope::both;
  BindingStatus status = BindingStatus::exchange_unavailable;
  VerificationReport report;
  std::optional<std::string> exchange_user_id;
  bool ip_bound = false;
  std::optional<std::int64_t> verified_at;
  std::optional<std::int64_t> expires_at;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool has_passphrase = false;
};

/// Result of a deletion.
struct RemovalOutcome {
  std::string id;
  std::size_t cancelled_orders = 0;
};

/// Venue adapters by venue name ("gateio").
using CheckerDirectory = std::map<std::string, venues::KeyChecker*, std::less<>>;

class KeyService {
 public:
  using Clock = std::function<std::int64_t()>;  ///< Unix ms

  /// `store`, `vault` and the checkers must outlive the service.
  KeyService(store::Store& store, crypto::Vault const& vault, CheckerDirectory checkers,
             KeyPolicy policy, Clock clock);

  /// Cleans the input, verifies the key against its venue, and stores the binding with its
  /// report, whatever the verdict (a binding that is not connected can be fixed on the
  /// exchange's key page and verified again). Errors: validation (`keys.*`: unknown venue, bad
  /// label, empty/oversized/unprintable key or secret, key already bound) and store errors.
  [[nodiscard]] core::Result<BindingView> bind(std::int64_t user_id, BindRequest request);
  /// Verifies the stored key again; records a changed status or permission set in the audit log.
  [[nodiscard]] core::Result<BindingView> verify(std::int64_t user_id, std::string_view id);
  [[nodiscard]] core::Result<std::vector<BindingView>> list(std::int64_t user_id);
  [[nodiscard]] core::Result<BindingView> show(std::int64_t user_id, std::string_view id);
  /// Verifies the new key first; it must be connected, cover the binding's scope and belong to
  /// the same exchange account. Then swaps it in (the old ciphertext is overwritten).
  /// Errors: `keys.rotation_refused` (with the new key's problem), validation, store.
  [[nodiscard]] core::Result<BindingView> rotate(std::int64_t user_id, std::string_view id,
                                                 RotateRequest request);
  /// Deletes the binding: optionally cancels its open orders on the exchange first (a failure
  /// to cancel aborts the deletion), then purges the ciphertext; the audit log keeps the event.
  [[nodiscard]] core::Result<RemovalOutcome> remove(std::int64_t user_id, std::string_view id,
                                                    bool cancel_open_orders);
  /// The user's audit log (one binding's when `id` is given), newest first.
  [[nodiscard]] core::Result<std::vector<store::AuditRecord>> audit_log(
      std::int64_t user_id, std::optional<std::string_view> id, std::size_t limit = 100);
  /// Verifies every live binding last verified `interval_ms` ago or more; returns how many.
  [[nodiscard]] core::Result<std::size_t> reverify_due(std::int64_t interval_ms);

  /// Records a status a live venue session observed (e.g. the exchange stopped accepting the
  /// key mid-stream): the binding's status and its report's headline message change, and an
  /// audit entry `binding.status_changed` names the old and new status, the source and
  /// `detail`. Nothing changes (and nothing is audited) when the status is already `status`.
  /// Errors: store errors (store.not_found for a deleted or another user's binding).
  [[nodiscard]] core::Result<BindingView> mark_status(std::int64_t user_id, std::string_view id,
                                                      BindingStatus status, std::string source,
                                                      std::string detail);

  /// The binding's key and secret, unsealed (for a venue session: sync, trading).
  [[nodiscard]] core::Result<venues::KeyMaterial> credentials(std::int64_t user_id,
                                                              std::string_view id);

 private:
  struct Cleaned;

  [[nodiscard]] core::Result<venues::KeyChecker*> checker_for(std::string_view venue) const;
  [[nodiscard]] core::Result<Cleaned> clean(
      venues::KeyChecker const& checker, std::string_view api_key,
      crypto::SecretString const& secret,
      std::optional<crypto::SecretString> const& passphrase) const;
  [[nodiscard]] VerificationReport check(venues::KeyChecker& checker, Cleaned const& key,
                                         core::Scope scope, bool previously_connected,
                                         std::int64_t first_seen_ms);
  [[nodiscard]] core::Result<venues::KeyMaterial> unseal(
      store::KeyBindingRecord const& record) const;
  [[nodiscard]] core::Result<void> seal_into(store::KeyBindingRecord& record,
                                             Cleaned const& key) const;
  [[nodiscard]] core::Result<BindingView> reverify(store::KeyBindingRecord record);
  void audit(store::KeyBindingRecord const& record, std::string event, std::string detail_json);

  store::Store& store_;
  crypto::Vault const& vault_;
  CheckerDirectory checkers_;
  KeyPolicy policy_;
  Clock clock_;
};

}  // namespace tradelink::platform::keys
