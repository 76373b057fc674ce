#pragma once
// The API's route tables, one function per area; each adds its routes to the router.

#include "api/api_context.hpp"
#include "api/router.hpp"

namespace tradelink::api {

/// POST /api/v1/auth/signup, /login, /logout; GET /api/v1/auth/me; POST /api/v1/tokens.
void add_auth_routes(Router& router, ApiContext& context);
/// /api/v1/bindings…: add, list, show, verify, rotate, delete, audit; GET /api/v1/audit.
void add_binding_routes(Router& router, ApiContext& context);
/// GET /api/v1/bindings/{id}/balances and …/balances/history.
void add_balance_routes(Router& router, ApiContext& context);
/// GET /readyz and /metrics (/healthz is answered on the I/O thread by the server).
void add_ops_routes(Router& router, ApiContext& context);

/// A JSON answer from a Boost.JSON value, marked not cacheable.
[[nodiscard]] net::ServerResponse json_response(unsigned status, boost::json::value const& body);

}  // namespace tradelink::api
