#pragma once
// Reading the parameters of Gate's spot endpoints (gateio-v4.md §3.3, §3.4): pairs and their
// whitelist, sides, order types, time in force, client texts, order references, paging and
// time ranges — each refused with Gate's label and wording when malformed.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "sandbox/engine/market_spec.hpp"
#include "sandbox/engine/order_ref.hpp"
#include "sandbox/engine/paging.hpp"
#include "sandbox/engine/types.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// The listed pair `id`, allowed by the caller's pair whitelist. INVALID_CURRENCY_PAIR for an
/// unknown pair, FORBIDDEN when the key is limited to other pairs.
[[nodiscard]] Checked<PairSpec const*> allowed_pair(RestCall const& call, std::string_view id);
/// The required query parameter `currency_pair`, resolved as allowed_pair().
[[nodiscard]] Checked<PairSpec const*> query_pair(RestCall const& call);

/// "buy" / "sell"; INVALID_PARAM_VALUE naming `name` otherwise.
[[nodiscard]] Checked<Side> parse_side(std::string_view name, std::string_view text);
/// The optional query parameter `side`.
[[nodiscard]] Checked<std::optional<Side>> query_side(Params const& query);
[[nodiscard]] std::optional<SpotOrderType> parse_order_type(std::string_view text) noexcept;
[[nodiscard]] std::optional<TimeInForce> parse_time_in_force(std::string_view text) noexcept;

/// Gate's rule for a user's `text`: "t-" then 1 to 28 bytes of [0-9A-Za-z_.-].
[[nodiscard]] bool is_valid_client_text(std::string_view text) noexcept;
/// An `{order_id}` path segment: a decimal engine id, else a client text (Gate accepts both).
[[nodiscard]] OrderRef order_ref(std::string_view order_id) noexcept;

/// `limit` in [1, max_limit], `default_limit` when absent; INVALID_PARAM_VALUE outside.
[[nodiscard]] Checked<std::size_t> query_limit(Params const& query, std::size_t default_limit,
                                               std::size_t max_limit);
/// `page` (>= 1, default 1) and `limit` as query_limit().
[[nodiscard]] Checked<Page> query_page(Params const& query, std::size_t default_limit,
                                       std::size_t max_limit);

/// Gate's `from` / `to` filters: Unix seconds, both inclusive.
struct TimeRange {
  std::optional<std::int64_t> from_s;
  std::optional<std::int64_t> to_s;

  [[nodiscard]] bool contains(TimeMs time_ms) const noexcept;
};
/// `from` and `to` as integers; INVALID_PARAM_VALUE when malformed or `from` > `to`.
[[nodiscard]] Checked<TimeRange> query_time_range(Params const& query);

/// The entries of `items` on `page` (1-based).
template <class Item>
[[nodiscard]] std::vector<Item> page_of(std::vector<Item> items, Page page) {
  std::size_t const begin = std::min(items.size(), page.offset());
  std::size_t const end = std::min(items.size(), begin + page.size());
  return std::vector<Item>(
      std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(begin)),
      std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(end)));
}

}  // namespace tradelink::sandbox::rest
