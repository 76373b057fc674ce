#include "api/router.hpp"

#include <optional>

namespace tradelink::api {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> parts;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto const slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

/// The parameters when `path` fits `pattern`, else nullopt.
std::optional<std::map<std::string, std::string, std::less<>>> fit(std::string_view pattern,
                                                                   std::string_view path) {
  auto const expected = segments(pattern);
  auto const actual = segments(path);
  if (expected.size() != actual.size()) return std::nullopt;
  std::map<std::string, std::string, std::less<>> params;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (is_parameter(expected[i])) {
      if (actual[i].empty()) return std::nullopt;
      auto decoded = percent_decode(actual[i]);
      if (!decoded) return std::nullopt;
      params.emplace(std::string(expected[i].substr(1, expected[i].size() - 2)),
                     std::move(*decoded));
    } else if (expected[i] != actual[i]) {
      return std::nullopt;
    }
  }
  return params;
}

}  // namespace

void Router::add(Route route) {
  routes_.push_back(std::move(route));
}

std::variant<Router::Match, Router::Miss> Router::match(std::string_view method,
                                                        std::string_view path) const {
  bool path_known = false;
  for (Route const& route : routes_) {
    auto params = fit(route.pattern, path);
    if (!params) continue;
    if (route.method != method) {
      path_known = true;
      continue;
    }
    return Match{&route, std::move(*params)};
  }
  return path_known ? Miss::method_not_allowed : Miss::not_found;
}

}  // namespace tradelink::api
