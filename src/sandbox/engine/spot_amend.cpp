// Spot order amendment (Gate's `PATCH /spot/orders/{order_id}`): a smaller amount keeps the
// order's place in its price queue, a larger one re-queues it at the back of its price, a new
// price at the back of the new price after it took what it crosses; the lock follows, and an
// amount not above the filled amount cancels the order.

#include <variant>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"
#include "sandbox/engine/spot_exchange.hpp"

namespace tradelink::sandbox {

core::Result<SpotOrder> SpotExchange::amend(UserId user, std::string_view pair, OrderRef order,
                                            SpotOrderAmendment const& amendment, TimeMs now) {
  auto const pair_index = find_pair(pair);
  if (!pair_index) return pair_index.error();
  auto const found = find_order(user, *pair_index, order, now);
  if (!found) return found.error();
  if (found->archived != nullptr) {
    return make_error(Label::order_not_found, "Order not found or already finished");
  }
  std::uint32_t const slot = records_.find_live(found->live->order.id);
  AmendPlan plan;
  if (auto const valid = validate_amendment(records_[slot], amendment, plan); !valid) {
    return valid.error();
  }
  core::Result<SpotOrder> result = apply_amendment(slot, amendment, plan, now);
  flush_books(now);
  return result;
}

core::Result<SpotOrder> SpotExchange::apply_amendment(std::uint32_t slot,
                                                      SpotOrderAmendment const& amendment,
                                                      AmendPlan const& plan, TimeMs now) {
  Record& record = records_[slot];
  record.order.amend_text = amend_notes_.set(slot, plan.note);
  if (plan.cancels) return finish(slot, SpotOrderStatus::cancelled, FinishAs::cancelled, now);

  Market& market = markets_[record.pair];
  std::int64_t const left_lots = plan.amount_lots - record.filled_lots;
  bool const reprice = plan.price_ticks != record.price_ticks;
  bool const requeue = reprice || left_lots > record.left_lots;
  if (requeue) {
    market.book.remove(record.book);
    record.book = OrderBook::none;
    mark_book_dirty(record.pair);
  } else if (left_lots < record.left_lots) {
    market.book.reduce(record.book, record.left_lots - left_lots);
    mark_book_dirty(record.pair);
  }
  if (!ledger_.adjust_lock(record.account, record.lock_currency,
                           money::minus(plan.lock_amount, record.locked), now)) {
    money::broken_invariant("amended spot lock not covered");
  }
  record.locked = plan.lock_amount;
  record.price_ticks = plan.price_ticks;
  record.left_lots = left_lots;
  SpotOrder& order = record.order;
  if (amendment.amount) order.amount = *amendment.amount;
  if (amendment.price) order.price = *amendment.price;
  order.left = market.amount_grid.to_decimal(left_lots);
  order.update_time_ms = now;

  if (requeue) {
    // At a new price the order is a taker for whatever it crosses, then rests at the back.
    if (reprice && would_take(market, order.side, plan.price_ticks) &&
        match(slot, now) == StopReason::filled) {
      return finish(slot, SpotOrderStatus::closed, FinishAs::filled, now);
    }
    Record& rested = records_[slot];
    rested.book = market.book.add(rested.order.side, rested.price_ticks, rested.left_lots,
                                  rested.order.id, slot);
    mark_book_dirty(rested.pair);
  }
  SpotOrder const& amended = records_[slot].order;
  if (sink_.interest().orders) sink_.on_spot_order(OrderEvent::update, amended);
  return amended;
}

}  // namespace tradelink::sandbox
