#pragma once
// Gate.io API v4 credential: API key (not secret, shown masked) and secret (wiped on
// destruction, never printed). Sealing at rest lives in the vault; this is the in-memory form.

#include <string>
#include <string_view>

#include "crypto/secret_string.hpp"

namespace tradelink::gateio {

class Credential {
 public:
  Credential(std::string api_key, crypto::SecretString secret)
      : api_key_(std::move(api_key)), secret_(std::move(secret)) {}

  [[nodiscard]] std::string_view api_key() const noexcept { return api_key_; }
  /// The secret bytes, for building a signer only.
  [[nodiscard]] crypto::SecretString const& secret() const noexcept { return secret_; }
  /// "abcd…wxyz" form of the key for logs and UIs.
  [[nodiscard]] std::string masked_key() const { return crypto::mask(api_key_); }

 private:
  std::string api_key_;
  crypto::SecretString secret_;
};

}  // namespace tradelink::gateio
