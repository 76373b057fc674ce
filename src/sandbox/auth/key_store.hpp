#pragma once
// The sandbox's API keys, looked up by key on every signed request. Not thread-safe: owned by
// the exchange thread like the rest of the sandbox state.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "sandbox/auth/api_key.hpp"

namespace tradelink::sandbox {

/// What a new key should allow; key and secret are generated unless given (tests and demo
/// seeds use fixed ones).
struct KeySpec {
  std::int64_t user_id = 0;
  std::string name;
  std::vector<KeyPermission> perms;
  bool withdraw_enabled = false;
  std::vector<std::string> ip_whitelist;
  std::vector<std::string> currency_pairs;
  KeyState state = KeyState::normal;
  int mode = 1;
  std::optional<std::string> key;
  std::optional<std::string> secret;
};

class KeyStore {
 public:
  /// Creates a key at `now_ms`. Errors (`sandbox.key`): a given key already exists, a key or
  /// secret that is empty or not printable ASCII, an invalid IPv4/IPv6 whitelist entry, more
  /// than 20 whitelist IPs or 30 pairs, an unknown permission group name.
  core::Result<ApiKey> create(KeySpec spec, std::int64_t now_ms);
  /// Replaces the mutable fields (perms, withdraw, whitelists, state, mode, name) of `key`.
  core::Result<ApiKey> update(std::string_view key, KeySpec spec, std::int64_t now_ms);
  bool remove(std::string_view key);

  [[nodiscard]] ApiKey const* find(std::string_view key) const;
  [[nodiscard]] ApiKey* find(std::string_view key);
  [[nodiscard]] std::vector<ApiKey const*> keys_of(std::int64_t user_id) const;
  [[nodiscard]] std::vector<ApiKey const*> all() const;

 private:
  std::unordered_map<std::string, ApiKey> keys_;
};

/// Permission group names Gate uses in `perms[].name` (gateio-v4.md §5).
[[nodiscard]] bool is_permission_group(std::string_view name) noexcept;

}  // namespace tradelink::sandbox
