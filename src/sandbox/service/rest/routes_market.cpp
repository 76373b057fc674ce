#include <string>

#include "sandbox/service/rest/routes.hpp"

namespace tradelink::sandbox::rest {
namespace {

RestResult server_time(RestCall const& call) {
  return RestReply{200, R"({"server_time":)" + std::to_string(call.now_ms) + "}", {}};
}

}  // namespace

void add_market_routes(Router& router) {
  router.add({"GET", "/spot/time", "", RateGroup::public_endpoint, server_time});
}

}  // namespace tradelink::sandbox::rest
