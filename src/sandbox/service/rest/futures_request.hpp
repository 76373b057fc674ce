#pragma once
// Reading USDT-perpetual requests the way Gate reads them (gateio-v4.md §3.5): the `{settle}`
// path segment, contract names, signed sizes in either size encoding, order ids or client
// texts, Gate's `limit` / `offset` / `last_id` paging, and the `t-` client text rule.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "sandbox/engine/market_spec.hpp"
#include "sandbox/engine/order_ref.hpp"
#include "sandbox/engine/paging.hpp"
#include "sandbox/service/rest/futures_json.hpp"
#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// INVALID_PARAM_VALUE unless the `{settle}` segment is "usdt", the only settle currency listed.
[[nodiscard]] std::optional<Refusal> check_settle(RestCall const& call);

/// Whether `settle` is a settle currency Gate has in which the sandbox lists no contracts
/// ("btc": Gate's inverse perpetuals). Clients that enumerate every settle currency (CCXT loads
/// its markets so) get empty public listings there instead of a refusal.
[[nodiscard]] bool lists_no_contracts(std::string_view settle) noexcept;

/// The listed contract `name`, else CONTRACT_NOT_FOUND.
[[nodiscard]] Checked<ContractSpec const*> listed_contract(RestCall const& call,
                                                           std::string_view name);

/// Query `name` as a count in [1, max] (`fallback` when absent); INVALID_PARAM_VALUE outside.
[[nodiscard]] Checked<std::size_t> query_count(Params const& query, std::string_view name,
                                               std::size_t fallback, std::size_t max);

/// A signed contract size from the body. Either encoding accepts JSON numbers and numeric
/// strings; without the decimal encoding a fractional size is INVALID_PARAM_VALUE, as Gate's
/// integer mode does not take decimals.
[[nodiscard]] Checked<core::Decimal> read_size(BodyReader const& body, std::string_view name,
                                               SizeEncoding sizes);

/// `{order_id}` as the engine's id (all digits) or a client text.
[[nodiscard]] Checked<OrderRef> order_ref_of(std::string_view order_id);

/// INVALID_PARAM_VALUE unless `text` is "t-" plus 1..28 bytes of [0-9A-Za-z_.-].
[[nodiscard]] std::optional<Refusal> check_client_text(std::string_view text);

/// Gate's list window: skip `offset` entries, keep `limit`, and with `last_id` only entries
/// with a smaller id (older, lists are newest first).
struct ListWindow {
  std::size_t limit = 100;
  std::size_t offset = 0;
  std::optional<std::int64_t> last_id;
};

/// The window from `limit` (default 100, max 1000), `offset` and `last_id`.
[[nodiscard]] Checked<ListWindow> list_window(Params const& query);

/// Applies `window` to a newest-first list the engine serves in pages: `fetch(Page)` returns
/// core::Result<std::vector<Item>>; pages are read until the window is full or a page runs short.
template <class Item, class Fetch>
[[nodiscard]] core::Result<std::vector<Item>> collect_window(ListWindow const& window,
                                                             Fetch&& fetch) {
  std::vector<Item> kept;
  std::size_t skipped = 0;
  for (std::size_t number = 1;; ++number) {
    core::Result<std::vector<Item>> page = fetch(Page{number, Page::max_limit});
    if (!page) return page.error();
    for (Item& item : *page) {
      if (window.last_id && item.id >= *window.last_id) continue;
      if (skipped < window.offset) {
        ++skipped;
        continue;
      }
      kept.push_back(std::move(item));
      if (kept.size() == window.limit) return kept;
    }
    if (page->size() < Page::max_limit) return kept;
  }
}

}  // namespace tradelink::sandbox::rest
