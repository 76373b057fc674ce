#include "venues/gateio/ws/stream_urls.hpp"

namespace tradelink::gateio {
namespace {

constexpr std::string_view live_rest_host = "api.gateio.ws";
constexpr std::string_view testnet_rest_host = "api-testnet.gateapi.io";

core::Error bad_url(std::string_view url) {
  return core::validation_error("net.url",
                                "not an http(s) URL with a host: \"" + std::string(url) + "\"");
}

}  // namespace

core::Result<StreamUrls> stream_urls_for(std::string_view rest_base_url) {
  std::string_view scheme;
  std::string_view rest;
  if (rest_base_url.starts_with("https://")) {
    scheme = "wss://";
    rest = rest_base_url.substr(8);
  } else if (rest_base_url.starts_with("http://")) {
    scheme = "ws://";
    rest = rest_base_url.substr(7);
  } else {
    return bad_url(rest_base_url);
  }
  std::string_view const authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) {
    return bad_url(rest_base_url);
  }
  std::string const origin = std::string(scheme) + std::string(authority);
  if (authority == live_rest_host) {
    return StreamUrls{origin + "/ws/v4/", std::string(scheme) + "fx-ws.gateio.ws/v4/ws/usdt"};
  }
  if (authority == testnet_rest_host) {
    std::string const testnet = std::string(scheme) + "ws-testnet.gate.com";
    return StreamUrls{testnet + "/v4/ws/spot", testnet + "/v4/ws/futures/usdt"};
  }
  return StreamUrls{origin + "/ws/v4/", origin + "/v4/ws/usdt"};
}

}  // namespace tradelink::gateio
