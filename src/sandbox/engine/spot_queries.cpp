// Read-only spot queries: single orders by id or text, open and finished order lists, fills,
// public trades, book snapshots, tickers and candles.

#include <algorithm>
#include <variant>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"
#include "sandbox/engine/spot_exchange.hpp"

namespace tradelink::sandbox {
namespace {

core::Error order_not_found() {
  return make_error(Label::order_not_found, "Order not found");
}

/// Walks `items` newest-first (they are stored oldest-first), keeping those `keep` accepts, and
/// returns the page `page` of them converted by `convert`.
template <class Items, class Keep, class Convert>
auto newest_first_page(Items const& items, Page page, Keep&& keep, Convert&& convert) {
  std::vector<decltype(convert(items.back()))> result;
  std::size_t to_skip = page.offset();
  for (std::size_t index = items.size(); index-- > 0 && result.size() < page.size();) {
    auto const& item = items[index];
    if (!keep(item)) continue;
    if (to_skip > 0) {
      --to_skip;
      continue;
    }
    result.push_back(convert(item));
  }
  return result;
}

}  // namespace

bool SpotExchange::remembered(Archived const& order, TimeMs now) const noexcept {
  bool const ages_out = order.status == SpotOrderStatus::cancelled && order.filled_lots == 0;
  return !ages_out || !retention_over(order.update_time_ms, now);
}

bool SpotExchange::retention_over(TimeMs finished_ms, TimeMs now) const noexcept {
  return finished_ms + config_.cancelled_order_ttl_ms <= now;
}

SpotOrder SpotExchange::order_of(Archived const& archived) const {
  Market const& market = markets_[archived.pair];
  SpotOrder order;
  order.id = archived.id;
  order.user = archived.user;
  order.text = archived.text;
  order.currency_pair = market.spec.id;
  order.type = archived.type;
  order.side = archived.side;
  order.time_in_force = archived.time_in_force;
  order.amount = archived.amount;
  if (archived.type == SpotOrderType::limit) {
    order.price = market.price_grid.to_decimal(archived.price_ticks);
  }
  order.left = archived.left;
  order.filled_amount = market.amount_grid.to_decimal(archived.filled_lots);
  order.filled_total = archived.filled_total;
  if (archived.filled_lots > 0) {
    order.avg_deal_price =
        money::price_of(archived.filled_total, archived.filled_lots, market.amount_lot);
  }
  order.fee = archived.fee;
  order.fee_currency = currencies_.name(archived.side == Side::buy ? market.base : market.quote);
  order.status = archived.status;
  order.finish_as = archived.finish_as;
  order.create_time_ms = archived.create_time_ms;
  order.update_time_ms = archived.update_time_ms;
  return order;
}

detail::SpotUserPair const* SpotExchange::find_user_pair(UserId user, std::uint32_t pair) const {
  auto const account = ledger_.find(user);
  if (!account) return nullptr;
  std::size_t const index = user_pair_index(*account, pair);
  return index < user_pairs_.size() ? &user_pairs_[index] : nullptr;
}

core::Result<OrderStore<SpotExchange::Record, SpotExchange::Archived>::Found>
SpotExchange::find_order(UserId user, std::uint32_t pair, OrderRef order, TimeMs now) const {
  auto const account = ledger_.find(user);
  if (!account) return order_not_found();
  OrderId id = 0;
  if (auto const* by_id = std::get_if<OrderId>(&order)) {
    id = *by_id;
  } else {
    id = texts_.find(*account, pair, std::get<std::string_view>(order));
  }
  if (id <= 0) return order_not_found();
  auto const found = records_.find(id);
  if (found.live != nullptr) {  // open
    if (found.live->order.user != user || found.live->pair != pair) return order_not_found();
    return found;
  }
  if (found.archived == nullptr || found.archived->user != user || found.archived->pair != pair ||
      !remembered(*found.archived, now)) {
    return order_not_found();
  }
  return found;
}

core::Result<SpotOrder> SpotExchange::order(UserId user, std::string_view pair, OrderRef order,
                                            TimeMs now) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  auto const found = find_order(user, *pair_index, order, now);
  if (!found) return found.error();
  if (found->live != nullptr) return found->live->order;
  return order_of(*found->archived);
}

core::Result<std::vector<SpotOrder>> SpotExchange::open_orders(UserId user, std::string_view pair,
                                                               Page page) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  std::vector<SpotOrder> result;
  auto const* history = find_user_pair(user, *pair_index);
  if (history == nullptr) return result;
  std::size_t to_skip = page.offset();
  for (std::uint32_t slot = history->open.tail; slot != no_slot && result.size() < page.size();
       slot = open_links_.prev(slot)) {
    if (to_skip > 0) {
      --to_skip;
      continue;
    }
    result.push_back(records_[slot].order);
  }
  return result;
}

std::vector<OpenOrdersGroup> SpotExchange::open_orders_by_pair(UserId user, Page page) const {
  std::vector<OpenOrdersGroup> groups;
  for (std::uint32_t pair = 0; pair < markets_.size(); ++pair) {
    auto const* history = find_user_pair(user, pair);
    if (history == nullptr || history->open.count == 0) continue;
    OpenOrdersGroup group;
    group.currency_pair = markets_[pair].spec.id;
    group.total = history->open.count;
    group.orders = open_orders(user, group.currency_pair, page).value();
    groups.push_back(std::move(group));
  }
  return groups;
}

core::Result<std::vector<SpotOrder>> SpotExchange::finished_orders(UserId user,
                                                                   std::string_view pair, Page page,
                                                                   TimeMs now) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  auto const account = ledger_.find(user);
  if (!account) return std::vector<SpotOrder>{};
  std::uint32_t const user_pair = user_pair_index(*account, *pair_index);
  auto const* kept = records_.archived_orders(archive_of(user_pair, false));
  auto const* brief = records_.archived_orders(archive_of(user_pair, true));
  std::size_t kept_left = kept != nullptr ? kept->size() : 0;
  std::size_t brief_left = brief != nullptr ? brief->size() : 0;
  // Both archives are oldest first: walk them from the back together, the later finish first.
  std::vector<SpotOrder> result;
  std::size_t to_skip = page.offset();
  while ((kept_left > 0 || brief_left > 0) && result.size() < page.size()) {
    bool const from_brief =
        brief_left > 0 && (kept_left == 0 || (*brief)[brief_left - 1].finish_sequence >
                                                 (*kept)[kept_left - 1].finish_sequence);
    Archived const& order = from_brief ? (*brief)[--brief_left] : (*kept)[--kept_left];
    if (!remembered(order, now)) continue;
    if (to_skip > 0) {
      --to_skip;
      continue;
    }
    result.push_back(order_of(order));
  }
  return result;
}

core::Result<std::vector<SpotUserTrade>> SpotExchange::my_trades(UserId user, std::string_view pair,
                                                                 std::optional<OrderId> order,
                                                                 Page page) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  auto const* history = find_user_pair(user, *pair_index);
  if (history == nullptr) return std::vector<SpotUserTrade>{};
  Market const& market = markets_[*pair_index];
  auto const of_order = [&](detail::SpotFill const& fill) {
    return !order || fill.order_id == *order;
  };
  auto const expand = [&](detail::SpotFill const& fill) {
    SpotUserTrade trade;
    trade.id = fill.id;
    trade.user = user;
    trade.order_id = fill.order_id;
    trade.currency_pair = market.spec.id;
    trade.side = fill.side;
    trade.role = fill.role;
    trade.amount = market.amount_grid.to_decimal(fill.lots);
    trade.price = market.price_grid.to_decimal(fill.price_ticks);
    trade.deal = money::scaled(static_cast<core::Decimal::Raw>(fill.price_ticks) * fill.lots,
                               market.value_unit_raw);
    trade.fee = fill.fee;
    trade.fee_currency = currencies_.name(fill.side == Side::buy ? market.base : market.quote);
    trade.text = fill.text;
    trade.sequence_id = fill.sequence_id;
    trade.create_time_ms = fill.create_time_ms;
    return trade;
  };
  return newest_first_page(history->trades, page, of_order, expand);
}

core::Result<std::vector<SpotPublicTrade>> SpotExchange::trades(std::string_view pair,
                                                                std::size_t limit) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  auto const& trades = markets_[*pair_index].trades;
  auto const all = [](SpotPublicTrade const&) { return true; };
  auto const copy = [](SpotPublicTrade const& trade) { return trade; };
  return newest_first_page(trades, Page{1, limit}, all, copy);
}

core::Result<BookSnapshot> SpotExchange::order_book(std::string_view pair,
                                                    std::size_t depth) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  Market const& market = markets_[*pair_index];
  BookSnapshot snapshot;
  snapshot.id = market.book.update_id();
  snapshot.update_ms = market.book_update_ms;
  std::vector<OrderBook::Level> levels;
  for (auto const& [side, out] :
       {std::pair{Side::sell, &snapshot.asks}, std::pair{Side::buy, &snapshot.bids}}) {
    market.book.depth(side, depth, levels);
    for (auto const& level : levels) {
      out->push_back({market.price_grid.to_decimal(level.price),
                      market.amount_grid.to_decimal(level.quantity)});
    }
  }
  return snapshot;
}

core::Result<SpotTicker> SpotExchange::ticker(std::string_view pair, TimeMs now) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  Market const& market = markets_[*pair_index];
  RollingStats const stats = market.stats.last_24h(now);
  SpotTicker ticker;
  ticker.currency_pair = market.spec.id;
  ticker.last = stats.last;
  if (auto const ask = market.book.best_price(Side::sell)) {
    ticker.lowest_ask = market.price_grid.to_decimal(*ask);
  }
  if (auto const bid = market.book.best_price(Side::buy)) {
    ticker.highest_bid = market.price_grid.to_decimal(*bid);
  }
  ticker.change_percentage = stats.change_percentage;
  ticker.base_volume = stats.amount;
  ticker.quote_volume = stats.quote_volume;
  ticker.high_24h = stats.high;
  ticker.low_24h = stats.low;
  return ticker;
}

std::vector<SpotTicker> SpotExchange::tickers(TimeMs now) const {
  std::vector<SpotTicker> result;
  result.reserve(markets_.size());
  for (Market const& market : markets_) result.push_back(ticker(market.spec.id, now).value());
  return result;
}

core::Result<std::vector<Candle>> SpotExchange::candles(std::string_view pair,
                                                        CandleInterval interval,
                                                        std::optional<std::int64_t> from_s,
                                                        std::optional<std::int64_t> to_s,
                                                        std::size_t limit, TimeMs now) const {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  return markets_[*pair_index].stats.candles(interval, from_s, to_s, limit, now);
}

}  // namespace tradelink::sandbox
