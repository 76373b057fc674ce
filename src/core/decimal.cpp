// Decimal construction, inspection and the exact operations (add, sub, negate, abs). Parsing,
// formatting and the rounded operations live in the decimal_*.cpp files beside this one.

#include "core/decimal.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "core/decimal_detail.hpp"

namespace tradelink::core {

namespace detail {

Error overflow_error(std::string_view what) {
  return validation_error("decimal.overflow",
                          fmt::format("{} is outside the decimal range (magnitude at most {})",
                                      what, Decimal::max().to_string()));
}

}  // namespace detail

Result<Decimal> Decimal::from_integer(std::int64_t value) noexcept {
  return Decimal{static_cast<Raw>(value) * static_cast<Raw>(detail::units_per_whole)};
}

int Decimal::fractional_digits() const noexcept {
  auto fraction = static_cast<std::uint64_t>(detail::magnitude(units_) % detail::units_per_whole);
  if (fraction == 0) return 0;
  int digits = scale;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --digits;
  }
  return digits;
}

Result<Decimal> Decimal::add(Decimal other) const noexcept {
  Raw sum = 0;
  if (__builtin_add_overflow(units_, other.units_, &sum)) {
    return detail::overflow_error(fmt::format("{} + {}", to_string(), other.to_string()));
  }
  return Decimal{sum};
}

Result<Decimal> Decimal::sub(Decimal other) const noexcept {
  Raw difference = 0;
  if (__builtin_sub_overflow(units_, other.units_, &difference)) {
    return detail::overflow_error(fmt::format("{} − {}", to_string(), other.to_string()));
  }
  return Decimal{difference};
}

Result<Decimal> Decimal::negate() const noexcept {
  if (units_ == raw_min) return detail::overflow_error(fmt::format("−({})", to_string()));
  return Decimal{-units_};
}

Result<Decimal> Decimal::abs() const noexcept {
  if (units_ == raw_min) return detail::overflow_error(fmt::format("|{}|", to_string()));
  return Decimal{units_ < 0 ? -units_ : units_};
}

Decimal operator""_dec(char const* text, std::size_t length) {
  auto parsed = Decimal::parse(std::string_view(text, length));
  if (!parsed) throw std::invalid_argument(parsed.error().code + ": " + parsed.error().message);
  return *parsed;
}

}  // namespace tradelink::core
