// Gate products the sandbox does not trade: delivery futures and options. Their public listings
// answer as Gate's do for a market with nothing listed (an empty array), so that clients which
// enumerate every product before anything else (CCXT's load_markets) work unchanged; anything
// past the listings is a path the sandbox does not serve.
#include <boost/json/array.hpp>

#include <string_view>

#include "sandbox/service/rest/json_values.hpp"
#include "sandbox/service/rest/routes.hpp"

namespace tradelink::sandbox::rest {
namespace {

/// Gate's delivery futures settle in USDT (and, formerly, BTC).
bool is_delivery_settle(std::string_view settle) noexcept {
  return settle == "usdt" || settle == "btc";
}

RestResult delivery_listing(RestCall const& call) {
  std::string_view const settle = call.path.get("settle").value_or("");
  if (!is_delivery_settle(settle)) return invalid_param("settle", settle);
  return json_reply(boost::json::array{});
}

RestResult options_underlyings(RestCall const&) { return json_reply(boost::json::array{}); }

}  // namespace

void add_unlisted_product_routes(Router& router) {
  constexpr auto public_data = RateGroup::public_endpoint;
  router.add({"GET", "/delivery/{settle}/contracts", "", public_data, delivery_listing});
  router.add({"GET", "/delivery/{settle}/tickers", "", public_data, delivery_listing});
  router.add({"GET", "/options/underlyings", "", public_data, options_underlyings});
}

}  // namespace tradelink::sandbox::rest
