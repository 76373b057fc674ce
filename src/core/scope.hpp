#pragma once
// The trading scope a user picks when binding an API key: which markets tradelink may use it for.

#include <cstdint>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::core {

/// Spot markets, perpetual futures, or both.
enum class Scope : std::uint8_t {
  spot,
  futures,
  both,
};

/// "spot" / "futures" / "both".
[[nodiscard]] constexpr std::string_view to_string(Scope scope) noexcept {
  switch (scope) {
    case Scope::spot: return "spot";
    case Scope::futures: return "futures";
    case Scope::both: return "both";
  }
  return "unknown";
}

/// True for `spot` and `both`.
[[nodiscard]] constexpr bool includes_spot(Scope scope) noexcept {
  return scope != Scope::futures;
}
/// True for `futures` and `both`.
[[nodiscard]] constexpr bool includes_futures(Scope scope) noexcept {
  return scope != Scope::spot;
}

/// Parses exactly "spot", "futures" or "both"; anything else is a `scope.parse` validation
/// error listing the accepted words.
[[nodiscard]] Result<Scope> parse_scope(std::string_view text);

}  // namespace tradelink::core
