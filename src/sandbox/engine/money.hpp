#pragma once
// Arithmetic on amounts inside the engine. Every amount that enters the engine is bounded at the
// door (balances, order values and sizes, see EngineConfig), so sums and products of them stay
// many orders of magnitude inside Decimal's ±1.7e20 range. These helpers therefore return plain
// Decimals; an overflow here would be a broken engine invariant, and it stops the process rather
// than letting a wrong balance exist.

#include <cstdint>

#include "core/decimal.hpp"

namespace tradelink::sandbox::money {

using core::Decimal;

/// Reports a broken internal invariant and aborts. Never returns.
[[noreturn]] void broken_invariant(char const* what) noexcept;

/// a + b.
[[nodiscard]] inline Decimal plus(Decimal a, Decimal b) noexcept {
  Decimal::Raw sum = 0;
  if (__builtin_add_overflow(a.raw(), b.raw(), &sum)) broken_invariant("decimal sum overflow");
  return Decimal::from_raw(sum);
}

/// a − b.
[[nodiscard]] inline Decimal minus(Decimal a, Decimal b) noexcept {
  Decimal::Raw difference = 0;
  if (__builtin_sub_overflow(a.raw(), b.raw(), &difference)) {
    broken_invariant("decimal difference overflow");
  }
  return Decimal::from_raw(difference);
}

/// −a.
[[nodiscard]] inline Decimal negated(Decimal a) noexcept {
  return minus(Decimal{}, a);
}

/// a × b rounded with `mode` to 18 decimals (exact for the catalogue's prices, sizes and rates).
/// Half-even products with one factor below 2^64 raw units (prices, sizes, rates) take two
/// 128-by-64-bit divisions instead of Decimal's general path.
[[nodiscard]] Decimal times(Decimal a, Decimal b,
                            core::Rounding mode = core::Rounding::half_even) noexcept;

/// A factor decomposed once for many products with it (a fee rate): n × 10^-exponent with n free
/// of trailing zeros, when its raw units fit 63 bits.
struct Factor {
  Decimal value;
  std::int64_t units = 0;
  int exponent = 0;
  bool decomposed = false;  ///< units and exponent hold `value`
  [[nodiscard]] static Factor of(Decimal factor) noexcept;
};

/// times(a, factor.value): a × n rounded half-even by one 128-by-64-bit division by 10^exponent,
/// where times() multiplies to 192 bits and divides twice by 10^18. Same result.
[[nodiscard]] Decimal times(Decimal a, Factor const& factor) noexcept;

/// a ÷ b rounded to 18 decimals with `mode`; b must not be zero.
[[nodiscard]] Decimal divided(Decimal a, Decimal b, core::Rounding mode) noexcept;

/// `count` × the value whose raw representation is `unit_raw`, computed on raw units.
[[nodiscard]] inline Decimal scaled(Decimal::Raw count, Decimal::Raw unit_raw) noexcept {
  Decimal::Raw product = 0;
  if (__builtin_mul_overflow(count, unit_raw, &product)) broken_invariant("decimal scale overflow");
  return Decimal::from_raw(product);
}

/// The whole number `value` (|value| < 9.2e18, exact).
[[nodiscard]] inline Decimal whole(std::int64_t value) noexcept {
  return Decimal::from_raw(static_cast<Decimal::Raw>(value) * 1'000'000'000'000'000'000);
}

/// `value` rounded to `digits` fractional digits (0..18) with `mode`.
[[nodiscard]] Decimal rounded(Decimal value, int digits, core::Rounding mode) noexcept;

/// A quantity step as n × 10^-exponent with n free of trailing zeros (0.0001 is 1 × 10^-4).
struct LotSize {
  std::int64_t units = 1;
  int exponent = 0;
  /// The decomposition of `step` (> 0, at most 18 decimals, n below 2^63).
  [[nodiscard]] static LotSize of(Decimal step) noexcept;
};

/// `value` / (`lots` × `lot`), rounded half-even to 18 decimals: a price from a total value and
/// a quantity in lots. Uses two 128-by-64-bit divisions in the common case instead of Decimal's
/// 256-bit path; falls back to it when lots × lot units exceed 64 bits. `lots` > 0.
[[nodiscard]] Decimal price_of(Decimal value, std::int64_t lots, LotSize lot) noexcept;

/// `value` / `divisor` rounded up to 8 decimals, for margins; whole-number divisors (leverage
/// 10, 125) take a 128-by-64-bit division, others the general path. `divisor` > 0.
[[nodiscard]] Decimal ceil8_divided(Decimal value, Decimal divisor) noexcept;

/// The smaller / larger of two values.
[[nodiscard]] inline Decimal smaller(Decimal a, Decimal b) noexcept {
  return b < a ? b : a;
}
[[nodiscard]] inline Decimal larger(Decimal a, Decimal b) noexcept {
  return a < b ? b : a;
}

}  // namespace tradelink::sandbox::money
