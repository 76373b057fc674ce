#pragma once
// Cancelling every open order of a key's account before the key is deleted: spot orders listed
// per pair (GET /spot/open_orders) and USDT futures orders (GET /futures/usdt/orders?status=open),
// each cancelled by id. Runs on the caller's thread with a private io_context.

#include <cstddef>

#include "core/result.hpp"
#include "core/scope.hpp"
#include "venues/gateio/rest/transport.hpp"
#include "venues/key_check.hpp"

namespace tradelink::gateio {

/// Cancels the open orders of `scope`'s markets; returns how many were cancelled. Stops at the
/// first failure (orders cancelled before it stay cancelled).
[[nodiscard]] core::Result<std::size_t> cancel_all_open_orders(TransportOptions options,
                                                               venues::KeyMaterial const& key,
                                                               core::Scope scope);

}  // namespace tradelink::gateio
