// Decimal::parse: accepted forms, exact values, and the errors for every kind of bad text.

#include <gtest/gtest.h>

#include <string>

#include "core/decimal.hpp"
#include "unit/core/decimal_oracle.hpp"

namespace tradelink::core {
namespace {

using testing::show;

constexpr Decimal::Raw unit = 1'000'000'000'000'000'000;

Decimal::Raw raw_of(std::string_view text) {
  auto const parsed = Decimal::parse(text);
  EXPECT_TRUE(parsed.has_value()) << text << ": " << parsed.error().message;
  return parsed.has_value() ? parsed->raw() : 0;
}

std::string error_code_of(std::string_view text) {
  auto const parsed = Decimal::parse(text);
  EXPECT_FALSE(parsed.has_value()) << text << " parsed as " << parsed->to_string();
  return parsed.has_value() ? "" : parsed.error().code;
}

TEST(DecimalParse, AcceptsGateStrings) {
  EXPECT_EQ(raw_of("0.00012300"), 123'000'000'000'000);
  EXPECT_EQ(raw_of("-3.41"), -3 * unit - 410'000'000'000'000'000);
  EXPECT_EQ(raw_of("+5"), 5 * unit);
  EXPECT_EQ(raw_of(".5"), unit / 2);
  EXPECT_EQ(raw_of("5."), 5 * unit);
  EXPECT_EQ(raw_of("123"), 123 * unit);
  EXPECT_EQ(raw_of("1700000000.123"), 1'700'000'000 * unit + 123'000'000'000'000'000);
}

TEST(DecimalParse, AcceptsExponents) {
  EXPECT_EQ(raw_of("1e-8"), 10'000'000'000);
  EXPECT_EQ(raw_of("1.5E+3"), 1500 * unit);
  EXPECT_EQ(raw_of("0E0"), 0);
  EXPECT_EQ(raw_of("-2.5e1"), -25 * unit);
  EXPECT_EQ(raw_of("12345e-2"), 12345 * unit / 100);
  EXPECT_EQ(raw_of(".1e1"), unit);
  EXPECT_EQ(raw_of("1e-18"), 1);
  EXPECT_EQ(raw_of("1000e-21"), 1);
  EXPECT_EQ(raw_of("0.000001e20"), 100'000'000'000'000 * unit);
}

TEST(DecimalParse, ZeroHasNoSign) {
  EXPECT_EQ(raw_of("-0"), 0);
  EXPECT_EQ(raw_of("-0.000"), 0);
  EXPECT_EQ(raw_of("+0e999999"), 0);
  EXPECT_EQ(raw_of("0e999999"), 0);
  EXPECT_EQ(raw_of("0.0e-999999999999999999999"), 0);
  EXPECT_EQ(Decimal::parse("-0").value().to_string(), "0");
}

TEST(DecimalParse, TrailingZerosBeyondEighteenDigitsAreExact) {
  EXPECT_EQ(raw_of("1.0000000000000000000000"), unit);
  EXPECT_EQ(raw_of("0.123456789012345678000000000"), 123'456'789'012'345'678);
  EXPECT_EQ(raw_of("000000000000000000000000000000000000000000001"), unit);
}

TEST(DecimalParse, HoldsTheWholeRange) {
  EXPECT_EQ(show(Decimal::parse("170141183460469231731.687303715884105727")),
            Decimal::max().to_string());
  EXPECT_EQ(show(Decimal::parse("-170141183460469231731.687303715884105728")),
            Decimal::min().to_string());
  EXPECT_EQ(raw_of("0.000000000000000001"), 1);
  EXPECT_EQ(raw_of("-0.000000000000000001"), -1);
}

TEST(DecimalParse, RejectsMalformedText) {
  for (char const* text :
       {"",    "-",    "+",   ".",   "1.2.3", "abc", " 1",  "1 ",    "1e",  "e5",  "0x10",  "inf",
        "nan", "-inf", "1e+", "1e-", "1,5",   "--1", "+-1", "1e5e5", "1.e", ".e1", "1_000", "１"}) {
    EXPECT_EQ(error_code_of(text), "decimal.parse") << '"' << text << '"';
  }
}

TEST(DecimalParse, RejectsEmbeddedNul) {
  EXPECT_EQ(error_code_of(std::string_view("1\0", 2)), "decimal.parse");
}

TEST(DecimalParse, MessagesSayWhatIsWrongAndWhere) {
  EXPECT_EQ(Decimal::parse("1.2.3").error().message,
            "\"1.2.3\" is not a decimal number: unexpected '.' at offset 3");
  EXPECT_EQ(Decimal::parse("").error().message, "\"\" is not a decimal number: the text is empty");
  EXPECT_EQ(
      Decimal::parse("-").error().message,
      "\"-\" is not a decimal number: expected a digit at offset 1, found the end of the text");
  EXPECT_EQ(Decimal::parse(" 1").error().message,
            "\" 1\" is not a decimal number: expected a digit at offset 0, found a space");
  EXPECT_EQ(Decimal::parse("1e").error().message,
            "\"1e\" is not a decimal number: expected an exponent digit at offset 2, found the end "
            "of the text");
  EXPECT_EQ(Decimal::parse("0x10").error().message,
            "\"0x10\" is not a decimal number: unexpected 'x' at offset 1");
  EXPECT_EQ(Decimal::parse("1\t").error().message,
            "\"1\t\" is not a decimal number: unexpected byte 0x09 at offset 1");
  EXPECT_EQ(Decimal::parse("1").has_value(), true);
}

TEST(DecimalParse, ErrorsAreValidationErrors) {
  auto const parsed = Decimal::parse("abc");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().layer, ErrorLayer::validation);
  EXPECT_FALSE(parsed.error().retryable());
}

TEST(DecimalParse, RejectsTooManyFractionalDigits) {
  EXPECT_EQ(error_code_of("0.0000000000000000001"), "decimal.precision");
  EXPECT_EQ(error_code_of("1.1234567890123456789"), "decimal.precision");
  EXPECT_EQ(error_code_of("1e-19"), "decimal.precision");
  EXPECT_EQ(error_code_of("1e-999999"), "decimal.precision");
  EXPECT_EQ(error_code_of("-5e-999999999999999999999999"), "decimal.precision");
  EXPECT_EQ(Decimal::parse("1e-19").error().message,
            "\"1e-19\" has a nonzero digit below 10^-18: at most 18 fractional digits are held");
}

TEST(DecimalParse, RejectsValuesOutOfRange) {
  EXPECT_EQ(error_code_of("170141183460469231731.687303715884105728"), "decimal.overflow");
  EXPECT_EQ(error_code_of("-170141183460469231731.687303715884105729"), "decimal.overflow");
  EXPECT_EQ(error_code_of("1e21"), "decimal.overflow");
  EXPECT_EQ(error_code_of("1e999999999999"), "decimal.overflow");
  EXPECT_EQ(error_code_of("1e99999999999999999999999999999"), "decimal.overflow");
  EXPECT_EQ(error_code_of("340282366920938463463.374607431768211456"), "decimal.overflow");
  EXPECT_EQ(error_code_of(std::string(400, '9')), "decimal.overflow");
  EXPECT_EQ(error_code_of("-" + std::string(400, '7') + ".5"), "decimal.overflow");
  // Both too large and too precise: the range is what is reported.
  EXPECT_EQ(error_code_of("200000000000000000000.0000000000000000001"), "decimal.overflow");
}

TEST(DecimalParse, OverflowMessageTruncatesHugeInput) {
  auto const message = Decimal::parse(std::string(400, '9')).error().message;
  EXPECT_LT(message.size(), 200U);
  EXPECT_NE(message.find("(400 characters)"), std::string::npos) << message;
  EXPECT_NE(message.find("170141183460469231731.687303715884105727"), std::string::npos) << message;
}

TEST(DecimalParse, LiteralParsesOrThrows) {
  EXPECT_EQ("0.001"_dec.raw(), unit / 1000);
  EXPECT_EQ("-7"_dec.raw(), -7 * unit);
  EXPECT_THROW(static_cast<void>("1.2.3"_dec), std::invalid_argument);
}

}  // namespace
}  // namespace tradelink::core
