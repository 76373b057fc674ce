#include "binding_output.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "api/json_views.hpp"

namespace tradelink::cli {
namespace {

namespace json = boost::json;
using platform::keys::BindingView;
using platform::keys::CheckItem;

std::string utc_time(std::int64_t ms) {
  std::time_t const seconds = static_cast<std::time_t>(ms / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts);
  return text;
}

std::string_view mark(CheckItem::State state) {
  switch (state) {
    case CheckItem::State::passed: return "✅";
    case CheckItem::State::failed: return "❌";
    case CheckItem::State::warning: return "⚠️ ";
    case CheckItem::State::skipped: return "– ";
  }
  return "– ";
}

}  // namespace

std::string human_binding_line(BindingView const& binding) {
  std::string line =
      fmt::format("{}  {:<24} {}  {:<7} {}", binding.id, binding.label, binding.masked_key,
                  core::to_string(binding.scope), platform::keys::to_string(binding.status));
  if (binding.expires_at) line += "  expires " + utc_time(*binding.expires_at);
  return line;
}

std::string human_binding(BindingView const& binding) {
  auto const& report = binding.report;
  bool const connected = binding.status == platform::keys::BindingStatus::connected;
  std::string text =
      fmt::format("{} {}\n", connected ? "✅" : "❌", platform::keys::headline(binding.status));
  text += fmt::format("  binding  {} \"{}\" ({}, scope {})\n", binding.id, binding.label,
                      binding.masked_key, core::to_string(binding.scope));
  if (!report.message.empty()) text += "  " + report.message + "\n";
  if (!report.checklist.empty()) {
    text += "\n  checks\n";
    for (CheckItem const& item : report.checklist) {
      text += fmt::format("    {} {:<20} {}\n", mark(item.state), item.name, item.detail);
    }
  }
  if (connected) {
    text += fmt::format("\n  permissions  {}\n", report.permissions.to_string());
    text +=
        fmt::format("  account      {} (exchange user {})\n",
                    venues::to_string(report.account_mode), report.exchange_user_id.value_or("?"));
  }
  if (!report.fix.empty()) {
    text += "\n  how to fix\n";
    int step = 1;
    for (std::string const& line : report.fix) text += fmt::format("    {}. {}\n", step++, line);
  }
  if (!report.notes.empty()) {
    text += "\n  notes\n";
    for (std::string const& note : report.notes) text += "    • " + note + "\n";
  }
  if (binding.expires_at) text += "\n  expires " + utc_time(*binding.expires_at) + "\n";
  return text;
}

// The JSON shapes are the HTTP API's, so that scripts read the same fields from both.
std::string json_binding(BindingView const& binding) {
  return json::serialize(api::binding_json(binding));
}

std::string json_bindings(std::vector<BindingView> const& bindings) {
  json::array array;
  for (BindingView const& binding : bindings) array.push_back(api::binding_json(binding));
  return json::serialize(array);
}

std::string human_audit(std::vector<store::AuditRecord> const& records) {
  std::string text;
  for (store::AuditRecord const& record : records) {
    text += fmt::format("{}  {:<18} {:<20} {}\n", utc_time(record.at), record.event,
                        record.binding_id.value_or("-"), record.detail_json);
  }
  return text;
}

std::string json_audit(std::vector<store::AuditRecord> const& records) {
  return json::serialize(api::audit_json(records).as_object().at("entries"));
}

}  // namespace tradelink::cli
