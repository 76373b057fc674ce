// Decimal::mul and Decimal::div: exact results rounded once to 18 digits.
//
// Both work on magnitudes. The fast path keeps the intermediate (a·b, or a·10^18 for div) in
// 128 bits; only when that overflows does the 256-bit path run, so typical prices and amounts
// never touch it.

#include <fmt/format.h>

#include "core/decimal.hpp"
#include "core/decimal_detail.hpp"

namespace tradelink::core {

using detail::Uint128;

Result<Decimal> Decimal::mul(Decimal other, Rounding mode) const noexcept {
  bool const negative = (units_ < 0) != (other.units_ < 0);
  Uint128 const left = detail::magnitude(units_);
  Uint128 const right = detail::magnitude(other.units_);

  std::optional<Uint128> product_magnitude;
  Uint128 product = 0;
  if (!__builtin_mul_overflow(left, right, &product)) {
    product_magnitude = detail::divide_rounded(product, detail::units_per_whole, negative, mode);
  } else {
    product_magnitude = detail::divide_rounded(detail::multiply_wide(left, right),
                                               detail::units_per_whole, negative, mode);
  }
  if (product_magnitude) {
    if (auto const result = detail::from_magnitude(*product_magnitude, negative)) return *result;
  }
  return detail::overflow_error(fmt::format("{} × {}", to_string(), other.to_string()));
}

Result<Decimal> Decimal::div(Decimal other, Rounding mode) const noexcept {
  if (other.units_ == 0) {
    return validation_error("decimal.division_by_zero",
                            fmt::format("cannot divide {} by zero", to_string()));
  }
  bool const negative = (units_ < 0) != (other.units_ < 0);
  Uint128 const dividend = detail::magnitude(units_);
  Uint128 const divisor = detail::magnitude(other.units_);

  // quotient units = dividend · 10^18 / divisor
  std::optional<Uint128> quotient_magnitude;
  Uint128 scaled = 0;
  if (!__builtin_mul_overflow(dividend, detail::units_per_whole, &scaled)) {
    quotient_magnitude = detail::divide_rounded(scaled, divisor, negative, mode);
  } else {
    quotient_magnitude = detail::divide_rounded(
        detail::multiply_wide(dividend, detail::units_per_whole), divisor, negative, mode);
  }
  if (quotient_magnitude) {
    if (auto const result = detail::from_magnitude(*quotient_magnitude, negative)) return *result;
  }
  return detail::overflow_error(fmt::format("{} ÷ {}", to_string(), other.to_string()));
}

}  // namespace tradelink::core
