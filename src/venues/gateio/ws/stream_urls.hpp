#pragma once
// Gate.io WebSocket v4 URLs of the private streams (gateio-v4.md §1 "WebSocket v4"), derived
// from the REST base URL the binding uses, so the live exchange, its testnet and the sandbox are
// reached the same way.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::gateio {

/// Spot (+ unified) and USDT-settled perpetual futures stream URLs.
struct StreamUrls {
  std::string spot;
  std::string futures;
};

/// - `https://api.gateio.ws/api/v4` → `wss://api.gateio.ws/ws/v4/` and
///   `wss://fx-ws.gateio.ws/v4/ws/usdt`;
/// - `https://api-testnet.gateapi.io/api/v4` → `wss://ws-testnet.gate.com/v4/ws/spot` and
///   `wss://ws-testnet.gate.com/v4/ws/futures/usdt`;
/// - any other host (the sandbox): same host and port, `ws(s)://host/ws/v4/` and
///   `ws(s)://host/v4/ws/usdt`.
/// Fails (`net.url`) when `rest_base_url` is not an http(s) URL with a host.
[[nodiscard]] core::Result<StreamUrls> stream_urls_for(std::string_view rest_base_url);

}  // namespace tradelink::gateio
