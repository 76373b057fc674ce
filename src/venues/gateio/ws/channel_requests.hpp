#pragma once
// Client → server messages of Gate.io WebSocket v4 (gateio-v4.md §2.2, §2.4, §2.5): private
// channel subscriptions signed per message, and the application-level ping.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "venues/gateio/rest/signer.hpp"

namespace tradelink::gateio {

/// One channel to subscribe to and its payload (pairs, `!all`, or the user id first on futures).
struct ChannelSubscription {
  std::string channel;
  std::vector<std::string> payload;
};

/// `{"time":T,"id":ID,"channel":C,"event":"subscribe","payload":[...],"auth":{"method":
/// "api_key","KEY":K,"SIGN":HMAC("channel=C&event=subscribe&time=T")}}`. Payload items must be
/// plain tokens (pairs, ids, `!all`): they are written without escaping.
[[nodiscard]] std::string subscribe_request(Signer const& signer,
                                            ChannelSubscription const& subscription,
                                            std::int64_t id, std::int64_t time_s);

/// `{"time":T,"channel":"spot.ping"}` (or futures.ping).
[[nodiscard]] std::string ping_request(std::string_view ping_channel, std::int64_t time_s);

}  // namespace tradelink::gateio
