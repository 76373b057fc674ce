#include <gtest/gtest.h>

#include <sstream>

#include <string>
#include <thread>
#include <vector>

#include "crypto/hex.hpp"
#include "crypto/hmac_sha512.hpp"
#include "crypto/secret_string.hpp"
#include "crypto/sha512.hpp"

namespace tradelink::crypto {
namespace {

TEST(Sha512, EmptyStringKnownAnswer) {
  EXPECT_EQ(sha512_hex(""),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2"
            "877eec2f63b931bd47417a81a538327af927da3e");
}

TEST(Sha512, AbcKnownAnswer) {  // FIPS 180-2 example
  EXPECT_EQ(sha512_hex("abc"),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c"
            "23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

TEST(Sha512, HexBufferFormMatchesStringForm) {
  std::string buffer(128, '?');
  sha512_hex("tradelink", buffer.data());
  EXPECT_EQ(buffer, sha512_hex("tradelink"));
}

// RFC 4231 test cases 1, 2 and 6 (key longer than the block size).
TEST(HmacSha512, Rfc4231Case1) {
  HmacSha512 const hmac(std::string(20, '\x0b'));
  EXPECT_EQ(hmac.mac_hex("Hi There"),
            "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b27"
            "4eaea3f4e4be9d914eeb61f1702e696c203a126854");
}

TEST(HmacSha512, Rfc4231Case2) {
  HmacSha512 const hmac("Jefe");
  EXPECT_EQ(hmac.mac_hex("what do ya want for nothing?"),
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f"
            "65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
}

TEST(HmacSha512, Rfc4231Case6LongKey) {
  HmacSha512 const hmac(std::string(131, '\xaa'));
  EXPECT_EQ(hmac.mac_hex("Test Using Larger Than Block-Size Key - Hash Key First"),
            "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2"
            "215d6a1e5295e64f73f63f0aec8b915a985d786598");
}

TEST(HmacSha512, PreparedContextIsReusableAndIndependentPerCall) {
  HmacSha512 const hmac("secret");
  std::string const first = hmac.mac_hex("message one");
  std::string const second = hmac.mac_hex("message two");
  EXPECT_NE(first, second);
  EXPECT_EQ(hmac.mac_hex("message one"), first);  // no state leaks between calls
}

TEST(HmacSha512, EmptyKeyIsValid) {
  HmacSha512 const hmac("");
  EXPECT_EQ(hmac.mac_hex(""),
            "b936cee86c9f87aa5d3c6f2e84cb5a4239a5fe50480a6ec66b70ab5b1f4ac6730c6c515421b327ec1d69402e"
            "53dfb49ad7381eb067b338fd7b0cb22247225d47");
}

TEST(HmacSha512, SignsConcurrentlyFromOneInstance) {
  HmacSha512 const hmac("shared-key");
  std::string const expected = hmac.mac_hex("payload");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) mismatches[t] += hmac.mac_hex("payload") == expected ? 0 : 1;
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : mismatches) EXPECT_EQ(count, 0);
}

TEST(HmacSha512, MovedSignerKeepsItsKey) {
  HmacSha512 original("k");
  std::string const expected = original.mac_hex("m");
  HmacSha512 moved(std::move(original));
  EXPECT_EQ(moved.mac_hex("m"), expected);
}

TEST(Hex, EncodesLowercase) {
  std::vector<unsigned char> const bytes{0x00, 0x0f, 0xa5, 0xff};
  EXPECT_EQ(hex_encode(bytes), "000fa5ff");
}

TEST(SecretString, NeverPrintsItsBytes) {
  SecretString const secret("super-secret-value");
  std::ostringstream out;
  out << secret;
  EXPECT_EQ(out.str(), "[redacted]");
  EXPECT_EQ(secret.reveal(), "super-secret-value");
}

TEST(SecretString, MovedFromIsEmpty) {
  SecretString source("abc");
  SecretString target(std::move(source));
  EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move): the wipe is what we test
  EXPECT_EQ(target.reveal(), "abc");
}

TEST(Mask, ShowsOnlyTheEnds) {
  EXPECT_EQ(mask("7c9e6679f4a24c5b8e1d2a3b4c5d6e7f"), "7c9e\u20266e7f");
  EXPECT_EQ(mask("short"), "****");
  EXPECT_EQ(mask(""), "");
}

}  // namespace
}  // namespace tradelink::crypto
