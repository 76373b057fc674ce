#include "sandbox/service/rest/routes.hpp"

namespace tradelink::sandbox::rest {

void add_spot_routes(Router& /*router*/) {}

}  // namespace tradelink::sandbox::rest
