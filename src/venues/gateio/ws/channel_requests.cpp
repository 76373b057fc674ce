#include "venues/gateio/ws/channel_requests.hpp"

namespace tradelink::gateio {

std::string subscribe_request(Signer const& signer, ChannelSubscription const& subscription,
                              std::int64_t id, std::int64_t time_s) {
  constexpr std::string_view event = "subscribe";
  HexDigest const sign = signer.sign_channel(subscription.channel, event, time_s);
  std::string out;
  out.reserve(320 + subscription.channel.size());
  out.append(R"({"time":)").append(std::to_string(time_s));
  out.append(R"(,"id":)").append(std::to_string(id));
  out.append(R"(,"channel":")").append(subscription.channel);
  out.append(R"(","event":")").append(event).append(R"(","payload":[)");
  for (std::size_t i = 0; i < subscription.payload.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append("\"").append(subscription.payload[i]).append("\"");
  }
  out.append(R"(],"auth":{"method":"api_key","KEY":")").append(signer.api_key());
  out.append(R"(","SIGN":")").append(view(sign)).append("\"}}");
  return out;
}

std::string ping_request(std::string_view ping_channel, std::int64_t time_s) {
  std::string out;
  out.append(R"({"time":)").append(std::to_string(time_s));
  out.append(R"(,"channel":")").append(ping_channel).append("\"}");
  return out;
}

}  // namespace tradelink::gateio
