// The long-lived hash contexts of signers: Sha512Context and HmacSha512Context give the same
// answers as the one-shot forms, call after call, so no state leaks from one message into the
// next.

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <utility>

#include "crypto/hex.hpp"
#include "crypto/hmac_sha512.hpp"
#include "crypto/sha512.hpp"

namespace tradelink::crypto {
namespace {

std::string hex_of(Sha512Digest const& digest) {
  return hex_encode(digest);
}

TEST(Sha512Context, KnownAnswersCallAfterCall) {
  Sha512Context context;
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(hex_of(context.digest("abc")),  // FIPS 180-2 example
              "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836"
              "ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    EXPECT_EQ(hex_of(context.digest("")), sha512_hex(""));
  }
}

TEST(Sha512Context, HexMatchesTheOneShotFormForLongInput) {
  Sha512Context context;
  std::string const long_input(1000, 'q');  // several blocks
  std::array<char, 128> text{};
  context.hex(long_input, text.data());
  EXPECT_EQ(std::string(text.data(), text.size()), sha512_hex(long_input));
}

TEST(Sha512Context, MovedContextKeepsHashing) {
  Sha512Context original;
  Sha512Context moved(std::move(original));
  EXPECT_EQ(hex_of(moved.digest("tradelink")), sha512_hex("tradelink"));
}

// RFC 4231 test cases 1, 2 and 6 (key longer than the block size), each signed twice by one
// context to show that every message starts again from the prepared key.
TEST(HmacSha512Context, Rfc4231CasesTwiceEach) {
  struct Case {
    std::string key;
    std::string message;
    std::string mac;
  };
  Case const cases[] = {
      {std::string(20, '\x0b'), "Hi There",
       "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b27"
       "4eaea3f4e4be9d914eeb61f1702e696c203a126854"},
      {"Jefe", "what do ya want for nothing?",
       "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f"
       "65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
      {std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
       "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2"
       "215d6a1e5295e64f73f63f0aec8b915a985d786598"},
  };
  for (Case const& test_case : cases) {
    HmacSha512Context context{HmacSha512(test_case.key)};  // the prepared key need not outlive it
    for (int round = 0; round < 2; ++round) {
      EXPECT_EQ(hex_of(context.mac(test_case.message)), test_case.mac);
    }
  }
}

TEST(HmacSha512Context, AlternatingMessagesMatchTheSharedForm) {
  HmacSha512 const prepared("secret");
  HmacSha512Context context(prepared);
  std::array<char, 128> text{};
  for (std::string const message : {"message one", "message two", "", "message one"}) {
    context.mac_hex(message, text.data());
    EXPECT_EQ(std::string(text.data(), text.size()), prepared.mac_hex(message));
  }
}

TEST(HmacSha512Context, MovedContextKeepsItsKey) {
  HmacSha512 const prepared("k");
  HmacSha512Context original(prepared);
  HmacSha512Context moved(std::move(original));
  EXPECT_EQ(hex_of(moved.mac("m")), prepared.mac_hex("m"));
}

}  // namespace
}  // namespace tradelink::crypto
