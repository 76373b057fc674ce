// Readiness and Prometheus metrics.

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <map>
#include <string>

#include "api/api_error.hpp"
#include "api/routes.hpp"
#include "store/store_error.hpp"

namespace tradelink::api {
namespace {

// The store answers a lookup: "not found" is an answer, an I/O failure is not.
bool store_answers(store::Store& store) {
  auto const user = store.find_user(0);
  return user.has_value() || user.error().code == store::error_code::not_found;
}

net::ServerResponse ready(ApiContext& context) {
  bool const store_ok = store_answers(context.store);
  boost::json::object body{{"status", store_ok ? "ready" : "not_ready"},
                           {"store", store_ok ? "ok" : "unavailable"},
                           {"sync", context.balances != nullptr ? "ok" : "unavailable"}};
  return json_response(store_ok ? 200 : 503, body);
}

void add_sync_gauges(platform::sync::SyncTotals const& totals, std::vector<Gauge>& gauges) {
  Gauge feeds{"tradelink_sync_bindings", "Bindings being synced, by the state of their feed.", {}};
  for (auto const& [state, count] : totals.bindings_by_socket_state) {
    feeds.samples.push_back({{{"state", state}}, static_cast<std::int64_t>(count)});
  }
  gauges.push_back(std::move(feeds));
  auto const single = [&gauges](char const* name, char const* help, std::uint64_t value) {
    gauges.push_back({name, help, {{{}, static_cast<std::int64_t>(value)}}});
  };
  single("tradelink_sync_drift",
         "Differences reconciliation found and repaired, summed over synced bindings.",
         totals.drift_count);
  single("tradelink_sync_reconnects", "Feed reconnections, summed over synced bindings.",
         totals.reconnects);
  single("tradelink_sync_reconcile_failures",
         "Reconciliation snapshots that failed (429, 5xx, network), summed over synced bindings.",
         totals.reconcile_failures);
  gauges.push_back({"tradelink_sync_max_lag_ms",
                    "Largest venue-event-to-applied lag of the last update, over synced bindings.",
                    {{{}, totals.max_lag_ms}}});
}

net::ServerResponse metrics(ApiContext& context) {
  std::vector<Gauge> gauges;
  Gauge bindings{"tradelink_bindings", "Live key bindings, by status.", {}};
  if (auto records = context.store.list_active_bindings()) {
    std::map<std::string, std::int64_t> by_status;
    for (auto const& record : *records) ++by_status[record.status];
    for (auto const& [status, count] : by_status) {
      bindings.samples.push_back({{{"status", status}}, count});
    }
  }
  gauges.push_back(std::move(bindings));
  if (context.balances != nullptr) add_sync_gauges(context.balances->totals(), gauges);
  gauges.push_back({"tradelink_event_streams",
                    "Open live-update streams (WebSocket sessions at /api/v1/events).",
                    {{{}, static_cast<std::int64_t>(context.events.stream_count())}}});
  net::ServerResponse response = net::ServerResponse::text(200, context.metrics.render(gauges));
  response.headers = {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}};
  return response;
}

}  // namespace

net::ServerResponse json_response(unsigned status, boost::json::value const& body) {
  net::ServerResponse response = net::ServerResponse::json(status, boost::json::serialize(body));
  response.headers.push_back({"Cache-Control", "no-store"});
  return response;
}

void add_ops_routes(Router& router, ApiContext& context) {
  router.add({"GET", "/readyz", Access::anyone,
              [&context](ApiRequest const&, Caller const&) { return ready(context); }});
  router.add({"GET", "/metrics", Access::anyone,
              [&context](ApiRequest const&, Caller const&) { return metrics(context); }});
}

}  // namespace tradelink::api
