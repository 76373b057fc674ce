// Admin routes for fault injection (REST refusals and latency per endpoint group, WebSocket
// drops and silence, server clock skew) and for switching Gate's rate limits on and off.
#include <boost/json/object.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

#include "sandbox/service/admin/admin_json.hpp"
#include "sandbox/service/admin/admin_route.hpp"

namespace tradelink::sandbox::admin {
namespace {

namespace json = boost::json;
using rest::BodyReader;
using rest::RestResult;

constexpr std::array<std::string_view, 6> fault_groups{"public", "spot",    "futures",
                                                       "wallet", "account", "all"};
constexpr std::array<std::int64_t, 5> fault_statuses{429, 500, 502, 503, 504};
constexpr std::int64_t max_latency_ms = 60'000;
constexpr std::int64_t max_skew_ms = 10LL * 366 * 24 * 3600 * 1000;

// The label Gate answers with for a refusal of `status` when the request names none.
std::string default_label(std::int64_t status) {
  switch (status) {
    case 429: return "TOO_MANY_REQUESTS";
    case 503: return "TOO_BUSY";
    default: return "SERVER_ERROR";
  }
}

json::object rest_fault_json(RestFaultSpec const& spec) {
  return json::object{{"fail_next", spec.fail_next},
                      {"fail_percent", spec.fail_percent},
                      {"status", spec.status},
                      {"label", spec.label},
                      {"latency_ms", spec.latency.count()}};
}

json::object ws_fault_json(WsFaultSpec const& spec) {
  return json::object{{"drop_after_messages", spec.drop_after_messages},
                      {"silent", spec.silent},
                      {"omit_private_updates", spec.omit_private_updates}};
}

// An optional integer within [low, high]; INVALID_PARAM_VALUE outside.
Checked<std::optional<std::int64_t>> int_within(BodyReader const& body, std::string_view name,
                                                std::int64_t low, std::int64_t high) {
  auto value = body.optional_int(name);
  if (!value) return value.error();
  if (*value && (**value < low || **value > high)) {
    return rest::invalid_param(name, std::to_string(**value));
  }
  return *value;
}

Checked<RestFaultSpec> read_rest_fault(BodyReader const& body) {
  RestFaultSpec spec;
  auto fail_next = int_within(body, "fail_next", -1, INT64_MAX);
  if (!fail_next) return fail_next.error();
  spec.fail_next = fail_next->value_or(0);
  auto fail_percent = int_within(body, "fail_percent", 0, 100);
  if (!fail_percent) return fail_percent.error();
  spec.fail_percent = static_cast<int>(fail_percent->value_or(0));
  auto status = int_within(body, "status", 0, 999);
  if (!status) return status.error();
  std::int64_t const status_code = status->value_or(503);
  if (std::find(fault_statuses.begin(), fault_statuses.end(), status_code) ==
      fault_statuses.end()) {
    return rest::invalid_param("status", std::to_string(status_code));
  }
  spec.status = static_cast<unsigned>(status_code);
  auto label = body.optional_string("label");
  if (!label) return label.error();
  if (*label && (*label)->empty()) return rest::invalid_param("label", "");
  spec.label = label->value_or(default_label(status_code));
  auto latency = int_within(body, "latency_ms", 0, max_latency_ms);
  if (!latency) return latency.error();
  spec.latency = std::chrono::milliseconds(latency->value_or(0));
  return spec;
}

Checked<std::string> fault_group(AdminCall const& call) {
  std::string_view const group = call.path.get("group").value_or("");
  if (std::find(fault_groups.begin(), fault_groups.end(), group) == fault_groups.end()) {
    return rest::invalid_param("group", group);
  }
  return std::string(group);
}

RestResult set_rest_fault(AdminCall const& call) {
  auto group = fault_group(call);
  if (!group) return group.error();
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  auto spec = read_rest_fault(BodyReader(*body));
  if (!spec) return spec.error();
  json::object out = rest_fault_json(*spec);
  out["group"] = *group;
  call.context.faults.set_rest(*group, std::move(*spec));
  return json_reply(200, out);
}

RestResult clear_rest_fault(AdminCall const& call) {
  auto group = fault_group(call);
  if (!group) return group.error();
  call.context.faults.clear_rest(*group);
  return rest::RestReply{204, {}, {}};
}

RestResult set_ws_fault(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  BodyReader const reader(*body);
  auto drop_after = int_within(reader, "drop_after_messages", 0, INT64_MAX);
  if (!drop_after) return drop_after.error();
  auto silent = reader.optional_bool("silent");
  if (!silent) return silent.error();
  auto omit = int_within(reader, "omit_private_updates", 0, INT64_MAX);
  if (!omit) return omit.error();
  WsFaultSpec const spec{drop_after->value_or(0), silent->value_or(false), omit->value_or(0)};
  call.context.faults.set_ws(spec);
  return json_reply(200, ws_fault_json(spec));
}

RestResult set_clock_skew(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  auto skew = BodyReader(*body).required_int("ms");
  if (!skew) return skew.error();
  if (*skew < -max_skew_ms || *skew > max_skew_ms) {
    return rest::invalid_param("ms", std::to_string(*skew));
  }
  call.context.venue.clock().set_skew_ms(*skew);
  return json_reply(200, json::object{{"skew_ms", *skew}});
}

RestResult clear_faults(AdminCall const& call) {
  call.context.faults.clear_all();
  call.context.venue.clock().set_skew_ms(0);
  return rest::RestReply{204, {}, {}};
}

RestResult list_faults(AdminCall const& call) {
  json::object rest_faults;
  for (auto const& [group, spec] : call.context.faults.rest()) {
    rest_faults[group] = rest_fault_json(spec);
  }
  return json_reply(200, json::object{{"rest", std::move(rest_faults)},
                                      {"ws", ws_fault_json(call.context.faults.ws())},
                                      {"clock_skew_ms", call.context.venue.clock().skew_ms()}});
}

RestResult set_rate_limits(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  auto enabled = BodyReader(*body).optional_bool("enabled");
  if (!enabled) return enabled.error();
  if (!*enabled) return rest::missing_param("enabled");
  call.context.rest.set_rate_limits_enabled(**enabled);
  return json_reply(200, json::object{{"enabled", **enabled}});
}

}  // namespace

void add_fault_routes(AdminRouter& router) {
  router.add("PUT", "/faults/rest/{group}", set_rest_fault);
  router.add("DELETE", "/faults/rest/{group}", clear_rest_fault);
  router.add("PUT", "/faults/ws", set_ws_fault);
  router.add("PUT", "/faults/clock_skew", set_clock_skew);
  router.add("DELETE", "/faults", clear_faults);
  router.add("GET", "/faults", list_faults);
  router.add("PUT", "/rate_limits", set_rate_limits);
}

}  // namespace tradelink::sandbox::admin
