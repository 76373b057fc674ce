// Decimal add/sub/mul/div/negate/abs/from_integer: values, every rounding mode on both signs,
// overflow and division by zero.

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "core/decimal.hpp"
#include "unit/core/decimal_oracle.hpp"

namespace tradelink::core {
namespace {

using testing::show;

std::string error_code_of(Result<Decimal> const& result) {
  EXPECT_FALSE(result.has_value()) << "unexpected value " << result->to_string();
  return result.has_value() ? "" : result.error().code;
}

TEST(DecimalArithmetic, FromIntegerIsExactOverTheWholeInt64Range) {
  EXPECT_EQ(show(Decimal::from_integer(42)), "42");
  EXPECT_EQ(show(Decimal::from_integer(-7)), "-7");
  EXPECT_EQ(Decimal::from_integer(std::numeric_limits<std::int64_t>::max()).value().to_string(),
            "9223372036854775807");
  EXPECT_EQ(Decimal::from_integer(std::numeric_limits<std::int64_t>::min()).value().to_string(),
            "-9223372036854775808");
}

TEST(DecimalArithmetic, AddAndSub) {
  EXPECT_EQ(show("0.1"_dec.add("0.2"_dec)), "0.3");
  EXPECT_EQ(show("-3.41"_dec.add("3.41"_dec)), "0");
  EXPECT_EQ(show("1"_dec.sub("0.000000000000000001"_dec)), "0.999999999999999999");
  EXPECT_EQ(show("-1"_dec.sub("2.5"_dec)), "-3.5");
}

TEST(DecimalArithmetic, AddAndSubReportOverflow) {
  EXPECT_EQ(error_code_of(Decimal::max().add(Decimal::from_raw(1))), "decimal.overflow");
  EXPECT_EQ(error_code_of(Decimal::min().sub(Decimal::from_raw(1))), "decimal.overflow");
  EXPECT_EQ(error_code_of(Decimal::min().add(Decimal::min())), "decimal.overflow");
  EXPECT_EQ(show(Decimal::max().sub(Decimal::max())), "0");
  EXPECT_EQ(show(Decimal::min().add(Decimal::max())), Decimal::from_raw(-1).to_string());
}

TEST(DecimalArithmetic, OverflowMessageNamesTheOperation) {
  auto const result = Decimal::max().add("1"_dec);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message,
            "170141183460469231731.687303715884105727 + 1 is outside the decimal range "
            "(magnitude at most 170141183460469231731.687303715884105727)");
  EXPECT_EQ(result.error().layer, ErrorLayer::validation);
}

TEST(DecimalArithmetic, MulExactProducts) {
  EXPECT_EQ(show("50000.5"_dec.mul("0.001"_dec)), "50.0005");
  EXPECT_EQ(show("-2"_dec.mul("3.5"_dec)), "-7");
  EXPECT_EQ(show("-2"_dec.mul("-3.5"_dec)), "7");
  EXPECT_EQ(show("0"_dec.mul(Decimal::min())), "0");
  EXPECT_EQ(show(Decimal::max().mul("1"_dec)), Decimal::max().to_string());
  EXPECT_EQ(show(Decimal::min().mul("1"_dec)), Decimal::min().to_string());
}

TEST(DecimalArithmetic, MulNeedingTheWidePath) {
  // 10^10 · 10^10: the raw product 10^56 exceeds 128 bits, the result 10^20 does not.
  EXPECT_EQ(show("10000000000"_dec.mul("10000000000"_dec)), "100000000000000000000");
  EXPECT_EQ(show("-12345678901.123456789"_dec.mul("9876543210.5"_dec, Rounding::down)),
            "-121932631129903977971.6880810845");
  EXPECT_EQ(error_code_of("20000000000"_dec.mul("10000000000"_dec)), "decimal.overflow");
  EXPECT_EQ(error_code_of(Decimal::min().mul("-1"_dec)), "decimal.overflow");
}

TEST(DecimalArithmetic, MulReportsOverflowWhenRoundingWouldCarryOutOf128Bits) {
  // The raw product / 10^18 truncates to exactly 2^128 − 1; rounding up must not wrap to zero.
  Decimal const a = "2.000000000000000002"_dec;
  Decimal const b = "170141183460469231561.546120255414874166"_dec;
  for (Rounding const mode : testing::all_roundings) {
    EXPECT_EQ(error_code_of(a.mul(b, mode)), "decimal.overflow") << testing::name(mode);
    EXPECT_EQ(error_code_of(a.mul(b.negate().value(), mode)), "decimal.overflow")
        << testing::name(mode);
  }
}

TEST(DecimalArithmetic, MulRoundsEveryModeOnBothSigns) {
  // 0.000000000000000015 · 0.1 = 0.0000000000000000015: a tie at the 18th digit.
  Decimal const tie = Decimal::from_raw(15);
  Decimal const tenth = "0.1"_dec;
  struct Case {
    Rounding mode;
    Decimal::Raw positive;
    Decimal::Raw negative;
  };
  for (Case const& c : {Case{Rounding::down, 1, -1}, Case{Rounding::up, 2, -2},
                        Case{Rounding::floor, 1, -2}, Case{Rounding::ceiling, 2, -1},
                        Case{Rounding::half_even, 2, -2}, Case{Rounding::half_up, 2, -2}}) {
    EXPECT_EQ(tie.mul(tenth, c.mode).value().raw(), c.positive) << testing::name(c.mode);
    EXPECT_EQ(tie.mul("-0.1"_dec, c.mode).value().raw(), c.negative) << testing::name(c.mode);
  }
  // 0.000000000000000025 · 0.1: half_even now rounds down to the even 2.
  EXPECT_EQ(Decimal::from_raw(25).mul(tenth, Rounding::half_even).value().raw(), 2);
  EXPECT_EQ(Decimal::from_raw(-25).mul(tenth, Rounding::half_even).value().raw(), -2);
  EXPECT_EQ(Decimal::from_raw(25).mul(tenth, Rounding::half_up).value().raw(), 3);
  EXPECT_EQ(Decimal::from_raw(-25).mul(tenth, Rounding::half_up).value().raw(), -3);
}

TEST(DecimalArithmetic, MulDefaultsToHalfEven) {
  EXPECT_EQ(Decimal::from_raw(25).mul("0.1"_dec).value().raw(), 2);
  EXPECT_EQ(Decimal::from_raw(35).mul("0.1"_dec).value().raw(), 4);
}

TEST(DecimalArithmetic, DivRoundsEveryModeOnBothSigns) {
  struct Case {
    Rounding mode;
    char const* positive;
    char const* negative;
  };
  // 2 / 3 = 0.666...: below half is never a tie.
  for (Case const& c : {Case{Rounding::down, "0.666666666666666666", "-0.666666666666666666"},
                        Case{Rounding::up, "0.666666666666666667", "-0.666666666666666667"},
                        Case{Rounding::floor, "0.666666666666666666", "-0.666666666666666667"},
                        Case{Rounding::ceiling, "0.666666666666666667", "-0.666666666666666666"},
                        Case{Rounding::half_even, "0.666666666666666667", "-0.666666666666666667"},
                        Case{Rounding::half_up, "0.666666666666666667", "-0.666666666666666667"}}) {
    EXPECT_EQ("2"_dec.div("3"_dec, c.mode).value().to_string(), c.positive)
        << testing::name(c.mode);
    EXPECT_EQ("-2"_dec.div("3"_dec, c.mode).value().to_string(), c.negative)
        << testing::name(c.mode);
    EXPECT_EQ("2"_dec.div("-3"_dec, c.mode).value().to_string(), c.negative)
        << testing::name(c.mode);
  }
}

TEST(DecimalArithmetic, DivExactAndWide) {
  EXPECT_EQ(show("1"_dec.div("8"_dec)), "0.125");
  EXPECT_EQ(show("-7.5"_dec.div("-2.5"_dec)), "3");
  // a · 10^18 overflows 128 bits here, so the wide path runs.
  EXPECT_EQ(show("100000000000000000000"_dec.div("4"_dec)), "25000000000000000000");
  EXPECT_EQ(show(Decimal::max().div(Decimal::max())), "1");
  EXPECT_EQ(show(Decimal::min().div(Decimal::min())), "1");
  EXPECT_EQ(show("1"_dec.div(Decimal::max(), Rounding::up)), Decimal::from_raw(1).to_string());
  EXPECT_EQ(show("1"_dec.div(Decimal::max(), Rounding::down)), "0");
}

TEST(DecimalArithmetic, DivReportsOverflowAndDivisionByZero) {
  EXPECT_EQ(error_code_of("1000"_dec.div(Decimal::from_raw(1))), "decimal.overflow");
  EXPECT_EQ(error_code_of(Decimal::max().div("0.5"_dec)), "decimal.overflow");
  auto const by_zero = "5"_dec.div(Decimal{});
  EXPECT_EQ(error_code_of(by_zero), "decimal.division_by_zero");
  EXPECT_EQ(by_zero.error().message, "cannot divide 5 by zero");
}

TEST(DecimalArithmetic, NegateAndAbs) {
  EXPECT_EQ(show("1.5"_dec.negate()), "-1.5");
  EXPECT_EQ(show("-1.5"_dec.negate()), "1.5");
  EXPECT_EQ(show(Decimal{}.negate()), "0");
  EXPECT_EQ(show("-1.5"_dec.abs()), "1.5");
  EXPECT_EQ(show("1.5"_dec.abs()), "1.5");
  EXPECT_EQ(show(Decimal::max().negate()->negate()), Decimal::max().to_string());
  EXPECT_EQ(error_code_of(Decimal::min().negate()), "decimal.overflow");
  EXPECT_EQ(error_code_of(Decimal::min().abs()), "decimal.overflow");
}

TEST(DecimalArithmetic, ComparesByValue) {
  EXPECT_LT("-1"_dec, "0.5"_dec);
  EXPECT_GT("0.0001"_dec, Decimal{});
  EXPECT_EQ("1.50"_dec, "1.5"_dec);
  EXPECT_TRUE("-0.1"_dec.is_negative());
  EXPECT_TRUE("0.1"_dec.is_positive());
  EXPECT_TRUE(Decimal{}.is_zero());
}

}  // namespace
}  // namespace tradelink::core
