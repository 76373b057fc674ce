// The integer order book: FIFO within a level, best-first levels, update ids advancing by one
// per change, and drained deltas that replay into the same book a naive model holds.

#include "sandbox/engine/order_book.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

namespace tradelink::sandbox {
namespace {

TEST(OrderBook, KeepsPriceTimePriority) {
  OrderBook book;
  auto const first = book.add(Side::sell, 101, 5, 1, 10);
  book.add(Side::sell, 100, 3, 2, 11);
  book.add(Side::sell, 101, 7, 3, 12);
  book.add(Side::buy, 99, 4, 4, 13);
  book.add(Side::buy, 98, 4, 5, 14);

  EXPECT_EQ(book.best_price(Side::sell), 100);
  EXPECT_EQ(book.best_price(Side::buy), 99);
  EXPECT_EQ(book.entry(book.best(Side::sell)).order_id, 2);
  book.reduce(book.best(Side::sell), 3);  // level 100 empties
  EXPECT_EQ(book.best(Side::sell), first) << "oldest order at the next price";
  EXPECT_EQ(book.quantity_at(Side::sell, 101), 12);
  book.reduce(first, 2);
  EXPECT_EQ(book.entry(first).quantity, 3);
  EXPECT_EQ(book.quantity_at(Side::sell, 101), 10);
  book.remove(first);
  EXPECT_EQ(book.entry(book.best(Side::sell)).order_id, 3);
  EXPECT_EQ(book.order_count(), 3U);

  std::vector<OrderBook::Level> bids;
  book.depth(Side::buy, 10, bids);
  EXPECT_EQ(bids, (std::vector<OrderBook::Level>{{99, 4}, {98, 4}}));
}

TEST(OrderBook, EveryChangeAdvancesTheIdAndDrainsOnce) {
  OrderBook book;
  EXPECT_EQ(book.update_id(), 0U);
  auto const handle = book.add(Side::buy, 50, 2, 1, 0);
  book.add(Side::buy, 50, 1, 2, 0);
  book.add(Side::sell, 60, 1, 3, 0);
  book.reduce(handle, 2);
  EXPECT_EQ(book.update_id(), 4U);

  OrderBook::Changes changes;
  ASSERT_TRUE(book.drain_changes(changes));
  EXPECT_EQ(changes.first_id, 1U);
  EXPECT_EQ(changes.last_id, 4U);
  EXPECT_EQ(changes.bids, (std::vector<OrderBook::Level>{{50, 1}}));
  EXPECT_EQ(changes.asks, (std::vector<OrderBook::Level>{{60, 1}}));
  EXPECT_FALSE(book.drain_changes(changes));

  book.remove(book.best(Side::sell));
  ASSERT_TRUE(book.drain_changes(changes));
  EXPECT_EQ(changes.first_id, 5U);
  EXPECT_EQ(changes.asks, (std::vector<OrderBook::Level>{{60, 0}})) << "0 removes the level";
}

TEST(OrderBook, DeltasReplayIntoANaiveModel) {
  std::mt19937_64 random(11);
  OrderBook book;
  std::map<std::int64_t, std::int64_t> model_bids;
  std::map<std::int64_t, std::int64_t> model_asks;
  std::vector<OrderBook::Handle> live;
  std::uint64_t last_id = 0;
  OrderBook::Changes changes;
  OrderId next_order = 1;
  for (int step = 0; step < 20'000; ++step) {
    int const operations = 1 + static_cast<int>(random() % 4);
    for (int operation = 0; operation < operations; ++operation) {
      auto const choice = random() % 10;
      if (live.empty() || choice < 5) {
        Side const side = random() % 2 == 0 ? Side::buy : Side::sell;
        std::int64_t const price = side == Side::buy
                                       ? 900 + static_cast<std::int64_t>(random() % 100)
                                       : 1000 + static_cast<std::int64_t>(random() % 100);
        live.push_back(
            book.add(side, price, 1 + static_cast<std::int64_t>(random() % 50), next_order++, 0));
      } else {
        std::size_t const pick = random() % live.size();
        OrderBook::Handle const handle = live[pick];
        std::int64_t const quantity = book.entry(handle).quantity;
        std::int64_t const take =
            choice < 8
                ? quantity
                : 1 + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(quantity));
        book.reduce(handle, take);
        if (take == quantity) {
          live[pick] = live.back();
          live.pop_back();
        }
      }
    }
    ASSERT_TRUE(book.drain_changes(changes));
    ASSERT_EQ(changes.first_id, last_id + 1) << "no gap between deltas";
    last_id = changes.last_id;
    for (auto const& [levels, model] :
         {std::pair{&changes.bids, &model_bids}, std::pair{&changes.asks, &model_asks}}) {
      for (auto const& level : *levels) {
        if (level.quantity == 0) {
          model->erase(level.price);
        } else {
          (*model)[level.price] = level.quantity;
        }
      }
    }
    if (step % 50 == 0) {
      std::vector<OrderBook::Level> depth;
      book.depth(Side::buy, 1000, depth);
      std::vector<OrderBook::Level> expected;
      for (auto level = model_bids.rbegin(); level != model_bids.rend(); ++level) {
        expected.push_back({level->first, level->second});
      }
      ASSERT_EQ(depth, expected);
      book.depth(Side::sell, 1000, depth);
      expected.clear();
      for (auto const& [price, quantity] : model_asks) expected.push_back({price, quantity});
      ASSERT_EQ(depth, expected);
    }
  }
  EXPECT_EQ(book.update_id(), last_id);
}

}  // namespace
}  // namespace tradelink::sandbox
