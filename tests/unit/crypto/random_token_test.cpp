#include "crypto/random_token.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace tradelink::crypto {
namespace {

TEST(RandomToken, Base64UrlHasTheExpectedLengthAndAlphabet) {
  std::string const token = random_token(32);
  EXPECT_EQ(token.size(), 43U);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos)
      << token;
}

TEST(RandomToken, HexHasTwoCharactersPerByte) {
  std::string const token = random_token(8, TokenEncoding::hex);
  EXPECT_EQ(token.size(), 16U);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << token;
}

TEST(RandomToken, TokensDoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(random_token(16)).second);
}

TEST(RandomToken, ZeroBytesGiveAnEmptyToken) {
  EXPECT_EQ(random_token(0), "");
  EXPECT_EQ(random_token(0, TokenEncoding::hex), "");
}

TEST(TokenHash, Blake2b256KnownAnswers) {
  EXPECT_EQ(token_hash_hex(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(token_hash_hex("abc"),
            "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

}  // namespace
}  // namespace tradelink::crypto
