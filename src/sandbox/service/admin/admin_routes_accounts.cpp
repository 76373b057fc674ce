// Admin routes for the people side of the sandbox: users, their API keys, and money moved in
// and out from outside (deposits, withdrawals).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <tuple>
#include <vector>

#include "sandbox/service/admin/admin_json.hpp"
#include "sandbox/service/admin/admin_route.hpp"

namespace tradelink::sandbox::admin {
namespace {

namespace json = boost::json;
using rest::BodyReader;
using rest::RestResult;

constexpr std::size_t max_user_name = 64;

// What a key gets when the request lists no perms: everything a trading bot needs.
std::vector<KeyPermission> default_perms() {
  return {{"spot", false}, {"futures", false}, {"wallet", false}, {"account", false}};
}

Refusal key_not_found() {
  return Refusal{404, "KEY_NOT_FOUND", "No such API key"};
}

RestResult create_user(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  auto name = BodyReader(*body).required_string("name");
  if (!name) return name.error();
  if (name->empty() || name->size() > max_user_name) return rest::invalid_param("name", *name);
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    User const& user = state.users.create(std::move(*name), state.clock.now_ms());
    return json_reply(201, user_json(user));
  });
}

RestResult list_users(AdminCall const& call) {
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    json::array users;
    for (User const& user : state.users.all()) users.emplace_back(user_json(user));
    return json_reply(200, users);
  });
}

RestResult create_key(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  BodyReader const reader(*body);
  auto user_id = reader.required_int("user_id");
  if (!user_id) return user_id.error();
  KeySpec base;
  base.user_id = *user_id;
  base.perms = default_perms();
  auto spec = read_key_spec(reader, std::move(base), true);
  if (!spec) return spec.error();
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    if (state.users.find(*user_id) == nullptr) return user_not_found(*user_id);
    auto key = state.keys.create(std::move(*spec), state.clock.now_ms());
    if (!key) return rest::refusal("INVALID_PARAM_VALUE", key.error().message);
    return json_reply(201, key_json(*key, true));
  });
}

RestResult update_key(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  std::string const key_id(call.path.get("key").value_or(""));
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    ApiKey const* existing = state.keys.find(key_id);
    if (existing == nullptr) return key_not_found();
    KeySpec current;
    current.user_id = existing->user_id;
    current.name = existing->name;
    current.perms = existing->perms;
    current.withdraw_enabled = existing->withdraw_enabled;
    current.ip_whitelist = existing->ip_whitelist;
    current.currency_pairs = existing->currency_pairs;
    current.state = existing->state;
    current.mode = existing->mode;
    auto spec = read_key_spec(BodyReader(*body), std::move(current), false);
    if (!spec) return spec.error();
    auto key = state.keys.update(key_id, std::move(*spec), state.clock.now_ms());
    if (!key) return rest::refusal("INVALID_PARAM_VALUE", key.error().message);
    return json_reply(200, key_json(*key, true));
  });
}

RestResult delete_key(AdminCall const& call) {
  std::string_view const key_id = call.path.get("key").value_or("");
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    if (!state.keys.remove(key_id)) return key_not_found();
    return rest::RestReply{204, {}, {}};
  });
}

RestResult list_keys(AdminCall const& call) {
  auto user_id = rest::query_int(call.query, "user_id");
  if (!user_id) return user_id.error();
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    if (*user_id && state.users.find(**user_id) == nullptr) return user_not_found(**user_id);
    std::vector<ApiKey const*> found = *user_id ? state.keys.keys_of(**user_id) : state.keys.all();
    std::sort(found.begin(), found.end(), [](ApiKey const* a, ApiKey const* b) {
      return std::tie(a->created_at_ms, a->key) < std::tie(b->created_at_ms, b->key);
    });
    json::array keys;
    for (ApiKey const* key : found) keys.emplace_back(key_json(*key, false));
    return json_reply(200, keys);
  });
}

// Reads a deposit or withdrawal body and moves the money with `move`.
template <class Move>
RestResult move_money(AdminCall const& call, Move&& move) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  BodyReader const reader(*body);
  auto user_id = reader.required_int("user_id");
  if (!user_id) return user_id.error();
  auto currency = reader.required_string("currency");
  if (!currency) return currency.error();
  auto amount = reader.required_decimal("amount");
  if (!amount) return amount.error();
  auto account_name = reader.optional_string("account");
  if (!account_name) return account_name.error();
  std::string const account_text = account_name->value_or("spot");
  if (account_text != "spot" && account_text != "futures") {
    return rest::invalid_param("account", account_text);
  }
  Account const account = account_text == "spot" ? Account::spot : Account::futures;
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    if (state.users.find(*user_id) == nullptr) return user_not_found(*user_id);
    std::int64_t const now = state.clock.now_ms();
    auto moved = move(state.engine, *user_id, account, *currency, *amount, now);
    if (!moved) return rest::refusal_from(moved.error());
    json::object out{{"user_id", *user_id},
                     {"currency", *currency},
                     {"account", account_text},
                     {"amount", amount->to_string()}};
    if (account == Account::spot) {
      if (auto balance = state.engine.spot_balance(*user_id, *currency)) {
        out["available"] = balance->available.to_string();
      }
    } else if (auto futures = state.engine.futures_account(*user_id)) {
      out["available"] = futures->available.to_string();
    }
    return json_reply(200, out);
  });
}

RestResult deposit(AdminCall const& call) {
  return move_money(call, [](Engine& engine, UserId user, Account account,
                             std::string const& currency, core::Decimal amount, TimeMs now) {
    return engine.deposit(user, account, currency, amount, now);
  });
}

RestResult withdraw(AdminCall const& call) {
  return move_money(call, [](Engine& engine, UserId user, Account account,
                             std::string const& currency, core::Decimal amount, TimeMs now) {
    return engine.withdraw(user, account, currency, amount, now);
  });
}

}  // namespace

void add_account_routes(AdminRouter& router) {
  router.add("POST", "/users", create_user);
  router.add("GET", "/users", list_users);
  router.add("POST", "/keys", create_key);
  router.add("GET", "/keys", list_keys);
  router.add("PUT", "/keys/{key}", update_key);
  router.add("DELETE", "/keys/{key}", delete_key);
  router.add("POST", "/deposits", deposit);
  router.add("POST", "/withdrawals", withdraw);
}

}  // namespace tradelink::sandbox::admin
