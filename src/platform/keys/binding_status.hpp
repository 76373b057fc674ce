#pragma once
// The states a key binding can be in, each with a stable machine code, the headline the user
// sees and the steps that fix it (the same text the CLI, the API and the web UI show).

#include <cstdint>
#include <optional>
#include <string_view>

namespace tradelink::platform::keys {

enum class BindingStatus : std::uint8_t {
  connected,
  invalid_credentials,
  permission_denied,
  ip_restricted,
  clock_skew,
  exchange_unavailable,
  withdraw_enabled_refused,
  expired,
  revoked,
  locked,
  deleted,
};

/// Stable code: the enumerator name ("permission_denied").
[[nodiscard]] std::string_view to_string(BindingStatus status) noexcept;
[[nodiscard]] std::optional<BindingStatus> parse_binding_status(std::string_view text) noexcept;
/// The headline: "API Status: Connected", "Invalid API Key / Secret", ...
[[nodiscard]] std::string_view headline(BindingStatus status) noexcept;
/// True when strategies may trade with the key.
[[nodiscard]] constexpr bool may_trade(BindingStatus status) noexcept {
  return status == BindingStatus::connected;
}

}  // namespace tradelink::platform::keys
