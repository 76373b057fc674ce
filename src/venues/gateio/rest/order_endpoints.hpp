#pragma once
// Order placement as Endpoints (gateio-v4.md §11): the JSON body, the rate-limit bucket and the
// replay policy of POST /spot/orders and POST /futures/usdt/orders in one place, for the REST
// client and for the signing benchmark that measures this exact path. The REST client fills
// endpoints its transport recycled from finished calls, so placing orders steadily writes their
// bodies into buffers that are already there.

#include "core/result.hpp"
#include "venues/gateio/rest/endpoint.hpp"
#include "venues/gateio/rest/models.hpp"

namespace tradelink::gateio {

/// POST /spot/orders: limited per currency pair, never replayed blindly.
/// Errors: those of serialize_spot_order.
[[nodiscard]] core::Result<Endpoint> spot_order_endpoint(SpotOrderRequest const& order);

/// POST /futures/usdt/orders: one placement bucket per account, never replayed blindly.
/// Errors: those of serialize_futures_order.
[[nodiscard]] core::Result<Endpoint> futures_order_endpoint(FuturesOrderRequest const& order);

/// The same endpoints written over every field of `endpoint`, reusing its buffers. On error
/// `endpoint` is left unchanged.
[[nodiscard]] core::Result<void> order_endpoint(SpotOrderRequest const& order, Endpoint& endpoint);
[[nodiscard]] core::Result<void> order_endpoint(FuturesOrderRequest const& order,
                                                Endpoint& endpoint);

}  // namespace tradelink::gateio
