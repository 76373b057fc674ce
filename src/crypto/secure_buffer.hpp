#pragma once
// Bytes that hold plaintext secrets: allocated with libsodium's guarded allocator (guard pages
// around the block, mlock'd so it is not swapped, a canary before it) and zeroed when freed.

#include <cstddef>
#include <ostream>
#include <span>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::crypto {

/// Initialises libsodium once per process; every function of this module calls it, so callers
/// only need it before using libsodium directly. Thread-safe. Error "crypto.init_failed".
[[nodiscard]] core::Result<void> ensure_sodium_initialised() noexcept;

/// A fixed-size block of secret bytes in sodium_malloc'd memory. Move-only; the memory is
/// zeroed and released by sodium_free on destruction. An empty buffer allocates nothing.
/// Printing it shows "[redacted]". Not thread-safe for concurrent writes; const reads are.
class SecureBuffer {
 public:
  SecureBuffer() noexcept = default;
  ~SecureBuffer();
  SecureBuffer(SecureBuffer const&) = delete;
  SecureBuffer& operator=(SecureBuffer const&) = delete;
  SecureBuffer(SecureBuffer&& other) noexcept;
  SecureBuffer& operator=(SecureBuffer&& other) noexcept;

  /// `size` zero bytes. Error "crypto.out_of_secure_memory" when sodium_malloc fails.
  [[nodiscard]] static core::Result<SecureBuffer> allocate(std::size_t size);
  /// A copy of `bytes` / of the characters of `text`.
  [[nodiscard]] static core::Result<SecureBuffer> copy_of(std::span<std::byte const> bytes);
  [[nodiscard]] static core::Result<SecureBuffer> copy_of(std::string_view text);

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::byte* data() noexcept { return data_; }
  [[nodiscard]] std::byte const* data() const noexcept { return data_; }
  [[nodiscard]] std::span<std::byte> bytes() noexcept { return {data_, size_}; }
  [[nodiscard]] std::span<std::byte const> bytes() const noexcept { return {data_, size_}; }
  /// The bytes as characters (e.g. an API secret), valid while the buffer lives.
  [[nodiscard]] std::string_view view() const noexcept;
  /// The bytes as `unsigned char`, the type libsodium and OpenSSL take.
  [[nodiscard]] unsigned char* uchar_data() noexcept;
  [[nodiscard]] unsigned char const* uchar_data() const noexcept;

  friend std::ostream& operator<<(std::ostream& out, SecureBuffer const&) {
    return out << "[redacted]";
  }

 private:
  SecureBuffer(std::byte* data, std::size_t size) noexcept : data_(data), size_(size) {}
  void release() noexcept;

  std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace tradelink::crypto
