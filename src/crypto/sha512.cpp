#include "crypto/sha512.hpp"

#include <openssl/evp.h>

#include <cstdlib>
#include <memory>

#include "crypto/hex.hpp"

namespace tradelink::crypto {
namespace {

struct MdDeleter {
  void operator()(EVP_MD* md) const noexcept { EVP_MD_free(md); }
};

// Fetched once: provider lookup costs more than hashing a short message.
EVP_MD const* sha512_algorithm() noexcept {
  static std::unique_ptr<EVP_MD, MdDeleter> const algorithm{EVP_MD_fetch(nullptr, "SHA512", nullptr)};
  if (!algorithm) std::abort();  // OpenSSL without SHA-512 cannot run tradelink at all
  return algorithm.get();
}

}  // namespace

Sha512Digest sha512(std::string_view data) noexcept {
  Sha512Digest digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, sha512_algorithm(), nullptr) != 1) {
    std::abort();
  }
  return digest;
}

void sha512_hex(std::string_view data, char* out) noexcept { hex_encode(sha512(data), out); }

std::string sha512_hex(std::string_view data) { return hex_encode(sha512(data)); }

}  // namespace tradelink::crypto
