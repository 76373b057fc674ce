// The word-at-a-time byte questions against the plain per-byte answer: every byte value at
// every position of strings from 1 to 25 bytes (shorter than a word, whole words, and whole words
// with an overlapping last word), in clean text.

#include "venues/gateio/rest/detail/byte_scan.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tradelink::gateio::detail {
namespace {

bool escaped_by_json(unsigned char byte) {
  return byte < 0x20 || byte == '"' || byte == '\\';
}

TEST(ByteScan, FindsEveryEscapedAndNonAsciiByteAtEveryPosition) {
  for (std::size_t length = 1; length <= 25; ++length) {
    for (std::size_t position = 0; position < length; ++position) {
      for (int value = 0; value < 256; ++value) {
        auto const byte = static_cast<unsigned char>(value);
        std::string text(length, 'B');
        text[position] = static_cast<char>(byte);
        ASSERT_EQ(has_json_escaped(text), escaped_by_json(byte))
            << "byte " << value << " at " << position << " of " << length;
        ASSERT_EQ(has_non_ascii(text), byte >= 0x80)
            << "byte " << value << " at " << position << " of " << length;
      }
    }
  }
}

TEST(ByteScan, CleanTextAndTheEmptyStringHaveNothingToReport) {
  for (std::string const text :
       {"", "BTC_USDT", "t-client_order.id-0123456789", "~}|{ !#$%&'()*"}) {
    EXPECT_FALSE(has_json_escaped(text)) << text;
    EXPECT_FALSE(has_non_ascii(text)) << text;
  }
}

TEST(ByteScan, BytesNextToTheLimitsAreNotMistaken) {
  // 0x1F/0x20, 0x21/0x22/0x23, 0x5B/0x5C/0x5D, 0x7F/0x80: the edges of each test.
  EXPECT_TRUE(has_json_escaped("abcdefgh\x1f"));
  EXPECT_FALSE(has_json_escaped("abcdefgh !#[]\x7f"));
  EXPECT_TRUE(has_json_escaped("abcdefgh\"ij"));
  EXPECT_TRUE(has_json_escaped("a\\"));
  EXPECT_FALSE(has_non_ascii("abcdefgh\x7f"));
  EXPECT_TRUE(has_non_ascii("abcdefgh\x80"));
}

}  // namespace
}  // namespace tradelink::gateio::detail
