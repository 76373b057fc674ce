#pragma once
// The sandbox's Gate.io APIv4 REST face under /api/v4: finds the route, applies injected
// faults, checks the signature, key and permissions of private calls exactly as Gate orders
// them, counts rate limits, runs the handler under the venue lock and answers in Gate's shapes.
// No request ever crashes or hangs it: handler exceptions become 500 SERVER_ERROR.

#include <string_view>

#include "net/responder.hpp"
#include "net/server_types.hpp"
#include "sandbox/service/faults.hpp"
#include "sandbox/service/rest/rate_limits.hpp"
#include "sandbox/service/rest/router.hpp"
#include "sandbox/service/scheduler.hpp"
#include "sandbox/service/venue.hpp"

namespace tradelink::sandbox::rest {

inline constexpr std::string_view api_prefix = "/api/v4";

/// Every endpoint the sandbox serves.
[[nodiscard]] Router make_router();

class RestFront {
 public:
  RestFront(Venue& venue, Faults& faults, Scheduler& scheduler, Router router);

  /// Answers one request whose path starts with /api/v4. Thread-safe.
  void handle(net::ServerRequest const& request, net::Responder responder);
  /// The answer without faults' latency (tests and benches call it without sockets).
  [[nodiscard]] net::ServerResponse answer(net::ServerRequest const& request);

  /// Turns Gate's rate limits on or off (admin API; benches turn them off).
  void set_rate_limits_enabled(bool enabled);

 private:
  net::ServerResponse serve(net::ServerRequest const& request, Route const& route, Params const& path);
  /// 405 when another method serves the path, else 404.
  static net::ServerResponse unmatched(net::ServerRequest const& request, Router::Match const& match);

  Venue& venue_;
  Faults& faults_;
  Scheduler& scheduler_;
  Router router_;
  RateLimits rate_limits_;  // under the venue lock
};

/// `{"label","message"}` with Gate's status for the label.
[[nodiscard]] net::ServerResponse refusal_response(Refusal const& refusal);

}  // namespace tradelink::sandbox::rest
