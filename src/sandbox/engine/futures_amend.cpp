// Futures order amendment (Gate's `PUT /futures/usdt/orders/{order_id}`): a smaller size at the
// same price keeps the order's place in its queue, a larger size re-queues it at the back of its
// price, a new price at the back of the new price after taking what it crosses. The order margin
// follows; a size not above the filled size cancels the order.

#include <string_view>
#include <variant>

#include "sandbox/engine/futures_exchange.hpp"
#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

core::Result<FuturesOrder> FuturesExchange::amend(UserId user, OrderRef order,
                                                  FuturesOrderAmendment const& amendment,
                                                  TimeMs now) {
  auto const found = find_order(user, order, now);
  if (!found) return found.error();
  if (found->archived != nullptr) {
    return make_error(Label::order_not_found, "Order not found or already finished");
  }
  OrderId const id = found->live->order.id;
  std::uint32_t const slot = records_.find_live(id);
  AmendPlan plan;
  if (auto const valid = validate_amendment(records_[slot], amendment, plan); !valid) {
    return valid.error();
  }
  std::string_view const note = amend_notes_.set(slot, plan.note);
  records_[slot].order.amend_text = note;
  apply_amendment(slot, amendment, plan, now);
  close_flattened_positions(now);
  flush_books(now);
  // The order may have finished (cancelled, filled, or closed with its position); being its
  // user's newest finish on the contract, it is still remembered.
  auto const amended = records_.find(id);
  if (amended.live != nullptr) return amended.live->order;
  if (amended.archived == nullptr) money::broken_invariant("amended futures order lost");
  FuturesOrder view = order_of(*amended.archived, user, archive_owner(amended.archive).contract);
  view.amend_text = note;  // the history keeps no note
  return view;
}

void FuturesExchange::apply_amendment(std::uint32_t slot, FuturesOrderAmendment const& amendment,
                                      AmendPlan const& plan, TimeMs now) {
  Record& record = records_[slot];
  if (plan.cancels) {
    finish(slot, FinishAs::cancelled, now);
    return;
  }
  Market& market = markets_[record.contract];
  std::int64_t const left_lots = plan.lots - record.filled_lots;
  bool const reprice = plan.price_ticks != record.price_ticks;
  bool const requeue = reprice || left_lots > record.left_lots;
  if (requeue) {
    market.book.remove(record.book);
    record.book = OrderBook::none;
    mark_book_dirty(record.contract);
  } else if (left_lots < record.left_lots) {
    market.book.reduce(record.book, record.left_lots - left_lots);
    mark_book_dirty(record.contract);
  }
  track_open(record, left_lots - record.left_lots);
  record.left_lots = left_lots;
  record.price_ticks = record.margin_ticks = plan.price_ticks;
  reserve(record, plan.opening_lots);
  FuturesOrder& order = record.order;
  bool const buy = record.side == Side::buy;
  order.size = market.size_grid.to_decimal(buy ? plan.lots : -plan.lots);
  order.left = market.size_grid.to_decimal(buy ? left_lots : -left_lots);
  if (amendment.price) order.price = *amendment.price;
  order.update_time_ms = now;
  ++order.update_id;

  if (requeue) {
    if (reprice && crossing_lots(market, record.side, plan.price_ticks, 1) > 0) {
      // At its new price the order is a taker for whatever it crosses first.
      switch (match(slot, now)) {
        case StopReason::filled: finish(slot, FinishAs::filled, now); return;
        case StopReason::reduce_limit: finish(slot, FinishAs::reduce_only, now); return;
        case StopReason::limit_reached:
        case StopReason::book_empty: break;
      }
    }
    Record& rested = records_[slot];
    rested.book =
        market.book.add(rested.side, rested.price_ticks, rested.left_lots, rested.order.id, slot);
    mark_book_dirty(rested.contract);
  }
  if (sink_.interest().orders) sink_.on_futures_order(OrderEvent::update, records_[slot].order);
}

}  // namespace tradelink::sandbox
