#include "sandbox/service/ws/channel_auth.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <string>

#include "crypto/hmac_sha512.hpp"
#include "sandbox/auth/authenticator.hpp"

namespace tradelink::sandbox::ws {
namespace {

WsError refuse(std::string message) {
  return WsError{ErrorCode::auth_failed, std::move(message)};
}

bool same_text(std::string_view given, std::string_view expected) {
  return given.size() == expected.size() &&
         CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

}  // namespace

std::string channel_signature_string(std::string_view channel, std::string_view event,
                                     std::int64_t time) {
  std::string message;
  message.reserve(channel.size() + event.size() + 40);
  message.append("channel=").append(channel).append("&event=").append(event);
  message.append("&time=").append(std::to_string(time));
  return message;
}

boost::system::result<std::int64_t, WsError> authenticate_channel(KeyStore& keys,
                                                                  WsRequest const& request,
                                                                  Product product,
                                                                  std::string_view peer_ip,
                                                                  std::int64_t now_ms) {
  if (!request.auth || request.auth->key.empty() || request.auth->sign.empty()) {
    return refuse("authentication required: auth with KEY and SIGN is missing");
  }
  WsAuth const& auth = *request.auth;
  if (auth.method != "api_key") return refuse("invalid auth method, api_key expected");
  ApiKey* key = keys.find(auth.key);
  if (key == nullptr) return refuse("invalid key");
  std::int64_t const gap_ms = request.time * 1000 - now_ms;
  if (gap_ms > timestamp_window_ms || -gap_ms > timestamp_window_ms) {
    return refuse("request expired: gap between request time and server time exceeds 60s");
  }
  std::string const expected =
      key->mac_hex(channel_signature_string(request.channel, request.event, request.time));
  if (!same_text(auth.sign, expected)) return refuse("signature mismatch");
  if (key->state != KeyState::normal) return refuse("API key is locked or frozen");
  if (key->ip_whitelist.empty() && now_ms - key->created_at_ms > unbound_key_lifetime_ms) {
    return refuse("API key expired: keys without an IP whitelist are valid for 90 days");
  }
  if (!key->ip_whitelist.empty() && std::find(key->ip_whitelist.begin(), key->ip_whitelist.end(),
                                              peer_ip) == key->ip_whitelist.end()) {
    return refuse("request IP not in whitelist: " + std::string(peer_ip));
  }
  std::string_view const group = product == Product::spot ? "spot" : "futures";
  if (auto refusal = authorize(*key, Requirement{group, false, std::nullopt})) {
    return refuse(refusal->message);
  }
  key->last_access_ms = now_ms;
  return key->user_id;
}

}  // namespace tradelink::sandbox::ws
