#include "crypto/random_token.hpp"

#include <sodium.h>

#include <array>
#include <vector>

#include "crypto/hex.hpp"
#include "crypto/secure_buffer.hpp"

namespace tradelink::crypto {

void random_bytes(std::span<std::byte> out) noexcept {
  // randombytes_buf works before sodium_init(), but init picks the best generator once.
  (void)ensure_sodium_initialised();
  if (!out.empty()) randombytes_buf(out.data(), out.size());
}

std::string random_token(std::size_t bytes, TokenEncoding encoding) {
  std::vector<unsigned char> raw(bytes);
  random_bytes(std::as_writable_bytes(std::span{raw}));
  std::string text;
  if (encoding == TokenEncoding::hex) {
    text = hex_encode(raw);
  } else {
    constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    text.assign(sodium_base64_ENCODED_LEN(bytes, variant), '\0');
    sodium_bin2base64(text.data(), text.size(), raw.data(), raw.size(), variant);
    text.resize(text.size() - 1);  // the encoded length counts the terminating NUL
  }
  sodium_memzero(raw.data(), raw.size());
  return text;
}

std::string token_hash_hex(std::string_view token) {
  (void)ensure_sodium_initialised();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<unsigned char const*>(token.data()), token.size(), nullptr,
                     0);
  return hex_encode(digest);
}

}  // namespace tradelink::crypto
