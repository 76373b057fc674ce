// Signed spot calls (gateio-v4.md §3.1, §3.3, §11): balances, placing, reading, amending and
// cancelling orders, cancel-all and the countdown cancel-all. Order lists and fills are in
// spot_listings.cpp. Every call naming a pair honours the key's pair whitelist.
#include <boost/json/array.hpp>

#include <string>

#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/json_values.hpp"
#include "sandbox/service/rest/routes.hpp"
#include "sandbox/service/rest/spot_amend_body.hpp"
#include "sandbox/service/rest/spot_json.hpp"
#include "sandbox/service/rest/spot_listings.hpp"
#include "sandbox/service/rest/spot_order_body.hpp"
#include "sandbox/service/rest/spot_params.hpp"

namespace tradelink::sandbox::rest {
namespace {

constexpr std::string_view spot_group = "spot";

RestResult accounts(RestCall const& call) {
  Engine const& engine = call.state.engine;
  boost::json::array out;
  if (auto const currency = call.query.get("currency")) {
    auto balance = engine.spot_balance(call.user_id(), *currency);
    if (!balance) return refusal_from(balance.error());
    out.push_back(spot_balance_json(*balance));
    return json_reply(out);
  }
  for (SpotBalance const& balance : engine.spot_balances(call.user_id())) {
    out.push_back(spot_balance_json(balance));
  }
  return json_reply(out);
}

RestResult create_order(RestCall const& call) {
  auto const body = parse_spot_order_body(call.http.body);
  if (!body) return body.error();
  auto const pair = allowed_pair(call, body->currency_pair);
  if (!pair) return pair.error();
  auto order = call.state.engine.place_spot_order(call.user_id(), body->request(), call.now_ms);
  if (!order) return refusal_from(order.error());
  return json_reply(spot_order_json(*order, **pair), 201);
}

RestResult get_order(RestCall const& call) {
  auto const pair = query_pair(call);
  if (!pair) return pair.error();
  OrderRef const ref = order_ref(*call.path.get("order_id"));
  auto order = call.state.engine.spot().order(call.user_id(), (*pair)->id, ref, call.now_ms);
  if (!order) return refusal_from(order.error());
  return json_reply(spot_order_json(*order, **pair));
}

RestResult amend_order(RestCall const& call) {
  auto const body = parse_spot_amend_body(call.http.body, call.query);
  if (!body) return body.error();
  auto const pair = allowed_pair(call, body->currency_pair);
  if (!pair) return pair.error();
  OrderRef const ref = order_ref(*call.path.get("order_id"));
  auto order = call.state.engine.amend_spot_order(call.user_id(), (*pair)->id, ref,
                                                  body->amendment(), call.now_ms);
  if (!order) return refusal_from(order.error());
  return json_reply(spot_order_json(*order, **pair));
}

RestResult cancel_order(RestCall const& call) {
  auto const pair = query_pair(call);
  if (!pair) return pair.error();
  OrderRef const ref = order_ref(*call.path.get("order_id"));
  auto order = call.state.engine.cancel_spot_order(call.user_id(), (*pair)->id, ref, call.now_ms);
  if (!order) return refusal_from(order.error());
  return json_reply(spot_order_json(*order, **pair));
}

/// Cancels the open orders of `pair` (every pair when null) of `side` into `out`.
std::optional<Refusal> cancel_into(RestCall const& call, PairSpec const* pair,
                                   std::optional<Side> side, boost::json::array& out) {
  Engine& engine = call.state.engine;
  std::optional<std::string_view> const scope =
      pair != nullptr ? std::optional<std::string_view>(pair->id) : std::nullopt;
  auto cancelled = engine.cancel_spot_orders(call.user_id(), scope, side, call.now_ms);
  if (!cancelled) return refusal_from(cancelled.error());
  for (SpotOrder const& order : *cancelled) {
    PairSpec const* order_pair = engine.find_pair(order.currency_pair);
    if (order_pair != nullptr) out.push_back(cancelled_order_json(order, *order_pair));
  }
  return std::nullopt;
}

RestResult cancel_orders(RestCall const& call) {
  auto const side = query_side(call.query);
  if (!side) return side.error();
  if (auto const account = call.query.get("account"); account && *account != "spot") {
    return invalid_param("account", *account);
  }
  boost::json::array out;
  if (auto const id = call.query.get("currency_pair")) {
    auto const pair = allowed_pair(call, *id);
    if (!pair) return pair.error();
    if (auto refused = cancel_into(call, *pair, *side, out)) return *refused;
    return json_reply(out);
  }
  if (call.key->currency_pairs.empty()) {
    if (auto refused = cancel_into(call, nullptr, *side, out)) return *refused;
    return json_reply(out);
  }
  // A key limited to some pairs cancels only there.
  for (std::string const& id : call.key->currency_pairs) {
    PairSpec const* pair = call.state.engine.find_pair(id);
    if (pair == nullptr) continue;
    if (auto refused = cancel_into(call, pair, *side, out)) return *refused;
  }
  return json_reply(out);
}

RestResult countdown_cancel_all(RestCall const& call) {
  auto const object = parse_body_object(call.http.body);
  if (!object) return object.error();
  BodyReader const reader(*object);
  auto const timeout = reader.required_int("timeout");
  if (!timeout) return timeout.error();
  auto const pair_id = reader.optional_string("currency_pair");
  if (!pair_id) return pair_id.error();
  std::optional<std::string_view> scope;
  if (*pair_id && !(*pair_id)->empty()) {
    auto const pair = allowed_pair(call, **pair_id);
    if (!pair) return pair.error();
    scope = (*pair)->id;
  }
  auto const trigger =
      call.state.engine.set_spot_countdown(call.user_id(), scope, *timeout, call.now_ms);
  if (!trigger) return refusal_from(trigger.error());
  return json_reply(trigger_time_json(*trigger));
}

}  // namespace

void add_spot_routes(Router& router) {
  std::string const spot(spot_group);
  router.add({"GET", "/spot/accounts", spot, RateGroup::spot_other, accounts});
  router.add({"POST", "/spot/orders", spot, RateGroup::spot_place, create_order});
  router.add({"GET", "/spot/orders", spot, RateGroup::spot_other, list_orders});
  router.add({"DELETE", "/spot/orders", spot, RateGroup::spot_cancel, cancel_orders});
  router.add({"GET", "/spot/orders/{order_id}", spot, RateGroup::spot_other, get_order});
  router.add({"PATCH", "/spot/orders/{order_id}", spot, RateGroup::spot_place, amend_order});
  router.add({"DELETE", "/spot/orders/{order_id}", spot, RateGroup::spot_cancel, cancel_order});
  router.add({"GET", "/spot/open_orders", spot, RateGroup::spot_other, open_orders});
  router.add({"GET", "/spot/my_trades", spot, RateGroup::spot_other, my_trades});
  router.add(
      {"POST", "/spot/countdown_cancel_all", spot, RateGroup::spot_other, countdown_cancel_all});
}

}  // namespace tradelink::sandbox::rest
