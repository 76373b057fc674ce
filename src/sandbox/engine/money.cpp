#include "sandbox/engine/money.hpp"

#include <cstdio>
#include <cstdlib>

namespace tradelink::sandbox::money {

void broken_invariant(char const* what) noexcept {
  std::fprintf(stderr, "sandbox engine invariant broken: %s\n", what);
  std::abort();
}

Decimal times(Decimal a, Decimal b, core::Rounding mode) noexcept {
  auto const product = a.mul(b, mode);
  if (!product) broken_invariant("decimal product overflow");
  return *product;
}

Decimal divided(Decimal a, Decimal b, core::Rounding mode) noexcept {
  auto const quotient = a.div(b, mode);
  if (!quotient) broken_invariant("decimal division failed");
  return *quotient;
}

namespace {

__extension__ using Unsigned = unsigned __int128;
constexpr std::int64_t units_per_whole = 1'000'000'000'000'000'000;

constexpr Unsigned power_of_ten(int exponent) noexcept {
  Unsigned power = 1;
  for (int step = 0; step < exponent; ++step) power *= 10;
  return power;
}

Unsigned magnitude(Decimal::Raw raw) noexcept {
  return raw < 0 ? Unsigned{0} - static_cast<Unsigned>(raw) : static_cast<Unsigned>(raw);
}

}  // namespace

LotSize LotSize::of(Decimal step) noexcept {
  Decimal::Raw units = step.raw();
  int exponent = Decimal::scale;
  while (exponent > 0 && units % 10 == 0) {
    units /= 10;
    --exponent;
  }
  return LotSize{static_cast<std::int64_t>(units), exponent};
}

Decimal price_of(Decimal value, std::int64_t lots, LotSize lot) noexcept {
  // price raw = value raw × 10^exponent / (lots × units)
  Unsigned numerator = 0;
  std::int64_t denominator = 0;
  if (__builtin_mul_overflow(magnitude(value.raw()), power_of_ten(lot.exponent), &numerator) ||
      __builtin_mul_overflow(lots, lot.units, &denominator) ||
      numerator >> 126 != 0) {
    Decimal const size = Decimal::from_raw(static_cast<Decimal::Raw>(lots) *
                                           (static_cast<Decimal::Raw>(lot.units) *
                                            static_cast<Decimal::Raw>(power_of_ten(Decimal::scale - lot.exponent))));
    return divided(value, size, core::Rounding::half_even);
  }
  auto const divisor = static_cast<Unsigned>(denominator);
  Unsigned quotient = numerator / divisor;
  Unsigned const twice_remainder = (numerator % divisor) * 2;
  if (twice_remainder > divisor || (twice_remainder == divisor && (quotient & 1) != 0)) ++quotient;
  auto const raw = static_cast<Decimal::Raw>(quotient);
  return Decimal::from_raw(value.is_negative() ? -raw : raw);
}

Decimal ceil8_divided(Decimal value, Decimal divisor) noexcept {
  constexpr std::int64_t units_per_step = 10'000'000'000;  // 1e-8 in raw units
  Decimal::Raw const whole = divisor.raw() / units_per_whole;
  if (value.is_negative() || divisor.raw() % units_per_whole != 0 || whole <= 0 ||
      whole > 900'000'000) {
    return rounded(divided(value, divisor, core::Rounding::up), 8, core::Rounding::up);
  }
  auto const step = static_cast<Unsigned>(whole) * units_per_step;
  Unsigned const numerator = static_cast<Unsigned>(value.raw());
  Unsigned const steps = numerator / step + (numerator % step != 0 ? 1 : 0);
  return Decimal::from_raw(static_cast<Decimal::Raw>(steps * units_per_step));
}

Decimal rounded(Decimal value, int digits, core::Rounding mode) noexcept {
  auto const result = value.quantize(digits, mode);
  if (!result) broken_invariant("decimal rounding failed");
  return *result;
}

}  // namespace tradelink::sandbox::money
