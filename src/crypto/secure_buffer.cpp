#include "crypto/secure_buffer.hpp"

#include <sodium.h>

#include <cstring>
#include <utility>

namespace tradelink::crypto {

core::Result<void> ensure_sodium_initialised() noexcept {
  // sodium_init() returns 1 when already initialised, which also counts as success.
  static bool const initialised = sodium_init() >= 0;
  if (!initialised) {
    return core::internal_error("crypto.init_failed", "libsodium could not be initialised");
  }
  return core::ok();
}

SecureBuffer::~SecureBuffer() {
  release();
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void SecureBuffer::release() noexcept {
  if (data_ != nullptr) sodium_free(data_);  // zeroes the block before unmapping it
  data_ = nullptr;
  size_ = 0;
}

core::Result<SecureBuffer> SecureBuffer::allocate(std::size_t size) {
  if (auto init = ensure_sodium_initialised(); !init) return init.error();
  if (size == 0) return SecureBuffer{};
  void* memory = sodium_malloc(size);
  if (memory == nullptr) {
    return core::internal_error(
        "crypto.out_of_secure_memory",
        "cannot allocate " + std::to_string(size) + " bytes of guarded memory for a secret");
  }
  sodium_memzero(memory, size);  // sodium_malloc fills with a non-zero pattern
  return SecureBuffer{static_cast<std::byte*>(memory), size};
}

core::Result<SecureBuffer> SecureBuffer::copy_of(std::span<std::byte const> bytes) {
  auto buffer = allocate(bytes.size());
  if (buffer && !bytes.empty()) std::memcpy(buffer->data(), bytes.data(), bytes.size());
  return buffer;
}

core::Result<SecureBuffer> SecureBuffer::copy_of(std::string_view text) {
  return copy_of(std::as_bytes(std::span{text.data(), text.size()}));
}

std::string_view SecureBuffer::view() const noexcept {
  if (data_ == nullptr) return {};
  return {reinterpret_cast<char const*>(data_), size_};
}

unsigned char* SecureBuffer::uchar_data() noexcept {
  return reinterpret_cast<unsigned char*>(data_);
}

unsigned char const* SecureBuffer::uchar_data() const noexcept {
  return reinterpret_cast<unsigned char const*>(data_);
}

}  // namespace tradelink::crypto
