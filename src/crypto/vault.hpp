#pragma once
// Sealing secrets at rest: XChaCha20-Poly1305-IETF under the master key. A sealed value is
//   [1 byte format version][24-byte random nonce][ciphertext][16-byte tag]
// and is bound to its associated data, so a ciphertext copied to another row does not open.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "crypto/master_key.hpp"
#include "crypto/secure_buffer.hpp"

namespace tradelink::crypto {

inline constexpr std::uint8_t vault_format_version = 1;
inline constexpr std::size_t vault_nonce_size = 24;
inline constexpr std::size_t vault_tag_size = 16;
/// Bytes a sealed value has beyond its plaintext.
inline constexpr std::size_t vault_overhead = 1 + vault_nonce_size + vault_tag_size;

/// Seals and opens secrets with one master key. Immutable after construction: seal and open
/// may be called from any number of threads at once.
class Vault {
 public:
  explicit Vault(MasterKey key) noexcept : key_(std::move(key)) {}

  /// Encrypts `plaintext` bound to `associated_data` with a fresh random nonce. Error
  /// "vault.seal_failed" only for inputs beyond libsodium's limits.
  [[nodiscard]] core::Result<std::vector<std::uint8_t>> seal(
      std::string_view plaintext, std::string_view associated_data) const;

  /// Decrypts a value made by seal() with the same key and associated data; the plaintext is
  /// returned in guarded memory. Error "vault.open_failed" for a wrong key, wrong associated
  /// data, a modified or truncated value or an unknown format version (the message names which
  /// of "too short", "unknown version" or "authentication failed", never any content).
  [[nodiscard]] core::Result<SecureBuffer> open(std::span<std::uint8_t const> sealed,
                                                std::string_view associated_data) const;

 private:
  MasterKey key_;
};

/// Which secret of a key binding a ciphertext holds; part of the associated data so that a
/// binding's secret and passphrase ciphertexts cannot be swapped either.
enum class BindingSecretField { secret, passphrase };

/// Associated data tying a ciphertext to one key binding: a fixed label, then each field as a
/// 4-byte big-endian length followed by its bytes, so ("ab","c") and ("a","bc") differ.
[[nodiscard]] std::string binding_associated_data(
    std::string_view binding_id, std::string_view venue, std::string_view api_key,
    BindingSecretField field = BindingSecretField::secret);

}  // namespace tradelink::crypto
