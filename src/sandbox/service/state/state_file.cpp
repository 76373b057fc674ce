#include "sandbox/service/state/state_file.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

namespace tradelink::sandbox::state {
namespace {

namespace json = boost::json;

constexpr std::string_view format_name = "tradelink-sandbox-state";
constexpr std::int64_t format_version = 1;

core::Error state_error(std::string message) {
  return core::Error{core::ErrorLayer::store, "sandbox.state", std::move(message),
                     core::Retry::never, std::nullopt};
}

json::array string_array(std::vector<std::string> const& items) {
  json::array array;
  for (auto const& item : items) array.emplace_back(item);
  return array;
}

json::object key_json(ApiKey const& key) {
  json::array perms;
  for (KeyPermission const& permission : key.perms) {
    perms.emplace_back(
        json::object{{"name", permission.name}, {"read_only", permission.read_only}});
  }
  return json::object{{"key", key.key},
                      {"secret", key.secret},
                      {"user_id", key.user_id},
                      {"name", key.name},
                      {"perms", std::move(perms)},
                      {"withdraw", key.withdraw_enabled},
                      {"ip_whitelist", string_array(key.ip_whitelist)},
                      {"currency_pairs", string_array(key.currency_pairs)},
                      {"state", static_cast<int>(key.state)},
                      {"mode", key.mode},
                      {"created_at_ms", key.created_at_ms},
                      {"updated_at_ms", key.updated_at_ms},
                      {"last_access_ms", key.last_access_ms}};
}

json::object account_json(SavedAccount const& account) {
  json::object spot;
  for (SavedBalance const& balance : account.spot)
    spot[balance.currency] = balance.amount.to_string();
  json::object out{{"user_id", account.user_id}, {"spot", std::move(spot)}};
  if (account.futures) out["futures"] = account.futures->to_string();
  return out;
}

// Typed access to one JSON object, naming the field path in errors.
class Fields {
 public:
  Fields(json::object const& object, std::string where)
      : object_(object), where_(std::move(where)) {}

  [[nodiscard]] core::Result<json::value const*> field(std::string_view name) const {
    auto const* value = object_.if_contains(name);
    if (value == nullptr) return state_error(where_ + "." + std::string(name) + " is missing");
    return value;
  }
  [[nodiscard]] core::Result<std::int64_t> integer(std::string_view name) const {
    auto value = field(name);
    if (!value) return value.error();
    if (auto const* number = (*value)->if_int64()) return *number;
    return wrong(name, "an integer");
  }
  [[nodiscard]] core::Result<std::string> text(std::string_view name) const {
    auto value = field(name);
    if (!value) return value.error();
    if (auto const* string = (*value)->if_string()) return std::string(*string);
    return wrong(name, "a string");
  }
  [[nodiscard]] core::Result<bool> boolean(std::string_view name) const {
    auto value = field(name);
    if (!value) return value.error();
    if (auto const* flag = (*value)->if_bool()) return *flag;
    return wrong(name, "true or false");
  }
  [[nodiscard]] core::Result<core::Decimal> decimal(std::string_view name) const {
    auto string = text(name);
    if (!string) return string.error();
    auto parsed = core::Decimal::parse(*string);
    if (!parsed) return wrong(name, "a decimal number in a string");
    return *parsed;
  }
  [[nodiscard]] core::Result<json::array const*> array(std::string_view name) const {
    auto value = field(name);
    if (!value) return value.error();
    if (auto const* items = (*value)->if_array()) return items;
    return wrong(name, "an array");
  }
  [[nodiscard]] core::Result<json::object const*> object(std::string_view name) const {
    auto value = field(name);
    if (!value) return value.error();
    if (auto const* items = (*value)->if_object()) return items;
    return wrong(name, "an object");
  }
  [[nodiscard]] core::Result<std::vector<std::string>> strings(std::string_view name) const {
    auto items = array(name);
    if (!items) return items.error();
    std::vector<std::string> out;
    for (json::value const& item : **items) {
      if (!item.is_string()) return wrong(name, "an array of strings");
      out.emplace_back(item.get_string());
    }
    return out;
  }
  [[nodiscard]] std::string const& where() const noexcept { return where_; }

 private:
  [[nodiscard]] core::Error wrong(std::string_view name, std::string_view expected) const {
    return state_error(where_ + "." + std::string(name) + " must be " + std::string(expected));
  }

  json::object const& object_;
  std::string where_;
};

// Each element of `items` as a Fields of an object, or an error naming `where[i]`.
template <class Parse>
core::Result<void> for_each_object(json::array const& items, std::string const& where,
                                   Parse&& parse) {
  for (std::size_t index = 0; index < items.size(); ++index) {
    std::string const name = where + "[" + std::to_string(index) + "]";
    auto const* object = items[index].if_object();
    if (object == nullptr) return state_error(name + " must be an object");
    if (auto parsed = parse(Fields(*object, name)); !parsed) return parsed.error();
  }
  return core::ok();
}

core::Result<User> parse_user(Fields const& fields) {
  auto id = fields.integer("id");
  if (!id) return id.error();
  auto name = fields.text("name");
  if (!name) return name.error();
  auto created = fields.integer("created_at_ms");
  if (!created) return created.error();
  return User{*id, std::move(*name), *created};
}

core::Result<std::vector<KeyPermission>> parse_perms(Fields const& fields) {
  auto perms = fields.array("perms");
  if (!perms) return perms.error();
  std::vector<KeyPermission> out;
  auto parsed = for_each_object(**perms, fields.where() + ".perms", [&](Fields const& perm) {
    auto name = perm.text("name");
    if (!name) return core::Result<void>(name.error());
    auto read_only = perm.boolean("read_only");
    if (!read_only) return core::Result<void>(read_only.error());
    out.push_back(KeyPermission{std::move(*name), *read_only});
    return core::ok();
  });
  if (!parsed) return parsed.error();
  return out;
}

// The key's identity and owner; parse_key_settings() reads the rest.
core::Result<ApiKey> parse_key_identity(Fields const& fields) {
  ApiKey key;
  auto text = fields.text("key");
  if (!text) return text.error();
  key.key = std::move(*text);
  auto secret = fields.text("secret");
  if (!secret) return secret.error();
  key.secret = std::move(*secret);
  auto user_id = fields.integer("user_id");
  if (!user_id) return user_id.error();
  key.user_id = *user_id;
  auto name = fields.text("name");
  if (!name) return name.error();
  key.name = std::move(*name);
  for (auto [field, target] : {std::pair{"created_at_ms", &key.created_at_ms},
                               std::pair{"updated_at_ms", &key.updated_at_ms},
                               std::pair{"last_access_ms", &key.last_access_ms}}) {
    auto time = fields.integer(field);
    if (!time) return time.error();
    *target = *time;
  }
  return key;
}

core::Result<ApiKey> parse_key(Fields const& fields) {
  auto key = parse_key_identity(fields);
  if (!key) return key.error();
  auto perms = parse_perms(fields);
  if (!perms) return perms.error();
  key->perms = std::move(*perms);
  auto withdraw = fields.boolean("withdraw");
  if (!withdraw) return withdraw.error();
  key->withdraw_enabled = *withdraw;
  auto ips = fields.strings("ip_whitelist");
  if (!ips) return ips.error();
  key->ip_whitelist = std::move(*ips);
  auto pairs = fields.strings("currency_pairs");
  if (!pairs) return pairs.error();
  key->currency_pairs = std::move(*pairs);
  auto key_state = fields.integer("state");
  if (!key_state) return key_state.error();
  if (*key_state < 1 || *key_state > 3)
    return state_error(fields.where() + ".state must be 1, 2 or 3");
  key->state = static_cast<KeyState>(*key_state);
  auto mode = fields.integer("mode");
  if (!mode) return mode.error();
  if (*mode < 1 || *mode > 2) return state_error(fields.where() + ".mode must be 1 or 2");
  key->mode = static_cast<int>(*mode);
  return key;
}

core::Result<SavedAccount> parse_account(Fields const& fields) {
  SavedAccount account;
  auto user_id = fields.integer("user_id");
  if (!user_id) return user_id.error();
  account.user_id = *user_id;
  auto spot = fields.object("spot");
  if (!spot) return spot.error();
  for (auto const& [currency, amount] : **spot) {
    auto const* text = amount.if_string();
    auto parsed = text ? core::Decimal::parse(*text) : core::Result<core::Decimal>(state_error(""));
    if (!parsed) {
      return state_error(fields.where() + ".spot." + std::string(currency) +
                         " must be a decimal number in a string");
    }
    account.spot.push_back({std::string(currency), *parsed});
  }
  if (fields.field("futures")) {
    auto futures = fields.decimal("futures");
    if (!futures) return futures.error();
    account.futures = *futures;
  }
  return account;
}

std::string errno_text() {
  return std::generic_category().message(errno);
}

}  // namespace

std::string state_to_json(StateSnapshot const& snapshot) {
  json::array users;
  for (User const& user : snapshot.users) {
    users.emplace_back(
        json::object{{"id", user.id}, {"name", user.name}, {"created_at_ms", user.created_at_ms}});
  }
  json::array keys;
  for (ApiKey const& key : snapshot.keys) keys.emplace_back(key_json(key));
  json::array accounts;
  for (SavedAccount const& account : snapshot.accounts)
    accounts.emplace_back(account_json(account));
  json::object root{{"format", format_name},
                    {"version", format_version},
                    {"saved_at_ms", snapshot.saved_at_ms},
                    {"clock_offset_ms", snapshot.clock_offset_ms},
                    {"users", std::move(users)},
                    {"keys", std::move(keys)},
                    {"balances", std::move(accounts)}};
  return json::serialize(root);
}

core::Result<StateSnapshot> state_from_json(std::string_view text) {
  boost::system::error_code error;
  json::value const root = json::parse(text, error);
  if (error) return state_error("not valid JSON: " + error.message());
  auto const* object = root.if_object();
  if (object == nullptr) return state_error("the top level must be a JSON object");
  Fields const fields(*object, "state");
  auto format = fields.text("format");
  if (!format || *format != format_name) {
    return state_error("not a sandbox state file (format must be \"" + std::string(format_name) +
                       "\")");
  }
  auto version = fields.integer("version");
  if (!version || *version != format_version) {
    return state_error("unsupported version (this sandbox reads version " +
                       std::to_string(format_version) + ")");
  }
  StateSnapshot snapshot;
  auto saved_at = fields.integer("saved_at_ms");
  if (!saved_at) return saved_at.error();
  snapshot.saved_at_ms = *saved_at;
  auto offset = fields.integer("clock_offset_ms");
  if (!offset) return offset.error();
  if (*offset < 0) return state_error("state.clock_offset_ms must not be negative");
  snapshot.clock_offset_ms = *offset;

  auto users = fields.array("users");
  if (!users) return users.error();
  auto parsed = for_each_object(**users, "state.users", [&](Fields const& user) {
    auto parsed_user = parse_user(user);
    if (!parsed_user) return core::Result<void>(parsed_user.error());
    snapshot.users.push_back(std::move(*parsed_user));
    return core::ok();
  });
  if (!parsed) return parsed.error();

  auto keys = fields.array("keys");
  if (!keys) return keys.error();
  parsed = for_each_object(**keys, "state.keys", [&](Fields const& key) {
    auto parsed_key = parse_key(key);
    if (!parsed_key) return core::Result<void>(parsed_key.error());
    snapshot.keys.push_back(std::move(*parsed_key));
    return core::ok();
  });
  if (!parsed) return parsed.error();

  auto balances = fields.array("balances");
  if (!balances) return balances.error();
  parsed = for_each_object(**balances, "state.balances", [&](Fields const& account) {
    auto parsed_account = parse_account(account);
    if (!parsed_account) return core::Result<void>(parsed_account.error());
    snapshot.accounts.push_back(std::move(*parsed_account));
    return core::ok();
  });
  if (!parsed) return parsed.error();
  return snapshot;
}

core::Result<std::optional<StateSnapshot>> read_state_file(std::filesystem::path const& path) {
  std::error_code exists_error;
  if (!std::filesystem::exists(path, exists_error)) {
    if (exists_error) {
      return state_error("state file " + path.string() + ": " + exists_error.message());
    }
    return std::optional<StateSnapshot>{};
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return state_error("state file " + path.string() + " cannot be read");
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) return state_error("state file " + path.string() + " cannot be read");
  auto snapshot = state_from_json(contents.str());
  if (!snapshot)
    return state_error("state file " + path.string() + ": " + snapshot.error().message);
  return std::optional<StateSnapshot>(std::move(*snapshot));
}

core::Result<void> write_state_file(std::filesystem::path const& path,
                                    StateSnapshot const& snapshot) {
  std::string const text = state_to_json(snapshot);
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  int const fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return state_error("cannot write " + temporary.string() + ": " + errno_text());
  // O_CREAT's mode only applies to a new file; a stale temporary keeps its own.
  std::string failure;
  if (::fchmod(fd, 0600) != 0) failure = errno_text();
  std::size_t written = 0;
  while (failure.empty() && written < text.size()) {
    ssize_t const count = ::write(fd, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) {
      failure = errno_text();
    } else {
      written += static_cast<std::size_t>(count);
    }
  }
  if (failure.empty() && ::fsync(fd) != 0) failure = errno_text();
  ::close(fd);
  if (!failure.empty()) {
    ::unlink(temporary.c_str());
    return state_error("cannot write " + temporary.string() + ": " + failure);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string const rename_cause = errno_text();
    ::unlink(temporary.c_str());
    return state_error("cannot replace " + path.string() + ": " + rename_cause);
  }
  return core::ok();
}

}  // namespace tradelink::sandbox::state
