#include "sandbox/service/rest/spot_params.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/json_values.hpp"

namespace tradelink::sandbox::rest {
namespace {

/// Gate's limit on a user's text after the "t-" prefix.
constexpr std::size_t max_client_text_bytes = 28;

bool is_text_char(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
         c == '-' || c == '.';
}

}  // namespace

Checked<PairSpec const*> allowed_pair(RestCall const& call, std::string_view id) {
  PairSpec const* pair = call.state.engine.find_pair(id);
  if (pair == nullptr) {
    return refusal("INVALID_CURRENCY_PAIR", "Invalid currency pair " + std::string(id));
  }
  if (auto refused = call.check_pair(id)) return *refused;
  return pair;
}

Checked<PairSpec const*> query_pair(RestCall const& call) {
  auto const id = query_required(call.query, "currency_pair");
  if (!id) return id.error();
  return allowed_pair(call, *id);
}

Checked<Side> parse_side(std::string_view name, std::string_view text) {
  if (text == "buy") return Side::buy;
  if (text == "sell") return Side::sell;
  return invalid_param(name, text);
}

Checked<std::optional<Side>> query_side(Params const& query) {
  auto const text = query.get("side");
  if (!text) return std::optional<Side>{};
  auto side = parse_side("side", *text);
  if (!side) return side.error();
  return std::optional<Side>(*side);
}

std::optional<SpotOrderType> parse_order_type(std::string_view text) noexcept {
  if (text == "limit") return SpotOrderType::limit;
  if (text == "market") return SpotOrderType::market;
  return std::nullopt;
}

std::optional<TimeInForce> parse_time_in_force(std::string_view text) noexcept {
  if (text == "gtc") return TimeInForce::gtc;
  if (text == "ioc") return TimeInForce::ioc;
  if (text == "poc") return TimeInForce::poc;
  if (text == "fok") return TimeInForce::fok;
  return std::nullopt;
}

bool is_valid_client_text(std::string_view text) noexcept {
  if (!text.starts_with("t-")) return false;
  std::string_view const rest = text.substr(2);
  return !rest.empty() && rest.size() <= max_client_text_bytes &&
         std::all_of(rest.begin(), rest.end(), is_text_char);
}

OrderRef order_ref(std::string_view order_id) noexcept {
  OrderId id = 0;
  auto const [end, error] = std::from_chars(order_id.data(), order_id.data() + order_id.size(), id);
  if (error == std::errc{} && end == order_id.data() + order_id.size() && !order_id.empty() &&
      order_id.front() != '-') {
    return id;
  }
  return order_id;
}

Checked<std::size_t> query_limit(Params const& query, std::size_t default_limit,
                                 std::size_t max_limit) {
  auto const limit = query_int(query, "limit");
  if (!limit) return limit.error();
  if (!*limit) return Checked<std::size_t>(boost::system::in_place_value, default_limit);
  if (**limit < 1 || static_cast<std::uint64_t>(**limit) > max_limit) {
    return invalid_param("limit", std::to_string(**limit));
  }
  return Checked<std::size_t>(boost::system::in_place_value, static_cast<std::size_t>(**limit));
}

Checked<Page> query_page(Params const& query, std::size_t default_limit, std::size_t max_limit) {
  auto const limit = query_limit(query, default_limit, max_limit);
  if (!limit) return limit.error();
  auto const page = query_int(query, "page");
  if (!page) return page.error();
  if (*page && **page < 1) return invalid_param("page", std::to_string(**page));
  return Page{*page ? static_cast<std::size_t>(**page) : 1U, *limit};
}

bool TimeRange::contains(TimeMs time_ms) const noexcept {
  std::int64_t const seconds = whole_seconds(time_ms);
  return (!from_s || seconds >= *from_s) && (!to_s || seconds <= *to_s);
}

Checked<TimeRange> query_time_range(Params const& query) {
  auto const from = query_int(query, "from");
  if (!from) return from.error();
  auto const to = query_int(query, "to");
  if (!to) return to.error();
  if (*from && *to && **from > **to) return invalid_param("from", std::to_string(**from));
  return TimeRange{*from, *to};
}

}  // namespace tradelink::sandbox::rest
