#pragma once
// The vault's master key: 32 random bytes kept in guarded memory, loaded from a 0600 file
// (created on first use) or decoded from the text of the TRADELINK_MASTER_KEY variable.

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <span>
#include <string_view>
#include <utility>

#include "core/result.hpp"
#include "crypto/secure_buffer.hpp"

namespace tradelink::crypto {

inline constexpr std::size_t master_key_size = 32;

/// Name of the environment variable the application reads the master key from; its value is
/// handed to master_key_from_text(). This module never reads the environment itself.
inline constexpr std::string_view master_key_environment_variable = "TRADELINK_MASTER_KEY";

/// 32 key bytes in a SecureBuffer. Move-only; printing it shows "[redacted]".
class MasterKey {
 public:
  /// Exactly master_key_size bytes, else "vault.master_key_invalid".
  [[nodiscard]] static core::Result<MasterKey> from_bytes(std::span<std::byte const> bytes);
  /// A fresh key from the operating system's CSPRNG.
  [[nodiscard]] static core::Result<MasterKey> generate();

  [[nodiscard]] std::span<std::byte const> bytes() const noexcept { return key_.bytes(); }
  [[nodiscard]] unsigned char const* uchar_data() const noexcept { return key_.uchar_data(); }

  friend std::ostream& operator<<(std::ostream& out, MasterKey const&) {
    return out << "[redacted]";
  }

 private:
  explicit MasterKey(SecureBuffer key) noexcept : key_(std::move(key)) {}
  SecureBuffer key_;
};

/// Loads the raw 32-byte key file at `path`, or creates it when absent: written to a temporary
/// file opened O_EXCL with mode 0600, fsync'd, then linked into place so that two processes
/// starting together end up with the same key. Errors (messages name the file and the fix):
/// "vault.master_key_permissions" (group/other bits set, or not a regular file),
/// "vault.master_key_invalid" (size is not 32 bytes), "vault.master_key_io" (open/read/write).
[[nodiscard]] core::Result<MasterKey> load_or_create_master_key(std::filesystem::path const& path);

/// Decodes the text form of a key: 64 hex characters, or base64 (standard or URL-safe alphabet,
/// padded or not) of 32 bytes; surrounding whitespace is ignored. Error "vault.master_key_invalid"
/// (the message gives the length only, never the text).
[[nodiscard]] core::Result<MasterKey> master_key_from_text(std::string_view encoded);

}  // namespace tradelink::crypto
