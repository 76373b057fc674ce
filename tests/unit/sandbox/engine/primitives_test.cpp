// Building blocks: grids, history rings (cached and streamed writes), the order store (against a
// model of live and archived orders), fixed texts, the countdown timer table and the position
// arithmetic.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <random>
#include <unordered_map>
#include <vector>

#include "sandbox/engine/countdown.hpp"
#include "sandbox/engine/fixed_text.hpp"
#include "sandbox/engine/futures_position.hpp"
#include "sandbox/engine/grid.hpp"
#include "sandbox/engine/order_store.hpp"
#include "sandbox/engine/ring_buffer.hpp"
#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

TEST(Grid, ConvertsMultiplesOfTheStepAndRejectsTheRest) {
  Grid const cents = Grid::decimals(2);
  EXPECT_EQ(cents.step(), dec("0.01"));
  EXPECT_EQ(cents.to_units(dec("65000.25")), 6500025);
  EXPECT_EQ(cents.to_units(dec("-0.03")), -3);
  EXPECT_FALSE(cents.to_units(dec("0.001")).has_value());
  EXPECT_EQ(cents.to_decimal(6500025), dec("65000.25"));

  Grid const half = Grid(dec("0.5"));
  EXPECT_EQ(half.to_units(dec("2.5")), 5);
  EXPECT_FALSE(half.to_units(dec("2.2")).has_value());
  EXPECT_FALSE(Grid::decimals(0).to_units(dec("10000000000000000")).has_value())
      << "beyond max_units";
}

struct StoredOrder {
  struct {
    OrderId id = 0;
  } order;
  int payload = 0;
};
struct ArchivedOrder {
  OrderId id = 0;
  int payload = 0;
};
using Store = OrderStore<StoredOrder, ArchivedOrder>;

TEST(OrderStore, FindsLiveAndArchivedOrdersUntilTheirArchiveForgetsThem) {
  Store store;
  constexpr std::size_t archives = 3;
  constexpr std::size_t limit = 50;
  struct Expected {
    int payload = 0;
    bool live = true;
  };
  std::unordered_map<OrderId, Expected> model;
  std::vector<std::deque<OrderId>> archived(archives);
  std::vector<OrderId> forgotten;
  std::mt19937_64 random(7);
  OrderId last_id = 0;
  std::vector<OrderId> live;
  for (int step = 0; step < 100'000; ++step) {
    if (live.empty() || random() % 2 != 0) {
      std::uint32_t const slot = store.add();
      store[slot].payload = step;
      OrderId const id = store[slot].order.id;
      ASSERT_GT(id, last_id) << "strictly increasing";
      last_id = id;
      model[id] = {step, true};
      live.push_back(id);
    } else {
      std::size_t const pick = random() % live.size();
      OrderId const id = live[pick];
      std::size_t const archive = random() % archives;
      std::uint32_t const slot = store.find_live(id);
      ASSERT_NE(slot, Store::npos);
      store.archive(slot, static_cast<std::uint32_t>(archive), limit,
                    {step, static_cast<std::uint64_t>(step) + 1}, id, store[slot].payload);
      model[id].live = false;
      live[pick] = live.back();
      live.pop_back();
      archived[archive].push_back(id);
      if (archived[archive].size() > limit) {
        OrderId const dropped = archived[archive].front();
        archived[archive].pop_front();
        model.erase(dropped);
        forgotten.push_back(dropped);
        Store::Found const gone = store.find(dropped);
        ASSERT_TRUE(gone.live == nullptr && gone.archived == nullptr)
            << "the archive forgot its oldest order";
      }
      ASSERT_EQ(store.find_live(id), Store::npos) << "archived, not open";
    }
  }
  for (auto const& [id, expected] : model) {
    Store::Found const found = store.find(id);
    if (expected.live) {
      ASSERT_NE(found.live, nullptr);
      ASSERT_EQ(found.live->payload, expected.payload);
      ASSERT_NE(store.find_live(id), Store::npos);
    } else {
      ASSERT_NE(found.archived, nullptr);
      ASSERT_EQ(found.archived->payload, expected.payload);
      ASSERT_EQ(found.archived->id, id);
      ASSERT_LT(found.archive, archives) << "the archive holding it";
      auto const& held = archived[found.archive];
      ASSERT_NE(std::find(held.begin(), held.end(), id), held.end()) << "the archive holding it";
    }
  }
  for (std::size_t archive = 0; archive < archives; ++archive) {
    auto const* orders = store.archived_orders(static_cast<std::uint32_t>(archive));
    ASSERT_NE(orders, nullptr);
    ASSERT_EQ(orders->size(), archived[archive].size());
    for (std::size_t index = 0; index < orders->size(); ++index) {
      ASSERT_EQ((*orders)[index].id, archived[archive][index]) << "oldest first";
    }
  }
  EXPECT_EQ(store.archived_orders(archives), nullptr);
  auto const unknown = [&](OrderId id) {
    Store::Found const found = store.find(id);
    return found.live == nullptr && found.archived == nullptr;
  };
  // Their handles went to later orders, open or archived: the old ids still match nothing.
  for (OrderId const id : forgotten) {
    ASSERT_TRUE(unknown(id));
    ASSERT_EQ(store.find_live(id), Store::npos);
  }
  EXPECT_TRUE(unknown(0));
  EXPECT_TRUE(unknown(-5));
  EXPECT_TRUE(unknown(last_id + (OrderId{1} << 28)))
      << "a future id whose handle is in use by another order";
  EXPECT_TRUE(unknown((OrderId{1} << 28) | ((OrderId{1} << 28) - 1)))
      << "a handle that was never created";
}

/// A history value the streamed ring writes with non-temporal stores (one whole cache line).
struct alignas(64) HistoryValue {
  std::int64_t serial = 0;
  std::int64_t check = 0;
};
static_assert(streamable<HistoryValue>);

template <RingWrites writes>
void expect_ring_follows_a_bounded_queue(std::size_t limit) {
  RingBuffer<HistoryValue, writes> ring(limit);
  std::deque<HistoryValue> model;
  std::uint64_t dropped = 0;
  std::mt19937_64 random(limit);
  for (std::int64_t step = 0; step < 20'000; ++step) {
    if (model.empty() || random() % 4 != 0) {
      ring.emplace_back(HistoryValue{step, step * 7 + 1});
      model.push_back({step, step * 7 + 1});
      if (model.size() > limit) {
        model.pop_front();
        ++dropped;
      }
    } else {
      ring.pop_front();
      model.pop_front();
      ++dropped;
    }
    ASSERT_EQ(ring.size(), model.size());
    ASSERT_EQ(ring.dropped(), dropped);
    if (step % 97 == 0 || ring.size() == limit) {
      for (std::size_t index = 0; index < model.size(); ++index) {
        ASSERT_EQ(ring[index].serial, model[index].serial) << "step " << step;
        ASSERT_EQ(ring[index].check, model[index].check) << "step " << step;
      }
    }
  }
}

/// Limits around the first storage size (16) and the growth steps, and 1.
constexpr std::array<std::size_t, 6> ring_limits{1, 2, 15, 16, 17, 100};

TEST(RingBuffer, CachedWritesKeepTheNewestValuesInOrder) {
  for (std::size_t const limit : ring_limits) {
    ASSERT_NO_FATAL_FAILURE(expect_ring_follows_a_bounded_queue<RingWrites::cached>(limit));
  }
}

TEST(RingBuffer, StreamedWritesKeepTheNewestValuesInOrder) {
  for (std::size_t const limit : ring_limits) {
    ASSERT_NO_FATAL_FAILURE(expect_ring_follows_a_bounded_queue<RingWrites::streamed>(limit));
  }
}

TEST(FixedText, HoldsUpToCapacityBytes) {
  EXPECT_EQ(FixedText::from("t-grid-42")->view(), "t-grid-42");
  EXPECT_TRUE(FixedText::from("")->empty());
  EXPECT_TRUE(FixedText::from(std::string(FixedText::capacity, 'x')).has_value());
  EXPECT_FALSE(FixedText::from(std::string(FixedText::capacity + 1, 'x')).has_value());
}

TEST(CountdownTimers, ArmsRearmsDisarmsAndFiresInTriggerOrder) {
  CountdownTimers timers;
  EXPECT_EQ(timers.set(1, ProductLine::spot, "", 3, 0).error().code, "INVALID_PARAM_VALUE");
  EXPECT_EQ(timers.set(1, ProductLine::spot, "", -1, 0).error().code, "INVALID_PARAM_VALUE");
  EXPECT_EQ(timers.set(1, ProductLine::spot, "", 10, 1'000).value(), 11'000);
  EXPECT_EQ(timers.set(2, ProductLine::futures, "BTC_USDT", 5, 2'000).value(), 7'000);
  EXPECT_EQ(timers.set(1, ProductLine::spot, "", 20, 3'000).value(), 23'000) << "re-armed";
  EXPECT_EQ(timers.armed().size(), 2U);

  std::vector<Countdown> due;
  timers.take_due(6'999, due);
  EXPECT_TRUE(due.empty());
  timers.take_due(30'000, due);
  ASSERT_EQ(due.size(), 2U);
  EXPECT_EQ(due[0].user, 2);
  EXPECT_EQ(due[0].market, "BTC_USDT");
  EXPECT_EQ(due[1].trigger_ms, 23'000);
  EXPECT_TRUE(timers.armed().empty());

  EXPECT_EQ(timers.set(3, ProductLine::spot, "ETH_USDT", 5, 0).value(), 5'000);
  EXPECT_EQ(timers.set(3, ProductLine::spot, "ETH_USDT", 0, 1).value(), 0) << "disarmed";
  timers.take_due(100'000, due);
  EXPECT_TRUE(due.empty());
}

TEST(Position, OpensIncreasesReducesAndFlipsWithExactPnl) {
  Position position;
  position.leverage = dec("10");
  // Lot value at a price: one lot of 0.001 BTC at 50000 = 50 USDT.
  EXPECT_EQ(position.apply_fill(10, dec("50")).closed_lots, 0);
  EXPECT_EQ(position.size, 10);
  EXPECT_EQ(position.entry_value, dec("500"));
  EXPECT_EQ(position.margin, dec("50"));
  position.apply_fill(10, dec("52"));
  EXPECT_EQ(position.entry_value, dec("1020"));

  FillOutcome const reduce = position.apply_fill(-5, dec("53"));
  EXPECT_EQ(reduce.closed_lots, 5);
  EXPECT_EQ(reduce.realised_pnl, dec("10"));  // 5 × 53 − 1020 × 5 / 20
  EXPECT_FALSE(reduce.closed_position);
  EXPECT_EQ(position.entry_value, dec("765"));
  EXPECT_EQ(position.margin, dec("76.5"));

  FillOutcome const flip = position.apply_fill(-20, dec("40"));
  EXPECT_EQ(flip.closed_lots, 15);
  EXPECT_EQ(flip.realised_pnl, dec("-165"));  // 15 × 40 − 765
  EXPECT_TRUE(flip.closed_position);
  EXPECT_EQ(position.size, -5);
  EXPECT_EQ(position.entry_value, dec("-200"));

  FillOutcome const cover = position.apply_fill(5, dec("30"));
  EXPECT_EQ(cover.realised_pnl, dec("50"));  // short from 40 bought back at 30
  EXPECT_EQ(position.size, 0);
  EXPECT_TRUE(position.entry_value.is_zero());
  EXPECT_TRUE(position.margin.is_zero());
}

TEST(Position, ProportionalEntryRemovalKeepsTheRemainder) {
  Position position;
  position.leverage = dec("3");
  position.apply_fill(3, dec("0.1"));  // entry value 0.3 over 3 lots
  FillOutcome const first = position.apply_fill(-1, dec("0.1"));
  FillOutcome const second = position.apply_fill(-1, dec("0.1"));
  FillOutcome const third = position.apply_fill(-1, dec("0.1"));
  EXPECT_EQ(money::plus(money::plus(first.realised_pnl, second.realised_pnl), third.realised_pnl),
            dec("0"))
      << "selling at the entry price realises exactly nothing in total";
  EXPECT_EQ(initial_margin(dec("100"), dec("3")), dec("33.33333334")) << "rounded up to 1e-8";
}

TEST(Position, BookResultMovesClosedPositionsToHistory) {
  Position position;
  position.leverage = dec("10");
  position.book_result(position.apply_fill(2, dec("10")), dec("0.01"));
  EXPECT_EQ(position.realised_pnl, dec("-0.01"));
  position.book_result(position.apply_fill(-2, dec("11")), dec("0.01"));
  EXPECT_TRUE(position.realised_pnl.is_zero());
  EXPECT_EQ(position.last_close_pnl, dec("1.98"));
  EXPECT_EQ(position.history_pnl, dec("1.98"));
}

}  // namespace
}  // namespace tradelink::sandbox::testing
