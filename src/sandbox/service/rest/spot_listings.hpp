#pragma once
// The listing calls of the signed spot API (gateio-v4.md §3.3, §3.4): the caller's orders of a
// pair, open orders grouped by pair, and own fills, with Gate's filters (side, from/to, order)
// and paging. Registered by add_spot_routes().

#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// `GET /spot/orders?currency_pair=&status=open|finished[&page][&limit][&side][&from][&to]`,
/// newest first. limit up to 100 for open orders, 1000 for finished ones.
[[nodiscard]] RestResult list_orders(RestCall const& call);
/// `GET /spot/open_orders[?page][&limit]`: `[{currency_pair, total, orders}]` per pair with open
/// orders the key may trade, in listing order; paging applies within each pair (limit <= 100).
[[nodiscard]] RestResult open_orders(RestCall const& call);
/// `GET /spot/my_trades[?currency_pair][&order_id][&page][&limit][&from][&to]`, newest first;
/// every pair the key may trade when currency_pair is absent (order_id needs currency_pair).
[[nodiscard]] RestResult my_trades(RestCall const& call);

}  // namespace tradelink::sandbox::rest
