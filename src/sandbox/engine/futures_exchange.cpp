// Futures accounts (transfers), order lifecycle (create with order margin, rest, finish,
// retention), cancellation, leverage and mark price, and the book deltas emitted per call.

#include "sandbox/engine/futures_exchange.hpp"

#include <algorithm>
#include <utility>
#include <variant>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

detail::FuturesContractMarket::FuturesContractMarket(ContractSpec contract_spec,
                                                     core::Decimal max_order_value,
                                                     std::size_t candle_capacity)
    : spec(std::move(contract_spec)),
      price_grid(spec.order_price_round),
      size_grid(spec.size_step),
      mark_grid(spec.mark_price_round),
      lot_base(money::times(spec.size_step, spec.quanto_multiplier)),
      lot(money::LotSize::of(lot_base)),
      value_unit_raw(money::times(lot_base, spec.order_price_round).raw()),
      max_value_units(max_order_value.raw() / value_unit_raw),
      maker_fee(money::Factor::of(spec.maker_fee_rate)),
      taker_fee(money::Factor::of(spec.taker_fee_rate)),
      stats(candle_capacity) {}

FuturesExchange::FuturesExchange(Catalogue const& catalogue, CurrencyIndex settle,
                                 EngineConfig const& config, HouseLedger& house, EventSink& sink)
    : config_(config), settle_(settle), house_(house), sink_(sink) {
  markets_.reserve(catalogue.contracts.size());
  for (ContractSpec const& contract : catalogue.contracts) {
    markets_.emplace_back(contract, config.max_order_value, config.candles_per_interval);
  }
}

// ----- accounts -----

bool FuturesExchange::has_account(UserId user) const noexcept {
  return account_index_.find(user).has_value();
}

core::Decimal FuturesExchange::available(AccountState const& account) const noexcept {
  return money::minus(money::minus(account.total, account.position_margin), account.order_margin);
}

core::Result<void> FuturesExchange::transfer_in(UserId user, core::Decimal amount, TimeMs now) {
  if (!amount.is_positive()) {
    return make_error(Label::invalid_param_value,
                      "Invalid parameter `amount` with value: " + amount.to_string());
  }
  auto const found = account_index_.find(user);
  core::Decimal const current = found ? accounts_[*found].total : core::Decimal{};
  if (amount > money::minus(config_.max_balance, current)) {
    return make_error(Label::amount_too_much, "futures balance would exceed the sandbox maximum " +
                                                  config_.max_balance.to_string());
  }
  std::uint32_t const account_index = account_index_.add(user);
  if (account_index == accounts_.size()) {
    AccountState account;
    account.user = user;
    account.contracts.reserve(markets_.size());
    for (std::size_t index = 0; index < markets_.size(); ++index) {
      UserContract holding;
      holding.trades = decltype(holding.trades)(config_.user_trades_per_user_market);
      holding.position.leverage = markets_[index].spec.default_leverage;
      account.contracts.push_back(std::move(holding));
    }
    accounts_.push_back(std::move(account));
  }
  AccountState& account = accounts_[account_index];
  account.total = money::plus(account.total, amount);
  account.history.dnw = money::plus(account.history.dnw, amount);
  emit_balance(account, amount, FuturesBalanceChange::dnw, {}, 0, now);
  return core::ok();
}

core::Result<void> FuturesExchange::transfer_out(UserId user, core::Decimal amount, TimeMs now) {
  auto const index = find_account(user);
  if (!index) return index.error();
  if (!amount.is_positive()) {
    return make_error(Label::invalid_param_value,
                      "Invalid parameter `amount` with value: " + amount.to_string());
  }
  AccountState& account = accounts_[index.value()];
  if (amount > available(account)) {
    return make_error(Label::insufficient_available, "Insufficient available balance");
  }
  account.total = money::minus(account.total, amount);
  account.history.dnw = money::minus(account.history.dnw, amount);
  emit_balance(account, money::negated(amount), FuturesBalanceChange::dnw, {}, 0, now);
  return core::ok();
}

// ----- orders -----

core::Result<FuturesOrder> FuturesExchange::place(UserId user, FuturesOrderRequest const& request,
                                                  TimeMs now) {
  Plan plan;
  if (auto const checked = validate(user, request, plan); !checked) return checked.error();
  Market const& market = markets_[plan.contract];
  OrderBook::Handle const first_maker = market.book.best(opposite(plan.side));
  if (first_maker != OrderBook::none) {
    OrderBook::Entry const& maker = market.book.entry(first_maker);
    bool const crosses =
        plan.price_ticks == 0 || (plan.side == Side::buy ? maker.price <= plan.price_ticks
                                                         : maker.price >= plan.price_ticks);
    // The first maker is probably cold: fetch it while the taker is being created.
    if (crosses) records_.prefetch_open(maker.owner, maker.order_id);
  }
  std::uint32_t const slot = create(user, request, plan, now);
  OrderId const id = records_[slot].order.id;
  core::Result<FuturesOrder> result = conclude(slot, match(slot, now), now);
  bool const rested = result->status == FuturesOrderStatus::open;
  // Only a fill that flattened a position can finish other orders; an order that rested without
  // one (most do) is returned as conclude() left it, without a second lookup and copy.
  bool const flattened = !flattened_.empty();
  close_flattened_positions(now);
  if (rested && flattened) {
    // Closing flattened positions may have finished it (a resting reduce-only order). Being its
    // user's newest order on the contract, it was archived last and is still remembered.
    auto const taker = records_.find(id);
    if (taker.live != nullptr) {
      result = taker.live->order;
    } else if (taker.archived != nullptr) {
      result = order_of(*taker.archived, user, plan.contract);
    } else {
      money::broken_invariant("placed futures order lost");
    }
  }
  flush_books(now);
  return result;
}

std::uint32_t FuturesExchange::create(UserId user, FuturesOrderRequest const& request,
                                      Plan const& plan, TimeMs now) {
  Market const& market = markets_[plan.contract];
  std::uint32_t const slot = records_.add();
  Record& record = records_[slot];
  FuturesOrder& order = record.order;
  order.user = user;
  order.contract = market.spec.name;
  order.text = plan.text;
  core::Decimal const size =
      market.size_grid.to_decimal(plan.side == Side::buy ? plan.lots : -plan.lots);
  order.size = order.left = size;
  order.price = request.price;
  order.maker_fee_rate = market.spec.maker_fee_rate;
  order.taker_fee_rate = market.spec.taker_fee_rate;
  order.time_in_force = request.time_in_force;
  order.is_reduce_only = plan.reduce_only;
  order.is_close = plan.close;
  order.create_time_ms = order.update_time_ms = now;
  order.update_id = 1;
  record.contract = plan.contract;
  record.account = plan.account;
  record.side = plan.side;
  record.price_ticks = plan.price_ticks;
  record.margin_ticks = plan.margin_ticks;
  record.left_lots = plan.lots;
  record.reserved_lots = plan.opening_lots;
  record.reserved_margin = plan.margin;

  texts_.insert(plan.account, 0, plan.text, order.id);
  AccountState& account = accounts_[plan.account];
  open_links_.link_back(account.contracts[plan.contract].open, slot);
  track_open(record, plan.lots);
  account.order_margin = money::plus(account.order_margin, plan.margin);
  if (sink_.interest().orders) sink_.on_futures_order(OrderEvent::put, order);
  return slot;
}

void FuturesExchange::reserve(Record& record, std::int64_t lots) {
  Market const& market = markets_[record.contract];
  AccountState& account = accounts_[record.account];
  record.reserved_lots = lots;
  core::Decimal const margin =
      lots == 0 ? core::Decimal{}
                : initial_margin(
                      money::scaled(static_cast<core::Decimal::Raw>(lots) * record.margin_ticks,
                                    market.value_unit_raw),
                      account.contracts[record.contract].position.leverage);
  account.order_margin =
      money::plus(account.order_margin, money::minus(margin, record.reserved_margin));
  record.reserved_margin = margin;
}

void FuturesExchange::rest(std::uint32_t slot, TimeMs now) {
  Record& record = records_[slot];
  record.book = markets_[record.contract].book.add(record.side, record.price_ticks,
                                                   record.left_lots, record.order.id, slot);
  mark_book_dirty(record.contract);
  if (record.filled_lots > 0) {
    record.order.update_time_ms = now;
    if (sink_.interest().orders) sink_.on_futures_order(OrderEvent::update, record.order);
  }
}

void FuturesExchange::finish(std::uint32_t slot, FinishAs finish_as, TimeMs now,
                             FuturesOrder* view) {
  Record& record = records_[slot];
  std::uint32_t const kept = archive_index(record.account, record.contract, false);
  std::uint32_t const brief = archive_index(record.account, record.contract, true);
  // Archiving below may forget the oldest order of either archive, writing its handle: start
  // fetching both handles now, so the misses overlap the book and margin work in between.
  records_.prefetch_oldest(kept);
  records_.prefetch_oldest(brief);
  if (record.book != OrderBook::none) {
    markets_[record.contract].book.remove(record.book);
    record.book = OrderBook::none;
    mark_book_dirty(record.contract);
  }
  track_open(record, -record.left_lots);
  reserve(record, 0);
  AccountState& account = accounts_[record.account];
  UserContract& holding = account.contracts[record.contract];
  open_links_.unlink(holding.open, slot);
  texts_.erase(record.account, 0, record.order.text, record.order.id);
  FuturesOrder& order = record.order;
  order.status = FuturesOrderStatus::finished;
  order.finish_as = finish_as;
  order.update_time_ms = order.finish_time_ms = now;
  ++order.update_id;
  if (sink_.interest().orders) sink_.on_futures_order(OrderEvent::finish, order);
  // Into the user's history on this contract, which forgets its oldest order when full. It is
  // kept in two archives: an order finished without fills is queryable for a retention time only
  // (remembered()), so those go to the second one, whose expired orders are forgotten at once —
  // a user who mostly cancels keeps about one retention time of them, not a full history. Never
  // forgets one finished in this call (a retention of 0): place() still looks its taker up.
  if (view != nullptr) *view = order;
  bool const ages_out = record.filled_lots == 0;
  if (ages_out) {
    records_.forget_expired(brief, [&](auto const& oldest) {
      return oldest.time_ms < now && retention_over(oldest.time_ms, now);
    });
  }
  std::size_t const limit = std::max<std::size_t>(config_.finished_orders_per_user_market, 1);
  records_.make_room(kept, brief, limit);
  records_.archive(slot, ages_out ? brief : kept, limit, {now, ++finishes_}, record);
}

core::Result<FuturesOrder> FuturesExchange::finish_viewed(std::uint32_t slot, FinishAs finish_as,
                                                          TimeMs now) {
  core::Result<FuturesOrder> result{FuturesOrder{}};
  finish(slot, finish_as, now, &*result);
  return result;
}

std::uint32_t FuturesExchange::archive_index(std::uint32_t account, std::uint32_t contract,
                                             bool ages_out) const {
  std::size_t const user_contract = static_cast<std::size_t>(account) * markets_.size() + contract;
  return static_cast<std::uint32_t>(user_contract * 2 + (ages_out ? 1U : 0U));
}

FuturesExchange::ArchiveOwner FuturesExchange::archive_owner(std::uint32_t index) const {
  std::size_t const user_contract = index / 2;
  return {static_cast<std::uint32_t>(user_contract / markets_.size()),
          static_cast<std::uint32_t>(user_contract % markets_.size())};
}

core::Result<FuturesOrder> FuturesExchange::cancel(UserId user, OrderRef order, TimeMs now) {
  if (auto const* id = std::get_if<OrderId>(&order)) records_.prefetch(*id);
  auto const found = find_order(user, order, now);
  if (!found) return found.error();
  if (found->archived != nullptr)
    return make_error(Label::order_finished, "Order already finished");
  std::uint32_t const slot = records_.find_live(found->live->order.id);
  core::Result<FuturesOrder> result = finish_viewed(slot, FinishAs::cancelled, now);
  flush_books(now);
  return result;
}

core::Result<std::vector<FuturesOrder>> FuturesExchange::cancel_all(
    UserId user, std::optional<std::string_view> contract, std::optional<Side> side, TimeMs now) {
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
  std::vector<FuturesOrder> cancelled;
  std::vector<std::uint32_t> slots;
  for (std::uint32_t index = first; index < last; ++index) {
    slots.clear();
    for (std::uint32_t slot = accounts_[account.value()].contracts[index].open.head;
         slot != no_slot; slot = open_links_.next(slot)) {
      if (!side || records_[slot].side == *side) slots.push_back(slot);
    }
    for (std::uint32_t const slot : slots) {
      finish(slot, FinishAs::cancelled, now, &cancelled.emplace_back());
    }
  }
  flush_books(now);
  return cancelled;
}

// ----- positions and prices -----

core::Result<FuturesPosition> FuturesExchange::set_leverage(UserId user, std::string_view contract,
                                                            core::Decimal leverage, TimeMs now) {
  auto const contract_index = find_contract(contract);
  if (!contract_index) return contract_index.error();
  auto const account_index = find_account(user);
  if (!account_index) return account_index.error();
  Market const& market = markets_[contract_index.value()];
  if (leverage < market.spec.leverage_min) {
    return make_error(Label::leverage_too_low, "leverage too low");
  }
  if (leverage > market.spec.leverage_max) {
    return make_error(Label::leverage_too_high, "leverage too high");
  }
  AccountState& account = accounts_[account_index.value()];
  UserContract& holding = account.contracts[contract_index.value()];
  core::Decimal const position_margin = holding.position.margin_at(leverage);
  core::Decimal needed = money::minus(position_margin, holding.position.margin);
  for (std::uint32_t slot = holding.open.head; slot != no_slot; slot = open_links_.next(slot)) {
    Record const& record = records_[slot];
    core::Decimal const margin = initial_margin(
        money::scaled(static_cast<core::Decimal::Raw>(record.reserved_lots) * record.margin_ticks,
                      market.value_unit_raw),
        leverage);
    needed = money::plus(needed, money::minus(margin, record.reserved_margin));
  }
  if (needed.is_positive() && needed > available(account)) {
    return make_error(Label::insufficient_available, "Insufficient available balance");
  }
  holding.position.leverage = leverage;
  account.position_margin =
      money::plus(account.position_margin, money::minus(position_margin, holding.position.margin));
  holding.position.margin = position_margin;
  for (std::uint32_t slot = holding.open.head; slot != no_slot; slot = open_links_.next(slot)) {
    reserve(records_[slot], records_[slot].reserved_lots);
  }
  emit_position(account_index.value(), contract_index.value(), now);
  return position_view(account, contract_index.value());
}

core::Result<void> FuturesExchange::set_mark_price(std::string_view contract, core::Decimal price) {
  auto const index = find_contract(contract);
  if (!index) return index.error();
  Market& market = markets_[index.value()];
  if (!price.is_positive() || !market.mark_grid.to_units(price)) {
    return make_error(Label::invalid_param_value, "mark price " + price.to_string() +
                                                      " must be positive and a multiple of " +
                                                      market.spec.mark_price_round.to_string());
  }
  market.mark_price = price;
  return core::ok();
}

// ----- events -----

void FuturesExchange::send_balance(AccountState const& account, core::Decimal change,
                                   FuturesBalanceChange type, std::string_view contract,
                                   OrderId order, TimeMs now) {
  FuturesBalanceUpdate update;
  update.user = account.user;
  update.time_ms = now;
  update.balance = account.total;
  update.change = change;
  update.type = type;
  update.contract = contract;
  update.order_id = order;
  sink_.on_futures_balance(update);
}

void FuturesExchange::send_position(std::uint32_t account, std::uint32_t contract) {
  sink_.on_futures_position(position_view(accounts_[account], contract));
}

void FuturesExchange::mark_book_dirty(std::uint32_t contract) {
  Market& market = markets_[contract];
  if (market.book_dirty) return;
  market.book_dirty = true;
  dirty_books_.push_back(contract);
}

void FuturesExchange::flush_books(TimeMs now) {
  for (std::uint32_t const contract : dirty_books_) {
    Market& market = markets_[contract];
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
      delta_bids_.push_back(
          {market.price_grid.to_decimal(level.price), market.size_grid.to_decimal(level.quantity)});
    }
    for (auto const& level : changes_.asks) {
      delta_asks_.push_back(
          {market.price_grid.to_decimal(level.price), market.size_grid.to_decimal(level.quantity)});
    }
    BookDelta delta;
    delta.market = market.spec.name;
    delta.time_ms = now;
    delta.first_update_id = changes_.first_id;
    delta.last_update_id = changes_.last_id;
    delta.bids = delta_bids_;
    delta.asks = delta_asks_;
    sink_.on_futures_book(delta);
  }
  dirty_books_.clear();
}

std::size_t FuturesExchange::resting_order_count() const noexcept {
  std::size_t count = 0;
  for (Market const& market : markets_) count += market.book.order_count();
  return count;
}

}  // namespace tradelink::sandbox
