// Matching throughput of the sandbox engine on an insert / cancel / match mix, single thread.
// One "op" is one engine call: placing a resting limit order (within 60 ticks of the mid),
// cancelling a random resting one, or an ioc order crossing into the book (one to three fills).
// 15 % of ops cross; the rest insert while the book holds fewer than 2000 orders and cancel
// otherwise, so the book stays in a steady state (about 42 % inserts, 43 % cancels). A small
// sink follows fills so cancels always target live orders. The engine clock advances 1 ms per
// op: cancelled orders age out after 60 000 ops, and filled orders keep the per-user history at
// its bound — the engine carries its full retention load, as in service.
// BM_OrderBookAddRemove measures the bare integer book underneath.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/engine.hpp"
#include "sandbox/engine/order_book.hpp"

namespace {

using namespace tradelink;
using sandbox::OrderId;
using sandbox::Side;
using sandbox::UserId;

/// xorshift64*: deterministic and cheap enough not to show in the profile. The draw is mapped
/// onto [0, bound) by a multiply and shift (Lemire), not a modulo: a 64-bit division per draw,
/// four or five draws per op, cost more than some of the engine calls measured.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::int64_t below(std::int64_t bound) {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    __extension__ using Wide = unsigned __int128;
    Wide const scaled = Wide{state_ * 2685821657736338717ULL} * static_cast<std::uint64_t>(bound);
    return static_cast<std::int64_t>(scaled >> 64);
  }

 private:
  std::uint64_t state_;
};

core::Decimal whole(std::int64_t value) {
  return core::Decimal::from_integer(value).value();
}
/// `value` × 10^-digits. The unit is a constant: the bench's own arithmetic must stay cheap next
/// to the engine it measures (a runtime power loop cost ~6 % of an op).
template <int digits>
core::Decimal scaled(std::int64_t value) {
  static constexpr core::Decimal::Raw unit = [] {
    core::Decimal::Raw power = 1;
    for (int exponent = digits; exponent < core::Decimal::scale; ++exponent) power *= 10;
    return power;
  }();
  return core::Decimal::from_raw(static_cast<core::Decimal::Raw>(value) * unit);
}

/// Order id → position, open addressing (the bench's bookkeeping must stay cheap next to the
/// engine it measures; a node-based std::unordered_map cost ~10 % of an op). 4096 slots for the
/// ~2000 resting orders the mixes keep: at most half full, and small enough (64 KiB) not to
/// push the engine's data out of the caches.
class PositionMap {
 public:
  PositionMap() : slots_(std::size_t{1} << bits) {}
  void set(OrderId id, std::size_t position) {
    std::size_t at = home(id);
    while (slots_[at].id != 0 && slots_[at].id != id) at = (at + 1) & mask();
    slots_[at] = {id, position};
  }
  [[nodiscard]] std::size_t const* find(OrderId id) const {
    for (std::size_t at = home(id); slots_[at].id != 0; at = (at + 1) & mask()) {
      if (slots_[at].id == id) return &slots_[at].position;
    }
    return nullptr;
  }
  void erase(OrderId id) {
    std::size_t hole = home(id);
    while (slots_[hole].id != id) hole = (hole + 1) & mask();
    for (std::size_t next = (hole + 1) & mask(); slots_[next].id != 0; next = (next + 1) & mask()) {
      if (((next - home(slots_[next].id)) & mask()) >= ((next - hole) & mask())) {
        slots_[hole] = slots_[next];
        hole = next;
      }
    }
    slots_[hole] = {};
  }

 private:
  static constexpr int bits = 12;
  struct Slot {
    OrderId id = 0;
    std::size_t position = 0;
  };
  [[nodiscard]] std::size_t mask() const { return slots_.size() - 1; }
  [[nodiscard]] std::size_t home(OrderId id) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(id) * 0x9e3779b97f4a7c15ULL) >>
                                    (64 - bits));
  }
  std::vector<Slot> slots_;
};

/// The bench's own view of which of its orders rest: a vector for random picks plus positions.
class RestingOrders {
 public:
  struct Entry {
    UserId user;
    OrderId id;
  };
  void add(Entry entry) {
    positions_.set(entry.id, entries_.size());
    entries_.push_back(entry);
  }
  void remove(OrderId id) {
    std::size_t const* found = positions_.find(id);
    if (found == nullptr) return;
    std::size_t const at = *found;
    positions_.erase(id);
    if (at + 1 != entries_.size()) {
      entries_[at] = entries_.back();
      positions_.set(entries_[at].id, at);
    }
    entries_.pop_back();
  }
  Entry pick(Random& random) const {
    return entries_[static_cast<std::size_t>(
        random.below(static_cast<std::int64_t>(entries_.size())))];
  }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  PositionMap positions_;
};

/// Forgets orders the engine reports finished (filled as makers, or cancelled). It forwards
/// order events only, and says so: the engine then builds no balance, trade or book events.
class FinishTracker : public sandbox::EventSink {
 public:
  explicit FinishTracker(RestingOrders& resting)
      : EventSink(sandbox::EventInterest::orders_only()), resting_(resting) {}
  void on_spot_order(sandbox::OrderEvent event, sandbox::SpotOrder const& order) override {
    if (event == sandbox::OrderEvent::finish) resting_.remove(order.id);
  }
  void on_futures_order(sandbox::OrderEvent event, sandbox::FuturesOrder const& order) override {
    if (event == sandbox::OrderEvent::finish) resting_.remove(order.id);
  }

 private:
  RestingOrders& resting_;
};

constexpr UserId users = 8;
/// Futures contracts cap open orders per user (orders_limit 200): spread the book over more users.
constexpr UserId futures_users = 16;
constexpr std::size_t book_target = 2'000;
constexpr std::int64_t mid = 650'000;  // 65000.0 in tenths

class SpotMix {
 public:
  SpotMix()
      : engine_(sandbox::Engine::create(sandbox::default_catalogue(), {}, &tracker_).value()) {
    for (UserId user = 1; user <= users; ++user) {
      static_cast<void>(
          engine_->deposit(user, sandbox::Account::spot, "USDT", whole(100'000'000'000), 0));
      static_cast<void>(
          engine_->deposit(user, sandbox::Account::spot, "BTC", whole(1'000'000'000), 0));
    }
    while (resting_.size() < book_target) insert();
  }

  void op() {
    if (random_.below(100) < 15) {
      cross();
    } else if (resting_.size() < book_target) {
      insert();
    } else {
      cancel();
    }
  }

 private:
  void insert() {
    Side const side = random_.below(2) == 0 ? Side::buy : Side::sell;
    std::int64_t const distance = 1 + random_.below(60);
    sandbox::SpotOrderRequest request;
    request.currency_pair = "BTC_USDT";
    request.side = side;
    request.price = scaled<1>(side == Side::buy ? mid - distance : mid + distance);
    request.amount = scaled<6>(100 + random_.below(900));
    UserId const user = 1 + random_.below(users);
    auto const order = engine_->place_spot_order(user, request, tick());
    if (order && order->status == sandbox::SpotOrderStatus::open) resting_.add({user, order->id});
  }
  void cancel() {
    auto const victim = resting_.pick(random_);
    static_cast<void>(engine_->cancel_spot_order(victim.user, "BTC_USDT", victim.id, tick()));
  }
  void cross() {
    Side const side = random_.below(2) == 0 ? Side::buy : Side::sell;
    sandbox::SpotOrderRequest request;
    request.currency_pair = "BTC_USDT";
    request.side = side;
    request.time_in_force = sandbox::TimeInForce::ioc;
    request.price = scaled<1>(side == Side::buy ? mid + 60 : mid - 60);
    request.amount = scaled<6>(200 + random_.below(1'500));
    static_cast<void>(engine_->place_spot_order(1 + random_.below(users), request, tick()));
  }
  sandbox::TimeMs tick() { return now_ += 1; }

  RestingOrders resting_;
  FinishTracker tracker_{resting_};
  std::unique_ptr<sandbox::Engine> engine_;
  Random random_{42};
  sandbox::TimeMs now_ = 1;
};

void BM_SpotInsertCancelMatch(benchmark::State& state) {
  SpotMix mix;
  for (int warm_up = 0; warm_up < 200'000; ++warm_up) mix.op();
  for (auto _ : state) mix.op();
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SpotInsertCancelMatch)->MinTime(2.0);

class FuturesMix {
 public:
  FuturesMix()
      : engine_(sandbox::Engine::create(sandbox::default_catalogue(), {}, &tracker_).value()) {
    for (UserId user = 1; user <= futures_users; ++user) {
      static_cast<void>(
          engine_->deposit(user, sandbox::Account::futures, "USDT", whole(1'000'000'000), 0));
    }
    while (resting_.size() < book_target) insert();
  }

  void op() {
    if (random_.below(100) < 15) {
      cross();
    } else if (resting_.size() < book_target) {
      insert();
    } else {
      cancel();
    }
  }

 private:
  static sandbox::FuturesOrderRequest request(std::int64_t size, std::int64_t price_tenths) {
    sandbox::FuturesOrderRequest order;
    order.contract = "BTC_USDT";
    order.size = whole(size);
    order.price = scaled<1>(price_tenths);
    return order;
  }
  void insert() {
    bool const buy = random_.below(2) == 0;
    std::int64_t const distance = 1 + random_.below(60);
    std::int64_t const size = 1 + random_.below(20);
    UserId const user = 1 + random_.below(futures_users);
    auto const order = engine_->place_futures_order(
        user, request(buy ? size : -size, buy ? mid - distance : mid + distance), tick());
    if (order && order->status == sandbox::FuturesOrderStatus::open)
      resting_.add({user, order->id});
  }
  void cancel() {
    auto const victim = resting_.pick(random_);
    static_cast<void>(engine_->cancel_futures_order(victim.user, victim.id, tick()));
  }
  void cross() {
    bool const buy = random_.below(2) == 0;
    std::int64_t const size = 5 + random_.below(30);
    auto order = request(buy ? size : -size, buy ? mid + 60 : mid - 60);
    order.time_in_force = sandbox::TimeInForce::ioc;
    static_cast<void>(
        engine_->place_futures_order(1 + random_.below(futures_users), order, tick()));
  }
  sandbox::TimeMs tick() { return now_ += 1; }

  RestingOrders resting_;
  FinishTracker tracker_{resting_};
  std::unique_ptr<sandbox::Engine> engine_;
  Random random_{7};
  sandbox::TimeMs now_ = 1;
};

void BM_FuturesInsertCancelMatch(benchmark::State& state) {
  FuturesMix mix;
  for (int warm_up = 0; warm_up < 200'000; ++warm_up) mix.op();
  for (auto _ : state) mix.op();
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FuturesInsertCancelMatch)->MinTime(2.0);

void BM_OrderBookAddRemove(benchmark::State& state) {
  sandbox::OrderBook book;
  sandbox::OrderBook::Changes changes;
  Random random(3);
  std::vector<sandbox::OrderBook::Handle> live;
  OrderId next = 1;
  for (auto _ : state) {
    if (live.size() < book_target) {
      Side const side = random.below(2) == 0 ? Side::buy : Side::sell;
      std::int64_t const price =
          side == Side::buy ? 1'000 - random.below(60) : 1'001 + random.below(60);
      live.push_back(book.add(side, price, 1 + random.below(100), next++, 0));
    } else {
      std::size_t const pick =
          static_cast<std::size_t>(random.below(static_cast<std::int64_t>(live.size())));
      book.remove(live[pick]);
      live[pick] = live.back();
      live.pop_back();
    }
    book.drain_changes(changes);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_OrderBookAddRemove);

}  // namespace
