#include "sandbox/auth/authenticator.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "crypto/hmac_sha512.hpp"
#include "crypto/sha512.hpp"

namespace tradelink::sandbox {
namespace {

Refusal refuse(unsigned status, std::string label, std::string message) {
  return Refusal{status, std::move(label), std::move(message)};
}

// Integer or fractional Unix seconds ("1700000000", "1700000000.123", "1700000000.1234567"),
// as the official SDKs send them, in ms.
std::optional<std::int64_t> timestamp_ms(std::string_view text) {
  auto const point = text.find('.');
  std::string_view const whole = text.substr(0, point);
  std::int64_t seconds = 0;
  auto const [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
  if (error != std::errc{} || end != whole.data() + whole.size() || whole.empty()) return std::nullopt;
  std::int64_t millis = 0;
  if (point != std::string_view::npos) {
    std::string_view const fraction = text.substr(point + 1);
    if (fraction.empty() || fraction.size() > 12 ||
        !std::all_of(fraction.begin(), fraction.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    for (std::size_t i = 0; i < 3; ++i) millis = millis * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  }
  if (seconds > 100'000'000'000) return std::nullopt;
  return seconds * 1000 + millis;
}

bool signature_matches(ApiKey const& key, SignedRequest const& request, std::string_view query) {
  std::string message;
  message.reserve(request.method.size() + request.path.size() + query.size() + 160);
  message.append(request.method).append("\n").append(request.path).append("\n").append(query);
  message.append("\n").append(crypto::sha512_hex(request.body)).append("\n").append(*request.timestamp);
  std::string const expected = key.mac_hex(message);
  std::string_view const given = *request.sign;
  return given.size() == expected.size() &&
         CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

}  // namespace

void throw_exception_from_error(Refusal const& refusal, boost::source_location const&) {
  throw std::runtime_error(refusal.label + ": " + refusal.message);
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      decoded.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(c);
    }
  }
  return decoded;
}

Checked<ApiKey const*> authenticate(KeyStore& keys, SignedRequest const& request, std::int64_t now_ms) {
  for (auto const& [name, value] : {std::pair{"KEY", request.key}, std::pair{"Timestamp", request.timestamp},
                                    std::pair{"SIGN", request.sign}}) {
    if (!value || value->empty()) {
      return refuse(401, "MISSING_REQUIRED_HEADER", std::string("Missing required header: ") + name);
    }
  }
  ApiKey* key = keys.find(*request.key);
  if (key == nullptr) return refuse(401, "INVALID_KEY", "Invalid key provided");

  auto const sent_ms = timestamp_ms(*request.timestamp);
  if (!sent_ms) return refuse(400, "INVALID_PARAM_VALUE", "Invalid Timestamp header: Unix seconds expected");
  if (*sent_ms - now_ms > timestamp_window_ms || now_ms - *sent_ms > timestamp_window_ms) {
    return refuse(401, "REQUEST_EXPIRED", "gap between request Timestamp and server time exceeds 60");
  }

  bool const signed_ok = signature_matches(*key, request, percent_decode(request.raw_query, true)) ||
                         signature_matches(*key, request, percent_decode(request.raw_query, false)) ||
                         signature_matches(*key, request, request.raw_query);
  if (!signed_ok) return refuse(401, "INVALID_SIGNATURE", "Signature mismatch");

  if (key->state == KeyState::locked) return refuse(403, "ACCOUNT_LOCKED", "API key is locked");
  if (key->state == KeyState::frozen) return refuse(403, "ACCOUNT_LOCKED", "API key is frozen");
  if (key->ip_whitelist.empty() && now_ms - key->created_at_ms > unbound_key_lifetime_ms) {
    return refuse(401, "INVALID_KEY",
                  "API key expired: keys without an IP whitelist are valid for 90 days");
  }
  if (!key->ip_whitelist.empty() &&
      std::find(key->ip_whitelist.begin(), key->ip_whitelist.end(), request.peer_ip) == key->ip_whitelist.end()) {
    return refuse(403, "IP_FORBIDDEN", "Request IP not in whitelist: " + std::string(request.peer_ip));
  }
  key->last_access_ms = now_ms;
  return key;
}

std::optional<Refusal> authorize(ApiKey const& key, Requirement const& requirement) {
  if (requirement.group == withdrawal_right) {
    if (key.withdraw_enabled) return std::nullopt;
    return refuse(403, "FORBIDDEN", "Request API key does not have withdraw permission");
  }
  KeyPermission const* permission = key.permission(requirement.group);
  if (permission == nullptr) {
    return refuse(403, "FORBIDDEN",
                  "Request API key does not have " + std::string(requirement.group) + " permission");
  }
  if (requirement.write && permission->read_only) {
    return refuse(403, "READ_ONLY",
                  "Request API key only has read permission for " + std::string(requirement.group));
  }
  if (requirement.pair && !key.currency_pairs.empty() &&
      std::find(key.currency_pairs.begin(), key.currency_pairs.end(), *requirement.pair) ==
          key.currency_pairs.end()) {
    return refuse(403, "FORBIDDEN",
                  "Currency pair " + std::string(*requirement.pair) + " is not allowed for this API key");
  }
  return std::nullopt;
}

}  // namespace tradelink::sandbox
