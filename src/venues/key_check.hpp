#pragma once
// What a venue adapter finds out about an API key, venue-neutral: does it authenticate, from
// where, with which clock, which permissions it holds per product, which account it belongs to.
// The platform's key service turns these facts into a binding status and the user's fix; the
// adapter only reports (and names its own key-page settings, which only it knows).

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/permission.hpp"
#include "core/result.hpp"
#include "core/scope.hpp"
#include "crypto/secret_string.hpp"

namespace tradelink::venues {

/// How a key's authentication went, from the first decisive answer.
enum class AuthOutcome : std::uint8_t {
  ok,                 ///< the venue accepted the key and signature
  invalid_key,        ///< the venue does not know the key (deleted, wrong environment, ...)
  invalid_signature,  ///< the key exists but the secret does not match
  expired,            ///< the venue said the key expired
  ip_forbidden,       ///< the caller's address is not on the key's whitelist
  clock_skew,         ///< timestamps refused even after measuring the venue's clock
  locked,             ///< key or account locked / frozen
  unavailable,        ///< no decisive answer: network failure, 5xx, rate limit, timeout
};

/// Classic (separate spot/futures accounts) or unified (one margin account for all).
enum class AccountMode : std::uint8_t { unknown, classic, unified };

/// Whether a probe could tell the answer.
enum class Known : std::uint8_t { unknown, yes, no };

/// One probe made against the venue, for the verification checklist and the audit log.
struct ProbeRecord {
  std::string name;     ///< "spot read", "futures write", "server time", ...
  std::string outcome;  ///< "granted", "denied", "read only", "not opened", "error", ...
  std::string detail;   ///< the venue's label / short message; never secret material
};

/// Everything learnt about one key in one verification.
struct KeyFacts {
  AuthOutcome auth = AuthOutcome::unavailable;
  std::string auth_detail;                 ///< venue's label and message for a failed auth
  std::optional<std::string> rejected_ip;  ///< ip_forbidden: the address the venue saw

  std::optional<std::string> exchange_user_id;
  core::PermissionSet permissions;  ///< only products the probes could confirm
  /// Products whose level could not be determined (a probe failed for another reason).
  std::vector<core::Product> undetermined;
  Known withdraw_enabled = Known::unknown;
  Known futures_account_opened = Known::unknown;
  std::optional<std::string> futures_position_mode;  ///< "single" / "dual"
  AccountMode account_mode = AccountMode::unknown;
  std::vector<std::string> ip_whitelist;    ///< empty: not IP-bound
  std::vector<std::string> pair_whitelist;  ///< empty: all pairs
  std::optional<std::int64_t> key_created_at_ms;

  std::chrono::milliseconds clock_offset{0};  ///< venue time − local time, as measured
  int sequential_round_trips = 0;
  std::vector<ProbeRecord> probes;
};

/// A key as the user pasted it (after sanitising).
struct KeyMaterial {
  std::string api_key;
  crypto::SecretString secret;
};

/// Shape a venue expects of its keys; a mismatch is a warning, never a refusal.
struct KeyShape {
  std::size_t key_length = 0;
  std::size_t secret_length = 0;
  bool hex = false;
  bool uses_passphrase = false;
  /// Shown when a key of another shape then fails authentication, e.g. how to create a key of
  /// the right kind.
  std::string wrong_kind_hint;
};

/// Venue-specific wording for the fix texts: what the venue's key page calls each setting.
struct KeyPageNames {
  std::function<std::string(core::Product, core::Access)> permission_checkbox;
  std::string ip_whitelist_setting;
  std::string key_page;  ///< where keys are managed, e.g. "Account → API Management"
  /// How to open the futures account when it was never used.
  std::string open_futures_account;
};

/// The part of a venue adapter that verifies keys. One instance serves many verifications.
class KeyChecker {
 public:
  using Done = std::function<void(KeyFacts)>;

  virtual ~KeyChecker() = default;

  /// Probes `key` (in parallel, as few sequential round trips as the venue allows) and calls
  /// `done` exactly once with the facts. Thread-safe; `done` runs on an internal thread.
  virtual void check(KeyMaterial const& key, Done done) = 0;
  /// Blocking form of check().
  [[nodiscard]] KeyFacts check(KeyMaterial const& key);

  /// Cancels every open order the key's account has in `scope`'s markets and returns how many
  /// were cancelled. Blocking; errors carry the venue's explanation.
  [[nodiscard]] virtual core::Result<std::size_t> cancel_open_orders(KeyMaterial const& key,
                                                                     core::Scope scope) = 0;

  [[nodiscard]] virtual std::string_view venue() const noexcept = 0;
  [[nodiscard]] virtual KeyShape const& key_shape() const noexcept = 0;
  [[nodiscard]] virtual KeyPageNames const& key_page_names() const noexcept = 0;
};

inline KeyFacts KeyChecker::check(KeyMaterial const& key) {
  std::promise<KeyFacts> promise;
  auto facts = promise.get_future();
  check(key, [&promise](KeyFacts result) { promise.set_value(std::move(result)); });
  return facts.get();
}

[[nodiscard]] constexpr std::string_view to_string(AuthOutcome outcome) noexcept {
  switch (outcome) {
    case AuthOutcome::ok: return "ok";
    case AuthOutcome::invalid_key: return "invalid_key";
    case AuthOutcome::invalid_signature: return "invalid_signature";
    case AuthOutcome::expired: return "expired";
    case AuthOutcome::ip_forbidden: return "ip_forbidden";
    case AuthOutcome::clock_skew: return "clock_skew";
    case AuthOutcome::locked: return "locked";
    case AuthOutcome::unavailable: return "unavailable";
  }
  return "unavailable";
}

[[nodiscard]] constexpr std::string_view to_string(AccountMode mode) noexcept {
  switch (mode) {
    case AccountMode::classic: return "classic";
    case AccountMode::unified: return "unified";
    case AccountMode::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace tradelink::venues
