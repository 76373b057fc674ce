// Signed account-level calls (gateio-v4.md §3.1): the key's account detail and own key info
// (any valid key), the total balance valued at market prices ("wallet"), and the unified
// account endpoints answered for a classic account ("unified").
#include <string>

#include "sandbox/service/rest/account_json.hpp"
#include "sandbox/service/rest/json_values.hpp"
#include "sandbox/service/rest/routes.hpp"
#include "sandbox/service/rest/valuation.hpp"

namespace tradelink::sandbox::rest {
namespace {

RestResult account_detail(RestCall const& call) {
  return json_reply(account_detail_json(*call.key));
}

RestResult main_keys(RestCall const& call) {
  return json_reply(main_key_json(*call.key));
}

/// The user's spot balances valued in USDT.
Checked<core::Decimal> spot_value_usdt(RestCall const& call, Valuation const& valuation) {
  core::Decimal total;
  for (SpotBalance const& balance : call.state.engine.spot_balances(call.user_id())) {
    auto const held = checked_sum(balance.available, balance.locked);
    if (!held) return held.error();
    auto const value = valuation.in_usdt(balance.currency, *held);
    if (!value) return value.error();
    auto const sum = checked_sum(total, *value);
    if (!sum) return sum.error();
    total = *sum;
  }
  return total;
}

RestResult total_balance(RestCall const& call) {
  std::string_view const currency_text = call.query.get("currency").value_or("USDT");
  auto const currency = parse_valuation_currency(currency_text);
  if (!currency) return invalid_param("currency", currency_text);

  Valuation const valuation(call.state.engine, call.now_ms);
  auto const spot_usdt = spot_value_usdt(call, valuation);
  if (!spot_usdt) return spot_usdt.error();
  // A futures account never opened holds nothing (USER_NOT_FOUND is not an error here).
  auto const futures = call.state.engine.futures_account(call.user_id());
  core::Decimal const futures_usdt = futures ? futures->total : core::Decimal{};
  core::Decimal const unrealised_usdt = futures ? futures->unrealised_pnl : core::Decimal{};

  auto const spot = valuation.convert(*spot_usdt, *currency);
  if (!spot) return spot.error();
  auto const futures_total = valuation.convert(futures_usdt, *currency);
  if (!futures_total) return futures_total.error();
  auto const unrealised = valuation.convert(unrealised_usdt, *currency);
  if (!unrealised) return unrealised.error();
  auto const total = checked_sum(*spot, *futures_total);
  if (!total) return total.error();
  return json_reply(total_balance_json(TotalBalanceFigures{
      .currency = to_string(*currency),
      .spot = *spot,
      .futures = *futures_total,
      .futures_unrealised = *unrealised,
      .total = *total,
  }));
}

RestResult unified_mode(RestCall const&) {
  return json_reply(classic_unified_mode_json());
}

RestResult unified_accounts(RestCall const& call) {
  Engine const& engine = call.state.engine;
  std::vector<SpotBalance> balances;
  if (auto const currency = call.query.get("currency")) {
    auto balance = engine.spot_balance(call.user_id(), *currency);
    if (!balance) return refusal_from(balance.error());
    balances.push_back(*balance);
  } else {
    balances = engine.spot_balances(call.user_id());
  }
  Valuation const valuation(engine, call.now_ms);
  auto const total = spot_value_usdt(call, valuation);
  if (!total) return total.error();
  return json_reply(classic_unified_account_json(call.user_id(), call.now_ms, balances, *total));
}

}  // namespace

void add_account_routes(Router& router) {
  std::string const any_key(any_valid_key);
  router.add({"GET", "/account/detail", any_key, RateGroup::other_private, account_detail});
  router.add({"GET", "/account/main_keys", any_key, RateGroup::other_private, main_keys});
  router.add({"GET", "/wallet/total_balance", "wallet", RateGroup::wallet_balance, total_balance});
  router.add({"GET", "/unified/unified_mode", "unified", RateGroup::other_private, unified_mode});
  router.add({"GET", "/unified/accounts", "unified", RateGroup::other_private, unified_accounts});
}

}  // namespace tradelink::sandbox::rest
