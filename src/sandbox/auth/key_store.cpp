#include "sandbox/auth/key_store.hpp"

#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <memory>

#include "crypto/hex.hpp"

namespace tradelink::sandbox {
namespace {

constexpr std::array<std::string_view, 16> permission_groups{
    "wallet", "spot",    "futures", "delivery", "earn", "custody", "options", "account",
    "loan",   "margin",  "unified", "copy",     "pilot", "otc",    "alpha",   "crossx"};

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> random(bytes);
  randombytes_buf(random.data(), random.size());
  return crypto::hex_encode(random);
}

bool printable_ascii(std::string_view text) {
  return !text.empty() && text.size() <= 256 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

bool valid_ip(std::string const& text) {
  std::array<unsigned char, 16> address{};
  return inet_pton(AF_INET, text.c_str(), address.data()) == 1 ||
         inet_pton(AF_INET6, text.c_str(), address.data()) == 1;
}

core::Error key_error(std::string message) {
  return core::validation_error("sandbox.key", std::move(message));
}

core::Result<void> validate(KeySpec const& spec) {
  if (spec.ip_whitelist.size() > 20) return key_error("at most 20 IP addresses per key");
  if (spec.currency_pairs.size() > 30) return key_error("at most 30 currency pairs per key");
  for (auto const& ip : spec.ip_whitelist) {
    if (!valid_ip(ip)) return key_error("'" + ip + "' is not an IPv4 or IPv6 address");
  }
  for (auto const& permission : spec.perms) {
    if (!is_permission_group(permission.name)) {
      return key_error("unknown permission group '" + permission.name + "'");
    }
  }
  return core::ok();
}

void apply(KeySpec& spec, ApiKey& key) {
  key.user_id = spec.user_id;
  key.name = std::move(spec.name);
  key.perms = std::move(spec.perms);
  key.withdraw_enabled = spec.withdraw_enabled;
  key.ip_whitelist = std::move(spec.ip_whitelist);
  key.currency_pairs = std::move(spec.currency_pairs);
  key.state = spec.state;
  key.mode = spec.mode;
}

}  // namespace

std::string ApiKey::mac_hex(std::string_view message) const {
  return mac ? mac->mac_hex(message) : crypto::HmacSha512(secret).mac_hex(message);
}

KeyPermission const* ApiKey::permission(std::string_view group) const noexcept {
  auto const found = std::find_if(perms.begin(), perms.end(),
                                  [&](KeyPermission const& permission) { return permission.name == group; });
  return found == perms.end() ? nullptr : &*found;
}

bool is_permission_group(std::string_view name) noexcept {
  return std::find(permission_groups.begin(), permission_groups.end(), name) != permission_groups.end();
}

core::Result<ApiKey> KeyStore::create(KeySpec spec, std::int64_t now_ms) {
  if (auto valid = validate(spec); !valid) return valid.error();
  ApiKey key;
  key.key = spec.key.value_or(random_hex(16));
  key.secret = spec.secret.value_or(random_hex(32));
  if (!printable_ascii(key.key) || !printable_ascii(key.secret)) {
    return key_error("key and secret must be non-empty printable ASCII without spaces");
  }
  if (keys_.contains(key.key)) return key_error("a key '" + key.key.substr(0, 4) + "…' already exists");
  apply(spec, key);
  key.created_at_ms = now_ms;
  key.updated_at_ms = now_ms;
  key.mac = std::make_shared<crypto::HmacSha512 const>(key.secret);
  std::string const id = key.key;
  return keys_.emplace(id, std::move(key)).first->second;
}

core::Result<ApiKey> KeyStore::update(std::string_view key, KeySpec spec, std::int64_t now_ms) {
  ApiKey* existing = find(key);
  if (existing == nullptr) return key_error("no such key");
  if (auto valid = validate(spec); !valid) return valid.error();
  spec.user_id = existing->user_id;
  apply(spec, *existing);
  existing->updated_at_ms = now_ms;
  return *existing;
}

bool KeyStore::remove(std::string_view key) { return keys_.erase(std::string(key)) == 1; }

ApiKey const* KeyStore::find(std::string_view key) const {
  auto const found = keys_.find(std::string(key));
  return found == keys_.end() ? nullptr : &found->second;
}

ApiKey* KeyStore::find(std::string_view key) {
  auto const found = keys_.find(std::string(key));
  return found == keys_.end() ? nullptr : &found->second;
}

std::vector<ApiKey const*> KeyStore::keys_of(std::int64_t user_id) const {
  std::vector<ApiKey const*> result;
  for (auto const& [id, key] : keys_) {
    if (key.user_id == user_id) result.push_back(&key);
  }
  std::sort(result.begin(), result.end(),
            [](ApiKey const* a, ApiKey const* b) { return a->created_at_ms < b->created_at_ms; });
  return result;
}

std::vector<ApiKey const*> KeyStore::all() const {
  std::vector<ApiKey const*> result;
  result.reserve(keys_.size());
  for (auto const& [id, key] : keys_) result.push_back(&key);
  return result;
}

}  // namespace tradelink::sandbox
