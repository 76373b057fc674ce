#include "crypto/password.hpp"

#include <sodium.h>

#include <array>
#include <cstring>

#include "crypto/secure_buffer.hpp"

namespace tradelink::crypto {
namespace {

using HashText = std::array<char, crypto_pwhash_STRBYTES>;

/// libsodium wants the hash NUL-terminated; false when it cannot fit.
bool copy_terminated(std::string_view hash, HashText& out) noexcept {
  if (hash.size() >= out.size()) return false;
  std::memcpy(out.data(), hash.data(), hash.size());
  out[hash.size()] = '\0';
  return true;
}

}  // namespace

PasswordHashOptions PasswordHashOptions::interactive() noexcept {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordHashOptions PasswordHashOptions::moderate() noexcept {
  return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

PasswordHashOptions PasswordHashOptions::minimum() noexcept {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

core::Result<std::string> hash_password(std::string_view password,
                                        PasswordHashOptions const& options) {
  if (auto init = ensure_sodium_initialised(); !init) return init.error();
  HashText hash{};
  if (crypto_pwhash_str_alg(hash.data(), password.data(), password.size(), options.opslimit,
                            options.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::internal_error("crypto.password_hash_failed",
                                "cannot hash the password (out of memory or limits out of range)");
  }
  return std::string{hash.data()};
}

bool verify_password(std::string_view hash, std::string_view password) noexcept {
  if (!ensure_sodium_initialised()) return false;
  HashText terminated{};
  if (!copy_terminated(hash, terminated)) return false;
  return crypto_pwhash_str_verify(terminated.data(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view hash, PasswordHashOptions const& options) noexcept {
  if (!ensure_sodium_initialised()) return true;
  HashText terminated{};
  if (!copy_terminated(hash, terminated)) return true;
  // crypto_pwhash_str_needs_rehash answers for the default algorithm family; the argon2id
  // variant also reports a hash of another algorithm as needing a rehash (-1 → true).
  return crypto_pwhash_argon2id_str_needs_rehash(terminated.data(), options.opslimit,
                                                 options.memlimit) != 0;
}

}  // namespace tradelink::crypto
