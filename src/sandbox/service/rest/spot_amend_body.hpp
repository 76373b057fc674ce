#pragma once
// The body of `PATCH /spot/orders/{order_id}` (Gate's amend order; SDK model OrderPatch) read and
// checked before the engine sees it: `currency_pair` and `account` from the body or the query
// (the SDK sends them as query parameters, CCXT in both), the new `amount` and/or `price`, the
// caller's `amend_text` and `action_mode`. Take-profit and stop-loss legs are not modelled and
// are refused with INVALID_PARAM_VALUE.

#include <optional>
#include <string>

#include "sandbox/engine/spot_types.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// A format-checked amendment. Owns its strings; amendment() views them.
struct SpotAmendBody {
  std::string currency_pair;
  std::optional<core::Decimal> amount;
  std::optional<core::Decimal> price;
  std::string amend_text;  ///< empty when the caller gave none

  /// The engine's amendment; valid while this body lives.
  [[nodiscard]] SpotOrderAmendment amendment() const noexcept;
};

/// Parses `body` with `query` as the fallback for currency_pair and account.
/// INVALID_REQUEST_BODY (not a JSON object), MISSING_REQUIRED_PARAM (currency_pair),
/// INVALID_PARAM_VALUE (neither amount nor price, an account other than spot, a bad
/// action_mode, stop_profit / stop_loss, an ill-typed field).
[[nodiscard]] Checked<SpotAmendBody> parse_spot_amend_body(std::string_view body,
                                                           Params const& query);

}  // namespace tradelink::sandbox::rest
