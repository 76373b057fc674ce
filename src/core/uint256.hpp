#pragma once
// 256-bit unsigned arithmetic for Decimal's slow paths: the full product of two 128-bit
// magnitudes and its division by a 128-bit divisor. Internal to core (namespace detail); the
// fast paths never touch it.

#include <compare>

namespace tradelink::core::detail {

// __extension__: 128-bit integers are a GCC/Clang extension that -Wpedantic reports.
__extension__ using Uint128 = unsigned __int128;

/// An unsigned 256-bit value as two 128-bit halves: high · 2^128 + low.
struct Uint256 {
  Uint128 high = 0;
  Uint128 low = 0;

  friend constexpr bool operator==(Uint256, Uint256) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(Uint256 a, Uint256 b) noexcept {
    if (auto const order = a.high <=> b.high; std::is_neq(order)) return order;
    return a.low <=> b.low;
  }
};

/// Quotient and remainder of a 256-by-128-bit division.
struct Uint256Division {
  Uint256 quotient;
  Uint128 remainder = 0;
};

/// The exact product a · b (never overflows: it fits in 256 bits).
[[nodiscard]] Uint256 multiply_wide(Uint128 a, Uint128 b) noexcept;

/// Truncating division of `dividend` by `divisor`, which must not be zero (checked by callers;
/// a zero divisor is a precondition violation, not a reported error).
[[nodiscard]] Uint256Division divide_wide(Uint256 dividend, Uint128 divisor) noexcept;

}  // namespace tradelink::core::detail
