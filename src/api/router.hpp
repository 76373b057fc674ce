#pragma once
// Routes of the API: a method, a path pattern with `{name}` segments, who may call it, and the
// handler. Matching tells "no such path" (404) from "path exists, other method" (405).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
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
/// Runs on an I/O thread and must never block (no store, no venue, no waiting): it answers from
/// memory, or gives nullopt and the request goes to `handler` on a worker as usual. Its answers
/// must be the ones `handler` would give.
using InlineHandler =
    std::function<std::optional<net::ServerResponse>(ApiRequest const&, Caller const&)>;

struct Route {
  std::string method;
  std::string pattern;  ///< "/api/v1/bindings/{id}/verify"; also the route's name in metrics
  Access access = Access::user;
  RouteHandler handler;
  /// Optional: the cheap way to answer, tried first for reads whose caller is known without
  /// blocking (a cached bearer token).
  InlineHandler inline_handler{};
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
  /// Thread-safe once every route is added.
  [[nodiscard]] std::variant<Match, Miss> match(std::string_view method,
                                                std::string_view path) const;

 private:
  struct Entry {
    Route route;
    std::vector<std::string> segments;  ///< of the pattern, split once
  };
  std::vector<Entry> routes_;
};

}  // namespace tradelink::api
