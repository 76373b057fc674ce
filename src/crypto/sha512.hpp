#pragma once
// SHA-512 digests (OpenSSL 3), as raw bytes or lowercase hex.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace tradelink::crypto {

inline constexpr std::size_t sha512_size = 64;
using Sha512Digest = std::array<unsigned char, sha512_size>;

/// SHA-512 of `data`. Thread-safe; the OpenSSL algorithm is fetched once per process.
[[nodiscard]] Sha512Digest sha512(std::string_view data) noexcept;

/// Lowercase hex of SHA-512(`data`) (128 characters).
[[nodiscard]] std::string sha512_hex(std::string_view data);

/// Writes the 128 lowercase hex characters of SHA-512(`data`) to `out`; no allocation.
void sha512_hex(std::string_view data, char* out) noexcept;

}  // namespace tradelink::crypto
