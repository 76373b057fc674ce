#include "sandbox/service/rest/router.hpp"

namespace tradelink::sandbox::rest {
namespace {

std::string_view next_segment(std::string_view& rest) {
  if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  auto const slash = rest.find('/');
  std::string_view const segment = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  return segment;
}

bool is_capture(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches `path` against `pattern`; on success fills `captures` and returns how many segments
// matched literally (the more, the more specific the route).
std::optional<int> match_pattern(std::string_view pattern, std::string_view path, Params& captures) {
  int literal = 0;
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty()) return std::nullopt;
    std::string_view const want = next_segment(pattern);
    std::string_view const got = next_segment(path);
    if (is_capture(want)) {
      if (got.empty()) return std::nullopt;
      captures.add(std::string(want.substr(1, want.size() - 2)), percent_decode(got, false));
    } else if (want == got) {
      ++literal;
    } else {
      return std::nullopt;
    }
  }
  return literal;
}

}  // namespace

Router::Match Router::match(std::string_view method, std::string_view path) const {
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  Match best;
  int best_literal = -1;
  for (Route const& route : routes_) {
    Params captures;
    auto const literal = match_pattern(route.pattern, path, captures);
    if (!literal) continue;
    if (route.method != method) {
      best.path_known = true;
      continue;
    }
    if (*literal > best_literal) {
      best_literal = *literal;
      best.route = &route;
      best.path = std::move(captures);
    }
  }
  return best;
}

std::string_view fault_group_name(RateGroup group) noexcept {
  switch (group) {
    case RateGroup::public_endpoint: return "public";
    case RateGroup::spot_place:
    case RateGroup::spot_cancel:
    case RateGroup::spot_other: return "spot";
    case RateGroup::futures_place:
    case RateGroup::futures_cancel:
    case RateGroup::futures_other: return "futures";
    case RateGroup::wallet_balance:
    case RateGroup::wallet_other: return "wallet";
    case RateGroup::other_private: return "account";
  }
  return "public";
}

}  // namespace tradelink::sandbox::rest
