#pragma once
// Authentication of a private channel subscription (gateio-v4.md §2.2): the request's `auth`
// object names the key and carries hex(HMAC_SHA512(secret, "channel=<c>&event=<e>&time=<t>"))
// over the request's own `time`, which must be within 60 s of server time. The key must be in
// a usable state, pass its IP whitelist and hold read access to the product ("spot" or
// "futures"). Refusals carry Gate's code 4.

#include <boost/system/result.hpp>

#include <cstdint>
#include <string_view>

#include "sandbox/auth/key_store.hpp"
#include "sandbox/service/ws/ws_protocol.hpp"

namespace tradelink::sandbox::ws {

/// The signature string of §2.2.
[[nodiscard]] std::string channel_signature_string(std::string_view channel, std::string_view event,
                                                   std::int64_t time);

/// Checks `request.auth` for a subscription to `channel` (of `product`) from `peer_ip` at
/// server time `now_ms` and returns the key's user id. Call under the venue lock (reads `keys`,
/// updates the key's last access).
[[nodiscard]] boost::system::result<std::int64_t, WsError> authenticate_channel(
    KeyStore& keys, WsRequest const& request, Product product, std::string_view peer_ip,
    std::int64_t now_ms);

}  // namespace tradelink::sandbox::ws
