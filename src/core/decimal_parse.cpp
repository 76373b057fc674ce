// Decimal::parse: text such as "-0.00012300" or "1.5E+3" to an exact Decimal.
//
// Two passes: scan() checks the grammar and finds the digit runs and the exponent; then the
// significant digits (leading and trailing zeros stripped) are placed by their power of ten.
// Range and precision are decided from those positions before any arithmetic, so a 400-digit
// number or an exponent of 10^12 costs one pass over the text and cannot overflow anything.

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/decimal.hpp"
#include "core/decimal_detail.hpp"

namespace tradelink::core {
namespace {

using detail::Uint128;

/// Exponents are saturated here while being read: any larger magnitude already puts a nonzero
/// digit far outside the range, and the clamp keeps position arithmetic inside int64.
constexpr std::int64_t exponent_clamp = 1'000'000'000'000'000;
/// Raw-unit power of the highest digit a representable value can have (10^38 units = 10^20).
constexpr std::int64_t highest_raw_power = 38;
/// Digits that always fit a uint64 chunk.
constexpr int chunk_digits = 19;

/// Where the parts of a syntactically valid number are in the text.
struct Scan {
  bool negative = false;
  std::size_t integer_begin = 0;
  std::size_t integer_end = 0;  ///< one past the last integer digit
  std::size_t fraction_begin = 0;
  std::size_t fraction_end = 0;  ///< one past the last fractional digit
  std::int64_t exponent = 0;     ///< saturated at ±exponent_clamp
};

constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

/// The text as shown inside an error message: quoted and cut after 40 characters.
std::string quoted(std::string_view text) {
  constexpr std::size_t shown = 40;
  if (text.size() <= shown) return fmt::format("\"{}\"", text);
  return fmt::format("\"{}…\" ({} characters)", text.substr(0, shown), text.size());
}

/// A character as shown inside an error message.
std::string describe(char c) {
  auto const byte = static_cast<unsigned char>(c);
  if (byte == ' ') return "a space";
  if (byte < 0x20 || byte >= 0x7f) return fmt::format("byte 0x{:02x}", byte);
  return fmt::format("'{}'", c);
}

Error syntax_error(std::string_view text, std::string_view reason) {
  return validation_error("decimal.parse",
                          fmt::format("{} is not a decimal number: {}", quoted(text), reason));
}

/// "expected a digit at offset 3, found 'x'" / "..., found the end of the text".
Error missing_digit_error(std::string_view text, std::size_t offset, std::string_view what) {
  std::string found = offset < text.size() ? describe(text[offset]) : "the end of the text";
  return syntax_error(text, fmt::format("expected {} at offset {}, found {}", what, offset, found));
}

std::size_t skip_digits(std::string_view text, std::size_t offset) noexcept {
  while (offset < text.size() && is_digit(text[offset])) ++offset;
  return offset;
}

/// Checks the grammar  [+-] (digits [. digits*] | . digits) [(e|E) [+-] digits]  over the
/// whole text and records where each part is.
Result<Scan> scan(std::string_view text) {
  if (text.empty()) return syntax_error(text, "the text is empty");
  Scan result;
  std::size_t offset = 0;
  if (text[offset] == '+' || text[offset] == '-') {
    result.negative = text[offset] == '-';
    ++offset;
  }
  result.integer_begin = offset;
  result.integer_end = offset = skip_digits(text, offset);
  result.fraction_begin = result.fraction_end = offset;
  if (offset < text.size() && text[offset] == '.') {
    result.fraction_begin = ++offset;
    result.fraction_end = offset = skip_digits(text, offset);
  }
  if (result.integer_end == result.integer_begin && result.fraction_end == result.fraction_begin) {
    return missing_digit_error(text, offset, "a digit");
  }

  if (offset < text.size() && (text[offset] == 'e' || text[offset] == 'E')) {
    ++offset;
    bool negative_exponent = false;
    if (offset < text.size() && (text[offset] == '+' || text[offset] == '-')) {
      negative_exponent = text[offset] == '-';
      ++offset;
    }
    if (offset == text.size() || !is_digit(text[offset])) {
      return missing_digit_error(text, offset, "an exponent digit");
    }
    std::int64_t exponent = 0;
    for (; offset < text.size() && is_digit(text[offset]); ++offset) {
      exponent = std::min(exponent * 10 + (text[offset] - '0'), exponent_clamp);
    }
    result.exponent = negative_exponent ? -exponent : exponent;
  }

  if (offset != text.size()) {
    return syntax_error(text,
                        fmt::format("unexpected {} at offset {}", describe(text[offset]), offset));
  }
  return result;
}

/// The significant digits of a scanned number: text offsets of the first and last nonzero
/// digit (`last` may sit before or after the point) and their raw-unit powers of ten.
struct SignificantDigits {
  std::size_t first = 0;
  std::size_t last = 0;
  std::int64_t top_power = 0;
  std::int64_t bottom_power = 0;
};

/// Power of ten, in raw units, of the digit at `offset`.
std::int64_t raw_power_of(Scan const& scan_result, std::size_t offset) noexcept {
  std::int64_t const decimal_power =
      offset < scan_result.integer_end
          ? static_cast<std::int64_t>(scan_result.integer_end - offset) - 1
          : -static_cast<std::int64_t>(offset - scan_result.fraction_begin) - 1;
  return decimal_power + scan_result.exponent + Decimal::scale;
}

/// nullopt when every digit is zero.
std::optional<SignificantDigits> find_significant_digits(std::string_view text,
                                                         Scan const& scan_result) noexcept {
  auto const is_nonzero_digit = [&](std::size_t offset) {
    return text[offset] >= '1' && text[offset] <= '9';
  };
  std::optional<std::size_t> first;
  for (std::size_t i = scan_result.integer_begin; i < scan_result.fraction_end && !first; ++i) {
    if (is_nonzero_digit(i)) first = i;
  }
  if (!first) return std::nullopt;
  std::size_t last = scan_result.fraction_end - 1;
  while (!is_nonzero_digit(last)) --last;
  return SignificantDigits{*first, last, raw_power_of(scan_result, *first),
                           raw_power_of(scan_result, last)};
}

/// `count` digits from offset `first` on (skipping the point) as an integer; nullopt when it
/// exceeds 128 bits.
std::optional<Uint128> accumulate_digits(std::string_view text, std::size_t first,
                                         std::int64_t count) noexcept {
  Uint128 value = 0;
  std::uint64_t chunk = 0;
  int chunk_length = 0;
  auto const flush = [&]() {
    Uint128 const scale_up = detail::powers_of_ten[static_cast<std::size_t>(chunk_length)];
    Uint128 shifted = 0;
    bool const overflow = __builtin_mul_overflow(value, scale_up, &shifted) ||
                          __builtin_add_overflow(shifted, Uint128{chunk}, &value);
    chunk = 0;
    chunk_length = 0;
    return !overflow;
  };
  for (std::size_t i = first; count > 0; ++i) {
    if (text[i] == '.') continue;
    chunk = chunk * 10 + static_cast<std::uint64_t>(text[i] - '0');
    --count;
    if (++chunk_length == chunk_digits && !flush()) return std::nullopt;
  }
  if (chunk_length > 0 && !flush()) return std::nullopt;
  return value;
}

Error range_error(std::string_view text) {
  return detail::overflow_error(quoted(text));
}

}  // namespace

Result<Decimal> Decimal::parse(std::string_view text) noexcept {
  auto const scanned = scan(text);
  if (!scanned) return scanned.error();
  auto const digits = find_significant_digits(text, *scanned);
  if (!digits) return Decimal{};

  if (digits->top_power > highest_raw_power) return range_error(text);

  // The range is judged on the whole raw units (the digits at powers >= 0), so a number that is
  // both too large and too precise reports the overflow.
  std::int64_t const lowest_kept_power = std::max<std::int64_t>(digits->bottom_power, 0);
  std::int64_t const kept_digits =
      digits->top_power >= lowest_kept_power ? digits->top_power - lowest_kept_power + 1 : 0;
  auto const significand = accumulate_digits(text, digits->first, kept_digits);
  Uint128 const trailing_zeros = detail::powers_of_ten[static_cast<std::size_t>(lowest_kept_power)];
  Uint128 magnitude = 0;
  if (!significand || __builtin_mul_overflow(*significand, trailing_zeros, &magnitude) ||
      magnitude > detail::magnitude_limit(scanned->negative)) {
    return range_error(text);
  }
  if (digits->bottom_power < 0) {
    return validation_error(
        "decimal.precision",
        fmt::format("{} has a nonzero digit below 10^-{}: at most {} fractional digits are held",
                    quoted(text), scale, scale));
  }
  return Decimal{detail::signed_raw(magnitude, scanned->negative)};
}

}  // namespace tradelink::core
