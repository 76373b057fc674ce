#pragma once
// The Gate.io error labels the engine answers with (gateio-v4.md §4). An engine error is a
// core::Error of layer `venue` whose `code` is the label spelled exactly as Gate spells it, so the
// front puts `code` into the `label` field and `message` into `message` unchanged.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace tradelink::sandbox {

/// Every label the engine can produce.
enum class Label {
  invalid_currency,        ///< INVALID_CURRENCY: unknown currency
  invalid_currency_pair,   ///< INVALID_CURRENCY_PAIR: unknown spot pair
  contract_not_found,      ///< CONTRACT_NOT_FOUND: unknown futures contract
  invalid_param_value,     ///< INVALID_PARAM_VALUE: bad value, also spot minimum-size errors
  invalid_precision,       ///< INVALID_PRECISION: spot price/amount beyond the pair's decimals
  amount_too_much,         ///< AMOUNT_TOO_MUCH: above the pair's maximum
  trade_restricted,        ///< TRADE_RESTRICTED: the pair's trade_status forbids this side
  balance_not_enough,      ///< BALANCE_NOT_ENOUGH: spot available balance too small
  poc_fill_immediately,    ///< POC_FILL_IMMEDIATELY: spot post-only order would take
  order_not_found,         ///< ORDER_NOT_FOUND: unknown, foreign or aged-out order
  order_closed,            ///< ORDER_CLOSED: spot order already filled
  order_cancelled,         ///< ORDER_CANCELLED: spot order already cancelled
  order_finished,          ///< ORDER_FINISHED: futures order already finished
  user_not_found,          ///< USER_NOT_FOUND: futures account never opened
  insufficient_available,  ///< INSUFFICIENT_AVAILABLE: futures available balance too small
  size_too_small,          ///< SIZE_TOO_SMALL: futures size below order_size_min
  size_too_large,          ///< SIZE_TOO_LARGE: futures size above order_size_max
  order_poc_immediate,     ///< ORDER_POC_IMMEDIATE: futures post-only order would take
  order_fok,               ///< ORDER_FOK: futures fill-or-kill cannot fill completely
  leverage_too_high,       ///< LEVERAGE_TOO_HIGH
  leverage_too_low,        ///< LEVERAGE_TOO_LOW
  reduce_exceeded,         ///< REDUCE_EXCEEDED: reduce-only beyond (or without) a position
  increase_position,       ///< INCREASE_POSITION: reduce-only order would increase the position
  position_empty,          ///< POSITION_EMPTY: close requested without a position
  too_many_orders,         ///< TOO_MANY_ORDERS: open-order limit of the contract reached
};

/// The label as Gate spells it, e.g. "BALANCE_NOT_ENOUGH".
[[nodiscard]] std::string_view to_string(Label label) noexcept;

/// A venue-layer error carrying `label` as its code and a Gate-style human message.
[[nodiscard]] core::Error make_error(Label label, std::string message);

}  // namespace tradelink::sandbox
