#include "crypto/hmac_sha512.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cstdlib>
#include <stdexcept>

#include "crypto/hex.hpp"

namespace tradelink::crypto {
namespace {

struct MacDeleter {
  void operator()(EVP_MAC* mac) const noexcept { EVP_MAC_free(mac); }
};
struct MacContextDeleter {
  void operator()(EVP_MAC_CTX* context) const noexcept { EVP_MAC_CTX_free(context); }
};
using MacContextPtr = std::unique_ptr<EVP_MAC_CTX, MacContextDeleter>;

EVP_MAC* hmac_algorithm() {
  static std::unique_ptr<EVP_MAC, MacDeleter> const algorithm{EVP_MAC_fetch(nullptr, "HMAC", nullptr)};
  if (!algorithm) throw std::runtime_error("OpenSSL provides no HMAC");
  return algorithm.get();
}

}  // namespace

struct HmacSha512::Context {
  MacContextPtr keyed;
};

HmacSha512::HmacSha512(std::string_view key) : context_(std::make_unique<Context>()) {
  context_->keyed.reset(EVP_MAC_CTX_new(hmac_algorithm()));
  if (!context_->keyed) throw std::runtime_error("EVP_MAC_CTX_new failed");
  char digest_name[] = "SHA512";
  OSSL_PARAM const params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end(),
  };
  // An empty key is legal HMAC; OpenSSL wants a non-null pointer for it.
  static unsigned char const empty_key = 0;
  auto const* key_bytes =
      key.empty() ? &empty_key : reinterpret_cast<unsigned char const*>(key.data());
  if (EVP_MAC_init(context_->keyed.get(), key_bytes, key.size(), params) != 1) {
    throw std::runtime_error("EVP_MAC_init(HMAC-SHA512) failed");
  }
}

HmacSha512::~HmacSha512() = default;
HmacSha512::HmacSha512(HmacSha512&&) noexcept = default;
HmacSha512& HmacSha512::operator=(HmacSha512&&) noexcept = default;

Sha512Digest HmacSha512::mac(std::string_view message) const noexcept {
  Sha512Digest digest{};
  MacContextPtr context{EVP_MAC_CTX_dup(context_->keyed.get())};
  std::size_t length = 0;
  if (!context ||
      EVP_MAC_update(context.get(), reinterpret_cast<unsigned char const*>(message.data()),
                     message.size()) != 1 ||
      EVP_MAC_final(context.get(), digest.data(), &length, digest.size()) != 1) {
    std::abort();  // only on allocation failure inside OpenSSL
  }
  return digest;
}

void HmacSha512::mac_hex(std::string_view message, char* out) const noexcept {
  hex_encode(mac(message), out);
}

std::string HmacSha512::mac_hex(std::string_view message) const { return hex_encode(mac(message)); }

HmacSha512Context::HmacSha512Context(HmacSha512 const& prepared)
    : context_(std::make_unique<HmacSha512::Context>()) {
  context_->keyed.reset(EVP_MAC_CTX_dup(prepared.context_->keyed.get()));
  if (!context_->keyed) throw std::runtime_error("EVP_MAC_CTX_dup failed");
}

HmacSha512Context::~HmacSha512Context() = default;
HmacSha512Context::HmacSha512Context(HmacSha512Context&&) noexcept = default;
HmacSha512Context& HmacSha512Context::operator=(HmacSha512Context&&) noexcept = default;

Sha512Digest HmacSha512Context::mac(std::string_view message) noexcept {
  Sha512Digest digest{};
  std::size_t length = 0;
  EVP_MAC_CTX* const context = context_->keyed.get();
  // A null key re-initialises HMAC with the key already set: the prepared ipad state is copied
  // into the working digest, and the opad state is kept for EVP_MAC_final.
  if (EVP_MAC_init(context, nullptr, 0, nullptr) != 1 ||
      EVP_MAC_update(context, reinterpret_cast<unsigned char const*>(message.data()),
                     message.size()) != 1 ||
      EVP_MAC_final(context, digest.data(), &length, digest.size()) != 1) {
    std::abort();  // only on allocation failure inside OpenSSL
  }
  return digest;
}

void HmacSha512Context::mac_hex(std::string_view message, char* out) noexcept {
  hex_encode(mac(message), out);
}

}  // namespace tradelink::crypto
