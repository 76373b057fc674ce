#pragma once
// Handlers of the USDT-perpetual REST endpoints under /futures/{settle} (gateio-v4.md §3.2,
// §3.5, §11); add_futures_routes() binds them to routes. Each refuses a settle other than usdt.

#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest::futures {

// Public market data (futures_market_handlers.cpp).
RestResult list_contracts(RestCall const& call);     ///< GET /contracts
RestResult get_contract(RestCall const& call);       ///< GET /contracts/{contract}
RestResult list_tickers(RestCall const& call);       ///< GET /tickers
RestResult get_order_book(RestCall const& call);     ///< GET /order_book
RestResult list_trades(RestCall const& call);        ///< GET /trades
RestResult list_candlesticks(RestCall const& call);  ///< GET /candlesticks

// Orders (futures_order_handlers.cpp).
RestResult create_order(RestCall const& call);   ///< POST /orders → 201
RestResult get_order(RestCall const& call);      ///< GET /orders/{order_id}
RestResult amend_order(RestCall const& call);    ///< PUT /orders/{order_id}
RestResult cancel_order(RestCall const& call);   ///< DELETE /orders/{order_id}
RestResult list_orders(RestCall const& call);    ///< GET /orders
RestResult cancel_orders(RestCall const& call);  ///< DELETE /orders

// Account, positions, fills and the countdown (futures_account_handlers.cpp).
RestResult get_account(RestCall const& call);           ///< GET /accounts
RestResult list_positions(RestCall const& call);        ///< GET /positions
RestResult get_position(RestCall const& call);          ///< GET /positions/{contract}
RestResult set_leverage(RestCall const& call);          ///< POST /positions/{contract}/leverage
RestResult list_my_trades(RestCall const& call);        ///< GET /my_trades
RestResult countdown_cancel_all(RestCall const& call);  ///< POST /countdown_cancel_all

}  // namespace tradelink::sandbox::rest::futures
