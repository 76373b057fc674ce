// Decimal::to_string / write / to_string_fixed / fractional_digits.

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "core/decimal.hpp"
#include "unit/core/decimal_oracle.hpp"

namespace tradelink::core {
namespace {

TEST(DecimalFormat, ShortestExactText) {
  EXPECT_EQ("0.00012300"_dec.to_string(), "0.000123");
  EXPECT_EQ("-3.41"_dec.to_string(), "-3.41");
  EXPECT_EQ("1.5E+3"_dec.to_string(), "1500");
  EXPECT_EQ("1e-8"_dec.to_string(), "0.00000001");
  EXPECT_EQ("0.000000000000000001"_dec.to_string(), "0.000000000000000001");
  EXPECT_EQ("-0.5"_dec.to_string(), "-0.5");
  EXPECT_EQ("18446744073709551616"_dec.to_string(), "18446744073709551616");
  EXPECT_EQ(Decimal{}.to_string(), "0");
}

TEST(DecimalFormat, ExtremesAreExact) {
  EXPECT_EQ(Decimal::max().to_string(), "170141183460469231731.687303715884105727");
  EXPECT_EQ(Decimal::min().to_string(), "-170141183460469231731.687303715884105728");
  EXPECT_EQ(Decimal::from_raw(-1).to_string(), "-0.000000000000000001");
}

TEST(DecimalFormat, WriteFillsTheCallersBufferWithoutTerminator) {
  std::array<char, Decimal::max_text_length> buffer{};
  buffer.fill('#');
  std::size_t const length = Decimal::min().write(buffer.data());
  EXPECT_EQ(std::string_view(buffer.data(), length), "-170141183460469231731.687303715884105728");
  EXPECT_LE(length, Decimal::max_text_length);
  EXPECT_EQ(buffer[length], '#');
}

// Whole and fraction are split without a division above 2^64 units: every whole-unit boundary
// (k · 10^18 and its neighbours) for wholes of every bit length must come out exact.
TEST(DecimalFormat, WholeUnitBoundariesOfEveryMagnitudeAreExact) {
  __extension__ using Bits = unsigned __int128;
  Bits const unit = 1'000'000'000'000'000'000ULL;
  Bits const limit = Bits{1} << 127;
  for (int bits = 1; bits <= 68; ++bits) {  // wholes reach 2^67.2
    for (Bits const whole : {(Bits{1} << bits) - 1, Bits{1} << bits, (Bits{1} << bits) + 1}) {
      if (whole > (limit - 1) / unit) continue;
      for (int offset = -1; offset <= 1; ++offset) {
        Bits const magnitude = whole * unit + static_cast<Bits>(offset);
        if (magnitude >= limit) continue;
        for (bool const negative : {false, true}) {
          auto const raw = negative ? -static_cast<Decimal::Raw>(magnitude)
                                    : static_cast<Decimal::Raw>(magnitude);
          ASSERT_EQ(Decimal::from_raw(raw).to_string(), testing::oracle_text(raw));
        }
      }
    }
  }
}

// Digits are counted from the bit length, not by a loop: every power of ten and its neighbours,
// as a whole part and as raw units (fractions), must come out exact.
TEST(DecimalFormat, PowersOfTenAndTheirNeighboursAreExact) {
  __extension__ using Bits = unsigned __int128;
  Bits const unit = 1'000'000'000'000'000'000ULL;
  Bits const limit = Bits{1} << 127;
  Bits power = 1;
  for (int exponent = 0; exponent <= 38; ++exponent, power *= 10) {
    std::vector<Bits> bases{power};
    if (power <= (limit - 1) / unit) bases.push_back(power * unit);
    for (Bits const base : bases) {
      for (int offset = -1; offset <= 1; ++offset) {
        Bits const magnitude = base + static_cast<Bits>(offset);
        if (magnitude >= limit) continue;
        auto const raw = static_cast<Decimal::Raw>(magnitude);
        ASSERT_EQ(Decimal::from_raw(raw).to_string(), testing::oracle_text(raw))
            << "10^" << exponent << " offset " << offset;
        ASSERT_EQ(Decimal::from_raw(-raw).to_string(), testing::oracle_text(-raw));
      }
    }
  }
}

TEST(DecimalFormat, FixedDigitsRoundHalfEven) {
  EXPECT_EQ("2.5"_dec.to_string_fixed(0), "2");
  EXPECT_EQ("3.5"_dec.to_string_fixed(0), "4");
  EXPECT_EQ("-2.5"_dec.to_string_fixed(0), "-2");
  EXPECT_EQ("1.005"_dec.to_string_fixed(2), "1.00");
  EXPECT_EQ("1.015"_dec.to_string_fixed(2), "1.02");
  EXPECT_EQ("0.1"_dec.to_string_fixed(3), "0.100");
  EXPECT_EQ("42"_dec.to_string_fixed(2), "42.00");
}

TEST(DecimalFormat, FixedDigitsNeverShowNegativeZero) {
  EXPECT_EQ("-0.0001"_dec.to_string_fixed(2), "0.00");
  EXPECT_EQ("-0.4"_dec.to_string_fixed(0), "0");
  EXPECT_EQ("-0.6"_dec.to_string_fixed(0), "-1");
}

TEST(DecimalFormat, FixedDigitsOutsideTheScale) {
  EXPECT_EQ("1.25"_dec.to_string_fixed(-3), "1");
  EXPECT_EQ("1.5"_dec.to_string_fixed(20), "1.50000000000000000000");
  EXPECT_EQ(Decimal::max().to_string_fixed(0), "170141183460469231732");
  EXPECT_EQ(Decimal::min().to_string_fixed(17), "-170141183460469231731.68730371588410573");
}

TEST(DecimalFormat, FractionalDigitsCountsUsedDigits) {
  EXPECT_EQ("0.00012300"_dec.fractional_digits(), 6);
  EXPECT_EQ("12"_dec.fractional_digits(), 0);
  EXPECT_EQ(Decimal{}.fractional_digits(), 0);
  EXPECT_EQ("-1.5"_dec.fractional_digits(), 1);
  EXPECT_EQ(Decimal::from_raw(1).fractional_digits(), 18);
  EXPECT_EQ(Decimal::min().fractional_digits(), 18);
}

}  // namespace
}  // namespace tradelink::core
