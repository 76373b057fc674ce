// Property tests: Decimal against an exact big-integer oracle over deterministic random values
// (seeded mt19937_64), 100k inputs per operation, every rounding mode on each.

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>

#include "core/decimal.hpp"
#include "unit/core/decimal_oracle.hpp"

namespace tradelink::core::testing {
namespace {

constexpr int cases_per_operation = 100'000;
BigInt const units_per_whole = pow10_big(18);

std::string describe(Raw a, Raw b, Rounding mode) {
  return oracle_text(a) + " , " + oracle_text(b) + " rounding " + name(mode);
}

TEST(DecimalProperty, TextRoundTripsAndMatchesOracleFormatting) {
  DecimalSampler sampler(1);
  for (int i = 0; i < cases_per_operation; ++i) {
    Decimal const value = Decimal::from_raw(sampler.next());
    std::string const text = value.to_string();
    ASSERT_EQ(text, oracle_text(value.raw()));
    auto const parsed = Decimal::parse(text);
    ASSERT_TRUE(parsed.has_value()) << text << ": " << parsed.error().message;
    ASSERT_EQ(*parsed, value) << text;
  }
}

TEST(DecimalProperty, AddAndSubMatchOracle) {
  DecimalSampler sampler(2);
  for (int i = 0; i < cases_per_operation; ++i) {
    Raw const a = sampler.next();
    Raw const b = sampler.next();
    auto const left = Decimal::from_raw(a);
    auto const right = Decimal::from_raw(b);
    ASSERT_TRUE(matches(left.add(right), to_raw(to_big(a) + to_big(b))))
        << describe(a, b, Rounding::down);
    ASSERT_TRUE(matches(left.sub(right), to_raw(to_big(a) - to_big(b))))
        << describe(a, b, Rounding::down);
  }
}

TEST(DecimalProperty, MulMatchesOracleInEveryMode) {
  DecimalSampler sampler(3);
  for (int i = 0; i < cases_per_operation; ++i) {
    Raw const a = sampler.next();
    Raw const b = sampler.next();
    ExactQuotient const exact(to_big(a) * to_big(b), units_per_whole);
    for (Rounding const mode : all_roundings) {
      auto const expected = to_raw(exact.rounded(mode));
      ASSERT_TRUE(matches(Decimal::from_raw(a).mul(Decimal::from_raw(b), mode), expected))
          << describe(a, b, mode);
    }
  }
}

TEST(DecimalProperty, DivMatchesOracleInEveryMode) {
  DecimalSampler sampler(4);
  for (int i = 0; i < cases_per_operation; ++i) {
    Raw const a = sampler.next();
    Raw const b = sampler.next();
    if (b == 0) {
      auto const result = Decimal::from_raw(a).div(Decimal{});
      ASSERT_FALSE(result.has_value());
      ASSERT_EQ(result.error().code, "decimal.division_by_zero");
      continue;
    }
    BigInt numerator = to_big(a) * units_per_whole;
    BigInt denominator = to_big(b);
    if (denominator < 0) {
      numerator = -numerator;
      denominator = -denominator;
    }
    ExactQuotient const exact(numerator, denominator);
    for (Rounding const mode : all_roundings) {
      auto const expected = to_raw(exact.rounded(mode));
      ASSERT_TRUE(matches(Decimal::from_raw(a).div(Decimal::from_raw(b), mode), expected))
          << describe(a, b, mode);
    }
  }
}

TEST(DecimalProperty, QuantizeMatchesOracleInEveryMode) {
  DecimalSampler sampler(5);
  for (int i = 0; i < cases_per_operation; ++i) {
    Raw const a = sampler.next();
    auto const digits = static_cast<int>(sampler.uniform(0, 36)) - 18;
    BigInt const step = pow10_big(static_cast<unsigned>(18 - digits));
    ExactQuotient const multiples(to_big(a), step);
    for (Rounding const mode : all_roundings) {
      auto const expected = to_raw(multiples.rounded(mode) * step);
      ASSERT_TRUE(matches(Decimal::from_raw(a).quantize(digits, mode), expected))
          << oracle_text(a) << " to " << digits << " digits, rounding " << name(mode);
    }
  }
}

TEST(DecimalProperty, QuantizeToStepMatchesOracleInEveryMode) {
  DecimalSampler sampler(6);
  for (int i = 0; i < cases_per_operation; ++i) {
    Raw const a = sampler.next();
    // Half the steps look like real tick and lot sizes (1, 2, 25 or 5 × 10^k); half are arbitrary.
    Raw step = 0;
    if (sampler.coin()) {
      std::array<Raw, 4> const leading{1, 2, 25, 5};
      step = leading[sampler.uniform(0, 3)];
      for (auto shift = sampler.uniform(0, 30); shift > 0; --shift) step *= 10;
    } else {
      step = sampler.next_positive();
    }
    BigInt const big_step = to_big(step);
    ExactQuotient const multiples(to_big(a), big_step);
    for (Rounding const mode : all_roundings) {
      auto const expected = to_raw(multiples.rounded(mode) * big_step);
      auto const actual = Decimal::from_raw(a).quantize_to_step(Decimal::from_raw(step), mode);
      ASSERT_TRUE(matches(actual, expected)) << describe(a, step, mode);
      if (actual.has_value()) {
        ASSERT_TRUE(actual->is_multiple_of(Decimal::from_raw(step))) << describe(a, step, mode);
      }
    }
    ASSERT_EQ(Decimal::from_raw(a).is_multiple_of(Decimal::from_raw(step)),
              to_big(a) % big_step == 0)
        << describe(a, step, Rounding::down);
  }
}

TEST(DecimalProperty, FixedTextMatchesOracleHalfEven) {
  DecimalSampler sampler(7);
  for (int i = 0; i < cases_per_operation; ++i) {
    Raw const a = sampler.next();
    auto const digits = static_cast<int>(sampler.uniform(0, 20));
    unsigned const dropped = digits >= 18 ? 0 : static_cast<unsigned>(18 - digits);
    BigInt const rounded = round_quotient(to_big(a), pow10_big(dropped), Rounding::half_even);
    // Format the rounded integer with `digits` fractional digits.
    std::string magnitude = (rounded < 0 ? BigInt(-rounded) : rounded).str();
    auto const kept = static_cast<std::size_t>(digits >= 18 ? 18 : digits);
    if (magnitude.size() <= kept) magnitude.insert(0, kept + 1 - magnitude.size(), '0');
    std::string expected = rounded < 0 ? "-" : "";
    expected += magnitude.substr(0, magnitude.size() - kept);
    if (digits > 0) expected += "." + magnitude.substr(magnitude.size() - kept);
    if (digits > 18) expected.append(static_cast<std::size_t>(digits - 18), '0');
    ASSERT_EQ(Decimal::from_raw(a).to_string_fixed(digits), expected)
        << oracle_text(a) << " with " << digits << " digits";
  }
}

/// A random number text with sign, point and exponent variations, and its exact value as
/// digits · 10^exponent.
struct GeneratedText {
  std::string text;
  BigInt digits;
  std::int64_t exponent = 0;  ///< power of ten of the last digit
  bool negative = false;
};

GeneratedText generate_text(DecimalSampler& sampler) {
  GeneratedText generated;
  switch (sampler.uniform(0, 2)) {
    case 0: break;
    case 1: generated.text += '+'; break;
    default: generated.text += '-'; generated.negative = true;
  }
  auto const length = static_cast<std::size_t>(sampler.uniform(1, 45));
  std::string digits;
  for (std::size_t i = 0; i < length; ++i) {
    // Zeros are over-represented so leading/trailing/inner zero runs are common.
    digits += sampler.uniform(0, 2) == 0 ? '0' : static_cast<char>('0' + sampler.uniform(0, 9));
  }
  // cpp_int reads a leading 0 as octal, so the value is built from the stripped digits.
  auto const first_nonzero = digits.find_first_not_of('0');
  generated.digits =
      first_nonzero == std::string::npos ? BigInt(0) : BigInt(digits.substr(first_nonzero));
  auto const point = sampler.uniform(0, length + 1);  // length + 1: no point at all
  std::int64_t fraction_length = 0;
  if (point <= length) {
    generated.text += digits.substr(0, point) + "." + digits.substr(point);
    fraction_length = static_cast<std::int64_t>(length - point);
  } else {
    generated.text += digits;
  }
  std::int64_t exponent = 0;
  switch (sampler.uniform(0, 5)) {
    case 0:
    case 1:
    case 2: break;
    case 3: exponent = static_cast<std::int64_t>(sampler.uniform(0, 100)) - 50; break;
    case 4: exponent = static_cast<std::int64_t>(sampler.uniform(0, 60)) - 30; break;
    default:
      exponent =
          static_cast<std::int64_t>(sampler.uniform(0, 2'000'000'000'000ULL)) - 1'000'000'000'000;
  }
  if (exponent != 0 || sampler.coin()) {
    generated.text += sampler.coin() ? 'e' : 'E';
    if (exponent >= 0 && sampler.coin()) generated.text += '+';
    generated.text += std::to_string(exponent);
  }
  generated.exponent = exponent - fraction_length;
  return generated;
}

TEST(DecimalProperty, ParseMatchesOracleOnGeneratedText) {
  DecimalSampler sampler(8);
  for (int i = 0; i < cases_per_operation; ++i) {
    auto const generated = generate_text(sampler);
    auto const actual = Decimal::parse(generated.text);
    if (generated.digits == 0) {
      ASSERT_TRUE(actual.has_value()) << generated.text;
      ASSERT_TRUE(actual->is_zero()) << generated.text;
      continue;
    }
    // Whole raw units decide overflow; a remainder below one unit decides precision.
    std::int64_t const raw_exponent = generated.exponent + 18;
    BigInt whole_units;
    bool exact = true;
    if (raw_exponent >= 0) {
      // Beyond 10^80 only "far too large" matters; the exact product is not needed.
      whole_units = raw_exponent > 80
                        ? BigInt(big_max() * 10)
                        : BigInt(generated.digits * pow10_big(static_cast<unsigned>(raw_exponent)));
    } else if (raw_exponent < -80) {
      whole_units = 0;
      exact = false;
    } else {
      BigInt const divisor = pow10_big(static_cast<unsigned>(-raw_exponent));
      whole_units = generated.digits / divisor;
      exact = generated.digits % divisor == 0;
    }
    BigInt const limit = generated.negative ? BigInt(-big_min()) : big_max();
    if (whole_units > limit) {
      ASSERT_FALSE(actual.has_value()) << generated.text;
      ASSERT_EQ(actual.error().code, "decimal.overflow") << generated.text;
    } else if (!exact) {
      ASSERT_FALSE(actual.has_value()) << generated.text;
      ASSERT_EQ(actual.error().code, "decimal.precision") << generated.text;
    } else {
      ASSERT_TRUE(actual.has_value()) << generated.text << ": " << actual.error().message;
      ASSERT_EQ(to_big(actual->raw()), generated.negative ? BigInt(-whole_units) : whole_units)
          << generated.text;
    }
  }
}

}  // namespace
}  // namespace tradelink::core::testing
