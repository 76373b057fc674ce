#pragma once
// The endpoint families of the sandbox's REST face, one file each.

#include "sandbox/service/rest/router.hpp"

namespace tradelink::sandbox::rest {

/// Public market data: /spot/time, currencies, pairs, tickers, books, trades, candles, contracts.
void add_market_routes(Router& router);
/// Signed spot calls: accounts, orders, open orders, fills, countdown cancel-all.
void add_spot_routes(Router& router);
/// Signed USDT-perpetual calls: accounts, orders, positions, fills, countdown cancel-all.
void add_futures_routes(Router& router);
/// Signed account-level calls: /account/detail, /account/main_keys, /wallet/total_balance,
/// /unified/*.
void add_account_routes(Router& router);
/// Signed money movements: /wallet/transfers (spot <-> futures) and /withdrawals.
void add_wallet_routes(Router& router);
/// Listings of the products the sandbox does not trade (delivery futures, options): empty.
void add_unlisted_product_routes(Router& router);

}  // namespace tradelink::sandbox::rest
