#include "crypto/vault.hpp"

#include <sodium.h>

static_assert(tradelink::crypto::vault_nonce_size == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(tradelink::crypto::vault_tag_size == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(tradelink::crypto::master_key_size == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

namespace tradelink::crypto {
namespace {

unsigned char const* as_uchar(std::string_view text) {
  return reinterpret_cast<unsigned char const*>(text.data());
}

core::Error open_failed(std::string_view why) {
  return core::Error{core::ErrorLayer::internal,
                     "vault.open_failed",
                     "cannot open a sealed secret: " + std::string{why},
                     core::Retry::never,
                     {}};
}

void append_field(std::string& out, std::string_view field) {
  auto const size = static_cast<std::uint32_t>(field.size());
  out.push_back(static_cast<char>((size >> 24U) & 0xFFU));
  out.push_back(static_cast<char>((size >> 16U) & 0xFFU));
  out.push_back(static_cast<char>((size >> 8U) & 0xFFU));
  out.push_back(static_cast<char>(size & 0xFFU));
  out.append(field);
}

}  // namespace

core::Result<std::vector<std::uint8_t>> Vault::seal(std::string_view plaintext,
                                                    std::string_view associated_data) const {
  if (auto init = ensure_sodium_initialised(); !init) return init.error();
  if (plaintext.size() > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - vault_overhead) {
    return core::internal_error("vault.seal_failed", "secret too large to seal");
  }
  std::vector<std::uint8_t> sealed(vault_overhead + plaintext.size());
  sealed[0] = vault_format_version;
  unsigned char* const nonce = sealed.data() + 1;
  randombytes_buf(nonce, vault_nonce_size);
  unsigned long long sealed_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + vault_nonce_size, &sealed_size,
                                                 as_uchar(plaintext), plaintext.size(),
                                                 as_uchar(associated_data), associated_data.size(),
                                                 nullptr, nonce, key_.uchar_data()) != 0) {
    return core::internal_error("vault.seal_failed", "encryption failed");
  }
  return sealed;
}

core::Result<SecureBuffer> Vault::open(std::span<std::uint8_t const> sealed,
                                       std::string_view associated_data) const {
  if (sealed.size() < vault_overhead) return open_failed("too short");
  if (sealed[0] != vault_format_version) return open_failed("unknown version");
  auto plaintext = SecureBuffer::allocate(sealed.size() - vault_overhead);
  if (!plaintext) return plaintext.error();
  unsigned char const* const nonce = sealed.data() + 1;
  unsigned char const* const ciphertext = nonce + vault_nonce_size;
  std::size_t const ciphertext_size = sealed.size() - 1 - vault_nonce_size;
  unsigned long long plaintext_size = 0;
  // An empty SecureBuffer has no memory; an empty message writes nothing, so a local byte
  // serves as the output address.
  unsigned char scratch = 0;
  unsigned char* const out = plaintext->empty() ? &scratch : plaintext->uchar_data();
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          out, &plaintext_size, nullptr, ciphertext, ciphertext_size, as_uchar(associated_data),
          associated_data.size(), nonce, key_.uchar_data()) != 0) {
    return open_failed("authentication failed (wrong master key, wrong binding or altered data)");
  }
  return plaintext;
}

std::string binding_associated_data(std::string_view binding_id, std::string_view venue,
                                    std::string_view api_key, BindingSecretField field) {
  std::string data;
  data.reserve(64 + binding_id.size() + venue.size() + api_key.size());
  append_field(data, "tradelink.key_binding.v1");
  append_field(data, field == BindingSecretField::secret ? "secret" : "passphrase");
  append_field(data, binding_id);
  append_field(data, venue);
  append_field(data, api_key);
  return data;
}

}  // namespace tradelink::crypto
