// Decimal to text: write() / to_string() (shortest exact form) and to_string_fixed().

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "core/decimal.hpp"
#include "core/decimal_detail.hpp"

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

int count_digits(std::uint64_t value) noexcept {
  int digits = 1;
  while (digits < 20 && value >= static_cast<std::uint64_t>(
                                     detail::powers_of_ten[static_cast<std::size_t>(digits)])) {
    ++digits;
  }
  return digits;
}

/// Writes `value` in decimal without leading zeros ("0" for zero).
char* write_unsigned(char* out, Uint128 value) noexcept {
  if (value <= ~std::uint64_t{0}) {
    auto const small = static_cast<std::uint64_t>(value);
    return write_padded(out, small, count_digits(small));
  }
  // Above 2^64: the low 19 digits, then the (at most 20-digit) rest.
  Uint128 const high = value / ten_to_19;
  out = write_unsigned(out, high);
  return write_padded(out, static_cast<std::uint64_t>(value - high * ten_to_19), 19);
}

/// Splits a magnitude into its whole part and its 18-digit fraction.
struct WholeAndFraction {
  Uint128 whole;
  std::uint64_t fraction;
};

WholeAndFraction split(Uint128 magnitude_value) noexcept {
  constexpr auto unit = static_cast<std::uint64_t>(detail::units_per_whole);
  if (magnitude_value <= ~std::uint64_t{0}) {
    auto const small = static_cast<std::uint64_t>(magnitude_value);
    return {small / unit, small % unit};
  }
  Uint128 const whole = magnitude_value / unit;
  return {whole, static_cast<std::uint64_t>(magnitude_value - whole * unit)};
}

}  // namespace

std::size_t Decimal::write(char* out) const noexcept {
  char* cursor = out;
  if (units_ < 0) *cursor++ = '-';
  auto const [whole, fraction] = split(detail::magnitude(units_));
  cursor = write_unsigned(cursor, whole);
  if (fraction != 0) {
    *cursor++ = '.';
    char* const end = write_padded(cursor, fraction, scale);
    cursor = std::find_if(std::reverse_iterator(end), std::reverse_iterator(cursor), [](char c) {
               return c != '0';
             }).base();
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
