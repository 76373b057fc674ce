#pragma once
// What an admin API handler receives and how the admin routes are matched. Handlers answer
// rest::RestReply or a Refusal in the REST API's `{"label","message"}` shape; they take the
// venue lock themselves (Venue::with) when they touch the exchange.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "net/server_types.hpp"
#include "sandbox/service/faults.hpp"
#include "sandbox/service/rest/rest_front.hpp"
#include "sandbox/service/rest/router.hpp"
#include "sandbox/service/simulator/market_simulator.hpp"
#include "sandbox/service/venue.hpp"

namespace tradelink::sandbox::admin {

/// The parts of the sandbox the admin API drives. Every reference outlives the admin front.
struct AdminContext {
  Venue& venue;
  Faults& faults;
  rest::RestFront& rest;
  simulator::MarketSimulator& simulator;
};

/// One admin request as a handler sees it; valid during the handler call only.
struct AdminCall {
  net::ServerRequest const& http;
  rest::Params const& path;   ///< `{name}` segments of the matched pattern
  rest::Params const& query;  ///< decoded query parameters
  AdminContext& context;
};

using AdminHandler = std::function<rest::RestResult(AdminCall const& call)>;

/// Admin routes: method + pattern under /sandbox/v1 → handler, matched like the REST routes.
class AdminRouter {
 public:
  void add(std::string method, std::string pattern, AdminHandler handler);

  struct Match {
    AdminHandler const* handler = nullptr;  ///< null: no route for this method and path
    rest::Params path;
    bool path_known = false;  ///< some route has this path with another method
  };
  [[nodiscard]] Match match(std::string_view method, std::string_view path) const;

 private:
  rest::Router router_;  // patterns only; handlers_ runs parallel to its routes
  std::vector<AdminHandler> handlers_;
};

/// Route groups, one file each.
void add_account_routes(AdminRouter& router);  ///< users, keys, deposits, withdrawals
void add_market_routes(AdminRouter& router);   ///< health, prices, clock
void add_fault_routes(AdminRouter& router);    ///< faults, rate limits

}  // namespace tradelink::sandbox::admin
