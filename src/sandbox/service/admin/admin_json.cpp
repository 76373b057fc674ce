#include "sandbox/service/admin/admin_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace tradelink::sandbox::admin {
namespace {

namespace json = boost::json;

std::int64_t seconds(std::int64_t ms) {
  return ms / 1000;
}

json::array string_array(std::vector<std::string> const& items) {
  json::array array;
  for (auto const& item : items) array.emplace_back(item);
  return array;
}

Checked<std::optional<std::vector<KeyPermission>>> optional_perms(rest::BodyReader const& body) {
  auto const* value = body.object().if_contains("perms");
  if (value == nullptr || value->is_null()) return std::optional<std::vector<KeyPermission>>{};
  auto const* items = value->if_array();
  if (items == nullptr) return rest::invalid_param("perms", json::serialize(*value));
  std::vector<KeyPermission> perms;
  for (json::value const& item : *items) {
    auto const* object = item.if_object();
    if (object == nullptr) return rest::invalid_param("perms", json::serialize(item));
    rest::BodyReader const entry(*object);
    auto name = entry.required_string("name");
    if (!name) return name.error();
    auto read_only = entry.optional_bool("read_only");
    if (!read_only) return read_only.error();
    perms.push_back(KeyPermission{std::move(*name), read_only->value_or(false)});
  }
  return std::optional<std::vector<KeyPermission>>(std::move(perms));
}

Checked<std::optional<std::int64_t>> optional_int_in(rest::BodyReader const& body,
                                                     std::string_view name, std::int64_t low,
                                                     std::int64_t high) {
  auto value = body.optional_int(name);
  if (!value) return value.error();
  if (*value && (**value < low || **value > high)) {
    return rest::invalid_param(name, std::to_string(**value));
  }
  return *value;
}

}  // namespace

json::object key_json(ApiKey const& key, bool with_secret) {
  json::array perms;
  for (KeyPermission const& permission : key.perms) {
    perms.emplace_back(
        json::object{{"name", permission.name}, {"read_only", permission.read_only}});
  }
  json::object out;
  out["key"] = key.key;
  if (with_secret) out["secret"] = key.secret;
  out["user_id"] = key.user_id;
  out["name"] = key.name;
  out["perms"] = std::move(perms);
  out["withdraw"] = key.withdraw_enabled;
  out["ip_whitelist"] = string_array(key.ip_whitelist);
  out["currency_pairs"] = string_array(key.currency_pairs);
  out["state"] = static_cast<int>(key.state);
  out["mode"] = key.mode;
  out["created_at"] = seconds(key.created_at_ms);
  out["updated_at"] = seconds(key.updated_at_ms);
  out["last_access"] = seconds(key.last_access_ms);
  out["expires_at"] =
      key.ip_whitelist.empty() ? seconds(key.created_at_ms + unbound_key_lifetime_ms) : 0;
  return out;
}

json::object user_json(User const& user) {
  return json::object{{"user_id", user.id}, {"name", user.name}};
}

rest::RestReply json_reply(unsigned status, json::value const& body) {
  return rest::RestReply{status, json::serialize(body), {}};
}

Checked<std::optional<std::vector<std::string>>> optional_strings(rest::BodyReader const& body,
                                                                  std::string_view name) {
  auto const* value = body.object().if_contains(name);
  if (value == nullptr || value->is_null()) return std::optional<std::vector<std::string>>{};
  auto const* items = value->if_array();
  if (items == nullptr) return rest::invalid_param(name, json::serialize(*value));
  std::vector<std::string> out;
  for (json::value const& item : *items) {
    if (!item.is_string()) return rest::invalid_param(name, json::serialize(item));
    out.emplace_back(item.get_string());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Checked<KeySpec> read_key_spec(rest::BodyReader const& body, KeySpec spec, bool with_credentials) {
  auto name = body.optional_string("name");
  if (!name) return name.error();
  if (*name) spec.name = std::move(**name);
  auto perms = optional_perms(body);
  if (!perms) return perms.error();
  if (*perms) spec.perms = std::move(**perms);
  auto withdraw = body.optional_bool("withdraw");
  if (!withdraw) return withdraw.error();
  if (*withdraw) spec.withdraw_enabled = **withdraw;
  auto ips = optional_strings(body, "ip_whitelist");
  if (!ips) return ips.error();
  if (*ips) spec.ip_whitelist = std::move(**ips);
  auto pairs = optional_strings(body, "currency_pairs");
  if (!pairs) return pairs.error();
  if (*pairs) spec.currency_pairs = std::move(**pairs);
  auto state = optional_int_in(body, "state", 1, 3);
  if (!state) return state.error();
  if (*state) spec.state = static_cast<KeyState>(**state);
  auto mode = optional_int_in(body, "mode", 1, 2);
  if (!mode) return mode.error();
  if (*mode) spec.mode = static_cast<int>(**mode);
  if (with_credentials) {
    auto key = body.optional_string("key");
    if (!key) return key.error();
    if (*key) spec.key = std::move(**key);
    auto secret = body.optional_string("secret");
    if (!secret) return secret.error();
    if (*secret) spec.secret = std::move(**secret);
  }
  return spec;
}

Refusal user_not_found(std::int64_t user_id) {
  return Refusal{404, "USER_NOT_FOUND", "No sandbox user " + std::to_string(user_id)};
}

}  // namespace tradelink::sandbox::admin
