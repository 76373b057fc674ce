#pragma once
// Unguessable tokens (session ids, API tokens, CSRF tokens, record ids) and the digest under
// which a token is stored, so that a database leak does not reveal usable tokens.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace tradelink::crypto {

enum class TokenEncoding {
  base64url,  ///< URL-safe base64 without padding: 4 characters per 3 bytes
  hex,        ///< lowercase hex: 2 characters per byte
};

/// `bytes` random bytes from the OS CSPRNG (randombytes_buf), encoded. Thread-safe.
[[nodiscard]] std::string random_token(std::size_t bytes,
                                       TokenEncoding encoding = TokenEncoding::base64url);

/// Fills `out` with random bytes from the OS CSPRNG. Thread-safe.
void random_bytes(std::span<std::byte> out) noexcept;

/// Lowercase hex of BLAKE2b-256(`token`) (64 characters): the form tokens are stored and
/// looked up by. Thread-safe.
[[nodiscard]] std::string token_hash_hex(std::string_view token);

}  // namespace tradelink::crypto
