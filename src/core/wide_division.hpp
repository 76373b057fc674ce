#pragma once
// Division of a 128-bit magnitude by a 64-bit divisor. The hot divisions of money code have
// this shape (raw Decimal units by 10^18, a tick or a lot count), and GCC lowers any
// `unsigned __int128 / x` to libgcc's general 128-by-128 routine; on x86-64 this takes the
// hardware's 128-by-64 `div` once or twice instead.

#include <cstdint>
#include <optional>

#include "core/uint256.hpp"

namespace tradelink::core {

struct WideQuotient {
  detail::Uint128 quotient = 0;
  std::uint64_t remainder = 0;
};

/// `numerator` / `divisor` and the remainder; `divisor` > 0.
[[nodiscard]] inline WideQuotient divide(detail::Uint128 numerator,
                                         std::uint64_t divisor) noexcept {
#if defined(__x86_64__)
  auto const high = static_cast<std::uint64_t>(numerator >> 64);
  auto const low = static_cast<std::uint64_t>(numerator);
  std::uint64_t quotient_high = 0;
  std::uint64_t carried = high;
  if (high >= divisor) {
    quotient_high = high / divisor;
    carried = high % divisor;
  }
  // carried < divisor, so the quotient of carried:low fits 64 bits and `div` cannot trap.
  std::uint64_t quotient_low = 0;
  std::uint64_t remainder = 0;
  __asm__("divq %[divisor]"
          : "=a"(quotient_low), "=d"(remainder)
          : [divisor] "rm"(divisor), "a"(low), "d"(carried)
          : "cc");
  return {(detail::Uint128{quotient_high} << 64) | quotient_low, remainder};
#else
  return {numerator / divisor, static_cast<std::uint64_t>(numerator % divisor)};
#endif
}

/// `factor` × `multiplier` / `divisor` and the remainder, exact through a 192-bit intermediate;
/// nullopt when the quotient needs more than 128 bits. `divisor` > 0.
[[nodiscard]] inline std::optional<WideQuotient> multiply_divide(detail::Uint128 factor,
                                                                 std::uint64_t multiplier,
                                                                 std::uint64_t divisor) noexcept {
  detail::Uint128 const low_product =
      detail::Uint128{static_cast<std::uint64_t>(factor)} * multiplier;
  detail::Uint128 const high_product =
      detail::Uint128{static_cast<std::uint64_t>(factor >> 64)} * multiplier;
  // The product as three 64-bit words top:middle:bottom.
  detail::Uint128 const middle_sum = (low_product >> 64) + static_cast<std::uint64_t>(high_product);
  auto const bottom = static_cast<std::uint64_t>(low_product);
  auto const middle = static_cast<std::uint64_t>(middle_sum);
  auto const top =
      static_cast<std::uint64_t>(high_product >> 64) + static_cast<std::uint64_t>(middle_sum >> 64);
  if (top >= divisor) return std::nullopt;
  WideQuotient const upper = divide((detail::Uint128{top} << 64) | middle, divisor);
  WideQuotient const lower = divide((detail::Uint128{upper.remainder} << 64) | bottom, divisor);
  return WideQuotient{(upper.quotient << 64) | lower.quotient, lower.remainder};
}

/// Whether a truncated quotient rounds one unit away from zero under half-even rounding:
/// `remainder` / `divisor` is the discarded fraction.
[[nodiscard]] constexpr bool half_even_rounds_up(std::uint64_t remainder, std::uint64_t divisor,
                                                 bool quotient_is_odd) noexcept {
  std::uint64_t const distance_to_next = divisor - remainder;
  return remainder > distance_to_next || (remainder == distance_to_next && quotient_is_odd);
}

}  // namespace tradelink::core
