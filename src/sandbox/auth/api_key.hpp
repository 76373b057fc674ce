#pragma once
// An API key of a sandbox user, modelled on Gate.io's APIv4 keys (gateio-v4.md §5): permission
// groups each disabled / read-only / read-write, a separate withdrawal right, IP whitelist, pair
// whitelist, state and key mode.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/hmac_sha512.hpp"

namespace tradelink::sandbox {

/// Gate's `/account/main_keys` state: 1 normal, 2 locked, 3 frozen.
enum class KeyState : int { normal = 1, locked = 2, frozen = 3 };

/// One enabled permission group ("spot", "futures", "wallet", "account", "unified", ...).
struct KeyPermission {
  std::string name;
  bool read_only = false;
};

struct ApiKey {
  std::string key;     ///< 32 lowercase hex
  std::string secret;  ///< 64 lowercase hex
  std::int64_t user_id = 0;
  std::string name;    ///< the label the user gave it
  std::vector<KeyPermission> perms;
  bool withdraw_enabled = false;
  std::vector<std::string> ip_whitelist;     ///< empty: any IP, and the key expires after 90 days
  std::vector<std::string> currency_pairs;   ///< empty: all pairs
  KeyState state = KeyState::normal;
  int mode = 1;  ///< 1 classic, 2 unified (portfolio)
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::int64_t last_access_ms = 0;
  /// HMAC-SHA512 keyed with `secret`, prepared once by the key store: verifying a request then
  /// costs two SHA-512 passes instead of a key setup.
  std::shared_ptr<crypto::HmacSha512 const> mac;

  /// Lowercase hex HMAC-SHA512 of `message` under `secret`, with the prepared `mac` when the
  /// key store made one (keys built by hand key a fresh context).
  [[nodiscard]] std::string mac_hex(std::string_view message) const;
  /// The group's entry, or nullptr when the group is disabled.
  [[nodiscard]] KeyPermission const* permission(std::string_view group) const noexcept;
};

/// Keys without an IP whitelist stop working this long after creation (Gate help centre).
inline constexpr std::int64_t unbound_key_lifetime_ms = 90LL * 24 * 3600 * 1000;

}  // namespace tradelink::sandbox
