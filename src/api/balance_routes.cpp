// Balances of a binding, current and history, as account sync keeps them.

#include <boost/json/object.hpp>

#include <charconv>
#include <memory>
#include <optional>
#include <string>

#include "api/api_error.hpp"
#include "api/balances_json_cache.hpp"
#include "api/json_views.hpp"
#include "api/routes.hpp"

namespace tradelink::api {
namespace {

constexpr std::int64_t day_ms = 24LL * 3600 * 1000;

net::ServerResponse sync_unavailable() {
  return error_response(503, error_code::sync_unavailable,
                        "balance sync is not running on this server");
}

core::Result<std::int64_t> read_time(ApiRequest const& request, std::string_view name,
                                     std::int64_t fallback) {
  auto const text = request.query_param(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto const [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size() || value < 0) {
    return core::validation_error(
        std::string(error_code::invalid_field),
        "query parameter \"" + std::string(name) + "\" must be Unix milliseconds");
  }
  return value;
}

// The caller's binding's balances when they are in memory (never blocks), else nullopt.
std::optional<net::ServerResponse> current_from_memory(ApiContext& context,
                                                       BalancesJsonCache& rendered,
                                                       ApiRequest const& request,
                                                       Caller const& caller) {
  if (context.balances == nullptr) return std::nullopt;
  auto const snapshot = context.balances->latest(caller.user_id, request.param("id"));
  if (!snapshot) return std::nullopt;
  net::ServerResponse response = net::ServerResponse::json(200, *rendered.text_of(snapshot));
  response.headers.push_back({"Cache-Control", "no-store"});
  return response;
}

net::ServerResponse current(ApiContext& context, BalancesJsonCache& rendered,
                            ApiRequest const& request, Caller const& caller) {
  if (context.balances == nullptr) return sync_unavailable();
  if (auto answer = current_from_memory(context, rendered, request, caller)) {
    return std::move(*answer);
  }
  auto balances = context.balances->balances(caller.user_id, request.param("id"));
  if (!balances) return error_response(balances.error());
  return json_response(200, balances_json(*balances));
}

net::ServerResponse history(ApiContext& context, ApiRequest const& request, Caller const& caller) {
  if (context.balances == nullptr) return sync_unavailable();
  std::int64_t const now = context.clock();
  auto until = read_time(request, "until_ms", now + 1);
  if (!until) return error_response(until.error());
  auto since = read_time(request, "since_ms", *until - day_ms);
  if (!since) return error_response(since.error());
  auto points = context.balances->history(caller.user_id, request.param("id"), *since, *until);
  if (!points) return error_response(points.error());
  return json_response(200, history_json(*points));
}

}  // namespace

void add_balance_routes(Router& router, ApiContext& context) {
  auto rendered = std::make_shared<BalancesJsonCache>();
  router.add({"GET", "/api/v1/bindings/{id}/balances", Access::user,
              [&context, rendered](ApiRequest const& request, Caller const& caller) {
                return current(context, *rendered, request, caller);
              },
              [&context, rendered](ApiRequest const& request, Caller const& caller) {
                return current_from_memory(context, *rendered, request, caller);
              }});
  router.add({"GET", "/api/v1/bindings/{id}/balances/history", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return history(context, request, caller);
              }});
}

}  // namespace tradelink::api
