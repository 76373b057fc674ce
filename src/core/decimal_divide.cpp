// The rounded divisions behind Decimal's mul, div and quantize.

#include <cstdint>

#include "core/decimal_detail.hpp"

namespace tradelink::core::detail {

Uint128 divide_rounded(Uint128 dividend, Uint128 divisor, bool negative, Rounding mode) noexcept {
  Uint128 quotient = 0;
  Uint128 remainder = 0;
  if ((dividend >> 64) == 0) {
    // Both fit 64 bits (divisor <= dividend, or the quotient is simply 0): one native division.
    auto const small_dividend = static_cast<std::uint64_t>(dividend);
    auto const small_divisor = static_cast<std::uint64_t>(divisor);
    bool const divisor_is_small = (divisor >> 64) == 0;
    quotient = divisor_is_small ? small_dividend / small_divisor : 0;
    remainder = divisor_is_small ? small_dividend % small_divisor : dividend;
  } else {
    quotient = dividend / divisor;
    remainder = dividend - quotient * divisor;
  }
  if (rounds_away_from_zero(mode, negative, (quotient & 1) != 0, remainder, divisor)) ++quotient;
  return quotient;
}

std::optional<Uint128> divide_rounded(Uint256 dividend, Uint128 divisor, bool negative,
                                      Rounding mode) noexcept {
  auto const [quotient, remainder] = divide_wide(dividend, divisor);
  if (quotient.high != 0) return std::nullopt;
  Uint128 result = quotient.low;
  if (rounds_away_from_zero(mode, negative, (result & 1) != 0, remainder, divisor)) {
    if (result == ~Uint128{0}) return std::nullopt;
    ++result;
  }
  return result;
}

}  // namespace tradelink::core::detail
