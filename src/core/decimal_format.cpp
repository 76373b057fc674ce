// Decimal to text: write() / to_string() (shortest exact form) and to_string_fixed().

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/decimal.hpp"
#include "core/decimal_detail.hpp"
#include "core/wide_division.hpp"

namespace tradelink::core {
namespace {

using detail::Uint128;

/// "00" "01" ... "99": two digits per division halves the divisions.
constexpr std::array<char, 200> digit_pairs = [] {
  std::array<char, 200> pairs{};
  for (std::size_t i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

constexpr std::uint64_t ten_to_19 = 10'000'000'000'000'000'000ULL;

/// Writes exactly `width` digits of `value` (zero-padded on the left; value < 10^width).
char* write_padded(char* out, std::uint64_t value, int width) noexcept {
  char* cursor = out + width;
  while (cursor - out >= 2) {
    cursor -= 2;
    std::memcpy(cursor, &digit_pairs[static_cast<std::size_t>(value % 100) * 2], 2);
    value /= 100;
  }
  if (cursor != out) *--cursor = static_cast<char>('0' + value % 10);
  return out + width;
}

/// Decimal digits of `value` (1 for zero) without a loop: from the bit length times log10(2)
/// (1233 / 4096, close enough below 2^64), which is the digit count or one more than it. `value
/// | 1` has as many digits as `value` (no power of ten is odd but 1) and is never zero.
int count_digits(std::uint64_t value) noexcept {
  std::uint64_t const odd = value | 1;
  int const bits = 64 - std::countl_zero(odd);
  int const estimate = (bits * 1233) >> 12;  // at most 19
  auto const power =
      static_cast<std::uint64_t>(detail::powers_of_ten[static_cast<std::size_t>(estimate)]);
  return estimate + 1 - (odd < power ? 1 : 0);
}

/// Writes `value` in decimal without leading zeros ("0" for zero).
char* write_unsigned(char* out, Uint128 value) noexcept {
  if (value <= ~std::uint64_t{0}) {
    auto const small = static_cast<std::uint64_t>(value);
    return write_padded(out, small, count_digits(small));
  }
  // Above 2^64: the (at most 20-digit) rest, then the low 19 digits.
  auto const [high, low] = divide(value, ten_to_19);
  out = write_unsigned(out, high);
  return write_padded(out, low, 19);
}

/// Splits a magnitude into its whole part and its 18-digit fraction.
struct WholeAndFraction {
  Uint128 whole;
  std::uint64_t fraction;
};

constexpr auto unit = static_cast<std::uint64_t>(detail::units_per_whole);

/// ceil(2^187 / 10^18), by long division one bit at a time (2^187 needs more than 128 bits).
constexpr Uint128 reciprocal_of_unit = [] {
  Uint128 quotient = 0;
  std::uint64_t remainder = 0;
  for (int bit = 187; bit >= 0; --bit) {
    remainder = remainder * 2 + (bit == 187 ? 1 : 0);
    if (remainder >= unit) {
      remainder -= unit;
      quotient |= Uint128{1} << bit;  // the quotient is below 2^128: bit < 128 here
    }
  }
  return quotient + (remainder != 0 ? 1 : 0);
}();

/// The upper 128 bits of the 256-bit product a · b.
constexpr Uint128 multiply_high(Uint128 a, Uint128 b) noexcept {
  auto const a_low = static_cast<std::uint64_t>(a);
  auto const a_high = static_cast<std::uint64_t>(a >> 64);
  auto const b_low = static_cast<std::uint64_t>(b);
  auto const b_high = static_cast<std::uint64_t>(b >> 64);
  Uint128 const low_low = Uint128{a_low} * b_low;
  Uint128 const low_high = Uint128{a_low} * b_high;
  Uint128 const high_low = Uint128{a_high} * b_low;
  Uint128 const high_high = Uint128{a_high} * b_high;
  Uint128 const middle =
      (low_low >> 64) + static_cast<std::uint64_t>(low_high) + static_cast<std::uint64_t>(high_low);
  return high_high + (low_high >> 64) + (high_low >> 64) + (middle >> 64);
}

/// magnitude / 10^18 for any magnitude below 2^128 without a division instruction:
/// magnitude · M / 2^187 with M = ceil(2^187 / 10^18) (Granlund and Montgomery: exact for every
/// dividend below 2^127 because M · 10^18 − 2^187 < 10^18 < 2^60; a Decimal's magnitude is at
/// most 2^127, itself a multiple of 2^18 for which the quotient is exact too).
constexpr Uint128 whole_units(Uint128 magnitude_value) noexcept {
  return multiply_high(magnitude_value, reciprocal_of_unit) >> 59;
}

static_assert(whole_units(Uint128{1} << 127) == (Uint128{1} << 127) / unit);
static_assert(whole_units((Uint128{1} << 127) - 1) == ((Uint128{1} << 127) - 1) / unit);
static_assert(whole_units(Uint128{unit} * 65'000 - 1) == 64'999);
static_assert(whole_units(Uint128{unit} * 65'000) == 65'000);

WholeAndFraction split(Uint128 magnitude_value) noexcept {
  if (magnitude_value <= ~std::uint64_t{0}) {
    auto const small = static_cast<std::uint64_t>(magnitude_value);
    return {small / unit, small % unit};
  }
  Uint128 const whole = whole_units(magnitude_value);
  // The fraction is below 10^18: the low 64 bits of the difference are all of it.
  auto const fraction =
      static_cast<std::uint64_t>(magnitude_value) - static_cast<std::uint64_t>(whole) * unit;
  return {whole, fraction};
}

/// A non-zero fraction of `width` (< 32) digits without its trailing zeros: the digits that
/// remain and their value. Binary steps: five tests instead of one division per zero.
struct Digits {
  std::uint64_t value;
  int width;
};

/// Strips `step` zeros when `digits` ends with that many. The step is a constant so that the
/// division compiles to a multiplication.
template <int step>
void strip_zeros(Digits& digits) noexcept {
  constexpr auto divisor = static_cast<std::uint64_t>(detail::powers_of_ten[step]);
  if (digits.value % divisor == 0) {
    digits.value /= divisor;
    digits.width -= step;
  }
}

Digits strip_trailing_zeros(std::uint64_t value, int width) noexcept {
  Digits digits{value, width};
  strip_zeros<16>(digits);
  strip_zeros<8>(digits);
  strip_zeros<4>(digits);
  strip_zeros<2>(digits);
  strip_zeros<1>(digits);
  return digits;
}

}  // namespace

std::size_t Decimal::write(char* out) const noexcept {
  char* cursor = out;
  if (units_ < 0) *cursor++ = '-';
  auto const [whole, fraction] = split(detail::magnitude(units_));
  cursor = write_unsigned(cursor, whole);
  if (fraction != 0) {
    *cursor++ = '.';
    auto const [digits, width] = strip_trailing_zeros(fraction, scale);
    cursor = write_padded(cursor, digits, width);
  }
  return static_cast<std::size_t>(cursor - out);
}

std::string Decimal::to_string() const {
  std::array<char, max_text_length> buffer{};
  return std::string(buffer.data(), write(buffer.data()));
}

std::string Decimal::to_string_fixed(int digits) const {
  int const kept = std::clamp(digits, 0, scale);
  std::size_t const padding = digits > scale ? static_cast<std::size_t>(digits - scale) : 0;

  // Round the magnitude to `kept` digits; working unsigned leaves room above max().
  Uint128 const step = detail::powers_of_ten[static_cast<std::size_t>(scale - kept)];
  Uint128 const magnitude_value = detail::magnitude(units_);
  Uint128 rounded = magnitude_value / step;
  Uint128 const remainder = magnitude_value - rounded * step;
  if (detail::rounds_away_from_zero(Rounding::half_even, units_ < 0, (rounded & 1) != 0, remainder,
                                    step)) {
    ++rounded;
  }

  Uint128 const kept_unit = detail::powers_of_ten[static_cast<std::size_t>(kept)];
  Uint128 const whole = rounded / kept_unit;
  auto const fraction = static_cast<std::uint64_t>(rounded - whole * kept_unit);

  std::array<char, max_text_length> buffer{};
  char* cursor = buffer.data();
  if (units_ < 0 && rounded != 0) *cursor++ = '-';
  cursor = write_unsigned(cursor, whole);
  if (kept > 0) {
    *cursor++ = '.';
    cursor = write_padded(cursor, fraction, kept);
  }
  std::string text(buffer.data(), static_cast<std::size_t>(cursor - buffer.data()));
  text.append(padding, '0');
  return text;
}

}  // namespace tradelink::core
