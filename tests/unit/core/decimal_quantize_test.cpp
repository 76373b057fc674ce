// Decimal::quantize / quantize_to_step / is_multiple_of: tick and lot rounding.

#include <gtest/gtest.h>

#include "core/decimal.hpp"
#include "unit/core/decimal_oracle.hpp"

namespace tradelink::core {
namespace {

using testing::show;

std::string quantized(char const* text, int digits, Rounding mode) {
  auto const result = Decimal::parse(text)->quantize(digits, mode);
  return result.has_value() ? result->to_string() : result.error().code;
}

std::string stepped(char const* text, char const* step, Rounding mode) {
  auto const result = Decimal::parse(text)->quantize_to_step(Decimal::parse(step).value(), mode);
  return result.has_value() ? result->to_string() : result.error().code;
}

TEST(DecimalQuantize, EveryModeOnBothSigns) {
  struct Case {
    Rounding mode;
    char const* results[6];  // 1.25, 1.35, 1.31, then their negations
  };
  for (Case const& c : {Case{Rounding::down, {"1.2", "1.3", "1.3", "-1.2", "-1.3", "-1.3"}},
                        Case{Rounding::up, {"1.3", "1.4", "1.4", "-1.3", "-1.4", "-1.4"}},
                        Case{Rounding::floor, {"1.2", "1.3", "1.3", "-1.3", "-1.4", "-1.4"}},
                        Case{Rounding::ceiling, {"1.3", "1.4", "1.4", "-1.2", "-1.3", "-1.3"}},
                        Case{Rounding::half_even, {"1.2", "1.4", "1.3", "-1.2", "-1.4", "-1.3"}},
                        Case{Rounding::half_up, {"1.3", "1.4", "1.3", "-1.3", "-1.4", "-1.3"}}}) {
    char const* inputs[6] = {"1.25", "1.35", "1.31", "-1.25", "-1.35", "-1.31"};
    for (int i = 0; i < 6; ++i) {
      EXPECT_EQ(quantized(inputs[i], 1, c.mode), c.results[i])
          << inputs[i] << " " << testing::name(c.mode);
    }
  }
}

TEST(DecimalQuantize, NegativeDigitsRoundToTensAndBeyond) {
  EXPECT_EQ(quantized("1234.5", -2, Rounding::half_up), "1200");
  EXPECT_EQ(quantized("1250", -2, Rounding::half_even), "1200");
  EXPECT_EQ(quantized("-1250", -2, Rounding::half_up), "-1300");
  EXPECT_EQ(quantized("5", -1, Rounding::ceiling), "10");
  EXPECT_EQ(quantized("-5", -1, Rounding::ceiling), "0");
  EXPECT_EQ(quantized("123456789012345678901", -18, Rounding::down), "123000000000000000000");
}

TEST(DecimalQuantize, ExactValuesAndFullScaleAreUnchanged) {
  EXPECT_EQ(quantized("1.5", 1, Rounding::up), "1.5");
  EXPECT_EQ(quantized("0.000000000000000001", 18, Rounding::down), "0.000000000000000001");
  EXPECT_EQ(quantized("0.000000000000000001", 17, Rounding::down), "0");
  EXPECT_EQ(quantized("0.000000000000000001", 17, Rounding::up), "0.00000000000000001");
}

TEST(DecimalQuantize, RejectsDigitCountsOutsideTheScale) {
  EXPECT_EQ(quantized("1", 19, Rounding::down), "decimal.digits");
  EXPECT_EQ(quantized("1", -19, Rounding::down), "decimal.digits");
  EXPECT_EQ(Decimal{}.quantize(25, Rounding::down).error().message,
            "cannot round to 25 fractional digits: the count must be in [-18, 18]");
}

TEST(DecimalQuantize, ReportsOverflowWhenRoundingLeavesTheRange) {
  EXPECT_EQ(Decimal::max().quantize(0, Rounding::up).error().code, "decimal.overflow");
  EXPECT_EQ(Decimal::max().quantize(-18, Rounding::up).error().code, "decimal.overflow");
  EXPECT_EQ(Decimal::max().quantize(0, Rounding::down).value().to_string(),
            "170141183460469231731");
  EXPECT_EQ(Decimal::min().quantize(0, Rounding::down).value().to_string(),
            "-170141183460469231731");
}

TEST(DecimalQuantizeToStep, TickAndLotSizes) {
  EXPECT_EQ(stepped("100.37", "0.5", Rounding::floor), "100");
  EXPECT_EQ(stepped("100.37", "0.5", Rounding::half_even), "100.5");
  EXPECT_EQ(stepped("100.25", "0.5", Rounding::half_even), "100");
  EXPECT_EQ(stepped("100.75", "0.5", Rounding::half_even), "101");
  EXPECT_EQ(stepped("0.0123456", "0.001", Rounding::down), "0.012");
  EXPECT_EQ(stepped("-0.0123456", "0.001", Rounding::down), "-0.012");
  EXPECT_EQ(stepped("-0.0123456", "0.001", Rounding::floor), "-0.013");
  EXPECT_EQ(stepped("7", "2.5", Rounding::half_up), "7.5");
  EXPECT_EQ(stepped("3", "7", Rounding::down), "0");
}

TEST(DecimalQuantizeToStep, RejectsNonPositiveSteps) {
  EXPECT_EQ(stepped("1", "0", Rounding::down), "decimal.step");
  EXPECT_EQ(stepped("1", "-0.5", Rounding::down), "decimal.step");
  EXPECT_EQ("1"_dec.quantize_to_step("-0.5"_dec, Rounding::down).error().message,
            "cannot round to a step of -0.5: the step must be positive");
}

TEST(DecimalQuantizeToStep, ReportsOverflow) {
  EXPECT_EQ(Decimal::max().quantize_to_step("7"_dec, Rounding::up).error().code,
            "decimal.overflow");
  EXPECT_EQ(show(Decimal::max().quantize_to_step(Decimal::max(), Rounding::up)),
            Decimal::max().to_string());
  EXPECT_EQ(show("1"_dec.quantize_to_step(Decimal::max(), Rounding::up)),
            Decimal::max().to_string());
  EXPECT_EQ(show("-1"_dec.quantize_to_step(Decimal::max(), Rounding::up)),
            show(Decimal::max().negate()));
}

TEST(DecimalIsMultipleOf, ChecksExactMultiples) {
  EXPECT_TRUE("1.5"_dec.is_multiple_of("0.5"_dec));
  EXPECT_TRUE("-1.5"_dec.is_multiple_of("0.5"_dec));
  EXPECT_TRUE(Decimal{}.is_multiple_of("0.3"_dec));
  EXPECT_FALSE("1.55"_dec.is_multiple_of("0.1"_dec));
  EXPECT_FALSE("1"_dec.is_multiple_of(Decimal{}));
  EXPECT_FALSE("1"_dec.is_multiple_of("-1"_dec));
  EXPECT_TRUE(Decimal::min().is_multiple_of(Decimal::from_raw(2)));
}

}  // namespace
}  // namespace tradelink::core
