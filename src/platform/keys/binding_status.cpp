#include "platform/keys/binding_status.hpp"

#include <array>
#include <utility>

namespace tradelink::platform::keys {
namespace {

struct StatusText {
  BindingStatus status;
  std::string_view code;
  std::string_view headline;
};

constexpr std::array<StatusText, 11> statuses{{
    {BindingStatus::connected, "connected", "API Status: Connected"},
    {BindingStatus::invalid_credentials, "invalid_credentials", "Invalid API Key / Secret"},
    {BindingStatus::permission_denied, "permission_denied", "Permission Denied"},
    {BindingStatus::ip_restricted, "ip_restricted", "IP Restriction Error"},
    {BindingStatus::clock_skew, "clock_skew", "Clock Out of Sync"},
    {BindingStatus::exchange_unavailable, "exchange_unavailable", "Exchange Unavailable"},
    {BindingStatus::withdraw_enabled_refused, "withdraw_enabled_refused",
     "Withdrawal Permission Must Be Off"},
    {BindingStatus::expired, "expired", "API Key Expired"},
    {BindingStatus::revoked, "revoked", "API Key Revoked"},
    {BindingStatus::locked, "locked", "API Key Locked"},
    {BindingStatus::deleted, "deleted", "Deleted"},
}};

}  // namespace

std::string_view to_string(BindingStatus status) noexcept {
  return statuses[static_cast<std::size_t>(status)].code;
}

std::optional<BindingStatus> parse_binding_status(std::string_view text) noexcept {
  for (StatusText const& entry : statuses) {
    if (entry.code == text) return entry.status;
  }
  return std::nullopt;
}

std::string_view headline(BindingStatus status) noexcept {
  return statuses[static_cast<std::size_t>(status)].headline;
}

}  // namespace tradelink::platform::keys
