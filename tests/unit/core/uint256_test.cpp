// detail::multiply_wide / divide_wide against boost::multiprecision::cpp_int.

#include "core/uint256.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "unit/core/decimal_oracle.hpp"

namespace tradelink::core::detail {
namespace {

using testing::BigInt;

BigInt to_big(Uint128 value) {
  return (BigInt(static_cast<std::uint64_t>(value >> 64)) << 64) +
         static_cast<std::uint64_t>(value);
}

BigInt to_big(Uint256 value) {
  return (to_big(value.high) << 128) + to_big(value.low);
}

/// Random 128-bit value of a random bit length, so both one- and two-limb divisors and every
/// normalisation shift come up.
Uint128 random_value(std::mt19937_64& engine) {
  auto const bits = std::uniform_int_distribution<unsigned>(1, 128)(engine);
  Uint128 value = (Uint128{engine()} << 64) | engine();
  if (bits < 128) value &= (Uint128{1} << bits) - 1;
  return value | (Uint128{1} << (bits - 1));
}

TEST(Uint256, MultiplyWideIsExact) {
  std::mt19937_64 engine(11);
  for (int i = 0; i < 100'000; ++i) {
    Uint128 const a = random_value(engine);
    Uint128 const b = random_value(engine);
    ASSERT_EQ(to_big(multiply_wide(a, b)), to_big(a) * to_big(b));
  }
}

TEST(Uint256, MultiplyWideOfExtremes) {
  Uint128 const all_ones = ~Uint128{0};
  EXPECT_EQ(to_big(multiply_wide(all_ones, all_ones)), to_big(all_ones) * to_big(all_ones));
  EXPECT_EQ(to_big(multiply_wide(0, all_ones)), 0);
  EXPECT_EQ(multiply_wide(1, all_ones), (Uint256{0, all_ones}));
}

TEST(Uint256, DivideWideMatchesBigIntegerDivision) {
  std::mt19937_64 engine(12);
  for (int i = 0; i < 100'000; ++i) {
    Uint256 const dividend = multiply_wide(random_value(engine), random_value(engine));
    Uint128 const divisor = random_value(engine);
    auto const [quotient, remainder] = divide_wide(dividend, divisor);
    ASSERT_EQ(to_big(quotient), to_big(dividend) / to_big(divisor));
    ASSERT_EQ(to_big(remainder), to_big(dividend) % to_big(divisor));
  }
}

TEST(Uint256, DivideWideHandlesEstimateCorrectionCases) {
  // Divisors whose top limb is small after normalisation and dividends built from them force
  // the quotient-digit estimate to be corrected (and occasionally the add-back step).
  Uint128 const all_ones = ~Uint128{0};
  Uint128 const divisors[] = {(Uint128{1} << 64) + 1,
                              (Uint128{1} << 127) + 1,
                              all_ones,
                              (Uint128{0x8000'0000'0000'0000} << 64) | 0xffff'ffff'ffff'ffff,
                              (Uint128{1} << 64) | (~std::uint64_t{0}),
                              1,
                              10,
                              1'000'000'000'000'000'000};
  for (Uint128 const divisor : divisors) {
    for (Uint256 const dividend :
         {Uint256{all_ones, all_ones}, Uint256{divisor - 1, all_ones}, Uint256{divisor - 1, 0},
          multiply_wide(divisor, divisor - 1), Uint256{0, divisor - 1}, Uint256{1, 0}}) {
      auto const [quotient, remainder] = divide_wide(dividend, divisor);
      EXPECT_EQ(to_big(quotient), to_big(dividend) / to_big(divisor));
      EXPECT_EQ(to_big(remainder), to_big(dividend) % to_big(divisor));
    }
  }
}

TEST(Uint256, OrdersByHighThenLow) {
  EXPECT_LT((Uint256{0, 5}), (Uint256{1, 0}));
  EXPECT_LT((Uint256{1, 4}), (Uint256{1, 5}));
  EXPECT_EQ((Uint256{2, 3}), (Uint256{2, 3}));
}

}  // namespace
}  // namespace tradelink::core::detail
