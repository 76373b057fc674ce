// Spot order lifecycle: create (lock + `put`), rest in the book, finish (unlock, `finish`),
// retention of finished orders, cancellation, and the book deltas emitted after each call.

#include "sandbox/engine/spot_exchange.hpp"

#include <algorithm>
#include <utility>
#include <variant>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

detail::SpotPairMarket::SpotPairMarket(PairSpec pair_spec, CurrencyIndex base_currency,
                                       CurrencyIndex quote_currency, core::Decimal max_order_value,
                                       std::size_t candle_capacity)
    : spec(std::move(pair_spec)),
      price_grid(Grid::decimals(spec.precision)),
      amount_grid(Grid::decimals(spec.amount_precision)),
      quote_grid(Grid::decimals(spec.precision + spec.amount_precision)),
      amount_lot{1, spec.amount_precision},
      value_unit_raw(quote_grid.step().raw()),
      max_value(spec.max_quote_amount ? money::smaller(*spec.max_quote_amount, max_order_value)
                                      : max_order_value),
      max_value_units(max_value.raw() / value_unit_raw),
      base(base_currency),
      quote(quote_currency),
      stats(candle_capacity) {}

SpotExchange::SpotExchange(Catalogue const& catalogue, CurrencyTable const& currencies,
                           EngineConfig const& config, SpotLedger& ledger, HouseLedger& house,
                           EventSink& sink)
    : config_(config),
      currencies_(currencies),
      ledger_(ledger),
      house_(house),
      sink_(sink),
      pair_count_(catalogue.pairs.size()) {
  markets_.reserve(catalogue.pairs.size());
  for (PairSpec const& pair : catalogue.pairs) {
    markets_.emplace_back(pair, *currencies.find(pair.base), *currencies.find(pair.quote),
                          config.max_order_value, config.candles_per_interval);
  }
}

core::Result<SpotOrder> SpotExchange::place(UserId user, SpotOrderRequest const& request,
                                            TimeMs now) {
  Plan plan;
  if (auto const valid = validate(request, plan); !valid) return valid.error();
  Market const& market = markets_[plan.pair];
  if (request.time_in_force == TimeInForce::poc &&
      would_take(market, request.side, plan.price_ticks)) {
    return make_error(Label::poc_fill_immediately,
                      "Order would match and take immediately so it's cancelled");
  }
  auto const account = ledger_.find(user);
  if (!account || ledger_.balance(*account, plan.lock_currency).available < plan.lock_amount) {
    return make_error(Label::balance_not_enough, "Not enough balance");
  }
  OrderBook::Handle const first_maker = market.book.best(opposite(request.side));
  if (first_maker != OrderBook::none && (request.type == SpotOrderType::market ||
                                         would_take(market, request.side, plan.price_ticks))) {
    // The first maker is probably cold: fetch it while the taker is being created.
    OrderBook::Entry const& maker = market.book.entry(first_maker);
    records_.prefetch_open(maker.owner, maker.order_id);
  }

  std::uint32_t const slot = create(user, *account, request, plan, now);
  bool const killed =
      request.time_in_force == TimeInForce::fok && !can_fill_completely(market, records_[slot]);
  core::Result<SpotOrder> result =
      killed ? core::Result<SpotOrder>{finish(slot, SpotOrderStatus::cancelled, FinishAs::fok, now)}
             : conclude(slot, match(slot, now), now);
  flush_books(now);
  return result;
}

std::uint32_t SpotExchange::create(UserId user, AccountIndex account,
                                   SpotOrderRequest const& request, Plan const& plan, TimeMs now) {
  Market const& market = markets_[plan.pair];
  std::uint32_t const slot = records_.add();
  Record& record = records_[slot];
  SpotOrder& order = record.order;
  order.user = user;
  order.text = plan.text;
  order.currency_pair = market.spec.id;
  order.type = request.type;
  order.side = request.side;
  order.time_in_force = request.time_in_force;
  order.amount = request.amount;
  order.price = request.type == SpotOrderType::limit ? request.price : core::Decimal{};
  order.left = request.amount;
  order.fee_currency = currencies_.name(request.side == Side::buy ? market.base : market.quote);
  order.create_time_ms = order.update_time_ms = now;
  record.pair = plan.pair;
  record.account = account;
  record.price_ticks = plan.price_ticks;
  record.left_lots = plan.amount_lots;
  record.lock_currency = plan.lock_currency;
  record.locked = plan.lock_amount;

  texts_.insert(account, plan.pair, plan.text, order.id);
  open_links_.link_back(user_pair(account, plan.pair).open, slot);
  ledger_.lock(account, plan.lock_currency, plan.lock_amount, now);
  if (sink_.interest().orders) sink_.on_spot_order(OrderEvent::put, order);
  return slot;
}

core::Result<SpotOrder> SpotExchange::conclude(std::uint32_t taker_slot, StopReason reason,
                                               TimeMs now) {
  Record const& taker = records_[taker_slot];
  bool const any_fill = taker.order.filled_amount.is_positive();
  if (reason == StopReason::filled) {
    return finish(taker_slot, SpotOrderStatus::closed, FinishAs::filled, now);
  }
  if (taker.order.type == SpotOrderType::market) {
    if (reason != StopReason::budget_spent) {
      return finish(taker_slot, SpotOrderStatus::cancelled, FinishAs::depth_not_enough, now);
    }
    // What is left of the budget cannot buy one more lot: the order is done.
    return any_fill ? finish(taker_slot, SpotOrderStatus::closed, FinishAs::filled, now)
                    : finish(taker_slot, SpotOrderStatus::cancelled, FinishAs::small, now);
  }
  if (taker.order.time_in_force == TimeInForce::gtc ||
      taker.order.time_in_force == TimeInForce::poc) {
    rest(taker_slot, now);
    return taker.order;
  }
  return finish(taker_slot, SpotOrderStatus::cancelled, FinishAs::ioc, now);
}

void SpotExchange::rest(std::uint32_t slot, TimeMs now) {
  Record& record = records_[slot];
  Market& market = markets_[record.pair];
  record.book = market.book.add(record.order.side, record.price_ticks, record.left_lots,
                                record.order.id, slot);
  mark_book_dirty(record.pair);
  if (record.order.filled_amount.is_positive()) {
    record.order.update_time_ms = now;
    if (sink_.interest().orders) sink_.on_spot_order(OrderEvent::update, record.order);
  }
}

SpotOrder SpotExchange::finish(std::uint32_t slot, SpotOrderStatus status, FinishAs finish_as,
                               TimeMs now) {
  Record& record = records_[slot];
  std::uint32_t const history = user_pair_index(record.account, record.pair);
  // Archiving below may forget the oldest order of either archive, writing its handle: start
  // fetching both handles now, so the misses overlap the book and ledger work in between.
  records_.prefetch_oldest(archive_of(history, false));
  records_.prefetch_oldest(archive_of(history, true));
  if (record.book != OrderBook::none) {
    markets_[record.pair].book.remove(record.book);
    record.book = OrderBook::none;
    mark_book_dirty(record.pair);
  }
  if (record.locked.is_positive()) {
    ledger_.unlock(record.account, record.lock_currency, record.locked, now);
    record.locked = core::Decimal{};
  }
  open_links_.unlink(user_pair(record.account, record.pair).open, slot);
  texts_.erase(record.account, record.pair, record.order.text, record.order.id);
  record.order.status = status;
  record.order.finish_as = finish_as;
  record.order.update_time_ms = now;
  SpotOrder const& order = record.order;
  if (sink_.interest().orders) sink_.on_spot_order(OrderEvent::finish, order);
  // Into the user's history on this pair, which forgets its oldest order when full. It is kept in
  // two archives: a cancelled order without fills is queryable for a retention time only
  // (remembered()), so those go to the second one, whose expired orders are forgotten at once —
  // a user who mostly cancels keeps about one retention time of them, not a full history. Never
  // forgets one finished in this call (a retention of 0): its caller still looks it up.
  SpotOrder finished = order;
  bool const ages_out = status == SpotOrderStatus::cancelled && record.filled_lots == 0;
  if (ages_out) {
    records_.forget_expired(archive_of(history, true), [&](auto const& oldest) {
      return oldest.time_ms < now && retention_over(oldest.time_ms, now);
    });
  }
  std::size_t const limit = std::max<std::size_t>(config_.finished_orders_per_user_market, 1);
  records_.make_room(archive_of(history, false), archive_of(history, true), limit);
  std::uint64_t const sequence = ++finishes_;
  records_.archive(slot, archive_of(history, ages_out), limit, {now, sequence}, record, sequence);
  return finished;
}

core::Result<SpotOrder> SpotExchange::cancel(UserId user, std::string_view pair, OrderRef order,
                                             TimeMs now) {
  if (auto const* id = std::get_if<OrderId>(&order)) records_.prefetch(*id);
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  auto const found = find_order(user, *pair_index, order, now);
  if (!found) return found.error();
  if (found->archived != nullptr) {  // finished
    if (found->archived->status == SpotOrderStatus::closed) {
      return make_error(Label::order_closed, "Order already closed");
    }
    return make_error(Label::order_cancelled, "Order already cancelled");
  }
  std::uint32_t const slot = records_.find_live(found->live->order.id);
  core::Result<SpotOrder> result =
      finish(slot, SpotOrderStatus::cancelled, FinishAs::cancelled, now);
  flush_books(now);
  return result;
}

core::Result<std::vector<SpotOrder>> SpotExchange::cancel_all(UserId user,
                                                              std::optional<std::string_view> pair,
                                                              std::optional<Side> side,
                                                              TimeMs now) {
  std::uint32_t first = 0;
  auto last = static_cast<std::uint32_t>(markets_.size());
  if (pair) {
    auto const pair_index = find_pair(*pair);
    if (!pair_index) return pair_index.error();
    first = *pair_index;
    last = first + 1;
  }
  std::vector<SpotOrder> cancelled;
  auto const account = ledger_.find(user);
  if (!account) return cancelled;
  std::vector<std::uint32_t> slots;
  for (std::uint32_t index = first; index < last; ++index) {
    slots.clear();
    for (std::uint32_t slot = user_pair(*account, index).open.head; slot != no_slot;
         slot = open_links_.next(slot)) {
      if (!side || records_[slot].order.side == *side) slots.push_back(slot);
    }
    for (std::uint32_t const slot : slots) {
      cancelled.push_back(finish(slot, SpotOrderStatus::cancelled, FinishAs::cancelled, now));
    }
  }
  flush_books(now);
  return cancelled;
}

std::uint32_t SpotExchange::user_pair_index(AccountIndex account, std::uint32_t pair) const {
  return static_cast<std::uint32_t>(static_cast<std::size_t>(account) * pair_count_ + pair);
}

detail::SpotUserPair& SpotExchange::user_pair(AccountIndex account, std::uint32_t pair) {
  std::size_t const index = user_pair_index(account, pair);
  if (index >= user_pairs_.size()) {
    std::size_t const wanted = (static_cast<std::size_t>(account) + 1) * pair_count_;
    user_pairs_.reserve(std::max(wanted, user_pairs_.size() * 2));
    while (user_pairs_.size() < wanted) {
      user_pairs_.push_back({OpenList{}, decltype(detail::SpotUserPair::trades)(
                                             config_.user_trades_per_user_market)});
    }
  }
  return user_pairs_[index];
}

void SpotExchange::mark_book_dirty(std::uint32_t pair) {
  Market& market = markets_[pair];
  if (market.book_dirty) return;
  market.book_dirty = true;
  dirty_books_.push_back(pair);
}

void SpotExchange::flush_books(TimeMs now) {
  for (std::uint32_t const pair : dirty_books_) {
    Market& market = markets_[pair];
    market.book_dirty = false;
    if (!sink_.interest().books) {
      // The update ids advanced with every change; nobody needs the changed levels.
      if (market.book.discard_changes()) market.book_update_ms = now;
      continue;
    }
    if (!market.book.drain_changes(changes_)) continue;
    market.book_update_ms = now;
    delta_bids_.clear();
    delta_asks_.clear();
    for (auto const& level : changes_.bids) {
      delta_bids_.push_back({market.price_grid.to_decimal(level.price),
                             market.amount_grid.to_decimal(level.quantity)});
    }
    for (auto const& level : changes_.asks) {
      delta_asks_.push_back({market.price_grid.to_decimal(level.price),
                             market.amount_grid.to_decimal(level.quantity)});
    }
    BookDelta delta;
    delta.market = market.spec.id;
    delta.time_ms = now;
    delta.first_update_id = changes_.first_id;
    delta.last_update_id = changes_.last_id;
    delta.bids = delta_bids_;
    delta.asks = delta_asks_;
    sink_.on_spot_book(delta);
  }
  dirty_books_.clear();
}

std::size_t SpotExchange::resting_order_count() const noexcept {
  std::size_t count = 0;
  for (Market const& market : markets_) count += market.book.order_count();
  return count;
}

}  // namespace tradelink::sandbox
