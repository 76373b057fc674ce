// Spot matching: a taker walks the opposite side best price first, oldest order first within a
// price, and every fill happens at the maker's price. Settlement moves locked funds, credits what
// was bought, charges fees (buyer in base, seller in quote) into the house ledger and reports
// user trades, the public trade and the maker's order change.

#include <algorithm>
#include <tuple>

#include "sandbox/engine/money.hpp"
#include "sandbox/engine/spot_exchange.hpp"

namespace tradelink::sandbox {

SpotExchange::StopReason SpotExchange::match(std::uint32_t taker_slot, TimeMs now) {
  Market& market = markets_[records_[taker_slot].pair];
  Side const taker_side = records_[taker_slot].order.side;
  Side const book_side = opposite(taker_side);
  bool const is_market = records_[taker_slot].order.type == SpotOrderType::market;
  bool const is_market_buy = records_[taker_slot].is_market_buy();
  while (true) {
    Record const& taker = records_[taker_slot];
    if (is_market_buy ? taker.locked.is_zero() : taker.left_lots == 0) return StopReason::filled;
    OrderBook::Handle const best = market.book.best(book_side);
    if (best == OrderBook::none) return StopReason::book_empty;
    OrderBook::Entry const& maker = market.book.entry(best);
    if (!is_market) {
      bool const crosses = taker_side == Side::buy ? maker.price <= taker.price_ticks
                                                   : maker.price >= taker.price_ticks;
      if (!crosses) return StopReason::limit_reached;
    }
    std::int64_t lots = 0;
    if (is_market_buy) {
      core::Decimal::Raw const lot_cost =
          static_cast<core::Decimal::Raw>(maker.price) * market.value_unit_raw;
      core::Decimal::Raw const affordable = taker.locked.raw() / lot_cost;
      if (affordable == 0) return StopReason::budget_spent;
      lots = static_cast<std::int64_t>(std::min<core::Decimal::Raw>(affordable, maker.quantity));
    } else {
      lots = std::min(maker.quantity, taker.left_lots);
    }
    // Fills take much longer than a memory access: fetch the next maker meanwhile.
    if (maker.next != OrderBook::none) {
      OrderBook::Entry const& next = market.book.entry(maker.next);
      records_.prefetch_open(next.owner, next.order_id);
    }
    fill(taker_slot, maker.owner, lots, now);
  }
}

void SpotExchange::fill(std::uint32_t taker_slot, std::uint32_t maker_slot, std::int64_t lots,
                        TimeMs now) {
  Market& market = markets_[records_[taker_slot].pair];
  std::int64_t const price_ticks = records_[maker_slot].price_ticks;
  core::Decimal const base_amount = market.amount_grid.to_decimal(lots);
  core::Decimal const quote_amount =
      money::scaled(static_cast<core::Decimal::Raw>(price_ticks) * lots, market.value_unit_raw);
  ++last_trade_id_;
  ++market.sequence;

  Record& maker = records_[maker_slot];
  market.book.reduce(maker.book, lots);
  mark_book_dirty(maker.pair);
  core::Decimal const maker_fee =
      settle(maker, market, lots, price_ticks, Role::maker, base_amount, quote_amount, now);
  Record& taker = records_[taker_slot];
  core::Decimal const taker_fee =
      settle(taker, market, lots, price_ticks, Role::taker, base_amount, quote_amount, now);
  record_trades(taker, taker_fee, maker, maker_fee, lots, base_amount, quote_amount, now);

  if (maker.left_lots == 0) {
    maker.book = OrderBook::none;  // reduce() already took the entry out of the book
    finish(maker_slot, SpotOrderStatus::closed, FinishAs::filled, now);
  } else if (sink_.interest().orders) {
    sink_.on_spot_order(OrderEvent::update, maker.order);
  }
}

core::Decimal SpotExchange::settle(Record& record, Market const& market, std::int64_t lots,
                                   std::int64_t price_ticks, Role role, core::Decimal base_amount,
                                   core::Decimal quote_amount, TimeMs now) {
  core::Decimal const rate =
      role == Role::maker ? market.spec.maker_fee_rate : market.spec.taker_fee_rate;
  SpotOrder& order = record.order;
  core::Decimal fee;
  if (order.side == Side::buy) {
    // A limit buy locked its own price for these lots; a fill at a lower maker price frees the
    // difference now. A market buy locked a budget and spends exactly the fill's value.
    core::Decimal const released =
        record.is_market_buy()
            ? quote_amount
            : money::scaled(static_cast<core::Decimal::Raw>(record.price_ticks) * lots,
                            market.value_unit_raw);
    ledger_.spend_locked(record.account, market.quote, released, quote_amount, now);
    record.locked = money::minus(record.locked, released);
    ledger_.credit(record.account, market.base, base_amount, now);
    fee = money::times(base_amount, rate);
    ledger_.charge_fee(record.account, market.base, fee, now);
    house_.collect_fee(market.base, fee);
  } else {
    ledger_.spend_locked(record.account, market.base, base_amount, base_amount, now);
    record.locked = money::minus(record.locked, base_amount);
    ledger_.credit(record.account, market.quote, quote_amount, now);
    fee = money::times(quote_amount, rate);
    ledger_.charge_fee(record.account, market.quote, fee, now);
    house_.collect_fee(market.quote, fee);
  }
  if (record.is_market_buy()) {
    order.left = record.locked;
  } else {
    record.left_lots -= lots;
    order.left = market.amount_grid.to_decimal(record.left_lots);
  }
  order.filled_amount = money::plus(order.filled_amount, base_amount);
  order.filled_total = money::plus(order.filled_total, quote_amount);
  record.filled_lots += lots;
  // Fills all at one price (every maker fill is at the maker's own price) average to that price
  // exactly; only a mix needs the division.
  core::Decimal const at_fill_price = money::scaled(
      static_cast<core::Decimal::Raw>(price_ticks) * record.filled_lots, market.value_unit_raw);
  order.avg_deal_price =
      order.filled_total == at_fill_price
          ? market.price_grid.to_decimal(price_ticks)
          : money::price_of(order.filled_total, record.filled_lots, market.amount_lot);
  order.fee = money::plus(order.fee, fee);
  order.update_time_ms = now;
  return fee;
}

void SpotExchange::record_trades(Record const& taker, core::Decimal taker_fee, Record const& maker,
                                 core::Decimal maker_fee, std::int64_t lots,
                                 core::Decimal base_amount, core::Decimal quote_amount,
                                 TimeMs now) {
  Market& market = markets_[taker.pair];
  core::Decimal const price = market.price_grid.to_decimal(maker.price_ticks);
  for (auto const& [record, role, fee] :
       {std::tuple{&maker, Role::maker, maker_fee}, std::tuple{&taker, Role::taker, taker_fee}}) {
    SpotOrder const& order = record->order;
    auto& trades = user_pair(record->account, record->pair).trades;
    // Built in place: a fill assembled on the stack and copied in stalls on store forwarding.
    trades.emplace_back(last_trade_id_, order.id, maker.price_ticks, lots, fee, market.sequence,
                        now, order.text, order.side, role);
    if (trades.size() > config_.user_trades_per_user_market) trades.pop_front();
    if (!sink_.interest().user_trades) continue;
    sink_.on_spot_user_trade(SpotUserTrade{.id = last_trade_id_,
                                           .user = order.user,
                                           .order_id = order.id,
                                           .currency_pair = market.spec.id,
                                           .side = order.side,
                                           .role = role,
                                           .amount = base_amount,
                                           .price = price,
                                           .deal = quote_amount,
                                           .fee = fee,
                                           .fee_currency = order.fee_currency,
                                           .text = order.text,
                                           .sequence_id = market.sequence,
                                           .create_time_ms = now});
  }

  market.stats.record(now, price, base_amount, quote_amount);
  SpotPublicTrade const& trade = market.trades.emplace_back(
      last_trade_id_, market.spec.id, taker.order.side, base_amount, price, market.sequence, now);
  if (sink_.interest().public_trades) sink_.on_spot_public_trade(trade);
  if (market.trades.size() > config_.public_trades_per_market) market.trades.pop_front();
}

}  // namespace tradelink::sandbox
