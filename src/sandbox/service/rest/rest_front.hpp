#pragma once
// The sandbox's Gate.io APIv4 REST face under /api/v4: finds the route, applies injected
// faults, checks the signature, key and permissions of private calls exactly as Gate orders
// them, counts rate limits, runs the handler under the venue lock and answers in Gate's shapes.
// No request ever crashes or hangs it: handler exceptions become 500 SERVER_ERROR.

#include <chrono>
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

  /// What a signed route answers a caller authenticated elsewhere, and the injected latency to
  /// wait before passing the answer on.
  struct DelegatedAnswer {
    net::ServerResponse response;
    std::chrono::milliseconds delay{0};
  };
  /// Runs the signed route matching `request` (path under /api/v4; headers and signature are
  /// not read) for the holder of `api_key`, whom the WebSocket API authenticated at login:
  /// the route group's injected faults, the key's state, permission group (read for GET, write
  /// otherwise), rate limits and the handler, as for a REST call. Thread-safe.
  [[nodiscard]] DelegatedAnswer answer_for_key(net::ServerRequest const& request,
                                               std::string_view api_key);

 private:
  net::ServerResponse serve(net::ServerRequest const& request, Route const& route,
                            Params const& path);
  /// Permission group, rate limits and handler for an authenticated `key` (venue lock held).
  net::ServerResponse run_for_key(net::ServerRequest const& request, Route const& route,
                                  Params const& path, ApiKey const* key, std::int64_t now_ms,
                                  VenueState& state);
  /// 405 when another method serves the path, else 404.
  static net::ServerResponse unmatched(net::ServerRequest const& request,
                                       Router::Match const& match);

  Venue& venue_;
  Faults& faults_;
  Scheduler& scheduler_;
  Router router_;
  RateLimits rate_limits_;  // under the venue lock
};

/// `{"label","message"}` with Gate's status for the label.
[[nodiscard]] net::ServerResponse refusal_response(Refusal const& refusal);

}  // namespace tradelink::sandbox::rest
