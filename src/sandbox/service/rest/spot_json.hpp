#pragma once
// Gate's private spot objects (gateio-v4.md §3.1, §3.3, §3.4, §11; SDK models SpotAccount, Order,
// OrderCancel, Trade, SpotOrders-by-pair, TriggerTime) rendered from engine records, field for
// field in Gate's order and types: order and trade ids are strings, `create_time` is a seconds
// string, an order's `create_time_ms` an integer, a fill's a string with microsecond digits.

#include <boost/json/object.hpp>

#include "sandbox/engine/market_spec.hpp"
#include "sandbox/engine/spot_types.hpp"

namespace tradelink::sandbox::rest {

/// What Gate puts in `text` when the user gave none: the order came through APIv4.
inline constexpr std::string_view default_order_text = "apiv4";

/// `GET /spot/accounts` entry.
[[nodiscard]] boost::json::object spot_balance_json(SpotBalance const& balance);
/// The order object of create/get/list/cancel. `pair` is the order's pair (for the rebate
/// currency, the pair's other currency than the fee's).
[[nodiscard]] boost::json::object spot_order_json(SpotOrder const& order, PairSpec const& pair);
/// An entry of `DELETE /spot/orders`: the order plus `succeeded`.
[[nodiscard]] boost::json::object cancelled_order_json(SpotOrder const& order,
                                                       PairSpec const& pair);
/// `GET /spot/my_trades` entry.
[[nodiscard]] boost::json::object user_trade_json(SpotUserTrade const& trade);
/// `POST /spot/countdown_cancel_all`: `{"triggerTime": "<ms>"}` ("0" once switched off).
[[nodiscard]] boost::json::object trigger_time_json(TimeMs trigger_ms);

}  // namespace tradelink::sandbox::rest
