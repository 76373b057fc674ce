#pragma once
// SHA-512 digests (OpenSSL 3), as raw bytes or lowercase hex.

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of this header

namespace tradelink::crypto {

inline constexpr std::size_t sha512_size = 64;
using Sha512Digest = std::array<unsigned char, sha512_size>;

/// SHA-512 of `data`. Thread-safe; the OpenSSL algorithm is fetched once per process.
[[nodiscard]] Sha512Digest sha512(std::string_view data) noexcept;

/// Lowercase hex of SHA-512(`data`) (128 characters).
[[nodiscard]] std::string sha512_hex(std::string_view data);

/// Writes the 128 lowercase hex characters of SHA-512(`data`) to `out`; no allocation.
void sha512_hex(std::string_view data, char* out) noexcept;

/// SHA-512 through one long-lived OpenSSL digest context, re-initialised per message: for code
/// that hashes on every request (a signer), where the free functions would create and free a
/// context each time. Not thread-safe: one per thread.
class Sha512Context {
 public:
  Sha512Context();
  ~Sha512Context();
  Sha512Context(Sha512Context&&) noexcept;
  Sha512Context& operator=(Sha512Context&&) noexcept;
  Sha512Context(Sha512Context const&) = delete;
  Sha512Context& operator=(Sha512Context const&) = delete;

  [[nodiscard]] Sha512Digest digest(std::string_view data) noexcept;
  /// Writes the 128 lowercase hex characters of SHA-512(`data`) to `out`.
  void hex(std::string_view data, char* out) noexcept;

 private:
  struct Free {
    void operator()(evp_md_ctx_st* context) const noexcept;
  };
  std::unique_ptr<evp_md_ctx_st, Free> context_;
};

}  // namespace tradelink::crypto
