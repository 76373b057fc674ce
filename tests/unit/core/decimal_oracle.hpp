#pragma once
// Test oracle for core::Decimal: the same operations done exactly on arbitrary-precision
// integers (boost::multiprecision::cpp_int) and rounded by definition, plus a seeded sampler
// of raw values spread over every scale. Shared by the Decimal property tests.

#include <gtest/gtest.h>

#include <boost/multiprecision/cpp_int.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "core/decimal.hpp"

namespace tradelink::core {

/// gtest printer, so failures show "1.5" rather than bytes.
inline void PrintTo(Decimal value, std::ostream* out) {
  *out << value.to_string();
}

}  // namespace tradelink::core

namespace tradelink::core::testing {

using BigInt = boost::multiprecision::cpp_int;
using Raw = Decimal::Raw;
__extension__ using RawBits = unsigned __int128;

/// 10^exponent; the powers the tests use (up to 10^100) are computed once.
inline BigInt const& pow10_big(unsigned exponent) {
  static std::vector<BigInt> const table = [] {
    std::vector<BigInt> powers{BigInt(1)};
    for (int i = 0; i < 100; ++i) powers.push_back(powers.back() * 10);
    return powers;
  }();
  return table.at(exponent);
}

inline BigInt to_big(Raw raw) {
  auto const bits = static_cast<RawBits>(raw);
  RawBits const magnitude = raw < 0 ? ~bits + 1 : bits;
  BigInt big = BigInt(static_cast<std::uint64_t>(magnitude >> 64)) << 64;
  big += static_cast<std::uint64_t>(magnitude);
  return raw < 0 ? BigInt(-big) : big;
}

inline BigInt const& big_max() {
  static BigInt const value = to_big(Decimal::max().raw());
  return value;
}
inline BigInt const& big_min() {
  static BigInt const value = to_big(Decimal::min().raw());
  return value;
}

/// The raw value, or nullopt when `value` is outside Decimal's range.
inline std::optional<Raw> to_raw(BigInt const& value) {
  if (value > big_max() || value < big_min()) return std::nullopt;
  BigInt const magnitude = value < 0 ? BigInt(-value) : value;
  BigInt const mask = (BigInt(1) << 64) - 1;
  RawBits bits = static_cast<RawBits>(static_cast<std::uint64_t>(magnitude >> 64)) << 64;
  bits |= static_cast<std::uint64_t>(magnitude & mask);
  return static_cast<Raw>(value < 0 ? ~bits + 1 : bits);
}

/// The exact quotient n / d (d > 0), rounded on demand per mode. Built from the floor quotient
/// so it shares no logic with the implementation's magnitude-based rounding; the division is
/// done once for all six modes.
class ExactQuotient {
 public:
  ExactQuotient(BigInt const& n, BigInt const& d) : non_negative_(n >= 0), twice_rest_vs_d_(0) {
    floor_ = n / d;  // truncates toward zero
    BigInt rest = n - floor_ * d;
    if (rest < 0) {
      floor_ -= 1;
      rest += d;
    }
    exact_ = rest == 0;
    BigInt const twice = rest * 2;
    twice_rest_vs_d_ = twice < d ? -1 : (twice == d ? 0 : 1);
  }

  [[nodiscard]] BigInt rounded(Rounding mode) const {
    if (exact_) return floor_;
    BigInt const ceiling = floor_ + 1;
    BigInt const& away = non_negative_ ? ceiling : floor_;
    BigInt const& toward_zero = non_negative_ ? floor_ : ceiling;
    switch (mode) {
      case Rounding::floor: return floor_;
      case Rounding::ceiling: return ceiling;
      case Rounding::down: return toward_zero;
      case Rounding::up: return away;
      case Rounding::half_up:
        if (twice_rest_vs_d_ != 0) return twice_rest_vs_d_ < 0 ? floor_ : ceiling;
        return away;
      case Rounding::half_even:
        if (twice_rest_vs_d_ != 0) return twice_rest_vs_d_ < 0 ? floor_ : ceiling;
        return (floor_ % 2 == 0) ? floor_ : ceiling;
    }
    return floor_;
  }

 private:
  BigInt floor_;
  bool exact_ = false;
  bool non_negative_;
  int twice_rest_vs_d_;  ///< sign of 2·rest − d: below, at or above the half-way point
};

inline BigInt round_quotient(BigInt const& n, BigInt const& d, Rounding mode) {
  return ExactQuotient(n, d).rounded(mode);
}

inline constexpr std::array<Rounding, 6> all_roundings{Rounding::down,      Rounding::up,
                                                       Rounding::floor,     Rounding::ceiling,
                                                       Rounding::half_even, Rounding::half_up};

inline char const* name(Rounding mode) {
  switch (mode) {
    case Rounding::down: return "down";
    case Rounding::up: return "up";
    case Rounding::floor: return "floor";
    case Rounding::ceiling: return "ceiling";
    case Rounding::half_even: return "half_even";
    case Rounding::half_up: return "half_up";
  }
  return "?";
}

/// The exact decimal text of a raw value, formatted independently of Decimal::write.
inline std::string oracle_text(Raw raw) {
  BigInt const value = to_big(raw);
  std::string digits = (value < 0 ? BigInt(-value) : value).str();
  if (digits.size() <= 18) digits.insert(0, 19 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - 18);
  std::string fraction = digits.substr(digits.size() - 18);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string text = value < 0 ? "-" + whole : whole;
  if (!fraction.empty()) text += "." + fraction;
  return text;
}

/// A Result as text, "value" or "error <code>", so EXPECT_EQ on results prints readably.
inline std::string show(Result<Decimal> const& result) {
  return result.has_value() ? result->to_string() : "error " + result.error().code;
}

/// Checks a Decimal result against the oracle: equal values, or both out of range (the
/// implementation must then report `decimal.overflow`).
inline ::testing::AssertionResult matches(Result<Decimal> const& actual,
                                          std::optional<Raw> const& expected) {
  if (!expected) {
    if (!actual.has_value() && actual.error().code == "decimal.overflow") {
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "expected decimal.overflow, got "
           << (actual.has_value() ? actual->to_string() : actual.error().code);
  }
  if (!actual.has_value()) {
    return ::testing::AssertionFailure() << "expected " << oracle_text(*expected) << ", got error "
                                         << actual.error().code << ": " << actual.error().message;
  }
  if (actual->raw() != *expected) {
    return ::testing::AssertionFailure()
           << "expected " << oracle_text(*expected) << ", got " << actual->to_string();
  }
  return ::testing::AssertionSuccess();
}

/// Deterministic raw values mixing every regime the arithmetic has: tiny, everyday prices with
/// few decimals, every bit length, the edges of the range and the special values.
class DecimalSampler {
 public:
  explicit DecimalSampler(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t uniform(std::uint64_t low, std::uint64_t high) {
    return std::uniform_int_distribution<std::uint64_t>(low, high)(engine_);
  }
  bool coin() { return uniform(0, 1) == 1; }

  Raw next() {
    switch (uniform(0, 5)) {
      case 0: return small();
      case 1: return mixed_scale();
      case 2: return by_bit_length();
      case 3: return near_limit();
      case 4: return special();
      default: return full_width();
    }
  }

  /// A strictly positive value from the same mix.
  Raw next_positive() {
    for (;;) {
      Raw const value = next();
      if (value > 0) return value;
      if (value < 0 && value != Decimal::min().raw()) return -value;
    }
  }

 private:
  Raw signed_value(RawBits magnitude) {
    return coin() ? -static_cast<Raw>(magnitude) : static_cast<Raw>(magnitude);
  }

  Raw small() {
    return static_cast<Raw>(static_cast<std::int64_t>(uniform(0, 2'000'000)) - 1'000'000);
  }

  /// m · 10^s with m of 1..19 digits: prices and amounts with few significant digits.
  Raw mixed_scale() {
    auto const digits = static_cast<unsigned>(uniform(1, 19));
    auto const mantissa = uniform(0, static_cast<std::uint64_t>(pow10_u64(digits) - 1));
    auto const shift = static_cast<unsigned>(uniform(0, 38 - digits));
    RawBits magnitude = mantissa;
    for (unsigned i = 0; i < shift; ++i) magnitude *= 10;
    return signed_value(magnitude);
  }

  Raw by_bit_length() {
    auto const bits = static_cast<unsigned>(uniform(1, 127));
    RawBits magnitude = random_bits();
    magnitude &= (RawBits{1} << bits) - 1;
    magnitude |= RawBits{1} << (bits - 1);
    return signed_value(magnitude);
  }

  Raw near_limit() {
    auto const distance =
        static_cast<Raw>(uniform(0, 1'000'000'000'000'000'000ULL) >> uniform(0, 60));
    return coin() ? Decimal::max().raw() - distance : Decimal::min().raw() + distance;
  }

  Raw special() {
    Raw const unit = 1'000'000'000'000'000'000;
    std::array<Raw, 12> const values{0,
                                     1,
                                     -1,
                                     unit,
                                     -unit,
                                     unit / 2,
                                     -unit / 2,
                                     Decimal::max().raw(),
                                     Decimal::min().raw(),
                                     Decimal::max().raw() - 1,
                                     Decimal::min().raw() + 1,
                                     unit * unit};
    return values[uniform(0, values.size() - 1)];
  }

  Raw full_width() { return static_cast<Raw>(random_bits()); }

  RawBits random_bits() { return (RawBits{engine_()} << 64) | engine_(); }

  static std::uint64_t pow10_u64(unsigned exponent) {
    std::uint64_t power = 1;
    for (unsigned i = 0; i < exponent; ++i) power *= 10;
    return power;
  }

  std::mt19937_64 engine_;
};

}  // namespace tradelink::core::testing
