#include "core/uint256.hpp"

#include <array>
#include <bit>
#include <cstdint>

namespace tradelink::core::detail {
namespace {

__extension__ using Int128 = __int128;
using Limb = std::uint64_t;
constexpr Uint128 limb_mask = ~Limb{0};

constexpr Limb low_limb(Uint128 value) noexcept {
  return static_cast<Limb>(value);
}
constexpr Limb high_limb(Uint128 value) noexcept {
  return static_cast<Limb>(value >> 64);
}
constexpr Uint128 join(Limb high, Limb low) noexcept {
  return (Uint128{high} << 64) | low;
}

/// Little-endian limbs of a 256-bit value.
std::array<Limb, 4> to_limbs(Uint256 value) noexcept {
  return {low_limb(value.low), high_limb(value.low), low_limb(value.high), high_limb(value.high)};
}

/// Schoolbook division by a divisor that fits one limb: every partial remainder is below the
/// divisor, so each quotient limb fits 64 bits.
Uint256Division divide_by_limb(Uint256 dividend, Limb divisor) noexcept {
  auto const limbs = to_limbs(dividend);
  std::array<Limb, 4> quotient{};
  Limb remainder = 0;
  for (int i = 3; i >= 0; --i) {
    auto const index = static_cast<std::size_t>(i);
    Uint128 const current = join(remainder, limbs[index]);
    Uint128 const digit = current / divisor;
    quotient[index] = low_limb(digit);
    remainder = low_limb(current - digit * divisor);
  }
  return {Uint256{join(quotient[3], quotient[2]), join(quotient[1], quotient[0])}, remainder};
}

/// Knuth's algorithm D (TAOCP vol. 2, 4.3.1) for a two-limb divisor, with 64-bit limbs and
/// 128-bit intermediates.
Uint256Division divide_by_two_limbs(Uint256 dividend, Uint128 divisor) noexcept {
  // Normalise so the divisor's top bit is set; the quotient-digit estimate is then off by at
  // most two.
  int const shift = std::countl_zero(high_limb(divisor));
  Uint128 const normalized = divisor << shift;
  std::array<Limb, 2> const v{low_limb(normalized), high_limb(normalized)};

  auto const source = to_limbs(dividend);
  std::array<Limb, 5> u{};
  for (std::size_t i = 0; i < 4; ++i) {
    u[i] = source[i] << shift;
    if (shift != 0 && i > 0) u[i] |= source[i - 1] >> (64 - shift);
  }
  u[4] = shift != 0 ? source[3] >> (64 - shift) : 0;

  std::array<Limb, 3> quotient{};
  for (int signed_j = 2; signed_j >= 0; --signed_j) {
    auto const j = static_cast<std::size_t>(signed_j);
    Uint128 const top = join(u[j + 2], u[j + 1]);
    Uint128 estimate = top / v[1];
    Uint128 rest = top - estimate * v[1];
    while (estimate > limb_mask || estimate * v[0] > join(low_limb(rest), u[j])) {
      --estimate;
      rest += v[1];
      if (rest > limb_mask) break;
    }

    // With a two-limb divisor the test above compares against the whole divisor, so the
    // estimate is exact here and u[j..j+2] − estimate · v cannot go negative (Knuth's add-back
    // step is never needed). Track the borrow as a signed 128-bit carry.
    Int128 borrow = 0;
    for (std::size_t i = 0; i < 2; ++i) {
      Uint128 const product = estimate * v[i];
      Int128 const difference =
          static_cast<Int128>(u[i + j]) - borrow - static_cast<Int128>(product & limb_mask);
      u[i + j] = static_cast<Limb>(difference);
      borrow = static_cast<Int128>(product >> 64) - (difference >> 64);
    }
    u[j + 2] = static_cast<Limb>(static_cast<Int128>(u[j + 2]) - borrow);
    quotient[j] = low_limb(estimate);
  }

  Uint128 const remainder = join(u[1], u[0]) >> shift;
  return {Uint256{quotient[2], join(quotient[1], quotient[0])}, remainder};
}

}  // namespace

Uint256 multiply_wide(Uint128 a, Uint128 b) noexcept {
  Uint128 const low_low = Uint128{low_limb(a)} * low_limb(b);
  Uint128 const low_high = Uint128{low_limb(a)} * high_limb(b);
  Uint128 const high_low = Uint128{high_limb(a)} * low_limb(b);
  Uint128 const high_high = Uint128{high_limb(a)} * high_limb(b);

  // Below 3 · 2^64, so the middle column cannot overflow.
  Uint128 const middle = (low_low >> 64) + (low_high & limb_mask) + (high_low & limb_mask);
  return Uint256{high_high + (low_high >> 64) + (high_low >> 64) + (middle >> 64),
                 (middle << 64) | (low_low & limb_mask)};
}

Uint256Division divide_wide(Uint256 dividend, Uint128 divisor) noexcept {
  if (high_limb(divisor) == 0) return divide_by_limb(dividend, low_limb(divisor));
  return divide_by_two_limbs(dividend, divisor);
}

}  // namespace tradelink::core::detail
