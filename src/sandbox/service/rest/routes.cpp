#include "sandbox/service/rest/routes.hpp"

#include "sandbox/service/rest/rest_front.hpp"

namespace tradelink::sandbox::rest {

Router make_router() {
  Router router;
  add_market_routes(router);
  add_spot_routes(router);
  add_futures_routes(router);
  add_account_routes(router);
  add_wallet_routes(router);
  add_unlisted_product_routes(router);
  return router;
}

}  // namespace tradelink::sandbox::rest
