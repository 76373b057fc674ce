#include "crypto/vault.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/master_key.hpp"

namespace tradelink::crypto {
namespace {

Vault make_vault() {
  return Vault{MasterKey::generate().value()};
}

std::string const secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
std::string const ad_a = binding_associated_data("kb_0001", "gateio", "key-a");
std::string const ad_b = binding_associated_data("kb_0002", "gateio", "key-a");

TEST(Vault, SealThenOpenRoundTrips) {
  Vault const vault = make_vault();
  auto sealed = vault.seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  auto opened = vault.open(*sealed, ad_a);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->view(), secret);
}

TEST(Vault, SealedLayoutIsVersionNonceCiphertextTag) {
  Vault const vault = make_vault();
  auto sealed = vault.seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  EXPECT_EQ(sealed->size(), secret.size() + vault_overhead);
  EXPECT_EQ((*sealed)[0], vault_format_version);
  std::string const body(sealed->begin(), sealed->end());
  EXPECT_EQ(body.find(secret), std::string::npos);
}

TEST(Vault, EmptyPlaintextRoundTrips) {
  Vault const vault = make_vault();
  auto sealed = vault.seal("", ad_a);
  ASSERT_TRUE(sealed.has_value());
  EXPECT_EQ(sealed->size(), vault_overhead);
  auto opened = vault.open(*sealed, ad_a);
  ASSERT_TRUE(opened.has_value());
  EXPECT_TRUE(opened->empty());
}

TEST(Vault, EachSealUsesAFreshNonce) {
  Vault const vault = make_vault();
  auto first = vault.seal(secret, ad_a);
  auto second = vault.seal(secret, ad_a);
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_NE(*first, *second);
}

TEST(Vault, OtherAssociatedDataFails) {
  Vault const vault = make_vault();
  auto sealed = vault.seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  auto opened = vault.open(*sealed, ad_b);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, "vault.open_failed");
  EXPECT_EQ(opened.error().message.find(secret), std::string::npos);
}

TEST(Vault, SecretAndPassphraseOfOneBindingCannotBeSwapped) {
  Vault const vault = make_vault();
  std::string const passphrase_ad =
      binding_associated_data("kb_0001", "gateio", "key-a", BindingSecretField::passphrase);
  auto sealed = vault.seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  EXPECT_FALSE(vault.open(*sealed, passphrase_ad).has_value());
}

TEST(Vault, EveryAlteredByteFails) {
  Vault const vault = make_vault();
  auto sealed = vault.seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  for (std::size_t i = 0; i < sealed->size(); ++i) {
    std::vector<std::uint8_t> tampered = *sealed;
    tampered[i] ^= 0x01U;
    auto opened = vault.open(tampered, ad_a);
    ASSERT_FALSE(opened.has_value()) << "byte " << i;
    EXPECT_EQ(opened.error().code, "vault.open_failed");
  }
}

TEST(Vault, TruncatedValueFails) {
  Vault const vault = make_vault();
  auto sealed = vault.seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  for (std::size_t const size :
       {std::size_t{0}, std::size_t{1}, vault_overhead - 1, sealed->size() - 1}) {
    std::vector<std::uint8_t> const cut(sealed->begin(),
                                        sealed->begin() + static_cast<std::ptrdiff_t>(size));
    auto opened = vault.open(cut, ad_a);
    ASSERT_FALSE(opened.has_value()) << size;
    EXPECT_EQ(opened.error().code, "vault.open_failed");
  }
}

TEST(Vault, WrongMasterKeyFails) {
  auto sealed = make_vault().seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  auto opened = make_vault().open(*sealed, ad_a);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, "vault.open_failed");
}

TEST(Vault, SameKeyBytesOpenAcrossInstances) {
  auto const bytes = std::vector<std::byte>(32, std::byte{7});
  Vault const sealer{MasterKey::from_bytes(bytes).value()};
  Vault const opener{MasterKey::from_bytes(bytes).value()};
  auto sealed = sealer.seal(secret, ad_a);
  ASSERT_TRUE(sealed.has_value());
  auto opened = opener.open(*sealed, ad_a);
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(opened->view(), secret);
}

TEST(BindingAssociatedData, FieldsAreLengthPrefixed) {
  EXPECT_NE(binding_associated_data("ab", "c", "d"), binding_associated_data("a", "bc", "d"));
  EXPECT_NE(binding_associated_data("a", "b", "cd"), binding_associated_data("a", "bc", "d"));
  EXPECT_NE(binding_associated_data("a", "", "b"), binding_associated_data("", "a", "b"));
  EXPECT_EQ(binding_associated_data("kb_1", "gateio", "k"),
            binding_associated_data("kb_1", "gateio", "k"));
}

TEST(BindingAssociatedData, SecretAndPassphraseDiffer) {
  EXPECT_NE(binding_associated_data("kb_1", "gateio", "k", BindingSecretField::secret),
            binding_associated_data("kb_1", "gateio", "k", BindingSecretField::passphrase));
}

}  // namespace
}  // namespace tradelink::crypto
