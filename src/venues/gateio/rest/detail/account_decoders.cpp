// Decoders for errors, server time and key identity: gateio-v4.md §3.1 and §4; SDK models
// AccountDetail, AccountDetailKey, AccountKeyInfo, AccountKeyInfoPerms, SystemTime.
#include "venues/gateio/rest/detail/json_fields.hpp"

namespace tradelink::gateio::detail {
namespace {

/// `key` member of /account/detail and /account/main_keys: {"mode": 1}.
struct KeyWire {
  std::optional<std::int64_t> mode;
};

Decoded decode(ondemand::object& object, KeyWire& out) {
  static constexpr std::array rules{field<&KeyWire::mode>("mode")};
  return decode_fields(object, out, rules);
}

template <class Model>
Decoded read_key_mode(ondemand::value& value, Model& out) {
  std::optional<KeyWire> key;
  if (auto decoded = read_object(value, key); !decoded) return decoded;
  out.key_mode = key ? key->mode : std::nullopt;
  return {};
}

/// The SDK types `name` as a list of remarks; a plain string is accepted as a one-element list.
Decoded read_names(ondemand::value& value, AccountKeyInfo& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type != ondemand::json_type::string) return read(value, out.names);
  std::string name;
  if (auto decoded = read(value, name); !decoded) return decoded;
  out.names.assign(1, std::move(name));
  return {};
}

}  // namespace

Decoded decode(ondemand::object& object, ErrorBody& out) {
  static constexpr std::array rules{
      field<&ErrorBody::label>("label"),
      field<&ErrorBody::message>("message"),
      field<&ErrorBody::detail>("detail"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, ServerTime& out) {
  static constexpr std::array rules{field<&ServerTime::server_time_ms>("server_time")};
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, AccountDetail& out) {
  static constexpr std::array rules{
      field<&AccountDetail::user_id>("user_id"),
      field<&AccountDetail::ip_whitelist>("ip_whitelist"),
      field<&AccountDetail::currency_pairs>("currency_pairs"),
      custom_field<AccountDetail>("key", &read_key_mode<AccountDetail>),
      field<&AccountDetail::tier>("tier"),
      field<&AccountDetail::copy_trading_role>("copy_trading_role"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, AccountKeyPermission& out) {
  static constexpr std::array rules{
      field<&AccountKeyPermission::name>("name"),
      field<&AccountKeyPermission::read_only>("read_only"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, AccountKeyInfo& out) {
  static constexpr std::array rules{
      field<&AccountKeyInfo::state>("state"),
      field<&AccountKeyInfo::mode>("mode"),
      custom_field<AccountKeyInfo>("name", &read_names),
      field<&AccountKeyInfo::currency_pairs>("currency_pairs"),
      field<&AccountKeyInfo::user_id>("user_id"),
      field<&AccountKeyInfo::ip_whitelist>("ip_whitelist"),
      list_field<&AccountKeyInfo::perms>("perms"),
      custom_field<AccountKeyInfo>("key", &read_key_mode<AccountKeyInfo>),
      field<&AccountKeyInfo::created_at>("created_at"),
      field<&AccountKeyInfo::updated_at>("updated_at"),
      field<&AccountKeyInfo::last_access>("last_access"),
  };
  return decode_fields(object, out, rules);
}

}  // namespace tradelink::gateio::detail
