#pragma once
// HMAC-SHA512 with the key schedule prepared once: the keyed OpenSSL MAC context is built when
// the signer is constructed and duplicated per signature, so a signature costs two SHA-512
// compressions over the message, not a key setup.

#include <memory>
#include <string>
#include <string_view>

#include "crypto/sha512.hpp"

namespace tradelink::crypto {

class HmacSha512 {
 public:
  /// Prepares the keyed context for `key` (any length; the bytes are used as-is). The key is
  /// not retained beyond OpenSSL's internal (ipad/opad) state, which is wiped on destruction.
  explicit HmacSha512(std::string_view key);
  ~HmacSha512();
  HmacSha512(HmacSha512&&) noexcept;
  HmacSha512& operator=(HmacSha512&&) noexcept;
  HmacSha512(HmacSha512 const&) = delete;
  HmacSha512& operator=(HmacSha512 const&) = delete;

  /// MAC of `message`. Const and re-entrant: each call works on its own copy of the prepared
  /// context, so one instance may sign from several threads.
  [[nodiscard]] Sha512Digest mac(std::string_view message) const noexcept;
  /// Lowercase hex MAC (128 characters).
  [[nodiscard]] std::string mac_hex(std::string_view message) const;
  /// Writes the 128 hex characters to `out`; no allocation.
  void mac_hex(std::string_view message, char* out) const noexcept;

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace tradelink::crypto
