#include "venues/gateio/rest/order_endpoints.hpp"

#include <string_view>
#include <utility>

#include "venues/gateio/rest/request_bodies.hpp"

namespace tradelink::gateio {
namespace {

core::Result<Endpoint> order_placement(std::string_view path, EndpointGroup group, std::string body,
                                       std::string_view limit_key) {
  // Filled in place: an aggregate initialiser would zero the whole Endpoint first.
  core::Result<Endpoint> placement(boost::system::in_place_value);
  Endpoint& endpoint = *placement;
  endpoint.method = net::Method::post;
  endpoint.path = path;
  endpoint.body = std::move(body);
  endpoint.auth = Auth::signed_call;
  endpoint.group = group;
  endpoint.limit_key = limit_key;
  endpoint.replay = Replay::unsafe;  // after a timeout or 5xx the order may exist
  return placement;
}

}  // namespace

core::Result<Endpoint> spot_order_endpoint(SpotOrderRequest const& order) {
  auto body = serialize_spot_order(order);
  if (!body) return body.error();
  // Gate limits spot placement per currency pair.
  return order_placement("/spot/orders", EndpointGroup::spot_place, std::move(*body),
                         order.currency_pair);
}

core::Result<Endpoint> futures_order_endpoint(FuturesOrderRequest const& order) {
  auto body = serialize_futures_order(order);
  if (!body) return body.error();
  return order_placement("/futures/usdt/orders", EndpointGroup::futures_place, std::move(*body),
                         "");
}

}  // namespace tradelink::gateio
