#pragma once
// Exact fixed-point decimal for prices, amounts and balances. Never a double.
//
// Representation: a signed 128-bit count of 10^-18 units (18 fractional digits), so every
// value Gate.io sends (at most 18 decimals) is held exactly. The range is
// [-170141183460469231731.687303715884105728, 170141183460469231731.687303715884105727],
// about ±1.7e20. Arithmetic detects overflow and reports it instead of wrapping.
//
// A Decimal is a trivially copyable value; every member is safe to call from any thread.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::core {

/// How to round when a result has more digits than the target precision. Every mode is
/// defined on the signed value, so e.g. `floor` takes -1.5 to -2 and `down` takes it to -1.
enum class Rounding {
  down,       ///< toward zero (truncate)
  up,         ///< away from zero
  floor,      ///< toward −∞
  ceiling,    ///< toward +∞
  half_even,  ///< to nearest, ties to even (banker's rounding)
  half_up,    ///< to nearest, ties away from zero
};

class Decimal {
 public:
  // __extension__: the 128-bit integers are a GCC/Clang extension that -Wpedantic reports.
  __extension__ using Raw = __int128;
  static constexpr int scale = 18;  ///< fractional digits held exactly
  /// Buffer size write() needs: sign, 21 integer digits, point, 18 fractional digits, spare.
  static constexpr std::size_t max_text_length = 48;

  /// Zero.
  constexpr Decimal() noexcept = default;

  /// Exact integer value. Every int64 fits (|value| · 10^18 < 2^127), so this never fails;
  /// it returns a Result like every other Decimal factory.
  static Result<Decimal> from_integer(std::int64_t value) noexcept;
  /// `units` × 10^-scale, i.e. the raw representation.
  static constexpr Decimal from_raw(Raw units) noexcept { return Decimal{units}; }
  /// The smallest and largest representable values.
  static constexpr Decimal min() noexcept { return Decimal{raw_min}; }
  static constexpr Decimal max() noexcept { return Decimal{raw_max}; }

  /// Parses "123", "-3.41", "+0.00012300", ".5", "5.", "1e-8", "1.5E+3", "0E0". The whole text
  /// must be the number: no spaces, no hex, no "inf"/"nan". Exponents of any size are handled
  /// without looping over them. Errors: malformed text (`decimal.parse`), a nonzero digit below
  /// 10^-18 (`decimal.precision`; trailing zeros beyond 18 digits are fine), magnitude outside
  /// the range (`decimal.overflow`). Never allocates on success.
  static Result<Decimal> parse(std::string_view text) noexcept;

  /// Shortest exact text: no exponent, no trailing fractional zeros, "0" for zero, "-" sign only
  /// when negative (never "-0"). Round-trips through parse().
  [[nodiscard]] std::string to_string() const;
  /// Writes to_string() into `out` (at least `max_text_length` bytes, not NUL-terminated) and
  /// returns the length; no allocation.
  std::size_t write(char* out) const noexcept;
  /// Exactly `digits` fractional digits (negative counts as 0; beyond `scale` pads zeros),
  /// rounded half-even. Never fails: the rounding happens on the text, so even max() rounds up.
  [[nodiscard]] std::string to_string_fixed(int digits) const;

  [[nodiscard]] constexpr Raw raw() const noexcept { return units_; }
  [[nodiscard]] constexpr bool is_zero() const noexcept { return units_ == 0; }
  [[nodiscard]] constexpr bool is_negative() const noexcept { return units_ < 0; }
  [[nodiscard]] constexpr bool is_positive() const noexcept { return units_ > 0; }
  /// Number of fractional digits actually used (0 for integers, 6 for 0.00012300).
  [[nodiscard]] int fractional_digits() const noexcept;

  /// Checked arithmetic; error code `decimal.overflow` (and `decimal.division_by_zero`).
  [[nodiscard]] Result<Decimal> add(Decimal other) const noexcept;
  [[nodiscard]] Result<Decimal> sub(Decimal other) const noexcept;
  /// Exact product rounded to `scale` digits with `mode`.
  [[nodiscard]] Result<Decimal> mul(Decimal other,
                                    Rounding mode = Rounding::half_even) const noexcept;
  /// Quotient rounded to `scale` digits with `mode`.
  [[nodiscard]] Result<Decimal> div(Decimal other,
                                    Rounding mode = Rounding::half_even) const noexcept;
  /// −value; `decimal.overflow` for min() (its negation is one unit above max()).
  [[nodiscard]] Result<Decimal> negate() const noexcept;
  /// |value|; `decimal.overflow` for min().
  [[nodiscard]] Result<Decimal> abs() const noexcept;

  /// Rounds to `digits` fractional digits, `digits` in [-scale, scale]: negative `digits`
  /// rounds to tens, hundreds, ... (-1, -2, ...). Errors: `digits` outside that range
  /// (`decimal.digits`), rounding away from zero past the range (`decimal.overflow`).
  [[nodiscard]] Result<Decimal> quantize(int digits, Rounding mode) const noexcept;
  /// Rounds to a multiple of `step`, e.g. a tick size of 0.5 or a lot of 0.001. Errors:
  /// `step` <= 0 (`decimal.step`), rounding past the range (`decimal.overflow`).
  [[nodiscard]] Result<Decimal> quantize_to_step(Decimal step, Rounding mode) const noexcept;
  /// True when the value is an exact multiple of `step`; false whenever `step` <= 0.
  [[nodiscard]] bool is_multiple_of(Decimal step) const noexcept;

  friend constexpr bool operator==(Decimal, Decimal) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) noexcept {
    return a.units_ <=> b.units_;
  }

 private:
  __extension__ using RawBits = unsigned __int128;
  static constexpr Raw raw_max = static_cast<Raw>(~RawBits{0} >> 1);
  static constexpr Raw raw_min = -raw_max - 1;

  constexpr explicit Decimal(Raw units) noexcept : units_(units) {}
  Raw units_ = 0;
};

/// Literal-style helper for constants in code and tests: `"0.001"_dec`. Throws
/// std::invalid_argument with the parse error on bad text; runtime code uses parse().
Decimal operator""_dec(char const* text, std::size_t length);

}  // namespace tradelink::core
