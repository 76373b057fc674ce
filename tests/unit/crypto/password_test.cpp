#include "crypto/password.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tradelink::crypto {
namespace {

PasswordHashOptions const fast = PasswordHashOptions::minimum();

TEST(Password, HashVerifiesTheRightPasswordOnly) {
  auto hash = hash_password("correct horse battery", fast);
  ASSERT_TRUE(hash.has_value()) << hash.error().message;
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(*hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password(*hash, ""));
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
}

TEST(Password, SaltMakesEveryHashDifferent) {
  auto first = hash_password("same password here", fast);
  auto second = hash_password("same password here", fast);
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(verify_password(*second, "same password here"));
}

TEST(Password, PasswordsWithNulBytesAreHashedWhole) {
  std::string const with_nul("abc\0def-ghij", 12);
  auto hash = hash_password(with_nul, fast);
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(verify_password(*hash, with_nul));
  EXPECT_FALSE(verify_password(*hash, "abc"));
}

TEST(Password, MalformedHashesNeverVerify) {
  EXPECT_FALSE(verify_password("", "password"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "password"));
  EXPECT_FALSE(verify_password(std::string(500, '$'), "password"));
}

TEST(Password, NeedsRehashWhenTheParametersChange) {
  auto hash = hash_password("a long password", fast);
  ASSERT_TRUE(hash.has_value());
  EXPECT_FALSE(password_needs_rehash(*hash, fast));
  EXPECT_TRUE(password_needs_rehash(*hash, PasswordHashOptions::interactive()));
  EXPECT_TRUE(password_needs_rehash("not a hash", fast));
}

TEST(Password, InteractiveIsTheDefault) {
  PasswordHashOptions const options = PasswordHashOptions::interactive();
  EXPECT_EQ(options.opslimit, 2U);
  EXPECT_EQ(options.memlimit, std::size_t{64} * 1024 * 1024);
}

}  // namespace
}  // namespace tradelink::crypto
