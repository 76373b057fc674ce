#pragma once
// Pieces shared by the Decimal translation units (parsing, formatting, arithmetic): powers of
// ten, sign/magnitude conversion, the rounding decision and the error builders. Internal to core.

#include <array>
#include <optional>
#include <string_view>

#include "core/decimal.hpp"
#include "core/error.hpp"
#include "core/uint256.hpp"

namespace tradelink::core::detail {

/// 10^0 .. 10^38, every power of ten below 2^128.
inline constexpr std::array<Uint128, 39> powers_of_ten = [] {
  std::array<Uint128, 39> powers{};
  Uint128 power = 1;
  for (auto& entry : powers) {
    entry = power;
    power *= 10;
  }
  return powers;
}();

/// Raw units in one whole unit: 10^scale.
inline constexpr Uint128 units_per_whole = powers_of_ten[Decimal::scale];

/// |raw| without overflow, also for the minimum value.
constexpr Uint128 magnitude(Decimal::Raw raw) noexcept {
  auto const bits = static_cast<Uint128>(raw);
  return raw < 0 ? ~bits + 1 : bits;
}

/// Largest magnitude a value of the given sign can have: 2^127 when negative, 2^127 − 1 otherwise.
constexpr Uint128 magnitude_limit(bool negative) noexcept {
  Uint128 const two_to_127 = Uint128{1} << 127;
  return negative ? two_to_127 : two_to_127 - 1;
}

/// The raw value with the given sign and magnitude; `magnitude` must be within magnitude_limit().
constexpr Decimal::Raw signed_raw(Uint128 magnitude_value, bool negative) noexcept {
  return static_cast<Decimal::Raw>(negative ? ~magnitude_value + 1 : magnitude_value);
}

/// The Decimal with this sign and magnitude; nullopt when the magnitude is beyond the range.
constexpr std::optional<Decimal> from_magnitude(Uint128 magnitude_value, bool negative) noexcept {
  if (magnitude_value > magnitude_limit(negative)) return std::nullopt;
  return Decimal::from_raw(signed_raw(magnitude_value, negative));
}

/// Whether a truncated quotient must move one unit away from zero. The quotient's magnitude is
/// `quotient_is_odd`-parity, the discarded part is remainder / divisor (remainder < divisor), and
/// `negative` is the sign of the exact result.
constexpr bool rounds_away_from_zero(Rounding mode, bool negative, bool quotient_is_odd,
                                     Uint128 remainder, Uint128 divisor) noexcept {
  if (remainder == 0) return false;
  Uint128 const distance_to_next = divisor - remainder;
  switch (mode) {
    case Rounding::down: return false;
    case Rounding::up: return true;
    case Rounding::floor: return negative;
    case Rounding::ceiling: return !negative;
    case Rounding::half_up: return remainder >= distance_to_next;
    case Rounding::half_even:
      return remainder > distance_to_next || (remainder == distance_to_next && quotient_is_odd);
  }
  return false;
}

/// dividend / divisor (divisor > 0) rounded with `mode`; `negative` is the sign of the exact
/// result. Never overflows: a quotient that rounds up is below the dividend.
[[nodiscard]] Uint128 divide_rounded(Uint128 dividend, Uint128 divisor, bool negative,
                                     Rounding mode) noexcept;
/// The same for a 256-bit dividend; nullopt when the rounded quotient needs more than 128 bits.
[[nodiscard]] std::optional<Uint128> divide_rounded(Uint256 dividend, Uint128 divisor,
                                                    bool negative, Rounding mode) noexcept;

/// `decimal.overflow`: `what` describes the value or operation, e.g. "2 × 100000000000000000000".
[[nodiscard]] Error overflow_error(std::string_view what);

}  // namespace tradelink::core::detail
