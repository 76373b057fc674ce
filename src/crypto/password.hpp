#pragma once
// Password hashing with Argon2id (libsodium crypto_pwhash_str_alg). Hashes are self-describing
// strings ("$argon2id$v=19$m=...,t=...,p=1$salt$hash") that carry their own parameters.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::crypto {

/// Argon2id cost. The default is libsodium's INTERACTIVE (2 passes, 64 MiB); tests use
/// minimum() so they stay fast.
struct PasswordHashOptions {
  std::uint64_t opslimit;
  std::size_t memlimit;

  [[nodiscard]] static PasswordHashOptions interactive() noexcept;
  [[nodiscard]] static PasswordHashOptions moderate() noexcept;
  [[nodiscard]] static PasswordHashOptions minimum() noexcept;
};

/// Hashes `password` with a random salt. Thread-safe; allocates `memlimit` bytes while it runs.
/// Error "crypto.password_hash_failed" when that memory cannot be had.
[[nodiscard]] core::Result<std::string> hash_password(
    std::string_view password,
    PasswordHashOptions const& options = PasswordHashOptions::interactive());

/// True when `password` matches `hash` (a string made by hash_password). False for a mismatch
/// and for a malformed hash. Thread-safe.
[[nodiscard]] bool verify_password(std::string_view hash, std::string_view password) noexcept;

/// True when `hash` was made with other parameters than `options` (or another algorithm, or is
/// malformed), so the password should be hashed again after the next successful verification.
[[nodiscard]] bool password_needs_rehash(std::string_view hash,
                                         PasswordHashOptions const& options) noexcept;

}  // namespace tradelink::crypto
