#include "api/router.hpp"

#include <boost/container/small_vector.hpp>

#include <optional>

namespace tradelink::api {
namespace {

using PathSegments = boost::container::small_vector<std::string_view, 8>;

template <class Segments>
void split(std::string_view path, Segments& parts) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto const slash = path.find('/');
    parts.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool fits(std::vector<std::string> const& expected, PathSegments const& actual) {
  if (expected.size() != actual.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (is_parameter(expected[i]) ? actual[i].empty() : expected[i] != actual[i]) return false;
  }
  return true;
}

/// The `{name}` segments of a path that fits; nullopt for a malformed percent escape.
std::optional<std::map<std::string, std::string, std::less<>>> parameters(
    std::vector<std::string> const& expected, PathSegments const& actual) {
  std::map<std::string, std::string, std::less<>> params;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (!is_parameter(expected[i])) continue;
    auto decoded = percent_decode(actual[i]);
    if (!decoded) return std::nullopt;
    params.emplace(expected[i].substr(1, expected[i].size() - 2), std::move(*decoded));
  }
  return params;
}

}  // namespace

void Router::add(Route route) {
  std::vector<std::string> segments;
  split(route.pattern, segments);
  routes_.push_back(Entry{std::move(route), std::move(segments)});
}

std::variant<Router::Match, Router::Miss> Router::match(std::string_view method,
                                                        std::string_view path) const {
  PathSegments actual;
  split(path, actual);
  bool path_known = false;
  for (Entry const& entry : routes_) {
    if (!fits(entry.segments, actual)) continue;
    auto params = parameters(entry.segments, actual);
    if (!params) continue;
    if (entry.route.method != method) {
      path_known = true;
      continue;
    }
    return Match{&entry.route, std::move(*params)};
  }
  return path_known ? Miss::method_not_allowed : Miss::not_found;
}

}  // namespace tradelink::api
