// clean_field(): what copy-paste brings along is removed and counted; what cannot be a
// credential is refused without echoing it.
#include "platform/keys/sanitize.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace tradelink::platform::keys {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string cleaned(std::string_view pasted) {
  auto field = clean_field(pasted, "secret");
  EXPECT_TRUE(field.has_value()) << field.error().message;
  return field ? std::string(field->value.reveal()) : std::string();
}

std::string refusal(std::string_view pasted) {
  auto field = clean_field(pasted, "secret");
  EXPECT_FALSE(field.has_value());
  return field ? std::string() : field.error().code;
}

TEST(SanitizeTest, PlainInputIsKeptAsIs) {
  auto field = clean_field("abcdef0123456789", "API key");
  ASSERT_TRUE(field.has_value());
  EXPECT_EQ(field->value.reveal(), "abcdef0123456789");
  EXPECT_EQ(field->removed_whitespace, 0U);
  EXPECT_EQ(field->removed_invisible, 0U);
  EXPECT_EQ(describe_cleaning(*field, "API key"), "");
}

TEST(SanitizeTest, WhitespaceAnywhereIsRemovedAndCounted) {
  auto field = clean_field(" ab\tcd\r\nef\v\f ", "secret");
  ASSERT_TRUE(field.has_value());
  EXPECT_EQ(field->value.reveal(), "abcdef");
  EXPECT_EQ(field->removed_whitespace, 7U);
  EXPECT_EQ(describe_cleaning(*field, "secret"),
            "removed 7 spaces and line breaks from the secret");
}

TEST(SanitizeTest, UnicodeSpacesAndInvisibleCharactersAreRemoved) {
  // no-break space, en space, figure space, narrow no-break space, ideographic space
  EXPECT_EQ(cleaned("a\u00a0b\u2002c\u2007d\u202fe\u3000f"), "abcdef");
  // zero-width space / non-joiner / joiner, word joiner, byte-order mark, soft hyphen
  auto field = clean_field("\ufeffa\u200bb\u200cc\u200dd\u2060e\u00adf", "API key");
  ASSERT_TRUE(field.has_value());
  EXPECT_EQ(field->value.reveal(), "abcdef");
  EXPECT_EQ(field->removed_invisible, 6U);
  EXPECT_EQ(field->removed_whitespace, 0U);
  EXPECT_EQ(describe_cleaning(*field, "API key"),
            "removed 6 invisible (zero-width) characters from the API key");
}

TEST(SanitizeTest, DescriptionUsesSingularAndJoinsBothKinds) {
  auto field = clean_field(" a\u200b", "secret");
  ASSERT_TRUE(field.has_value());
  EXPECT_EQ(describe_cleaning(*field, "secret"),
            "removed 1 space or line break and 1 invisible (zero-width) character from the secret");
}

TEST(SanitizeTest, PrintableNonAsciiIsKept) {
  EXPECT_EQ(cleaned("caf\u00e9\u20ac"), "caf\u00e9\u20ac");
}

TEST(SanitizeTest, EmptyAndBlankAreRefused) {
  EXPECT_EQ(refusal(""), "keys.empty");
  EXPECT_EQ(refusal(" \t\n\u200b\u00a0"), "keys.empty");
  auto field = clean_field("   ", "passphrase");
  ASSERT_FALSE(field.has_value());
  EXPECT_EQ(field.error().message, "The passphrase is empty.");
  EXPECT_EQ(field.error().layer, core::ErrorLayer::validation);
}

TEST(SanitizeTest, LengthLimitCountsWhatIsLeft) {
  std::string const longest(max_credential_length, 'a');
  EXPECT_EQ(cleaned(longest + "   "), longest);
  EXPECT_EQ(refusal(longest + "a"), "keys.too_long");
  auto field = clean_field(longest + "b", "secret");
  ASSERT_FALSE(field.has_value());
  EXPECT_THAT(field.error().message, HasSubstr("longer than 256 characters"));
  EXPECT_THAT(field.error().message, Not(HasSubstr("aaaa")));
}

TEST(SanitizeTest, ControlCharactersAreRefusedWithoutEchoingTheValue) {
  for (std::string const& pasted :
       {std::string("abc\x01"
                    "def"),
        std::string("abc\x1b[0mdef"), std::string("abc\x7f"), std::string("abc") + '\0' + "def",
        std::string("abc\u0085def")}) {
    auto field = clean_field(pasted, "API key");
    ASSERT_FALSE(field.has_value());
    EXPECT_EQ(field.error().code, "keys.not_printable");
    EXPECT_EQ(field.error().message,
              "The API key contains control characters; paste it again from the exchange's page.");
  }
}

TEST(SanitizeTest, BytesThatAreNotUtf8AreRefused) {
  for (std::string const& pasted :
       {std::string("abc\xff"),
        std::string("\x80"
                    "abc"),
        std::string("abc\xe2\x80"), std::string("abc\xc3"), std::string("abc\xe2(\xa1")}) {
    auto field = clean_field(pasted, "secret");
    ASSERT_FALSE(field.has_value());
    EXPECT_EQ(field.error().code, "keys.not_printable");
    EXPECT_THAT(field.error().message, HasSubstr("bytes that are not text"));
    EXPECT_THAT(field.error().message, Not(HasSubstr("abc")));
  }
}

}  // namespace
}  // namespace tradelink::platform::keys
