#include "sandbox/service/ws/ws_api_auth.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace tradelink::sandbox::ws {
namespace {

Refusal refuse(unsigned status, std::string label, std::string message) {
  return Refusal{status, std::move(label), std::move(message)};
}

bool same_text(std::string_view given, std::string_view expected) {
  return given.size() == expected.size() &&
         CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

/// Whole seconds of "1700000000" (a fractional part is ignored), in ms.
std::optional<std::int64_t> timestamp_ms(std::string_view text) {
  std::string_view const whole = text.substr(0, text.find('.'));
  std::int64_t seconds = 0;
  auto const [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
  if (whole.empty() || error != std::errc{} || end != whole.data() + whole.size()) {
    return std::nullopt;
  }
  if (seconds < 0 || seconds > 100'000'000'000) return std::nullopt;
  return seconds * 1000;
}

bool signature_matches(ApiKey const& key, WsApiRequest const& request) {
  std::array<std::string_view, 4> const forms{"", "{}", "null", request.req_param_text};
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i == 3 && (forms[i].empty() || forms[i] == "{}" || forms[i] == "null")) break;
    std::string const expected =
        key.mac_hex(api_signature_string(request.channel, forms[i], request.timestamp));
    if (same_text(request.signature, expected)) return true;
  }
  return false;
}

}  // namespace

std::string api_signature_string(std::string_view channel, std::string_view req_param,
                                 std::string_view timestamp) {
  std::string message;
  message.reserve(channel.size() + req_param.size() + timestamp.size() + 8);
  message.append("api\n").append(channel).append("\n").append(req_param).append("\n");
  message.append(timestamp);
  return message;
}

Checked<ApiKey const*> authenticate_api_login(KeyStore& keys, WsApiRequest const& request,
                                              std::string_view group, std::string_view peer_ip,
                                              std::int64_t now_ms) {
  if (request.api_key.empty()) return refuse(401, "INVALID_KEY", "Invalid key provided");
  ApiKey* key = keys.find(request.api_key);
  if (key == nullptr) return refuse(401, "INVALID_KEY", "Invalid key provided");
  auto const sent_ms = timestamp_ms(request.timestamp);
  if (!sent_ms) {
    return refuse(400, "INVALID_PARAM_VALUE", "Invalid timestamp: Unix seconds expected");
  }
  if (*sent_ms - now_ms > timestamp_window_ms || now_ms - *sent_ms > timestamp_window_ms) {
    return refuse(401, "REQUEST_EXPIRED",
                  "gap between request timestamp and server time exceeds 60");
  }
  if (request.signature.empty() || !signature_matches(*key, request)) {
    return refuse(401, "INVALID_SIGNATURE", "Signature mismatch");
  }
  if (key->state == KeyState::locked) return refuse(403, "ACCOUNT_LOCKED", "API key is locked");
  if (key->state == KeyState::frozen) return refuse(403, "ACCOUNT_LOCKED", "API key is frozen");
  if (key->ip_whitelist.empty() && now_ms - key->created_at_ms > unbound_key_lifetime_ms) {
    return refuse(401, "INVALID_KEY",
                  "API key expired: keys without an IP whitelist are valid for 90 days");
  }
  if (!key->ip_whitelist.empty() && std::find(key->ip_whitelist.begin(), key->ip_whitelist.end(),
                                              peer_ip) == key->ip_whitelist.end()) {
    return refuse(403, "IP_FORBIDDEN", "Request IP not in whitelist: " + std::string(peer_ip));
  }
  if (auto refused = authorize(*key, Requirement{group, false, std::nullopt})) return *refused;
  key->last_access_ms = now_ms;
  return key;
}

}  // namespace tradelink::sandbox::ws
