#include "sandbox/service/rest/spot_listings.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/json_values.hpp"
#include "sandbox/service/rest/spot_json.hpp"
#include "sandbox/service/rest/spot_params.hpp"

namespace tradelink::sandbox::rest {
namespace {

constexpr std::size_t default_list_limit = 100;
constexpr std::size_t max_open_limit = 100;
constexpr std::size_t max_finished_limit = 1000;
constexpr std::size_t max_trades_limit = 1000;

/// Every entry `fetch(page)` yields, walking the engine's pages of Page::max_limit.
template <class Item, class Fetch>
core::Result<std::vector<Item>> all_pages(Fetch fetch) {
  std::vector<Item> out;
  for (std::size_t number = 1;; ++number) {
    core::Result<std::vector<Item>> page = fetch(Page{number, Page::max_limit});
    if (!page) return page.error();
    std::size_t const size = page->size();
    std::move(page->begin(), page->end(), std::back_inserter(out));
    if (size < Page::max_limit) return out;
  }
}

bool is_allowed(RestCall const& call, std::string_view pair) {
  return !call.check_pair(pair);
}

/// The fills of `order_id` (an id or an open order's text) on `pair`; none for an unknown order.
core::Result<std::vector<SpotUserTrade>> fills_of(RestCall const& call, std::string_view pair,
                                                  std::optional<std::string_view> order_id) {
  SpotExchange const& spot = call.state.engine.spot();
  std::optional<OrderId> order;
  if (order_id) {
    OrderRef const ref = order_ref(*order_id);
    if (auto const* id = std::get_if<OrderId>(&ref)) {
      order = *id;
    } else {
      auto const found = spot.order(call.user_id(), pair, ref, call.now_ms);
      if (!found) return std::vector<SpotUserTrade>{};
      order = found->id;
    }
  }
  return all_pages<SpotUserTrade>(
      [&](Page page) { return spot.my_trades(call.user_id(), pair, order, page); });
}

}  // namespace

RestResult list_orders(RestCall const& call) {
  auto const pair = query_pair(call);
  if (!pair) return pair.error();
  auto const status = query_required(call.query, "status");
  if (!status) return status.error();
  bool const open = *status == "open";
  if (!open && *status != "finished") return invalid_param("status", *status);
  auto const page =
      query_page(call.query, default_list_limit, open ? max_open_limit : max_finished_limit);
  if (!page) return page.error();
  auto const side = query_side(call.query);
  if (!side) return side.error();
  auto const range = query_time_range(call.query);
  if (!range) return range.error();

  SpotExchange const& spot = call.state.engine.spot();
  std::string_view const id = (*pair)->id;
  auto orders = all_pages<SpotOrder>([&](Page engine_page) {
    return open ? spot.open_orders(call.user_id(), id, engine_page)
                : spot.finished_orders(call.user_id(), id, engine_page, call.now_ms);
  });
  if (!orders) return refusal_from(orders.error());
  std::erase_if(*orders, [&](SpotOrder const& order) {
    return (*side && order.side != **side) || !range->contains(order.create_time_ms);
  });
  boost::json::array out;
  for (SpotOrder const& order : page_of(std::move(*orders), *page)) {
    out.push_back(spot_order_json(order, **pair));
  }
  return json_reply(out);
}

RestResult open_orders(RestCall const& call) {
  auto const page = query_page(call.query, default_list_limit, max_open_limit);
  if (!page) return page.error();
  Engine const& engine = call.state.engine;
  boost::json::array out;
  for (OpenOrdersGroup const& group : engine.spot().open_orders_by_pair(call.user_id(), *page)) {
    if (!is_allowed(call, group.currency_pair)) continue;
    PairSpec const* pair = engine.find_pair(group.currency_pair);
    if (pair == nullptr) continue;
    boost::json::array orders;
    for (SpotOrder const& order : group.orders) orders.push_back(spot_order_json(order, *pair));
    out.push_back(boost::json::object{
        {"currency_pair", group.currency_pair},
        {"total", static_cast<std::uint64_t>(group.total)},
        {"orders", std::move(orders)},
    });
  }
  return json_reply(out);
}

RestResult my_trades(RestCall const& call) {
  auto const page = query_page(call.query, default_list_limit, max_trades_limit);
  if (!page) return page.error();
  auto const range = query_time_range(call.query);
  if (!range) return range.error();
  auto const order_id = call.query.get("order_id");

  std::vector<SpotUserTrade> trades;
  if (call.query.has("currency_pair")) {
    auto const pair = query_pair(call);
    if (!pair) return pair.error();
    auto fills = fills_of(call, (*pair)->id, order_id);
    if (!fills) return refusal_from(fills.error());
    trades = std::move(*fills);
  } else {
    if (order_id) return missing_param("currency_pair");
    for (PairSpec const& pair : call.state.engine.catalogue().pairs) {
      if (!is_allowed(call, pair.id)) continue;
      auto fills = fills_of(call, pair.id, std::nullopt);
      if (!fills) return refusal_from(fills.error());
      std::move(fills->begin(), fills->end(), std::back_inserter(trades));
    }
    std::stable_sort(trades.begin(), trades.end(), [](auto const& a, auto const& b) {
      return a.create_time_ms != b.create_time_ms ? a.create_time_ms > b.create_time_ms
                                                  : a.id > b.id;
    });
  }
  std::erase_if(trades,
                [&](SpotUserTrade const& trade) { return !range->contains(trade.create_time_ms); });
  boost::json::array out;
  for (SpotUserTrade const& trade : page_of(std::move(trades), *page)) {
    out.push_back(user_trade_json(trade));
  }
  return json_reply(out);
}

}  // namespace tradelink::sandbox::rest
