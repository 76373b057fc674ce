#pragma once
// The outcome of verifying a key binding: status, the explanation and fix a user reads, and the
// facts behind it (permissions per product, account mode, whitelists, expiry, clock skew, probes).
// Stored with the binding as JSON and shown unchanged by the CLI, the API and the web UI.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/permission.hpp"
#include "core/result.hpp"
#include "platform/keys/binding_status.hpp"
#include "venues/key_check.hpp"

namespace tradelink::platform::keys {

/// One line of the verification checklist: credentials, clock, IP, permissions, withdrawal,
/// account mode.
struct CheckItem {
  enum class State : std::uint8_t { passed, failed, warning, skipped };
  std::string name;
  State state = State::skipped;
  std::string detail;
};

struct VerificationReport {
  BindingStatus status = BindingStatus::exchange_unavailable;
  std::string message;             ///< what is wrong (or right), one or two sentences
  std::vector<std::string> fix;    ///< steps, in order; empty when connected
  std::vector<std::string> notes;  ///< warnings and remarks that do not block
  std::vector<CheckItem> checklist;
  std::vector<std::string> missing;  ///< settings to enable, as the venue's page names them
  core::PermissionSet permissions;   ///< what the key was seen to hold
  venues::Known withdraw_enabled = venues::Known::unknown;
  venues::AccountMode account_mode = venues::AccountMode::unknown;
  venues::Known futures_account_opened = venues::Known::unknown;
  std::optional<std::string> futures_position_mode;
  std::vector<std::string> ip_whitelist;
  std::vector<std::string> pair_whitelist;
  std::optional<std::string> exchange_user_id;
  std::optional<std::string> rejected_ip;
  std::vector<std::string> egress_ips;        ///< the platform's addresses to whitelist
  std::optional<std::int64_t> expires_at_ms;  ///< keys without IP whitelist
  std::int64_t clock_skew_ms = 0;             ///< venue clock − ours
  int round_trips = 0;
  std::int64_t checked_at_ms = 0;
  std::vector<venues::ProbeRecord> probes;
};

[[nodiscard]] std::string_view to_string(CheckItem::State state) noexcept;
[[nodiscard]] std::string_view to_string(venues::Known known) noexcept;

/// JSON text of a report (stable field names; the API returns it as is).
[[nodiscard]] std::string to_json(VerificationReport const& report);
/// Parses to_json() output. `keys.report` error for anything else.
[[nodiscard]] core::Result<VerificationReport> report_from_json(std::string_view json);

}  // namespace tradelink::platform::keys
