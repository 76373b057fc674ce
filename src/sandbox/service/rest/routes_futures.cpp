// The USDT-perpetual endpoints under /futures/{settle} (gateio-v4.md §3.2, §3.5, §11). The settle
// segment is captured so that every other value gets Gate's INVALID_PARAM_VALUE, not NOT_FOUND.
#include "sandbox/service/rest/futures_handlers.hpp"
#include "sandbox/service/rest/routes.hpp"

namespace tradelink::sandbox::rest {

void add_futures_routes(Router& router) {
  using namespace futures;
  constexpr auto public_data = RateGroup::public_endpoint;
  constexpr auto place = RateGroup::futures_place;
  constexpr auto cancel = RateGroup::futures_cancel;
  constexpr auto other = RateGroup::futures_other;

  router.add({"GET", "/futures/{settle}/contracts", "", public_data, list_contracts});
  router.add({"GET", "/futures/{settle}/contracts/{contract}", "", public_data, get_contract});
  router.add({"GET", "/futures/{settle}/tickers", "", public_data, list_tickers});
  router.add({"GET", "/futures/{settle}/order_book", "", public_data, get_order_book});
  router.add({"GET", "/futures/{settle}/trades", "", public_data, list_trades});
  router.add({"GET", "/futures/{settle}/candlesticks", "", public_data, list_candlesticks});

  router.add({"GET", "/futures/{settle}/accounts", "futures", other, get_account});
  router.add({"POST", "/futures/{settle}/orders", "futures", place, create_order});
  router.add({"GET", "/futures/{settle}/orders", "futures", other, list_orders});
  router.add({"DELETE", "/futures/{settle}/orders", "futures", cancel, cancel_orders});
  router.add({"GET", "/futures/{settle}/orders/{order_id}", "futures", other, get_order});
  router.add({"PUT", "/futures/{settle}/orders/{order_id}", "futures", place, amend_order});
  router.add({"DELETE", "/futures/{settle}/orders/{order_id}", "futures", cancel, cancel_order});
  router.add({"GET", "/futures/{settle}/positions", "futures", other, list_positions});
  router.add({"GET", "/futures/{settle}/positions/{contract}", "futures", other, get_position});
  router.add(
      {"POST", "/futures/{settle}/positions/{contract}/leverage", "futures", other, set_leverage});
  router.add({"GET", "/futures/{settle}/my_trades", "futures", other, list_my_trades});
  router.add(
      {"POST", "/futures/{settle}/countdown_cancel_all", "futures", other, countdown_cancel_all});
}

}  // namespace tradelink::sandbox::rest
