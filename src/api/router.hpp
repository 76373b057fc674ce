#pragma once
// Routes of the API: a method, a path pattern with `{name}` segments, who may call it, and the
// handler. Matching tells "no such path" (404) from "path exists, other method" (405).

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "api/api_request.hpp"
#include "net/server_types.hpp"

namespace tradelink::api {

/// Who is calling, once authenticated.
struct Caller {
  std::int64_t user_id = 0;
  bool via_session = false;  ///< a browser session cookie (else a bearer token)
  std::string csrf_token;    ///< the session's CSRF token (sessions only)
};

enum class Access : std::uint8_t {
  anyone,  ///< no authentication
  user,    ///< a session (with CSRF on non-GET) or a bearer token
};

/// Runs on a worker thread; may block. `caller` is empty-handed (user_id 0) for Access::anyone.
using RouteHandler = std::function<net::ServerResponse(ApiRequest const&, Caller const&)>;

struct Route {
  std::string method;
  std::string pattern;  ///< "/api/v1/bindings/{id}/verify"; also the route's name in metrics
  Access access = Access::user;
  RouteHandler handler;
};

class Router {
 public:
  enum class Miss : std::uint8_t { not_found, method_not_allowed };
  struct Match {
    Route const* route = nullptr;
    std::map<std::string, std::string, std::less<>> params;
  };

  void add(Route route);
  /// The route for `method` and `path` with its `{name}` segments (percent-decoded), or a miss.
  [[nodiscard]] std::variant<Match, Miss> match(std::string_view method,
                                                std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace tradelink::api
