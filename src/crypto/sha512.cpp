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

void Sha512Context::Free::operator()(evp_md_ctx_st* context) const noexcept {
  EVP_MD_CTX_free(context);
}

Sha512Context::Sha512Context() : context_(EVP_MD_CTX_new()) {
  if (!context_) std::abort();  // allocation failure inside OpenSSL
}

Sha512Context::~Sha512Context() = default;
Sha512Context::Sha512Context(Sha512Context&&) noexcept = default;
Sha512Context& Sha512Context::operator=(Sha512Context&&) noexcept = default;

Sha512Digest Sha512Context::digest(std::string_view data) noexcept {
  Sha512Digest digest{};
  unsigned int length = 0;
  if (EVP_DigestInit_ex(context_.get(), sha512_algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(context_.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1) {
    std::abort();
  }
  return digest;
}

void Sha512Context::hex(std::string_view data, char* out) noexcept {
  hex_encode(digest(data), out);
}

}  // namespace tradelink::crypto
