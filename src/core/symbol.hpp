#pragma once
// A market identifier: base and quote currency joined by one underscore ("BTC_USDT"), the form
// Gate.io uses for spot pairs and USDT-settled futures contracts. Adapters for venues that spell
// markets differently translate to this form at their edge.

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::core {

/// An immutable, validated `BASE_QUOTE` symbol stored inline (no allocation; trivially
/// copyable), so it can sit in preallocated hot-path structs and be used as a map key.
class Symbol {
 public:
  /// Longest accepted text, underscore included.
  static constexpr std::size_t max_length = 32;

  /// The empty symbol (no base, no quote): what a preallocated struct holds before it is
  /// filled. parse() never returns it.
  constexpr Symbol() noexcept = default;

  /// Accepts `BASE_QUOTE`: upper-case letters A-Z and digits 0-9, exactly one '_', both parts
  /// non-empty, at most `max_length` characters in all ("BTC_USDT", "1INCH_USDT").
  /// Errors (code `symbol.parse`) name the offending character and offset; lower-case input
  /// gets a hint to use upper case rather than being silently converted.
  static Result<Symbol> parse(std::string_view text);
  /// The symbol for `base` and `quote` given separately (each validated as above).
  static Result<Symbol> from_parts(std::string_view base, std::string_view quote);

  /// "BTC_USDT"; empty for the empty symbol. Valid as long as this Symbol is.
  [[nodiscard]] constexpr std::string_view text() const noexcept {
    return {characters_.data(), length_};
  }
  /// "BTC"; valid as long as this Symbol is.
  [[nodiscard]] constexpr std::string_view base() const noexcept {
    return text().substr(0, separator_);
  }
  /// "USDT"; valid as long as this Symbol is.
  [[nodiscard]] constexpr std::string_view quote() const noexcept {
    return empty() ? std::string_view{} : text().substr(separator_ + 1U);
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return length_ == 0; }
  [[nodiscard]] std::string to_string() const { return std::string(text()); }

  friend constexpr bool operator==(Symbol const& a, Symbol const& b) noexcept {
    return a.text() == b.text();
  }
  /// Orders by text, so symbols sort alphabetically ("BTC_USDT" < "ETH_USDT").
  friend constexpr std::strong_ordering operator<=>(Symbol const& a, Symbol const& b) noexcept {
    return a.text() <=> b.text();
  }

 private:
  std::array<char, max_length> characters_{};
  std::uint8_t length_ = 0;
  std::uint8_t separator_ = 0;  ///< offset of the '_'
};

}  // namespace tradelink::core

/// Hashes the symbol's text, so Symbol works as an unordered_map key.
template <>
struct std::hash<tradelink::core::Symbol> {
  std::size_t operator()(tradelink::core::Symbol const& symbol) const noexcept {
    return std::hash<std::string_view>{}(symbol.text());
  }
};
