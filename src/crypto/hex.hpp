#pragma once
// Lowercase hex encoding without streams or allocation.

#include <cstddef>
#include <span>
#include <string>

namespace tradelink::crypto {

/// Writes 2 × bytes.size() lowercase hex characters to `out`.
inline void hex_encode(std::span<unsigned char const> bytes, char* out) noexcept {
  constexpr char digits[] = "0123456789abcdef";
  for (unsigned char byte : bytes) {
    *out++ = digits[byte >> 4U];
    *out++ = digits[byte & 0x0FU];
  }
}

[[nodiscard]] inline std::string hex_encode(std::span<unsigned char const> bytes) {
  std::string text(bytes.size() * 2, '\0');
  hex_encode(bytes, text.data());
  return text;
}

}  // namespace tradelink::crypto
