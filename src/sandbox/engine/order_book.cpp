#include "sandbox/engine/order_book.hpp"

namespace tradelink::sandbox {

template <class LevelVector>
auto OrderBook::lower_level(LevelVector& levels, Side side, std::int64_t price) {
  auto const worse = [side](PriceLevel const& level, std::int64_t p) {
    return side == Side::buy ? level.price < p : level.price > p;
  };
  if (levels.empty()) return levels.end();
  std::int64_t const distance =
      side == Side::buy ? levels.back().price - price : price - levels.back().price;
  if (distance < 0) return levels.end();  // better than the best: a new best level
  // Prices are whole units: the k-th level from the back is at least k units worse than the best,
  // so every level before index size - 1 - distance is worse than `price`. Near the top of a
  // book most prices are taken, and the level is usually right there; otherwise search after it.
  auto const size = static_cast<std::int64_t>(levels.size());
  auto const first = levels.begin() + (distance < size ? size - 1 - distance : 0);
  if (!worse(*first, price)) return first;
  return std::lower_bound(first + 1, levels.end(), price, worse);
}

OrderBook::Levels::iterator OrderBook::find_level(Side side, std::int64_t price) {
  Levels& levels = side_levels(side);
  auto const found = lower_level(levels, side, price);
  return (found != levels.end() && found->price == price) ? found : levels.end();
}

void OrderBook::record_change(Side side, std::int64_t price, std::int64_t quantity) {
  ++update_id_;
  if (touched_.empty()) first_pending_id_ = update_id_;
  touched_.push_back(Touched{side, price, quantity, update_id_});
}

OrderBook::Handle OrderBook::add(Side side, std::int64_t price, std::int64_t quantity,
                                 OrderId order_id, std::uint32_t owner) {
  Levels& levels = side_levels(side);
  auto level = lower_level(levels, side, price);
  if (level == levels.end() || level->price != price) {
    level = levels.insert(level, PriceLevel{price, 0, none, none});
  }
  Handle const handle =
      entries_.acquire(Entry{order_id, price, quantity, owner, side, level->tail, none});
  if (level->tail != none) {
    entries_[level->tail].next = handle;
  } else {
    level->head = handle;
  }
  level->tail = handle;
  level->quantity += quantity;
  record_change(side, price, level->quantity);
  return handle;
}

void OrderBook::unlink(Handle handle, PriceLevel& level) {
  Entry const& entry = entries_[handle];
  if (entry.prev != none) {
    entries_[entry.prev].next = entry.next;
  } else {
    level.head = entry.next;
  }
  if (entry.next != none) {
    entries_[entry.next].prev = entry.prev;
  } else {
    level.tail = entry.prev;
  }
  entries_.release(handle);
}

void OrderBook::reduce(Handle handle, std::int64_t quantity) {
  Entry& entry = entries_[handle];
  Side const side = entry.side;
  std::int64_t const price = entry.price;
  auto level = find_level(side, price);
  level->quantity -= quantity;
  entry.quantity -= quantity;
  std::int64_t const remaining = level->quantity;
  if (entry.quantity == 0) unlink(handle, *level);
  if (level->head == none) side_levels(side).erase(level);
  record_change(side, price, remaining);
}

void OrderBook::remove(Handle handle) {
  reduce(handle, entries_[handle].quantity);
}

void OrderBook::depth(Side side, std::size_t limit, std::vector<Level>& out) const {
  out.clear();
  visit_levels(side, [&](Level const& level) {
    if (out.size() >= limit) return false;
    out.push_back(level);
    return true;
  });
}

std::int64_t OrderBook::quantity_at(Side side, std::int64_t price) const noexcept {
  Levels const& levels = side_levels(side);
  if (!levels.empty() && levels.back().price == price) return levels.back().quantity;
  auto const found = lower_level(levels, side, price);
  return (found != levels.end() && found->price == price) ? found->quantity : 0;
}

bool OrderBook::drain_changes(Changes& out) {
  if (touched_.empty()) return false;
  out.first_id = first_pending_id_;
  out.last_id = update_id_;
  out.bids.clear();
  out.asks.clear();
  if (touched_.size() == 1) {  // a resting order added or cancelled: nothing to merge or sort
    Touched const& change = touched_.front();
    (change.side == Side::buy ? out.bids : out.asks).push_back({change.price, change.quantity});
    touched_.clear();
    return true;
  }
  // Newest change per level wins: sort by level, newest first within a level, keep the first.
  std::sort(touched_.begin(), touched_.end(), [](Touched const& a, Touched const& b) {
    if (a.side != b.side) return a.side < b.side;
    if (a.price != b.price) return a.price < b.price;
    return a.order > b.order;
  });
  touched_.erase(std::unique(touched_.begin(), touched_.end(),
                             [](Touched const& a, Touched const& b) {
                               return a.side == b.side && a.price == b.price;
                             }),
                 touched_.end());
  for (Touched const& change : touched_) {
    (change.side == Side::buy ? out.bids : out.asks).push_back({change.price, change.quantity});
  }
  // touched_ is sorted ascending by price: asks are best-first already, bids need reversing.
  std::reverse(out.bids.begin(), out.bids.end());
  touched_.clear();
  return true;
}

}  // namespace tradelink::sandbox
