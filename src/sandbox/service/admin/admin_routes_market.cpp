// Admin routes for the exchange's surroundings: health, the simulator's fair prices and the
// sandbox clock.
#include <boost/json/object.hpp>

#include "sandbox/service/admin/admin_json.hpp"
#include "sandbox/service/admin/admin_route.hpp"

namespace tradelink::sandbox::admin {
namespace {

namespace json = boost::json;
using rest::BodyReader;
using rest::RestResult;

// About a century: far beyond any test, far inside the clock's range.
constexpr std::int64_t max_advance_seconds = 100LL * 366 * 24 * 3600;

json::object clock_json(SandboxClock const& clock) {
  return json::object{
      {"now_ms", clock.now_ms()}, {"offset_ms", clock.offset_ms()}, {"skew_ms", clock.skew_ms()}};
}

RestResult health(AdminCall const& call) {
  return json_reply(
      200, json::object{{"status", "ok"}, {"server_time", call.context.venue.clock().now_ms()}});
}

RestResult set_price(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  BodyReader const reader(*body);
  auto market = reader.required_string("market");
  if (!market) return market.error();
  auto price = reader.required_decimal("price");
  if (!price) return price.error();
  return call.context.venue.with([&](VenueState& state) -> RestResult {
    auto moved = call.context.simulator.set_fair_price(state, *market, *price);
    if (!moved) return rest::refusal_from(moved.error());
    return json_reply(200, json::object{{"market", *market}, {"price", price->to_string()}});
  });
}

RestResult get_clock(AdminCall const& call) {
  return json_reply(200, clock_json(call.context.venue.clock()));
}

RestResult advance_clock(AdminCall const& call) {
  auto body = rest::parse_body_object(call.http.body);
  if (!body) return body.error();
  auto seconds = BodyReader(*body).required_int("seconds");
  if (!seconds) return seconds.error();
  if (*seconds < 0 || *seconds > max_advance_seconds) {
    return rest::invalid_param("seconds", std::to_string(*seconds));
  }
  SandboxClock& clock = call.context.venue.clock();
  clock.advance(*seconds * 1000);
  // The engine follows the clock on its next call; advancing it now fires due countdowns.
  call.context.venue.with([&](VenueState& state) { state.engine.advance_to(clock.now_ms()); });
  return json_reply(200, clock_json(clock));
}

}  // namespace

void add_market_routes(AdminRouter& router) {
  router.add("GET", "/health", health);
  router.add("POST", "/prices", set_price);
  router.add("GET", "/clock", get_clock);
  router.add("POST", "/clock/advance", advance_clock);
}

}  // namespace tradelink::sandbox::admin
