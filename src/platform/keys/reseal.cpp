#include "platform/keys/reseal.hpp"

#include <span>

namespace tradelink::platform::keys {
namespace {

core::Result<std::vector<std::uint8_t>> reseal_one(crypto::Vault const& current,
                                                   crypto::Vault const& next,
                                                   std::span<std::uint8_t const> sealed,
                                                   std::string const& associated_data) {
  auto plaintext = current.open(sealed, associated_data);
  if (!plaintext) return plaintext.error();
  return next.seal(plaintext->view(), associated_data);
}

}  // namespace

core::Result<std::size_t> reseal_all(store::Store& store, crypto::Vault const& current,
                                     crypto::Vault const& next, std::int64_t now_ms) {
  return store.reseal_all(
      [&](store::KeyBindingRecord const& record) -> core::Result<store::ResealedSecrets> {
        store::ResealedSecrets resealed;
        auto secret =
            reseal_one(current, next, record.secret_ct,
                       crypto::binding_associated_data(record.id, record.venue, record.api_key));
        if (!secret) return secret.error();
        resealed.secret_ct = std::move(*secret);
        if (record.passphrase_ct && !record.passphrase_ct->empty()) {
          auto passphrase =
              reseal_one(current, next, *record.passphrase_ct,
                         crypto::binding_associated_data(record.id, record.venue, record.api_key,
                                                         crypto::BindingSecretField::passphrase));
          if (!passphrase) return passphrase.error();
          resealed.passphrase_ct = std::move(*passphrase);
        }
        return resealed;
      },
      now_ms);
}

}  // namespace tradelink::platform::keys
