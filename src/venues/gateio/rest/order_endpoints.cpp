#include "venues/gateio/rest/order_endpoints.hpp"

#include <string>
#include <string_view>

#include "venues/gateio/rest/detail/short_text.hpp"
#include "venues/gateio/rest/request_bodies.hpp"

namespace tradelink::gateio {
namespace {

/// `text` = `value`; an endpoint recycled from the same kind of call already holds it.
void overwrite(std::string& text, std::string_view value) {
  if (!detail::same_text(text, value)) text = value;
}

/// Every field but the body, which the caller has written. Assignments keep the buffers of a
/// recycled endpoint.
void fill_placement(Endpoint& endpoint, std::string_view path, EndpointGroup group,
                    std::string_view limit_key) {
  endpoint.method = net::Method::post;
  overwrite(endpoint.path, path);
  endpoint.query.clear();
  endpoint.auth = Auth::signed_call;
  endpoint.group = group;
  overwrite(endpoint.limit_key, limit_key);
  endpoint.replay = Replay::unsafe;  // after a timeout or 5xx the order may exist
}

template <class Order>
core::Result<Endpoint> as_value(Order const& order) {
  core::Result<Endpoint> placement(boost::system::in_place_value);
  if (auto filled = order_endpoint(order, *placement); !filled) return filled.error();
  return placement;
}

}  // namespace

core::Result<void> order_endpoint(SpotOrderRequest const& order, Endpoint& endpoint) {
  if (auto written = serialize_spot_order(order, endpoint.body); !written) return written;
  // Gate limits spot placement per currency pair.
  fill_placement(endpoint, "/spot/orders", EndpointGroup::spot_place, order.currency_pair);
  return core::ok();
}

core::Result<void> order_endpoint(FuturesOrderRequest const& order, Endpoint& endpoint) {
  if (auto written =
          serialize_futures_order(order, FuturesSizeEncoding::decimal_string, endpoint.body);
      !written) {
    return written;
  }
  fill_placement(endpoint, "/futures/usdt/orders", EndpointGroup::futures_place, "");
  return core::ok();
}

core::Result<Endpoint> spot_order_endpoint(SpotOrderRequest const& order) {
  return as_value(order);
}

core::Result<Endpoint> futures_order_endpoint(FuturesOrderRequest const& order) {
  return as_value(order);
}

}  // namespace tradelink::gateio
