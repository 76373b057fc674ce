// Order book synchronisation over loopback (gateio-v4.md §7.3): a client that takes the book
// snapshot with its id and applies spot.order_book_update pushes by Gate's procedure (drop
// u < id + 1, first applied push has U <= id + 1 <= u, then no gaps) ends with exactly the
// final book after 10,000 random book changes; a spot.obu client starting from the first full
// push ends the same way.

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <map>
#include <random>

#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::Decimal;

/// A client's copy of one book.
struct LocalBook {
  std::map<Decimal, Decimal, std::greater<>> bids;
  std::map<Decimal, Decimal> asks;
  std::uint64_t id = 0;

  void load(BookSnapshot const& snapshot) {
    bids.clear();
    asks.clear();
    for (auto const& level : snapshot.bids) bids[level.price] = level.size;
    for (auto const& level : snapshot.asks) asks[level.price] = level.size;
    id = snapshot.id;
  }

  template <class Side>
  static void apply_side(Side& side, boost::json::value const& levels) {
    for (auto const& level : levels.as_array()) {
      auto const price = Decimal::parse(std::string(level.at(0).as_string())).value();
      auto const size = Decimal::parse(std::string(level.at(1).as_string())).value();
      if (size.is_zero()) {
        side.erase(price);
      } else {
        side[price] = size;
      }
    }
  }

  void apply(boost::json::value const& result) {
    apply_side(bids, result.at("b"));
    apply_side(asks, result.at("a"));
    id = result.at("u").to_number<std::uint64_t>();
  }

  [[nodiscard]] bool equals(BookSnapshot const& snapshot) const {
    if (snapshot.id != id || snapshot.bids.size() != bids.size() ||
        snapshot.asks.size() != asks.size()) {
      return false;
    }
    std::size_t i = 0;
    for (auto const& [price, size] : bids) {
      if (snapshot.bids[i].price != price || snapshot.bids[i].size != size) return false;
      ++i;
    }
    i = 0;
    for (auto const& [price, size] : asks) {
      if (snapshot.asks[i].price != price || snapshot.asks[i].size != size) return false;
      ++i;
    }
    return true;
  }
};

std::uint64_t number(boost::json::value const& result, std::string_view name) {
  return result.at(name).to_number<std::uint64_t>();
}

class WsBookSyncTest : public SandboxTest {
 protected:
  BookSnapshot snapshot() {
    return server_->venue().with([](VenueState& state) {
      return state.engine.spot()
          .order_book("BTC_USDT", std::numeric_limits<std::size_t>::max())
          .value();
    });
  }

  /// 10,000 random placements and cancels of two users around 60000, some crossing.
  void churn(std::function<void()> const& between_batches) {
    auto const alice = make_user_key();
    auto const bob = make_user_key();
    for (auto const& user : {alice, bob}) {
      deposit(user.user_id, "BTC", "1000");
      deposit(user.user_id, "USDT", "50000000");
    }
    std::mt19937 random(20261126);
    std::vector<std::pair<std::int64_t, OrderId>> open;
    for (int change = 0; change < 10'000; ++change) {
      std::int64_t const user = random() % 2 == 0 ? alice.user_id : bob.user_id;
      if (!open.empty() && random() % 5 < 2) {
        std::size_t const index = random() % open.size();
        auto const [owner, id] = open[index];
        open[index] = open.back();
        open.pop_back();
        server_->venue().with([&](VenueState& state) {
          // Already filled orders answer ORDER_NOT_FOUND, which changes nothing.
          (void)state.engine.cancel_spot_order(owner, "BTC_USDT", OrderRef{id},
                                               state.clock.now_ms());
        });
      } else {
        Side const side = random() % 2 == 0 ? Side::buy : Side::sell;
        int const offset = static_cast<int>(random() % 60) - 5;  // a few cross the spread
        int const ticks = side == Side::buy ? 600'000 - offset : 600'000 + offset;
        std::string const price = std::to_string(ticks / 10) + "." + std::to_string(ticks % 10);
        std::string const amount = "0.0" + std::to_string(10 + random() % 90);
        auto placed = place_spot(*server_, user, "BTC_USDT", side, amount, price);
        ASSERT_TRUE(placed) << placed.error().message;
        if (placed->status == SpotOrderStatus::open) open.emplace_back(user, placed->id);
      }
      if (change % 250 == 249) between_batches();
    }
  }
};

TEST_F(WsBookSyncTest, OrderBookUpdatePushesRebuildTheExactBook) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  client.request("spot.order_book_update", "subscribe", {"BTC_USDT", "100ms"});
  auto ack = client.next_on("spot.order_book_update", "subscribe");
  ASSERT_TRUE(ack);
  ASSERT_TRUE(ack->at("error").is_null());

  // Some book exists before the snapshot, so the snapshot is not trivially empty.
  auto const early = make_user_key();
  deposit(early.user_id, "BTC", "1");
  ASSERT_TRUE(place_spot(*server_, early.user_id, "BTC_USDT", Side::sell, "0.5", "70000"));

  LocalBook book;
  book.load(snapshot());
  bool synced = false;
  std::size_t applied = 0;
  auto consume = [&](boost::json::value const& message) {
    if (text_of(message, "channel") != "spot.order_book_update" ||
        text_of(message, "event") != "update") {
      return;
    }
    auto const& result = message.at("result");
    ASSERT_EQ(text_of(result, "s"), "BTC_USDT");
    std::uint64_t const first = number(result, "U");
    std::uint64_t const last = number(result, "u");
    ASSERT_LE(first, last);
    if (last < book.id + 1) return;  // older than the snapshot
    if (!synced) {
      ASSERT_LE(first, book.id + 1) << "snapshot too old";
      synced = true;
    } else {
      ASSERT_EQ(first, book.id + 1) << "gap in the update ids";
    }
    book.apply(result);
    ++applied;
  };
  auto drain = [&] {
    // Paced so the churn spans several 100 ms push intervals.
    client.pump(std::chrono::milliseconds(25));
    while (client.pending() > 0) {
      auto message = client.next();
      ASSERT_TRUE(message);
      consume(*message);
    }
  };
  churn(drain);

  BookSnapshot const final_book = snapshot();
  while (book.id < final_book.id) {
    auto message = client.next();
    ASSERT_TRUE(message) << "no push reached id " << final_book.id << " (at " << book.id << ")";
    consume(*message);
  }
  EXPECT_GE(applied, 5U);
  EXPECT_FALSE(final_book.bids.empty());
  EXPECT_FALSE(final_book.asks.empty());
  EXPECT_TRUE(book.equals(final_book));
}

TEST_F(WsBookSyncTest, ObuStartsWithAFullBookAndContinuesWithoutGaps) {
  auto const early = make_user_key();
  deposit(early.user_id, "BTC", "1");
  deposit(early.user_id, "USDT", "100000");
  ASSERT_TRUE(place_spot(*server_, early.user_id, "BTC_USDT", Side::sell, "0.5", "70000"));
  ASSERT_TRUE(place_spot(*server_, early.user_id, "BTC_USDT", Side::buy, "0.25", "50000"));

  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  client.request("spot.obu", "subscribe", {"ob.BTC_USDT.400"});
  auto ack = client.next_on("spot.obu", "subscribe");
  ASSERT_TRUE(ack);
  ASSERT_TRUE(ack->at("error").is_null());
  auto full = client.next_on("spot.obu", "update");
  ASSERT_TRUE(full);
  ASSERT_TRUE(full->at("result").at("full").as_bool());
  EXPECT_EQ(text_of(full->at("result"), "s"), "ob.BTC_USDT.400");

  LocalBook book;
  book.apply(full->at("result"));
  EXPECT_TRUE(book.equals(snapshot()));

  auto consume = [&](boost::json::value const& message) {
    if (text_of(message, "channel") != "spot.obu") return;
    auto const& result = message.at("result");
    ASSERT_EQ(number(result, "U"), book.id + 1) << "obu pushes must continue without gaps";
    book.apply(result);
  };
  auto drain = [&] {
    client.pump(std::chrono::milliseconds(3));
    while (client.pending() > 0) {
      auto message = client.next();
      ASSERT_TRUE(message);
      consume(*message);
    }
  };
  churn(drain);

  BookSnapshot const final_book = snapshot();
  while (book.id < final_book.id) {
    auto message = client.next();
    ASSERT_TRUE(message) << "no push reached id " << final_book.id;
    consume(*message);
  }
  EXPECT_TRUE(book.equals(final_book));
}

}  // namespace
}  // namespace tradelink::sandbox::test
