#include "sandbox/engine/money.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "sandbox/engine/wide_division.hpp"

namespace tradelink::sandbox::money {

void broken_invariant(char const* what) noexcept {
  std::fprintf(stderr, "sandbox engine invariant broken: %s\n", what);
  std::abort();
}

namespace {

__extension__ using Unsigned = unsigned __int128;
constexpr std::int64_t units_per_whole = 1'000'000'000'000'000'000;

Unsigned magnitude(Decimal::Raw raw) noexcept {
  return raw < 0 ? Unsigned{0} - static_cast<Unsigned>(raw) : static_cast<Unsigned>(raw);
}

/// 10^0 .. 10^18.
constexpr std::array<Unsigned, 19> powers_of_ten = [] {
  std::array<Unsigned, 19> powers{};
  Unsigned power = 1;
  for (auto& entry : powers) {
    entry = power;
    power *= 10;
  }
  return powers;
}();

Unsigned power_of_ten(int exponent) noexcept {
  return powers_of_ten[static_cast<std::size_t>(exponent)];
}

/// The whole units and the fraction of a non-negative raw value. Values below 2^64 raw units
/// (about 18.4: leverages up to 18) divide by the constant in 64 bits, which the compiler turns
/// into a multiplication; larger ones take the native 128-by-64 division.
WideQuotient whole_and_fraction(Unsigned raw) noexcept {
  if (raw >> 64 == 0) {
    auto const narrow = static_cast<std::uint64_t>(raw);
    constexpr auto unit = static_cast<std::uint64_t>(units_per_whole);
    return {narrow / unit, narrow % unit};
  }
  return divide(raw, units_per_whole);
}

}  // namespace

Decimal times(Decimal a, Decimal b, core::Rounding mode) noexcept {
  Unsigned left = magnitude(a.raw());
  Unsigned right = magnitude(b.raw());
  if (right >> 64 != 0) std::swap(left, right);
  if (mode == core::Rounding::half_even && right >> 64 == 0) {
    // An amount times a price, size or fee rate: exact through 192 bits, one rounding.
    if (auto const product =
            multiply_divide(left, static_cast<std::uint64_t>(right), units_per_whole)) {
      Unsigned magnitude_units = product->quotient;
      if (half_even_rounds_up(product->remainder, units_per_whole, (magnitude_units & 1) != 0)) {
        ++magnitude_units;
      }
      if (magnitude_units >> 127 == 0) {
        auto const units = static_cast<Decimal::Raw>(magnitude_units);
        return Decimal::from_raw(((a.raw() < 0) != (b.raw() < 0)) ? -units : units);
      }
    }
  }
  auto const product = a.mul(b, mode);
  if (!product) broken_invariant("decimal product overflow");
  return *product;
}

Factor Factor::of(Decimal factor) noexcept {
  Factor result;
  result.value = factor;
  Decimal::Raw units = factor.raw();
  constexpr auto narrow_max = static_cast<Decimal::Raw>(INT64_MAX);
  if (units > narrow_max || units < -narrow_max) return result;
  int exponent = Decimal::scale;
  while (exponent > 0 && units % 10 == 0) {
    units /= 10;
    --exponent;
  }
  result.units = static_cast<std::int64_t>(units);
  result.exponent = exponent;
  result.decomposed = true;
  return result;
}

Decimal times(Decimal a, Factor const& factor) noexcept {
  if (factor.decomposed) {
    // The exact product in raw units is |a raw| × |n| / 10^exponent.
    Unsigned const left = magnitude(a.raw());
    auto const right = static_cast<std::uint64_t>(factor.units < 0 ? -factor.units : factor.units);
    Unsigned const low = Unsigned{static_cast<std::uint64_t>(left)} * right;
    Unsigned const high = Unsigned{static_cast<std::uint64_t>(left >> 64)} * right;
    Unsigned product = 0;
    if (high >> 64 == 0 && !__builtin_add_overflow(high << 64, low, &product)) {
      Unsigned units = product;
      if (factor.exponent > 0) {
        auto const divisor = static_cast<std::uint64_t>(power_of_ten(factor.exponent));
        auto const [quotient, remainder] = divide(product, divisor);
        units = quotient;
        if (half_even_rounds_up(remainder, divisor, (quotient & 1) != 0)) ++units;
      }
      if (units >> 127 == 0) {
        auto const raw = static_cast<Decimal::Raw>(units);
        return Decimal::from_raw(((a.raw() < 0) != (factor.units < 0)) ? -raw : raw);
      }
    }
  }
  return times(a, factor.value);
}

Decimal divided(Decimal a, Decimal b, core::Rounding mode) noexcept {
  auto const quotient = a.div(b, mode);
  if (!quotient) broken_invariant("decimal division failed");
  return *quotient;
}

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
  std::int64_t denominator = 0;
  if (!__builtin_mul_overflow(lots, lot.units, &denominator)) {
    auto const power = static_cast<std::uint64_t>(power_of_ten(lot.exponent));
    auto const divisor = static_cast<std::uint64_t>(denominator);
    if (auto const exact = multiply_divide(magnitude(value.raw()), power, divisor)) {
      Unsigned quotient = exact->quotient;
      if (half_even_rounds_up(exact->remainder, divisor, (quotient & 1) != 0)) ++quotient;
      if (quotient >> 127 == 0) {
        auto const raw = static_cast<Decimal::Raw>(quotient);
        return Decimal::from_raw(value.is_negative() ? -raw : raw);
      }
    }
  }
  auto const lot_raw = static_cast<Decimal::Raw>(lot.units) *
                       static_cast<Decimal::Raw>(power_of_ten(Decimal::scale - lot.exponent));
  Decimal const size = Decimal::from_raw(static_cast<Decimal::Raw>(lots) * lot_raw);
  return divided(value, size, core::Rounding::half_even);
}

Decimal ceil8_divided(Decimal value, Decimal divisor) noexcept {
  constexpr std::uint64_t units_per_step = 10'000'000'000;  // 1e-8 in raw units
  if (!value.is_negative() && divisor.is_positive()) {
    auto const [whole, fraction] = whole_and_fraction(static_cast<Unsigned>(divisor.raw()));
    if (fraction == 0 && whole <= 900'000'000) {
      auto const step = static_cast<std::uint64_t>(whole) * units_per_step;
      auto const [quotient, remainder] = divide(static_cast<Unsigned>(value.raw()), step);
      Unsigned const steps = quotient + (remainder != 0 ? 1 : 0);
      return Decimal::from_raw(static_cast<Decimal::Raw>(steps * units_per_step));
    }
  }
  return rounded(divided(value, divisor, core::Rounding::up), 8, core::Rounding::up);
}

Decimal rounded(Decimal value, int digits, core::Rounding mode) noexcept {
  auto const result = value.quantize(digits, mode);
  if (!result) broken_invariant("decimal rounding failed");
  return *result;
}

}  // namespace tradelink::sandbox::money
