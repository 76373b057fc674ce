// The market simulator on a real venue, ticked by hand: books fill and never stay crossed,
// trades happen, the engine's value conservation holds, and resting orders stay bounded.
#include <gtest/gtest.h>

#include "core/decimal.hpp"
#include "sandbox/service/simulator/market_simulator.hpp"
#include "unit/sandbox/service/manual_scheduler.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::operator""_dec;
using simulator::MarketKind;
using simulator::MarketSimulator;

class SimulatorMarketTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto venue = Venue::create(default_catalogue());
    ASSERT_TRUE(venue.has_value());
    venue_ = std::move(*venue);
    simulator_ = std::make_unique<MarketSimulator>(*venue_, scheduler_, 5);
  }

  BookSnapshot book(VenueState& state, simulator::SimMarket const& market) {
    auto snapshot = market.kind == MarketKind::spot
                        ? state.engine.spot().order_book(market.name, 10)
                        : state.engine.futures().order_book(market.name, 10);
    EXPECT_TRUE(snapshot.has_value());
    return snapshot ? *snapshot : BookSnapshot{};
  }

  void expect_uncrossed(int tick) {
    venue_->with([&](VenueState& state) {
      for (auto const& market : simulator_->model().markets) {
        BookSnapshot const snapshot = book(state, market);
        if (snapshot.bids.empty() || snapshot.asks.empty()) continue;
        EXPECT_LT(snapshot.bids.front().price, snapshot.asks.front().price)
            << market.name << " after tick " << tick;
      }
    });
  }

  // Σ spot + Σ futures equity + fees == deposits − withdrawals, per currency.
  void expect_conservation() {
    venue_->with([&](VenueState& state) {
      for (std::string_view const currency : state.engine.currencies()) {
        core::Decimal held;
        for (User const& user : state.users.all()) {
          auto balance = state.engine.spot_balance(user.id, currency);
          ASSERT_TRUE(balance.has_value());
          held = held.add(balance->available).value().add(balance->locked).value();
          if (currency == "USDT") {
            if (auto futures = state.engine.futures_account(user.id)) {
              held = held.add(futures->total).value().add(futures->unrealised_pnl).value();
            }
          }
        }
        auto house = state.engine.house_totals(currency);
        ASSERT_TRUE(house.has_value());
        EXPECT_EQ(held.add(house->fees).value(), house->deposits.sub(house->withdrawals).value())
            << currency;
      }
    });
  }

  ManualScheduler scheduler_;
  std::unique_ptr<Venue> venue_;
  std::unique_ptr<MarketSimulator> simulator_;
};

TEST_F(SimulatorMarketTest, TicksFillBooksTradeAndConserveValue) {
  simulator_->start();
  ASSERT_EQ(scheduler_.pending(), 1U);
  EXPECT_EQ(scheduler_.delays().front(), MarketSimulator::tick_interval);
  for (int tick = 0; tick < 300; ++tick) {
    ASSERT_TRUE(scheduler_.run_next());
    expect_uncrossed(tick);
  }
  venue_->with([&](VenueState& state) {
    for (auto const& market : simulator_->model().markets) {
      BookSnapshot const snapshot = book(state, market);
      EXPECT_FALSE(snapshot.bids.empty()) << market.name;
      EXPECT_FALSE(snapshot.asks.empty()) << market.name;
      if (market.kind == MarketKind::spot) {
        auto trades = state.engine.spot().trades(market.name, 10);
        ASSERT_TRUE(trades.has_value());
        EXPECT_FALSE(trades->empty()) << market.name;
      } else {
        auto trades = state.engine.futures().trades(market.name, 10);
        ASSERT_TRUE(trades.has_value());
        EXPECT_FALSE(trades->empty()) << market.name;
        auto mark = state.engine.futures().mark_price(market.name);
        ASSERT_TRUE(mark.has_value() && mark->has_value()) << market.name;
      }
    }
    // Only the maker rests orders, at most its ladder: nothing grows without bound.
    std::size_t const resting =
        state.engine.spot().resting_order_count() + state.engine.futures().resting_order_count();
    EXPECT_LE(resting, simulator_->model().markets.size() * 10);
    auto ticker = state.engine.spot().ticker("BTC_USDT", state.clock.now_ms());
    ASSERT_TRUE(ticker.has_value());
    ASSERT_TRUE(ticker->last.has_value());
    EXPECT_GT(*ticker->last, "50000"_dec);
    EXPECT_LT(*ticker->last, "80000"_dec);
  });
  expect_conservation();

  simulator_->stop();
  ASSERT_TRUE(scheduler_.run_next());  // the tick already scheduled does nothing
  EXPECT_EQ(scheduler_.pending(), 0U);
}

TEST_F(SimulatorMarketTest, AdminPriceMovesQuotesAndMark) {
  simulator_->prepare_users();
  simulator_->tick();
  venue_->with([&](VenueState& state) {
    ASSERT_TRUE(simulator_->set_fair_price(state, "ETH_USDT", "4000"_dec).has_value());
    EXPECT_FALSE(simulator_->set_fair_price(state, "NOPE_USDT", "1"_dec).has_value());
    EXPECT_FALSE(simulator_->set_fair_price(state, "ETH_USDT", "-1"_dec).has_value());
    EXPECT_EQ(**state.engine.futures().mark_price("ETH_USDT"), "4000"_dec);
  });
  simulator_->tick();
  venue_->with([&](VenueState& state) {
    auto snapshot = state.engine.spot().order_book("ETH_USDT", 1);
    ASSERT_TRUE(snapshot.has_value());
    ASSERT_FALSE(snapshot->bids.empty());
    EXPECT_GT(snapshot->bids.front().price, "3960"_dec);
    EXPECT_LT(snapshot->bids.front().price, "4000"_dec);
  });
  expect_conservation();
}

TEST_F(SimulatorMarketTest, UsersAreFoundAgainNotDuplicated) {
  simulator_->prepare_users();
  MarketSimulator again(*venue_, scheduler_, 9);
  again.prepare_users();
  venue_->with([&](VenueState& state) {
    EXPECT_EQ(state.users.all().size(), 2U);
    EXPECT_EQ(again.accounts(state).maker, simulator_->accounts(state).maker);
    EXPECT_EQ(again.accounts(state).taker, simulator_->accounts(state).taker);
  });
}

}  // namespace
}  // namespace tradelink::sandbox::test
