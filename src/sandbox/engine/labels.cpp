#include "sandbox/engine/labels.hpp"

#include <utility>

namespace tradelink::sandbox {

std::string_view to_string(Label label) noexcept {
  switch (label) {
    case Label::invalid_currency: return "INVALID_CURRENCY";
    case Label::invalid_currency_pair: return "INVALID_CURRENCY_PAIR";
    case Label::contract_not_found: return "CONTRACT_NOT_FOUND";
    case Label::invalid_param_value: return "INVALID_PARAM_VALUE";
    case Label::invalid_precision: return "INVALID_PRECISION";
    case Label::amount_too_much: return "AMOUNT_TOO_MUCH";
    case Label::trade_restricted: return "TRADE_RESTRICTED";
    case Label::balance_not_enough: return "BALANCE_NOT_ENOUGH";
    case Label::poc_fill_immediately: return "POC_FILL_IMMEDIATELY";
    case Label::order_not_found: return "ORDER_NOT_FOUND";
    case Label::order_closed: return "ORDER_CLOSED";
    case Label::order_cancelled: return "ORDER_CANCELLED";
    case Label::order_finished: return "ORDER_FINISHED";
    case Label::user_not_found: return "USER_NOT_FOUND";
    case Label::insufficient_available: return "INSUFFICIENT_AVAILABLE";
    case Label::size_too_small: return "SIZE_TOO_SMALL";
    case Label::size_too_large: return "SIZE_TOO_LARGE";
    case Label::order_poc_immediate: return "ORDER_POC_IMMEDIATE";
    case Label::order_fok: return "ORDER_FOK";
    case Label::leverage_too_high: return "LEVERAGE_TOO_HIGH";
    case Label::leverage_too_low: return "LEVERAGE_TOO_LOW";
    case Label::reduce_exceeded: return "REDUCE_EXCEEDED";
    case Label::increase_position: return "INCREASE_POSITION";
    case Label::position_empty: return "POSITION_EMPTY";
    case Label::too_many_orders: return "TOO_MANY_ORDERS";
  }
  return "INTERNAL";
}

core::Error make_error(Label label, std::string message) {
  return core::Error{core::ErrorLayer::venue,
                     std::string(to_string(label)),
                     std::move(message),
                     core::Retry::never,
                     {}};
}

}  // namespace tradelink::sandbox
