// Read-only futures queries: orders, fills, positions with mark-price PnL, the account, public
// trades, book snapshots, tickers and candles.

#include <algorithm>
#include <variant>

#include "sandbox/engine/futures_exchange.hpp"
#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {
namespace {

core::Error order_not_found() {
  return make_error(Label::order_not_found, "Order not found");
}

/// Newest first by id, then the requested page.
template <class Item>
std::vector<Item> page_of(std::vector<Item> items, Page page) {
  std::stable_sort(items.begin(), items.end(),
                   [](Item const& a, Item const& b) { return a.id > b.id; });
  std::size_t const first = std::min(page.offset(), items.size());
  std::size_t const last = std::min(first + page.size(), items.size());
  return std::vector<Item>(items.begin() + static_cast<std::ptrdiff_t>(first),
                           items.begin() + static_cast<std::ptrdiff_t>(last));
}

}  // namespace

bool FuturesExchange::remembered(Archived const& order, TimeMs now) const noexcept {
  bool const without_fills = order.size_lots == order.left_lots;
  return !without_fills || !retention_over(order.finish_time_ms, now);
}

bool FuturesExchange::retention_over(TimeMs finished_ms, TimeMs now) const noexcept {
  return finished_ms + config_.cancelled_order_ttl_ms <= now;
}

FuturesOrder FuturesExchange::order_of(Archived const& archived, UserId user,
                                       std::uint32_t contract) const {
  Market const& market = markets_[contract];
  FuturesOrder order;
  order.id = archived.id;
  order.user = user;
  order.contract = market.spec.name;
  order.text = archived.text;
  order.size = market.size_grid.to_decimal(archived.size_lots);
  order.left = market.size_grid.to_decimal(archived.left_lots);
  order.price = market.price_grid.to_decimal(archived.price_ticks);
  order.fill_price = archived.fill_price;
  order.fee = archived.fee;
  order.maker_fee_rate = market.spec.maker_fee_rate;
  order.taker_fee_rate = market.spec.taker_fee_rate;
  order.time_in_force = archived.time_in_force;
  order.is_reduce_only = archived.is_reduce_only;
  order.is_close = archived.is_close;
  order.status = archived.status;
  order.finish_as = archived.finish_as;
  order.create_time_ms = archived.create_time_ms;
  order.update_time_ms = archived.finish_time_ms;
  order.finish_time_ms = archived.finish_time_ms;
  order.update_id = archived.update_id;
  return order;
}

core::Result<OrderStore<FuturesExchange::Record, FuturesExchange::Archived>::Found>
FuturesExchange::find_order(UserId user, OrderRef order, TimeMs now) const {
  auto const account = account_index_.find(user);  // a plain lookup: only a miss builds an error
  if (!account) return find_account(user).error();
  OrderId id = 0;
  if (auto const* by_id = std::get_if<OrderId>(&order)) {
    id = *by_id;
  } else {
    id = texts_.find(*account, 0, std::get<std::string_view>(order));
  }
  if (id <= 0) return order_not_found();
  auto const found = records_.find(id);
  if (found.live != nullptr) {  // open
    if (found.live->order.user != user) return order_not_found();
    return found;
  }
  if (found.archived == nullptr || archive_owner(found.archive).account != *account ||
      !remembered(*found.archived, now)) {
    return order_not_found();
  }
  return found;
}

core::Result<FuturesOrder> FuturesExchange::order(UserId user, OrderRef order, TimeMs now) const {
  auto const found = find_order(user, order, now);
  if (!found) return found.error();
  if (found->live != nullptr) return found->live->order;
  return order_of(*found->archived, user, archive_owner(found->archive).contract);
}

core::Result<std::vector<FuturesOrder>> FuturesExchange::open_orders(
    UserId user, std::optional<std::string_view> contract, Page page) const {
  auto const account = find_account(user);
  if (!account) return account.error();
  std::uint32_t first = 0;
  auto last = static_cast<std::uint32_t>(markets_.size());
  if (contract) {
    auto const index = find_contract(*contract);
    if (!index) return index.error();
    first = index.value();
    last = first + 1;
  }
  std::vector<FuturesOrder> orders;
  for (std::uint32_t index = first; index < last; ++index) {
    for (std::uint32_t slot = accounts_[account.value()].contracts[index].open.head;
         slot != no_slot; slot = open_links_.next(slot)) {
      orders.push_back(records_[slot].order);
    }
  }
  return page_of(std::move(orders), page);
}

core::Result<std::vector<FuturesOrder>> FuturesExchange::finished_orders(
    UserId user, std::optional<std::string_view> contract, Page page, TimeMs now) const {
  auto const account = find_account(user);
  if (!account) return account.error();
  std::uint32_t first = 0;
  auto last = static_cast<std::uint32_t>(markets_.size());
  if (contract) {
    auto const index = find_contract(*contract);
    if (!index) return index.error();
    first = index.value();
    last = first + 1;
  }
  std::vector<FuturesOrder> orders;
  for (std::uint32_t index = first; index < last; ++index) {
    for (bool const ages_out : {false, true}) {
      auto const* finished =
          records_.archived_orders(archive_index(account.value(), index, ages_out));
      if (finished == nullptr) continue;
      for (std::size_t entry = 0; entry < finished->size(); ++entry) {
        Archived const& archived = (*finished)[entry];
        if (remembered(archived, now)) orders.push_back(order_of(archived, user, index));
      }
    }
  }
  return page_of(std::move(orders), page);
}

core::Result<std::vector<FuturesUserTrade>> FuturesExchange::my_trades(
    UserId user, std::optional<std::string_view> contract, std::optional<OrderId> order,
    Page page) const {
  auto const account = find_account(user);
  if (!account) return account.error();
  std::uint32_t first = 0;
  auto last = static_cast<std::uint32_t>(markets_.size());
  if (contract) {
    auto const index = find_contract(*contract);
    if (!index) return index.error();
    first = index.value();
    last = first + 1;
  }
  std::vector<FuturesUserTrade> trades;
  for (std::uint32_t index = first; index < last; ++index) {
    Market const& market = markets_[index];
    auto const& history = accounts_[account.value()].contracts[index].trades;
    for (std::size_t entry = 0; entry < history.size(); ++entry) {
      detail::FuturesFill const& fill = history[entry];
      if (order && fill.order_id != *order) continue;
      FuturesUserTrade trade;
      trade.id = fill.id;
      trade.user = user;
      trade.order_id = fill.order_id;
      trade.contract = market.spec.name;
      trade.size = market.size_grid.to_decimal(fill.lots);
      trade.close_size = market.size_grid.to_decimal(fill.closed_lots);
      trade.price = market.price_grid.to_decimal(fill.price_ticks);
      trade.fee = fill.fee;
      trade.role = fill.role;
      trade.text = fill.text;
      trade.create_time_ms = fill.create_time_ms;
      trades.push_back(trade);
    }
  }
  return page_of(std::move(trades), page);
}

core::Decimal FuturesExchange::effective_mark(Market const& market,
                                              Position const& position) const {
  if (market.mark_price) return *market.mark_price;
  if (auto const last = market.stats.last_price()) return *last;
  if (position.size == 0) return core::Decimal{};
  // No trade and no mark yet: value the position at its own entry (unrealised 0).
  return money::price_of(position.entry_value, position.size < 0 ? -position.size : position.size,
                         market.lot);
}

FuturesPosition FuturesExchange::position_view(AccountState const& account,
                                               std::uint32_t contract) const {
  Market const& market = markets_[contract];
  UserContract const& holding = account.contracts[contract];
  Position const& position = holding.position;
  FuturesPosition view;
  view.user = account.user;
  view.contract = market.spec.name;
  view.size = market.size_grid.to_decimal(position.size);
  view.leverage = position.leverage;
  view.margin = position.margin;
  view.realised_pnl = position.realised_pnl;
  view.history_pnl = position.history_pnl;
  view.last_close_pnl = position.last_close_pnl;
  view.maintenance_rate = market.spec.maintenance_rate;
  view.risk_limit = market.spec.risk_limit_base;
  view.pending_orders = static_cast<std::int64_t>(holding.open.count);
  view.update_id = position.update_id;
  view.time_ms = position.time_ms;
  // Without a mark set, positions are valued at the last trade, a price on the order grid: one
  // lot there is worth lot_value(ticks) exactly, no product to round.
  bool const marked_at_last_trade = !market.mark_price && market.last_trade_ticks != 0;
  view.mark_price = marked_at_last_trade ? market.price_grid.to_decimal(market.last_trade_ticks)
                                         : effective_mark(market, position);
  if (position.size != 0) {
    std::int64_t const held = position.size < 0 ? -position.size : position.size;
    view.entry_price = money::price_of(position.entry_value, held, market.lot);
    if (view.entry_price.is_negative()) view.entry_price = money::negated(view.entry_price);
    // One lot at the mark: a short product (few digits each side), then whole-lot multiples.
    core::Decimal const lot_at_mark = marked_at_last_trade
                                          ? market.lot_value(market.last_trade_ticks)
                                          : money::times(market.lot_base, view.mark_price);
    view.value = money::scaled(held, lot_at_mark.raw());
    view.unrealised_pnl =
        money::minus(money::scaled(position.size, lot_at_mark.raw()), position.entry_value);
  }
  return view;
}

core::Result<FuturesAccount> FuturesExchange::account(UserId user) const {
  auto const index = find_account(user);
  if (!index) return index.error();
  AccountState const& state = accounts_[index.value()];
  FuturesAccount view;
  view.user = user;
  view.total = state.total;
  view.position_margin = state.position_margin;
  view.order_margin = state.order_margin;
  view.available = available(state);
  view.history = state.history;
  for (std::uint32_t contract = 0; contract < markets_.size(); ++contract) {
    if (state.contracts[contract].position.size == 0) continue;
    view.unrealised_pnl =
        money::plus(view.unrealised_pnl, position_view(state, contract).unrealised_pnl);
  }
  return view;
}

core::Result<std::vector<FuturesPosition>> FuturesExchange::positions(UserId user,
                                                                      bool holding_only) const {
  auto const index = find_account(user);
  if (!index) return index.error();
  std::vector<FuturesPosition> result;
  AccountState const& state = accounts_[index.value()];
  for (std::uint32_t contract = 0; contract < markets_.size(); ++contract) {
    if (holding_only && state.contracts[contract].position.size == 0) continue;
    result.push_back(position_view(state, contract));
  }
  return result;
}

core::Result<FuturesPosition> FuturesExchange::position(UserId user,
                                                        std::string_view contract) const {
  auto const contract_index = find_contract(contract);
  if (!contract_index) return contract_index.error();
  auto const index = find_account(user);
  if (!index) return index.error();
  return position_view(accounts_[index.value()], contract_index.value());
}

core::Result<std::vector<FuturesPublicTrade>> FuturesExchange::trades(std::string_view contract,
                                                                      std::size_t limit) const {
  auto const index = find_contract(contract);
  if (!index) return index.error();
  auto const& trades = markets_[index.value()].trades;
  std::size_t const count = std::min({limit, trades.size(), Page::max_limit});
  std::vector<FuturesPublicTrade> newest;
  newest.reserve(count);
  for (std::size_t entry = trades.size(); newest.size() < count; --entry) {
    newest.push_back(trades[entry - 1]);
  }
  return newest;
}

core::Result<BookSnapshot> FuturesExchange::order_book(std::string_view contract,
                                                       std::size_t depth) const {
  auto const index = find_contract(contract);
  if (!index) return index.error();
  Market const& market = markets_[index.value()];
  BookSnapshot snapshot;
  snapshot.id = market.book.update_id();
  snapshot.update_ms = market.book_update_ms;
  std::vector<OrderBook::Level> levels;
  for (auto const& [side, out] :
       {std::pair{Side::sell, &snapshot.asks}, std::pair{Side::buy, &snapshot.bids}}) {
    market.book.depth(side, depth, levels);
    for (auto const& level : levels) {
      out->push_back(
          {market.price_grid.to_decimal(level.price), market.size_grid.to_decimal(level.quantity)});
    }
  }
  return snapshot;
}

core::Result<std::optional<core::Decimal>> FuturesExchange::mark_price(
    std::string_view contract) const {
  auto const index = find_contract(contract);
  if (!index) return index.error();
  Market const& market = markets_[index.value()];
  if (market.mark_price) return market.mark_price;
  return market.stats.last_price();
}

core::Result<FuturesTicker> FuturesExchange::ticker(std::string_view contract, TimeMs now) const {
  auto const index = find_contract(contract);
  if (!index) return index.error();
  Market const& market = markets_[index.value()];
  RollingStats const stats = market.stats.last_24h(now);
  FuturesTicker ticker;
  ticker.contract = market.spec.name;
  ticker.last = stats.last;
  if (auto const ask = market.book.best_price(Side::sell)) {
    ticker.lowest_ask = market.price_grid.to_decimal(*ask);
  }
  if (auto const bid = market.book.best_price(Side::buy)) {
    ticker.highest_bid = market.price_grid.to_decimal(*bid);
  }
  ticker.mark_price = market.mark_price.value_or(stats.last.value_or(core::Decimal{}));
  ticker.index_price = ticker.mark_price;
  ticker.change_percentage = stats.change_percentage;
  ticker.total_size = market.size_grid.to_decimal(market.long_lots);
  ticker.volume_24h = stats.amount;
  ticker.volume_24h_base = money::times(stats.amount, market.spec.quanto_multiplier);
  ticker.volume_24h_quote = stats.quote_volume;
  ticker.high_24h = stats.high;
  ticker.low_24h = stats.low;
  return ticker;
}

std::vector<FuturesTicker> FuturesExchange::tickers(TimeMs now) const {
  std::vector<FuturesTicker> result;
  result.reserve(markets_.size());
  for (Market const& market : markets_) result.push_back(ticker(market.spec.name, now).value());
  return result;
}

core::Result<std::vector<Candle>> FuturesExchange::candles(std::string_view contract,
                                                           CandleInterval interval,
                                                           std::optional<std::int64_t> from_s,
                                                           std::optional<std::int64_t> to_s,
                                                           std::size_t limit, TimeMs now) const {
  auto const index = find_contract(contract);
  if (!index) return index.error();
  return markets_[index.value()].stats.candles(interval, from_s, to_s, limit, now);
}

}  // namespace tradelink::sandbox
