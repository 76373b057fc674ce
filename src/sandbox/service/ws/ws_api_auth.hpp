#pragma once
// Login to Gate's WebSocket trading API (gateio-v4.md §2.3): `payload.signature` is
// hex(HMAC_SHA512(secret, "api\n<channel>\n<req_param>\n<timestamp>")) over the payload's own
// `timestamp` (seconds, within 60 s of server time). The docs sign an empty req_param for
// login, gatews Python and CCXT sign "{}", gatews Go signs "null": all three are accepted, as
// is the req_param text the message carries. Then, as for REST: key state, the 90-day expiry of
// keys without IP whitelist, the IP whitelist (TCP peer) and access to the product. Refusals
// carry REST's labels and statuses.

#include <cstdint>
#include <string>
#include <string_view>

#include "sandbox/auth/authenticator.hpp"
#include "sandbox/auth/key_store.hpp"
#include "sandbox/service/ws/ws_api_protocol.hpp"

namespace tradelink::sandbox::ws {

/// The signature string of §2.3.
[[nodiscard]] std::string api_signature_string(std::string_view channel, std::string_view req_param,
                                               std::string_view timestamp);

/// Checks the login `request` for the product's permission group ("spot" or "futures") from
/// `peer_ip` at server time `now_ms` and returns the key. Call under the venue lock (updates the
/// key's last access).
[[nodiscard]] Checked<ApiKey const*> authenticate_api_login(KeyStore& keys,
                                                            WsApiRequest const& request,
                                                            std::string_view group,
                                                            std::string_view peer_ip,
                                                            std::int64_t now_ms);

}  // namespace tradelink::sandbox::ws
