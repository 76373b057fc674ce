// USDT-perpetual account, positions, leverage, own fills and the countdown switch
// (gateio-v4.md §3.1, §3.5, §11; SDK FuturesApi listFuturesAccounts, listPositions,
// getPosition, updatePositionLeverage, getMyTrades, countdownCancelAllFutures).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "sandbox/service/rest/futures_handlers.hpp"
#include "sandbox/service/rest/futures_json.hpp"
#include "sandbox/service/rest/futures_request.hpp"
#include "sandbox/service/rest/json_body.hpp"

namespace tradelink::sandbox::rest::futures {
namespace {

RestReply ok(std::string body) {
  return RestReply{200, std::move(body), {}};
}

std::string position_of(RestCall const& call, FuturesPosition const& position) {
  ContractSpec const* spec = call.state.engine.find_contract(position.contract);
  return position_json(position, *spec, size_encoding_of(call.http));
}

/// The `{contract}` path segment, listed.
Checked<ContractSpec const*> path_contract(RestCall const& call) {
  return listed_contract(call, call.path.get("contract").value_or(""));
}

}  // namespace

RestResult get_account(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const account = call.state.engine.futures_account(call.user_id());
  if (!account) return refusal_from(account.error());
  return ok(account_json(*account));
}

RestResult list_positions(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const holding = query_bool(call.query, "holding");
  if (!holding) return holding.error();
  auto const window = list_window(call.query);
  if (!window) return window.error();
  auto const positions =
      call.state.engine.futures().positions(call.user_id(), holding->value_or(false));
  if (!positions) return refusal_from(positions.error());
  std::size_t const first = std::min(window->offset, positions->size());
  std::size_t const last = std::min(first + window->limit, positions->size());
  std::vector<FuturesPosition> const page(positions->begin() + static_cast<std::ptrdiff_t>(first),
                                          positions->begin() + static_cast<std::ptrdiff_t>(last));
  return ok(json_array(
      page, [&](FuturesPosition const& position) { return position_of(call, position); }));
}

RestResult get_position(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const spec = path_contract(call);
  if (!spec) return spec.error();
  auto const position = call.state.engine.futures().position(call.user_id(), (*spec)->name);
  if (!position) return refusal_from(position.error());
  return ok(position_of(call, *position));
}

RestResult set_leverage(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const spec = path_contract(call);
  if (!spec) return spec.error();
  if (auto refused = call.check_pair((*spec)->name)) return *refused;
  // Gate takes the leverage in the query string (the body stays empty).
  auto const leverage = query_decimal(call.query, "leverage");
  if (!leverage) return leverage.error();
  if (!*leverage) return missing_param("leverage");
  if ((*leverage)->is_zero()) {
    return refusal("INVALID_PARAM_VALUE",
                   "Cross margin (leverage 0) is not supported by the sandbox: set an isolated "
                   "leverage");
  }
  auto const position =
      call.state.engine.set_leverage(call.user_id(), (*spec)->name, **leverage, call.now_ms);
  if (!position) return refusal_from(position.error());
  return ok(position_of(call, *position));
}

RestResult list_my_trades(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  std::optional<std::string_view> contract;
  if (auto const name = call.query.get("contract"); name && !name->empty()) {
    auto const spec = listed_contract(call, *name);
    if (!spec) return spec.error();
    contract = (*spec)->name;
  }
  auto const order = query_int(call.query, "order");
  if (!order) return order.error();
  auto const window = list_window(call.query);
  if (!window) return window.error();
  auto const trades = collect_window<FuturesUserTrade>(*window, [&](Page page) {
    return call.state.engine.futures().my_trades(call.user_id(), contract, *order, page);
  });
  if (!trades) return refusal_from(trades.error());
  SizeEncoding const sizes = size_encoding_of(call.http);
  return ok(json_array(*trades, [&](FuturesUserTrade const& trade) {
    return user_trade_json(trade, *call.state.engine.find_contract(trade.contract), sizes);
  }));
}

RestResult countdown_cancel_all(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const object = parse_body_object(call.http.body);
  if (!object) return object.error();
  BodyReader const body(*object);
  auto const timeout = body.required_int("timeout");
  if (!timeout) return timeout.error();
  auto const contract = body.optional_string("contract");
  if (!contract) return contract.error();
  std::optional<std::string_view> market;
  if (*contract && !(*contract)->empty()) market = **contract;
  // Without a contract the countdown covers every market, which a pair-limited key may not touch.
  if (auto refused = call.check_pair(market.value_or(""))) return *refused;
  auto const trigger =
      call.state.engine.set_futures_countdown(call.user_id(), market, *timeout, call.now_ms);
  if (!trigger) return refusal_from(trigger.error());
  return ok(countdown_json(*trigger));
}

}  // namespace tradelink::sandbox::rest::futures
