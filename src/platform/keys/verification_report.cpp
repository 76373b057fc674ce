#include "platform/keys/verification_report.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace tradelink::platform::keys {
namespace {

namespace json = boost::json;

json::array strings(std::vector<std::string> const& items) {
  json::array array;
  for (std::string const& item : items) array.emplace_back(item);
  return array;
}

template <class T>
json::value optional_value(std::optional<T> const& value) {
  if (!value) return nullptr;
  return json::value(*value);
}

venues::Known parse_known(std::string_view text) {
  if (text == "yes") return venues::Known::yes;
  if (text == "no") return venues::Known::no;
  return venues::Known::unknown;
}

venues::AccountMode parse_mode(std::string_view text) {
  if (text == "classic") return venues::AccountMode::classic;
  if (text == "unified") return venues::AccountMode::unified;
  return venues::AccountMode::unknown;
}

CheckItem::State parse_state(std::string_view text) {
  if (text == "passed") return CheckItem::State::passed;
  if (text == "failed") return CheckItem::State::failed;
  if (text == "warning") return CheckItem::State::warning;
  return CheckItem::State::skipped;
}

/// Reads members leniently: a missing or ill-typed member leaves the default.
class Reader {
 public:
  explicit Reader(json::object const& object) : object_(object) {}

  std::string text(std::string_view key) const {
    auto const* value = object_.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
  }
  std::optional<std::string> optional_text(std::string_view key) const {
    auto const* value = object_.if_contains(key);
    if (!value || !value->is_string()) return std::nullopt;
    return std::string(value->get_string());
  }
  std::int64_t integer(std::string_view key) const { return optional_integer(key).value_or(0); }
  std::optional<std::int64_t> optional_integer(std::string_view key) const {
    auto const* value = object_.if_contains(key);
    if (!value) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    if (value->is_uint64()) return static_cast<std::int64_t>(value->get_uint64());
    return std::nullopt;
  }
  std::vector<std::string> list(std::string_view key) const {
    std::vector<std::string> items;
    auto const* value = object_.if_contains(key);
    if (!value || !value->is_array()) return items;
    for (json::value const& item : value->get_array()) {
      if (item.is_string()) items.emplace_back(item.get_string());
    }
    return items;
  }
  json::array const* array(std::string_view key) const {
    auto const* value = object_.if_contains(key);
    return value && value->is_array() ? &value->get_array() : nullptr;
  }

 private:
  json::object const& object_;
};

}  // namespace

std::string_view to_string(CheckItem::State state) noexcept {
  switch (state) {
    case CheckItem::State::passed: return "passed";
    case CheckItem::State::failed: return "failed";
    case CheckItem::State::warning: return "warning";
    case CheckItem::State::skipped: return "skipped";
  }
  return "skipped";
}

std::string_view to_string(venues::Known known) noexcept {
  switch (known) {
    case venues::Known::yes: return "yes";
    case venues::Known::no: return "no";
    case venues::Known::unknown: return "unknown";
  }
  return "unknown";
}

std::string to_json(VerificationReport const& report) {
  json::array checklist;
  for (CheckItem const& item : report.checklist) {
    checklist.push_back(json::object{
        {"name", item.name}, {"state", to_string(item.state)}, {"detail", item.detail}});
  }
  json::array probes;
  for (venues::ProbeRecord const& probe : report.probes) {
    probes.push_back(
        json::object{{"name", probe.name}, {"outcome", probe.outcome}, {"detail", probe.detail}});
  }
  json::object object{
      {"status", to_string(report.status)},
      {"headline", headline(report.status)},
      {"message", report.message},
      {"fix", strings(report.fix)},
      {"notes", strings(report.notes)},
      {"checklist", std::move(checklist)},
      {"missing", strings(report.missing)},
      {"permissions", report.permissions.to_string()},
      {"withdraw_enabled", to_string(report.withdraw_enabled)},
      {"account_mode", venues::to_string(report.account_mode)},
      {"futures_account_opened", to_string(report.futures_account_opened)},
      {"futures_position_mode", optional_value(report.futures_position_mode)},
      {"ip_whitelist", strings(report.ip_whitelist)},
      {"pair_whitelist", strings(report.pair_whitelist)},
      {"exchange_user_id", optional_value(report.exchange_user_id)},
      {"rejected_ip", optional_value(report.rejected_ip)},
      {"egress_ips", strings(report.egress_ips)},
      {"expires_at_ms", optional_value(report.expires_at_ms)},
      {"clock_skew_ms", report.clock_skew_ms},
      {"round_trips", report.round_trips},
      {"checked_at_ms", report.checked_at_ms},
      {"probes", std::move(probes)},
  };
  return json::serialize(object);
}

core::Result<VerificationReport> report_from_json(std::string_view text) {
  boost::system::error_code error;
  json::value const value = json::parse(text, error);
  if (error || !value.is_object()) {
    return core::internal_error("keys.report", "a stored verification report is not valid JSON");
  }
  Reader const read(value.get_object());
  auto const status = parse_binding_status(read.text("status"));
  auto const permissions = core::PermissionSet::parse(read.text("permissions"));
  if (!status || !permissions) {
    return core::internal_error(
        "keys.report", "a stored verification report has an unknown status or permission set");
  }
  VerificationReport report;
  report.status = *status;
  report.message = read.text("message");
  report.fix = read.list("fix");
  report.notes = read.list("notes");
  if (auto const* items = read.array("checklist")) {
    for (json::value const& item : *items) {
      if (!item.is_object()) continue;
      Reader const entry(item.get_object());
      report.checklist.push_back(
          {entry.text("name"), parse_state(entry.text("state")), entry.text("detail")});
    }
  }
  report.missing = read.list("missing");
  report.permissions = *permissions;
  report.withdraw_enabled = parse_known(read.text("withdraw_enabled"));
  report.account_mode = parse_mode(read.text("account_mode"));
  report.futures_account_opened = parse_known(read.text("futures_account_opened"));
  report.futures_position_mode = read.optional_text("futures_position_mode");
  report.ip_whitelist = read.list("ip_whitelist");
  report.pair_whitelist = read.list("pair_whitelist");
  report.exchange_user_id = read.optional_text("exchange_user_id");
  report.rejected_ip = read.optional_text("rejected_ip");
  report.egress_ips = read.list("egress_ips");
  report.expires_at_ms = read.optional_integer("expires_at_ms");
  report.clock_skew_ms = read.integer("clock_skew_ms");
  report.round_trips = static_cast<int>(read.integer("round_trips"));
  report.checked_at_ms = read.integer("checked_at_ms");
  if (auto const* items = read.array("probes")) {
    for (json::value const& item : *items) {
      if (!item.is_object()) continue;
      Reader const entry(item.get_object());
      report.probes.push_back({entry.text("name"), entry.text("outcome"), entry.text("detail")});
    }
  }
  return report;
}

}  // namespace tradelink::platform::keys
