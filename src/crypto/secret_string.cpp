#include "crypto/secret_string.hpp"

#include <sodium.h>

namespace tradelink::crypto {

void secure_wipe(void* data, std::size_t size) noexcept {
  if (data != nullptr && size > 0) sodium_memzero(data, size);
}

std::string mask(std::string_view text) {
  if (text.size() <= 12) return std::string(text.size() == 0 ? 0 : 4, '*');
  std::string masked;
  masked.reserve(4 + 3 + 4);
  masked.append(text.substr(0, 4)).append("\u2026").append(text.substr(text.size() - 4));
  return masked;
}

}  // namespace tradelink::crypto
