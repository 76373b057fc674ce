#pragma once
// The body of `POST /spot/orders` (gateio-v4.md §3.3) read and checked as Gate checks it before
// the matching engine sees it: required fields, enumerations, the `t-` client text rule, and
// the features the sandbox's classic spot account does not offer (margin/unified accounts,
// iceberg orders, STP actions) refused with INVALID_PARAM_VALUE.

#include <string>
#include <string_view>

#include "sandbox/engine/spot_types.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// A format-checked order body. Owns its strings; request() views them.
struct SpotOrderBody {
  std::string currency_pair;
  std::string text;  ///< empty when the user gave none
  Side side = Side::buy;
  SpotOrderType type = SpotOrderType::limit;
  core::Decimal amount;
  core::Decimal price;
  TimeInForce time_in_force = TimeInForce::gtc;

  /// The engine request; valid while this body lives.
  [[nodiscard]] SpotOrderRequest request() const noexcept;
};

/// Parses `body`. INVALID_REQUEST_BODY (not a JSON object), MISSING_REQUIRED_PARAM
/// (currency_pair, side, amount; price of a limit order), INVALID_PARAM_VALUE (a bad value of
/// side, type, time_in_force, text, account, iceberg, stp_act, action_mode, or an ill-typed
/// field). A market order without time_in_force is ioc, the only way Gate runs it.
[[nodiscard]] Checked<SpotOrderBody> parse_spot_order_body(std::string_view body);

}  // namespace tradelink::sandbox::rest
