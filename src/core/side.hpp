#pragma once
// The side of an order or a trade.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::core {

/// Buy or sell. Futures positions express direction through signed sizes; a Side is still the
/// side of each order that opens or closes them.
enum class Side : std::uint8_t {
  buy,
  sell,
};

/// "buy" / "sell".
[[nodiscard]] constexpr std::string_view to_string(Side side) noexcept {
  return side == Side::buy ? "buy" : "sell";
}

/// The other side: what closes a position the given side opened.
[[nodiscard]] constexpr Side opposite(Side side) noexcept {
  return side == Side::buy ? Side::sell : Side::buy;
}

/// Parses exactly "buy" or "sell" (lower case, as venues and the API send them); anything
/// else is a `side.parse` validation error.
[[nodiscard]] inline Result<Side> parse_side(std::string_view text) {
  if (text == "buy") return Side::buy;
  if (text == "sell") return Side::sell;
  return validation_error("side.parse", "\"" + std::string(text.substr(0, 40)) +
                                            "\" is not a side: expected \"buy\" or \"sell\"");
}

}  // namespace tradelink::core
