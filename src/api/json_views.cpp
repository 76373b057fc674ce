#include "api/json_views.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "core/scope.hpp"

namespace tradelink::api {
namespace {

namespace json = boost::json;

template <class T>
json::value optional_value(std::optional<T> const& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::value estimated_total_json(std::optional<platform::sync::EstimatedTotal> const& total) {
  if (!total) return nullptr;
  return json::object{{"currency", total->currency},
                      {"amount", total->amount.to_string()},
                      {"at_ms", total->at_ms}};
}

}  // namespace

json::value binding_json(platform::keys::BindingView const& binding) {
  boost::system::error_code error;
  json::value report = json::parse(platform::keys::to_json(binding.report), error);
  if (error) report = nullptr;
  return json::object{
      {"id", binding.id},
      {"venue", binding.venue},
      {"label", binding.label},
      {"api_key", binding.masked_key},
      {"scope", core::to_string(binding.scope)},
      {"status", platform::keys::to_string(binding.status)},
      {"headline", platform::keys::headline(binding.status)},
      {"ip_bound", binding.ip_bound},
      {"has_passphrase", binding.has_passphrase},
      {"exchange_user_id", optional_value(binding.exchange_user_id)},
      {"verified_at_ms", optional_value(binding.verified_at)},
      {"expires_at_ms", optional_value(binding.expires_at)},
      {"created_at_ms", binding.created_at},
      {"updated_at_ms", binding.updated_at},
      {"report", std::move(report)},
  };
}

json::value audit_json(std::vector<store::AuditRecord> const& records) {
  json::array array;
  array.reserve(records.size());
  for (store::AuditRecord const& record : records) {
    boost::system::error_code error;
    json::value detail = json::parse(record.detail_json, error);
    if (error) detail = record.detail_json;
    array.push_back(json::object{{"id", record.id},
                                 {"at_ms", record.at},
                                 {"event", record.event},
                                 {"binding_id", optional_value(record.binding_id)},
                                 {"detail", std::move(detail)}});
  }
  return json::object{{"entries", std::move(array)}};
}

json::value balances_json(platform::sync::BindingBalances const& balances) {
  json::array lines;
  lines.reserve(balances.lines.size());
  for (platform::sync::BalanceLine const& line : balances.lines) {
    lines.push_back(json::object{{"account", line.account},
                                 {"currency", line.currency},
                                 {"available", line.available.to_string()},
                                 {"locked", line.locked.to_string()},
                                 {"total", line.total.to_string()}});
  }
  auto const& health = balances.health;
  return json::object{
      {"binding_id", balances.binding_id},
      {"balances", std::move(lines)},
      {"estimated_total", estimated_total_json(balances.estimated_total)},
      {"health", json::object{{"socket_state", health.socket_state},
                              {"synced_at_ms", optional_value(health.synced_at_ms)},
                              {"lag_ms", health.lag_ms},
                              {"drift_count", health.drift_count},
                              {"reconnects", health.reconnects},
                              {"reconcile_failures", health.reconcile_failures},
                              {"last_error", optional_value(health.last_error)}}},
  };
}

json::value history_json(std::vector<platform::sync::BalancePoint> const& points) {
  json::array array;
  array.reserve(points.size());
  for (platform::sync::BalancePoint const& point : points) {
    array.push_back(json::object{{"at_ms", point.at_ms},
                                 {"account", point.account},
                                 {"currency", point.currency},
                                 {"total", point.total.to_string()}});
  }
  return json::object{{"points", std::move(array)}};
}

}  // namespace tradelink::api
