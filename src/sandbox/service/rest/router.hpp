#pragma once
// Matches a method and a path (under /api/v4) to a Route, capturing `{name}` segments.

#include <optional>
#include <string_view>
#include <vector>

#include "sandbox/service/rest/route.hpp"

namespace tradelink::sandbox::rest {

class Router {
 public:
  void add(Route route) { routes_.push_back(std::move(route)); }

  struct Match {
    Route const* route = nullptr;  ///< null: no route for this method and path
    Params path;                   ///< captured `{name}` segments, percent-decoded
    bool path_known = false;       ///< some route has this path with another method
  };
  /// Literal segments win over `{name}` captures when two patterns could match.
  [[nodiscard]] Match match(std::string_view method, std::string_view path) const;

  [[nodiscard]] std::vector<Route> const& routes() const noexcept { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace tradelink::sandbox::rest
