// The engine's money shortcuts against the general Decimal paths they stand in for: every fast
// path must give exactly what the general one gives, over many values and at the boundaries.

#include "sandbox/engine/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

using core::Decimal;

/// ceil8_divided() by the general path: the exact quotient rounded up, then up to 8 decimals.
Decimal ceil8_general(Decimal value, Decimal divisor) {
  Decimal const quotient = value.div(divisor, core::Rounding::up).value();
  return quotient.quantize(8, core::Rounding::up).value();
}

std::vector<Decimal> divisors() {
  std::vector<Decimal> result;
  for (int whole = 1; whole <= 125; ++whole) result.push_back(money::whole(whole));
  // Around 2^64 raw units (18.446744073709551616), where the whole-number check changes method.
  for (Decimal::Raw raw :
       {Decimal::Raw{18'000'000'000'000'000'000ULL}, Decimal::Raw{18'446'744'073'709'551'615ULL},
        Decimal::Raw{18'446'744'073'709'551'615ULL} + 1, money::whole(19).raw()}) {
    result.push_back(Decimal::from_raw(raw));
  }
  for (char const* text : {"1.5", "2.25", "0.5", "3.33333333", "100.000000000000000001"}) {
    result.push_back(dec(text));
  }
  return result;
}

TEST(Money, Ceil8DividedEqualsTheGeneralPath) {
  std::mt19937_64 random(11);
  std::vector<Decimal> values = {Decimal{},         Decimal::from_raw(1),
                                 dec("0.00000001"), dec("0.000000009999999999"),
                                 dec("65000.1"),    dec("1000000000000")};
  for (int draw = 0; draw < 2'000; ++draw) {
    auto const high = static_cast<Decimal::Raw>(random() % 100'000'000);  // up to ~1.8e9 whole
    values.push_back(Decimal::from_raw((high << 64) | static_cast<Decimal::Raw>(random())));
    values.push_back(Decimal::from_raw(static_cast<Decimal::Raw>(random())));
  }
  for (Decimal const divisor : divisors()) {
    for (Decimal const value : values) {
      ASSERT_EQ(money::ceil8_divided(value, divisor), ceil8_general(value, divisor))
          << value.to_string() << " / " << divisor.to_string();
    }
  }
}

TEST(Money, TimesADecomposedFactorEqualsTimes) {
  std::mt19937_64 random(17);
  std::vector<Decimal> factors;
  for (char const* text : {"0", "0.0002", "0.0005", "0.00075", "0.002", "1", "0.1", "-0.0001",
                           "-0.00025", "0.999999999999999999", "0.000000000000000001", "2.5",
                           "9.223372036854775807", "-9.223372036854775807", "10", "123.45"}) {
    factors.push_back(dec(text));
  }
  for (int draw = 0; draw < 200; ++draw) {
    factors.push_back(
        Decimal::from_raw(static_cast<Decimal::Raw>(random() % 2'000'000'000'000'000)));
  }
  std::vector<Decimal> values = {Decimal{},
                                 Decimal::from_raw(1),
                                 Decimal::from_raw(-1),
                                 dec("0.5"),
                                 dec("-1.5"),
                                 dec("2500"),
                                 dec("65000.1"),
                                 Decimal::from_raw(Decimal::Raw{1} << 100),
                                 Decimal::from_raw(-(Decimal::Raw{1} << 110))};
  for (int draw = 0; draw < 2'000; ++draw) {
    auto const high = static_cast<Decimal::Raw>(random() % 1'000'000'000'000);  // up to ~1.8e13
    Decimal::Raw const raw = (high << 64) | static_cast<Decimal::Raw>(random());
    values.push_back(Decimal::from_raw(draw % 2 == 0 ? raw : -raw));
    values.push_back(
        Decimal::from_raw(static_cast<Decimal::Raw>(random() % 10'000'000'000'000'000'000ULL)));
  }
  for (Decimal const factor : factors) {
    money::Factor const decomposed = money::Factor::of(factor);
    for (Decimal const value : values) {
      ASSERT_EQ(money::times(value, decomposed), money::times(value, factor))
          << value.to_string() << " * " << factor.to_string();
    }
  }
  EXPECT_TRUE(money::Factor::of(dec("0.0005")).decomposed);
  EXPECT_EQ(money::Factor::of(dec("0.0005")).units, 5);
  EXPECT_EQ(money::Factor::of(dec("0.0005")).exponent, 4);
  EXPECT_FALSE(money::Factor::of(dec("10")).decomposed) << "10^19 raw units do not fit 63 bits";
}

}  // namespace
}  // namespace tradelink::sandbox::testing
