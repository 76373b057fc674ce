#pragma once
// HMAC-SHA512 with the key schedule prepared once: the keyed OpenSSL MAC context is built when
// the signer is constructed and copied per signature, so a signature costs the SHA-512
// compressions over the message, not a key setup. HmacSha512 is shareable between threads and
// duplicates its context per call; HmacSha512Context is one thread's long-lived copy that is
// reset to the prepared state per message, so it allocates no context at all.

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
  friend class HmacSha512Context;
  struct Context;
  std::unique_ptr<Context> context_;
};

/// One thread's keyed HMAC-SHA512 context, copied once from a prepared HmacSha512 (which need
/// not outlive it). Each message starts from the prepared inner/outer digest states, which
/// OpenSSL copies into the context's own working state. Not thread-safe: one per thread.
class HmacSha512Context {
 public:
  explicit HmacSha512Context(HmacSha512 const& prepared);
  ~HmacSha512Context();
  HmacSha512Context(HmacSha512Context&&) noexcept;
  HmacSha512Context& operator=(HmacSha512Context&&) noexcept;
  HmacSha512Context(HmacSha512Context const&) = delete;
  HmacSha512Context& operator=(HmacSha512Context const&) = delete;

  [[nodiscard]] Sha512Digest mac(std::string_view message) noexcept;
  /// Writes the 128 lowercase hex characters of the MAC to `out`.
  void mac_hex(std::string_view message, char* out) noexcept;

 private:
  std::unique_ptr<HmacSha512::Context> context_;
};

}  // namespace tradelink::crypto
