// Spot order lifecycle: create (lock + `put`), rest in the book, finish (unlock, `finish`),
// retention of finished orders, cancellation, and the book deltas emitted after each call.

#include "sandbox/engine/spot_exchange.hpp"

#include <algorithm>
#include <utility>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

detail::SpotPairMarket::SpotPairMarket(PairSpec pair_spec, CurrencyIndex base_currency,
                                       CurrencyIndex quote_currency, std::size_t candle_capacity)
    : spec(std::move(pair_spec)),
      price_grid(Grid::decimals(spec.precision)),
      amount_grid(Grid::decimals(spec.amount_precision)),
      quote_grid(Grid::decimals(spec.precision + spec.amount_precision)),
      amount_lot{1, spec.amount_precision},
      value_unit_raw(quote_grid.step().raw()),
      base(base_currency),
      quote(quote_currency),
      stats(candle_capacity) {}

SpotExchange::SpotExchange(Catalogue const& catalogue, CurrencyTable const& currencies,
                           EngineConfig const& config, SpotLedger& ledger, HouseLedger& house,
                           EventSink& sink)
    : config_(config), currencies_(currencies), ledger_(ledger), house_(house), sink_(sink) {
  markets_.reserve(catalogue.pairs.size());
  for (PairSpec const& pair : catalogue.pairs) {
    markets_.emplace_back(pair, *currencies.find(pair.base), *currencies.find(pair.quote),
                          config.candles_per_interval);
  }
}

core::Result<SpotOrder> SpotExchange::place(UserId user, SpotOrderRequest const& request,
                                            TimeMs now) {
  auto const planned = validate(request);
  if (!planned) return planned.error();
  Plan const& plan = planned.value();
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

  std::uint32_t const slot = create(user, *account, request, plan, now);
  if (request.time_in_force == TimeInForce::fok && !can_fill_completely(market, records_[slot])) {
    finish(slot, SpotOrderStatus::cancelled, FinishAs::fok, now);
  } else {
    conclude(slot, match(slot, now), now);
  }
  SpotOrder result = records_[slot].order;
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
  link_back(user_pair(account, plan.pair).open, records_, slot);
  ledger_.lock(account, plan.lock_currency, plan.lock_amount, now);
  sink_.on_spot_order(OrderEvent::put, order);
  return slot;
}

void SpotExchange::conclude(std::uint32_t taker_slot, StopReason reason, TimeMs now) {
  Record const& taker = records_[taker_slot];
  bool const any_fill = taker.order.filled_amount.is_positive();
  if (reason == StopReason::filled) {
    finish(taker_slot, SpotOrderStatus::closed, FinishAs::filled, now);
    return;
  }
  if (taker.order.type == SpotOrderType::market) {
    if (reason == StopReason::budget_spent) {
      // What is left of the budget cannot buy one more lot: the order is done.
      if (any_fill) {
        finish(taker_slot, SpotOrderStatus::closed, FinishAs::filled, now);
      } else {
        finish(taker_slot, SpotOrderStatus::cancelled, FinishAs::small, now);
      }
    } else {
      finish(taker_slot, SpotOrderStatus::cancelled, FinishAs::depth_not_enough, now);
    }
    return;
  }
  if (taker.order.time_in_force == TimeInForce::gtc ||
      taker.order.time_in_force == TimeInForce::poc) {
    rest(taker_slot, now);
    return;
  }
  finish(taker_slot, SpotOrderStatus::cancelled, FinishAs::ioc, now);
}

void SpotExchange::rest(std::uint32_t slot, TimeMs now) {
  Record& record = records_[slot];
  Market& market = markets_[record.pair];
  record.book = market.book.add(record.order.side, record.price_ticks, record.left_lots,
                                record.order.id, slot);
  mark_book_dirty(record.pair);
  if (record.order.filled_amount.is_positive()) {
    record.order.update_time_ms = now;
    sink_.on_spot_order(OrderEvent::update, record.order);
  }
}

void SpotExchange::finish(std::uint32_t slot, SpotOrderStatus status, FinishAs finish_as,
                          TimeMs now) {
  Record& record = records_[slot];
  if (record.book != OrderBook::none) {
    markets_[record.pair].book.remove(record.book);
    record.book = OrderBook::none;
    mark_book_dirty(record.pair);
  }
  if (record.locked.is_positive()) {
    ledger_.unlock(record.account, record.lock_currency, record.locked, now);
    record.locked = core::Decimal{};
  }
  detail::SpotUserPair& history = user_pair(record.account, record.pair);
  unlink(history.open, records_, slot);
  texts_.erase(record.account, record.pair, record.order.text, record.order.id);
  record.order.status = status;
  record.order.finish_as = finish_as;
  record.order.update_time_ms = now;
  sink_.on_spot_order(OrderEvent::finish, record.order);

  OrderId const id = record.order.id;
  if (status == SpotOrderStatus::cancelled && record.order.filled_amount.is_zero()) {
    expiries_.push_back({now + config_.cancelled_order_ttl_ms, id});
  }
  history.finished.push_back(id);
  if (history.finished.size() > std::max<std::size_t>(config_.finished_orders_per_user_market, 1)) {
    forget(history.finished.front());
    history.finished.pop_front();
  }
}

void SpotExchange::forget(OrderId id) {
  std::uint32_t const slot = records_.find(id);
  if (slot != OrderStore<Record>::npos) records_.erase(slot);
}

void SpotExchange::forget_expired(TimeMs now) {
  while (!expiries_.empty() && expiries_.front().first <= now) {
    forget(expiries_.front().second);
    expiries_.pop_front();
  }
}

core::Result<SpotOrder> SpotExchange::cancel(UserId user, std::string_view pair, OrderRef order,
                                             TimeMs now) {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  auto const slot = find_order(user, *pair_index, order, now);
  if (!slot) return slot.error();
  switch (records_[*slot].order.status) {
    case SpotOrderStatus::closed: return make_error(Label::order_closed, "Order already closed");
    case SpotOrderStatus::cancelled:
      return make_error(Label::order_cancelled, "Order already cancelled");
    case SpotOrderStatus::open: break;
  }
  finish(*slot, SpotOrderStatus::cancelled, FinishAs::cancelled, now);
  SpotOrder result = records_[*slot].order;
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
         slot = records_[slot].next_open) {
      if (!side || records_[slot].order.side == *side) slots.push_back(slot);
    }
    for (std::uint32_t const slot : slots) {
      finish(slot, SpotOrderStatus::cancelled, FinishAs::cancelled, now);
      cancelled.push_back(records_[slot].order);
    }
  }
  flush_books(now);
  return cancelled;
}

detail::SpotUserPair& SpotExchange::user_pair(AccountIndex account, std::uint32_t pair) {
  if (users_.size() <= account) users_.resize(static_cast<std::size_t>(account) + 1);
  auto& pairs = users_[account];
  if (pairs.empty()) pairs.resize(markets_.size());
  return pairs[pair];
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
