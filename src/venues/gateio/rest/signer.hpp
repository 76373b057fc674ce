#pragma once
// Gate.io API v4 signatures (gateio-v4.md §2): REST request signing (§2.1), WebSocket channel
// auth (§2.2) and WebSocket API login/requests (§2.3). One Signer per credential: the HMAC key
// schedule is prepared once at construction and copied per signature.

#include <array>
#include <string>
#include <string_view>

#include "crypto/hmac_sha512.hpp"
#include "crypto/sha512.hpp"
#include "venues/gateio/common/credential.hpp"

namespace tradelink::gateio {

/// 128 lowercase hex characters of an HMAC-SHA512 or SHA-512.
using HexDigest = std::array<char, 128>;

[[nodiscard]] inline std::string_view view(HexDigest const& digest) noexcept {
  return {digest.data(), digest.size()};
}

/// The parts of a REST request that enter its signature. `path` starts at "/api/v4"; `query` is
/// exactly the query string sent (without '?'), `body` exactly the bytes sent.
struct RestRequestParts {
  std::string_view method;
  std::string_view path;
  std::string_view query;
  std::string_view body;
  std::string_view timestamp;
};

/// Headers of a signed REST request: `KEY`, `Timestamp`, `SIGN`.
struct RestSignature {
  std::string_view key;        ///< borrowed from the Signer
  std::string_view timestamp;  ///< borrowed from the caller's parts
  HexDigest sign{};
};

class Signer {
 public:
  /// Prepares the HMAC key schedule from the credential's secret. The Signer keeps the API key
  /// (not secret) and the keyed MAC state only.
  explicit Signer(Credential const& credential);

  [[nodiscard]] std::string_view api_key() const noexcept { return api_key_; }

  /// `METHOD\nPATH\nQUERY\nSHA512_HEX(BODY)\nTIMESTAMP`, the string the REST signature covers.
  [[nodiscard]] static std::string rest_signature_string(RestRequestParts const& parts);

  /// Signs a REST request with hash contexts made for this call (a SigningContext's worth);
  /// re-entrant. Code that signs on every request keeps a SigningContext instead.
  [[nodiscard]] RestSignature sign_rest(RestRequestParts const& parts) const;

  /// WebSocket channel auth (`auth.SIGN`): HMAC of "channel=<c>&event=<e>&time=<t>".
  [[nodiscard]] HexDigest sign_channel(std::string_view channel, std::string_view event,
                                       std::int64_t time) const;

  /// WebSocket API (`spot.login`, `spot.order_place`, ...): HMAC of
  /// "api\n<channel>\n<req_param>\n<timestamp>"; `req_param` is "" for login per the docs.
  [[nodiscard]] HexDigest sign_ws_api(std::string_view channel, std::string_view request_param,
                                      std::string_view timestamp) const;

 private:
  friend class SigningContext;
  std::string api_key_;
  crypto::HmacSha512 hmac_;
};

/// One thread's signing state for a Signer: long-lived SHA-512 and keyed HMAC contexts, so a
/// REST signature allocates nothing (the signature string is built in a stack buffer when it
/// fits, paths and queries up to ~3 KiB). The Signer must outlive it. Not thread-safe: the
/// REST transport keeps one per client, on the client's thread.
class SigningContext {
 public:
  explicit SigningContext(Signer const& signer);

  [[nodiscard]] std::string_view api_key() const noexcept { return signer_->api_key(); }

  /// Writes the 128 hex characters of the request's SIGN header to `sign_out`.
  void sign_rest(RestRequestParts const& parts, char* sign_out);
  [[nodiscard]] RestSignature sign_rest(RestRequestParts const& parts);

 private:
  Signer const* signer_;
  crypto::Sha512Context body_hash_;
  crypto::HmacSha512Context hmac_;
};

}  // namespace tradelink::gateio
