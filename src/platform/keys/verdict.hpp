#pragma once
// From what a venue adapter found out about a key (KeyFacts) to the binding's status, message
// and fix, under the platform's policy and the scope the user picked.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scope.hpp"
#include "platform/keys/verification_report.hpp"
#include "venues/key_check.hpp"

namespace tradelink::platform::keys {

/// Keys without an IP whitelist stop working this long after creation (Gate: 90 days).
inline constexpr std::int64_t unbound_key_lifetime_ms = 90LL * 24 * 3600 * 1000;

/// What the operator decides for every binding.
struct KeyPolicy {
  /// Keys that can withdraw (or move wallet funds) are refused unless this is on and the key has
  /// an IP whitelist.
  bool allow_withdraw_with_ip_whitelist = false;
  /// The platform's egress addresses, shown for the user to whitelist.
  std::vector<std::string> egress_ips;
  /// Expiry warnings start this long before a key expires.
  std::int64_t expiry_warning_ms = 14LL * 24 * 3600 * 1000;
  /// Clock differences above this are mentioned (they are corrected either way).
  std::int64_t skew_note_ms = 1'000;
};

/// Everything but the facts that decides a verdict.
struct VerdictContext {
  core::Scope scope = core::Scope::both;
  KeyPolicy const* policy = nullptr;
  venues::KeyPageNames const* page = nullptr;
  /// The key or secret did not have the venue's usual shape (warning; hint on auth failure).
  bool unusual_shape = false;
  std::string wrong_kind_hint;
  /// The binding was connected before: an unknown key now means it was revoked.
  bool previously_connected = false;
  /// When tradelink first saw the key (the expiry clock when the venue gives no creation time).
  std::int64_t first_seen_ms = 0;
  std::int64_t now_ms = 0;
  std::vector<std::string> notes;  ///< cleaning and passphrase remarks to carry into the report
};

[[nodiscard]] VerificationReport judge(venues::KeyFacts const& facts,
                                       VerdictContext const& context);

}  // namespace tradelink::platform::keys
