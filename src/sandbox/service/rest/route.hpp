#pragma once
// One REST endpoint of the sandbox: method, path pattern under /api/v4, who may call it, which
// rate-limit group counts it, and the handler.

#include <string>
#include <string_view>

#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// Gate's rate-limit groups (gateio-v4.md §6). Public endpoints are counted per endpoint and IP;
/// private ones per endpoint (or per group for place/cancel) and user.
enum class RateGroup {
  public_endpoint,  ///< 200 / 10 s per endpoint, per IP
  spot_place,       ///< 10 / s per user and pair
  spot_cancel,      ///< 200 / s per user
  spot_other,       ///< 200 / 10 s per endpoint
  futures_place,    ///< 100 / s per user
  futures_cancel,   ///< 200 / s per user
  futures_other,    ///< 200 / 10 s per endpoint
  wallet_balance,   ///< 80 / 10 s (total_balance, transfers)
  wallet_other,     ///< 200 / 10 s per endpoint
  other_private,    ///< 150 / 10 s per endpoint (account, unified, ...)
};

/// The fault-injection group a route belongs to (admin API: faults per endpoint group).
[[nodiscard]] std::string_view fault_group_name(RateGroup group) noexcept;

/// `Route::permission` of a signed route that any valid key may call, whatever groups it holds
/// (Gate's /account/detail and /account/main_keys answer every authenticated key).
inline constexpr std::string_view any_valid_key = "*";

struct Route {
  std::string method;   ///< "GET", "POST", "DELETE", "PUT", "PATCH"
  std::string pattern;  ///< under /api/v4, `{name}` for a path segment: "/spot/orders/{order_id}"
  /// Permission group a signed call needs ("spot", "futures", "wallet", "account", "unified"),
  /// any_valid_key for a signed call open to every key; empty for a public route (no signature).
  std::string permission;
  RateGroup rate_group = RateGroup::public_endpoint;
  RestHandler handler;

  [[nodiscard]] bool is_public() const noexcept { return permission.empty(); }
  /// A signed route that needs a permission group (not any_valid_key).
  [[nodiscard]] bool needs_group() const noexcept {
    return !is_public() && permission != any_valid_key;
  }
};

}  // namespace tradelink::sandbox::rest
