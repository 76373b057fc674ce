// Decimal::quantize, quantize_to_step and is_multiple_of: rounding to a grid of multiples.

#include <fmt/format.h>

#include "core/decimal.hpp"
#include "core/decimal_detail.hpp"

namespace tradelink::core {
namespace {

using detail::Uint128;

/// The multiple of `step` (> 0, in raw units) nearest to `raw` under `mode`; nullopt when it is
/// beyond the range.
std::optional<Decimal> round_to_multiple(Decimal::Raw raw, Uint128 step, Rounding mode) noexcept {
  bool const negative = raw < 0;
  Uint128 const multiples = detail::divide_rounded(detail::magnitude(raw), step, negative, mode);
  // multiples · step <= |raw| + step < 2^128: the product itself cannot wrap.
  return detail::from_magnitude(multiples * step, negative);
}

}  // namespace

Result<Decimal> Decimal::quantize(int digits, Rounding mode) const noexcept {
  if (digits < -scale || digits > scale) {
    return validation_error(
        "decimal.digits",
        fmt::format("cannot round to {} fractional digits: the count must be in [-{}, {}]", digits,
                    scale, scale));
  }
  Uint128 const step = detail::powers_of_ten[static_cast<std::size_t>(scale - digits)];
  if (auto const result = round_to_multiple(units_, step, mode)) return *result;
  return detail::overflow_error(fmt::format("{} rounded to {} digits", to_string(), digits));
}

Result<Decimal> Decimal::quantize_to_step(Decimal step, Rounding mode) const noexcept {
  if (step.units_ <= 0) {
    return validation_error(
        "decimal.step",
        fmt::format("cannot round to a step of {}: the step must be positive", step.to_string()));
  }
  if (auto const result = round_to_multiple(units_, static_cast<Uint128>(step.units_), mode)) {
    return *result;
  }
  return detail::overflow_error(
      fmt::format("{} rounded to a multiple of {}", to_string(), step.to_string()));
}

bool Decimal::is_multiple_of(Decimal step) const noexcept {
  if (step.units_ <= 0) return false;
  return detail::magnitude(units_) % static_cast<Uint128>(step.units_) == 0;
}

}  // namespace tradelink::core
