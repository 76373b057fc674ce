#pragma once
// Gate's account-level objects (gateio-v4.md §3.1; SDK models AccountDetail, AccountKeyInfo,
// TotalBalance, AccountBalance, UnifiedModeSet, UnifiedAccount, UnifiedBalance) for a classic
// (non-unified) sandbox account, rendered from the caller's API key and valued balances.

#include <boost/json/object.hpp>

#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/auth/api_key.hpp"
#include "sandbox/engine/spot_types.hpp"

namespace tradelink::sandbox::rest {

/// `GET /account/detail` for the calling key: user, the key's whitelists and mode, VIP tier 0,
/// no copy-trading role.
[[nodiscard]] boost::json::object account_detail_json(ApiKey const& key);
/// `GET /account/main_keys`: the calling key (Gate documents one AccountKeyInfo object). Times
/// are Unix-second strings; `last_access` is 0 before the key was ever used. The withdrawal
/// right is not a permission group, so Gate does not list it in `perms`.
[[nodiscard]] boost::json::object main_key_json(ApiKey const& key);

/// The figures of `GET /wallet/total_balance`, all in `currency`.
struct TotalBalanceFigures {
  std::string_view currency;         ///< "USDT", "USD", "BTC" or "CNY"
  core::Decimal spot;                ///< spot account value
  core::Decimal futures;             ///< USDT perpetual account total, without unrealised PnL
  core::Decimal futures_unrealised;  ///< unrealised PnL of the perpetual positions
  core::Decimal total;               ///< spot + futures
};
/// Gate's nested shape: `total` plus `details` per account kind (the kinds the sandbox lacks
/// are 0).
[[nodiscard]] boost::json::object total_balance_json(TotalBalanceFigures const& figures);

/// `GET /unified/unified_mode` of a classic account: mode "classic", every switch off.
[[nodiscard]] boost::json::object classic_unified_mode_json();
/// `GET /unified/accounts` of a classic account: mode "classic", the spot balances as
/// `balances` (nothing borrowed, no margin figures) and `total_usd` as the account totals.
[[nodiscard]] boost::json::object classic_unified_account_json(
    std::int64_t user_id, TimeMs now_ms, std::vector<SpotBalance> const& balances,
    core::Decimal total_usd);

}  // namespace tradelink::sandbox::rest
