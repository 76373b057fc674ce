// Futures matching: price-time priority at the maker's price, reduce-only orders clipped to the
// position they reduce, and settlement of each side: position and entry value, realised PnL,
// fees, margins, order state, user trade and balance/position events.

#include <algorithm>
#include <limits>

#include "sandbox/engine/futures_exchange.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

std::int64_t FuturesExchange::fill_capacity(Record const& record) const {
  if (!record.order.is_reduce_only) return std::numeric_limits<std::int64_t>::max();
  std::int64_t const size = accounts_[record.account].contracts[record.contract].position.size;
  bool const reduces = size != 0 && (size > 0) == (record.side == Side::sell);
  if (!reduces) return 0;
  return size < 0 ? -size : size;
}

FuturesExchange::StopReason FuturesExchange::match(std::uint32_t taker_slot, TimeMs now) {
  Market& market = markets_[records_[taker_slot].contract];
  Side const taker_side = records_[taker_slot].side;
  Side const book_side = opposite(taker_side);
  std::int64_t const limit = records_[taker_slot].price_ticks;
  while (true) {
    Record const& taker = records_[taker_slot];
    if (taker.left_lots == 0) return StopReason::filled;
    std::int64_t const taker_capacity = fill_capacity(taker);
    if (taker_capacity == 0) return StopReason::reduce_limit;
    OrderBook::Handle const best = market.book.best(book_side);
    if (best == OrderBook::none) return StopReason::book_empty;
    OrderBook::Entry const& maker = market.book.entry(best);
    if (limit != 0 && (taker_side == Side::buy ? maker.price > limit : maker.price < limit)) {
      return StopReason::limit_reached;
    }
    std::uint32_t const maker_slot = maker.owner;
    std::int64_t const maker_capacity = fill_capacity(records_[maker_slot]);
    if (maker_capacity == 0) {
      // A resting reduce-only order whose position is gone (or turned) can no longer trade.
      finish(maker_slot, FinishAs::reduce_only, now);
      continue;
    }
    std::int64_t const lots =
        std::min({maker.quantity, taker.left_lots, taker_capacity, maker_capacity});
    // Fills take much longer than a memory access: fetch the next maker meanwhile.
    if (maker.next != OrderBook::none) {
      OrderBook::Entry const& next = market.book.entry(maker.next);
      records_.prefetch_open(next.owner, next.order_id);
    }
    fill(taker_slot, maker_slot, lots, now);
  }
}

void FuturesExchange::fill(std::uint32_t taker_slot, std::uint32_t maker_slot, std::int64_t lots,
                           TimeMs now) {
  Market& market = markets_[records_[taker_slot].contract];
  std::int64_t const price_ticks = records_[maker_slot].price_ticks;
  TradeId const trade_id = ++last_trade_id_;
  market.book.reduce(records_[maker_slot].book, lots);
  mark_book_dirty(records_[maker_slot].contract);
  if (records_[maker_slot].left_lots == lots) records_[maker_slot].book = OrderBook::none;

  settle(maker_slot, lots, price_ticks, Role::maker, trade_id, now);
  settle(taker_slot, lots, price_ticks, Role::taker, trade_id, now);

  core::Decimal const price = market.price_grid.to_decimal(price_ticks);
  core::Decimal const size = market.size_grid.to_decimal(lots);
  market.last_trade_ticks = price_ticks;
  market.stats.record(now, price, size, money::scaled(lots, market.lot_value(price_ticks).raw()));
  // Built in place: a trade assembled on the stack and copied in stalls on store forwarding.
  FuturesPublicTrade const& trade = market.trades.emplace_back(
      trade_id, market.spec.name,
      records_[taker_slot].side == Side::buy ? size : money::negated(size), price, now);
  if (sink_.interest().public_trades) sink_.on_futures_public_trade(trade);
  if (market.trades.size() > config_.public_trades_per_market) market.trades.pop_front();

  if (records_[maker_slot].left_lots == 0) {
    finish(maker_slot, FinishAs::filled, now);
  } else if (sink_.interest().orders) {
    sink_.on_futures_order(OrderEvent::update, records_[maker_slot].order);
  }
}

core::Decimal FuturesExchange::settle(std::uint32_t slot, std::int64_t lots,
                                      std::int64_t price_ticks, Role role, TradeId trade_id,
                                      TimeMs now) {
  Record& record = records_[slot];
  Market& market = markets_[record.contract];
  AccountState& account = accounts_[record.account];
  UserContract& holding = account.contracts[record.contract];
  Position& position = holding.position;
  core::Decimal const lot_value = market.lot_value(price_ticks);
  core::Decimal const value = money::scaled(lots, lot_value.raw());
  std::int64_t const signed_lots = record.side == Side::buy ? lots : -lots;

  std::int64_t const size_before = position.size;
  core::Decimal const margin_before = position.margin;
  FillOutcome const outcome = position.apply_fill(signed_lots, lot_value);
  market.long_lots +=
      std::max<std::int64_t>(position.size, 0) - std::max<std::int64_t>(size_before, 0);
  account.position_margin =
      money::plus(account.position_margin, money::minus(position.margin, margin_before));

  core::Decimal const fee =
      money::times(value, role == Role::maker ? market.maker_fee : market.taker_fee);
  position.book_result(outcome, fee);
  house_.collect_fee(settle_, fee);

  FuturesOrder& order = record.order;
  track_open(record, -lots);
  record.left_lots -= lots;
  record.filled_lots += lots;
  record.filled_value = money::plus(record.filled_value, value);
  // Filling the closing part first leaves the opening part (and its margin) untouched.
  if (record.reserved_lots > record.left_lots) reserve(record, record.left_lots);
  order.left =
      market.size_grid.to_decimal(record.side == Side::buy ? record.left_lots : -record.left_lots);
  // Fills all at one price (every maker fill is at the maker's own price) average to that price
  // exactly; only a mix needs the division.
  order.fill_price = record.filled_value == money::scaled(record.filled_lots, lot_value.raw())
                         ? market.price_grid.to_decimal(price_ticks)
                         : money::price_of(record.filled_value, record.filled_lots, market.lot);
  order.fee = money::plus(order.fee, fee);
  order.update_time_ms = now;
  ++order.update_id;

  if (!outcome.realised_pnl.is_zero()) {
    account.total = money::plus(account.total, outcome.realised_pnl);
    account.history.pnl = money::plus(account.history.pnl, outcome.realised_pnl);
    emit_balance(account, outcome.realised_pnl, FuturesBalanceChange::pnl, market.spec.name,
                 order.id, now);
  }
  if (!fee.is_zero()) {
    account.total = money::minus(account.total, fee);
    account.history.fee = money::minus(account.history.fee, fee);
    emit_balance(account, money::negated(fee), FuturesBalanceChange::fee, market.spec.name,
                 order.id, now);
  }
  emit_position(record.account, record.contract, now);

  std::int64_t const closed = signed_lots < 0 ? -outcome.closed_lots : outcome.closed_lots;
  holding.trades.emplace_back(fee, trade_id, order.id, signed_lots, closed, price_ticks, now,
                              order.text, role);
  if (holding.trades.size() > config_.user_trades_per_user_market) holding.trades.pop_front();
  if (sink_.interest().user_trades) {
    sink_.on_futures_user_trade(FuturesUserTrade{.id = trade_id,
                                                 .user = account.user,
                                                 .order_id = order.id,
                                                 .contract = market.spec.name,
                                                 .size = market.size_grid.to_decimal(signed_lots),
                                                 .close_size = market.size_grid.to_decimal(closed),
                                                 .price = market.price_grid.to_decimal(price_ticks),
                                                 .fee = fee,
                                                 .role = role,
                                                 .text = order.text,
                                                 .create_time_ms = now});
  }

  if (outcome.closed_position) flattened_.emplace_back(record.account, record.contract);
  return fee;
}

core::Result<FuturesOrder> FuturesExchange::conclude(std::uint32_t taker_slot, StopReason reason,
                                                     TimeMs now) {
  Record const& taker = records_[taker_slot];
  switch (reason) {
    case StopReason::filled: return finish_viewed(taker_slot, FinishAs::filled, now);
    case StopReason::reduce_limit: return finish_viewed(taker_slot, FinishAs::reduce_only, now);
    case StopReason::limit_reached:
    case StopReason::book_empty: break;
  }
  bool const rests = taker.price_ticks != 0 && (taker.order.time_in_force == TimeInForce::gtc ||
                                                taker.order.time_in_force == TimeInForce::poc);
  if (!rests) return finish_viewed(taker_slot, FinishAs::ioc, now);
  rest(taker_slot, now);
  return taker.order;
}

void FuturesExchange::close_flattened_positions(TimeMs now) {
  std::vector<std::uint32_t> doomed;
  for (auto const& [account, contract] : flattened_) {
    UserContract const& holding = accounts_[account].contracts[contract];
    if (holding.position.size != 0) continue;
    doomed.clear();
    for (std::uint32_t slot = holding.open.head; slot != no_slot; slot = open_links_.next(slot)) {
      if (records_[slot].order.is_reduce_only) doomed.push_back(slot);
    }
    for (std::uint32_t const slot : doomed) finish(slot, FinishAs::position_closed, now);
  }
  flattened_.clear();
}

}  // namespace tradelink::sandbox
