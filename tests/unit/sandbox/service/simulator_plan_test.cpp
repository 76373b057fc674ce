// The market simulator's pure planning step: deterministic per seed, and every planned order
// fits its market's grids and minimums.
#include <gtest/gtest.h>

#include "core/decimal.hpp"
#include "sandbox/service/simulator/tick_plan.hpp"

namespace tradelink::sandbox::simulator {
namespace {

using core::operator""_dec;

class SimulatorPlanTest : public ::testing::Test {
 protected:
  MarketModel const model_ = MarketModel::from(default_catalogue());
};

std::vector<TickPlan> plans(MarketModel const& model, std::uint64_t seed, int ticks) {
  SimState state = initial_state(model);
  SimRandom random(seed);
  std::vector<TickPlan> out;
  for (int tick = 0; tick < ticks; ++tick) out.push_back(plan_tick(model, state, random));
  return out;
}

TEST_F(SimulatorPlanTest, ModelCoversTheCatalogue) {
  ASSERT_EQ(model_.markets.size(), 7U);
  EXPECT_EQ(model_.fair_names.size(), 4U);  // spot and perpetual of one name share a price
  auto const btc = model_.find_fair("BTC_USDT");
  ASSERT_TRUE(btc.has_value());
  EXPECT_EQ(model_.markets[0].fair, *btc);
  EXPECT_EQ(model_.markets[4].kind, MarketKind::perpetual);
  EXPECT_EQ(model_.markets[4].fair, *btc);
  EXPECT_EQ(model_.markets[4].unit, "0.0001"_dec);
  SimState const state = initial_state(model_);
  EXPECT_EQ(state.fair[*btc].price, "65000"_dec);
  EXPECT_EQ(state.fair[*model_.find_fair("GT_USDT")].price, "8"_dec);
}

TEST_F(SimulatorPlanTest, SameSeedGivesTheSamePlans) {
  auto const first = plans(model_, 42, 300);
  auto const second = plans(model_, 42, 300);
  EXPECT_TRUE(first == second);
  auto const other = plans(model_, 43, 300);
  EXPECT_FALSE(first == other);
}

TEST_F(SimulatorPlanTest, PlannedOrdersFitTheirMarkets) {
  SimState state = initial_state(model_);
  SimRandom random(7);
  std::size_t takes = 0;
  for (int tick = 0; tick < 400; ++tick) {
    TickPlan const plan = plan_tick(model_, state, random);
    ASSERT_EQ(plan.quotes.size(), model_.markets.size());
    for (Quotes const& quotes : plan.quotes) {
      SimMarket const& market = model_.markets[quotes.market];
      core::Decimal const fair = plan.fair_prices[market.fair];
      ASSERT_EQ(quotes.bids.size(), 5U) << market.name;
      ASSERT_EQ(quotes.asks.size(), 5U) << market.name;
      EXPECT_LT(quotes.bids.front().price, fair) << market.name;
      EXPECT_GT(quotes.asks.front().price, fair) << market.name;
      for (std::size_t level = 0; level < 5; ++level) {
        for (QuoteLevel const& quote : {quotes.bids[level], quotes.asks[level]}) {
          EXPECT_TRUE(quote.price.is_multiple_of(market.price_tick)) << market.name;
          EXPECT_TRUE(quote.size.is_multiple_of(market.size_step)) << market.name;
          EXPECT_GE(quote.size, market.min_size) << market.name;
          EXPECT_GE(quote.size.mul(market.unit)->mul(quote.price).value(), market.min_value);
        }
        if (level > 0) {
          EXPECT_LT(quotes.bids[level].price, quotes.bids[level - 1].price) << market.name;
          EXPECT_GT(quotes.asks[level].price, quotes.asks[level - 1].price) << market.name;
        }
      }
    }
    for (Take const& take : plan.takes) {
      SimMarket const& market = model_.markets[take.market];
      ++takes;
      if (market.kind == MarketKind::spot && take.side == Side::buy) {
        EXPECT_TRUE(take.size.is_multiple_of(market.quote_step));
        EXPECT_GE(take.size, market.min_value);
      } else {
        EXPECT_TRUE(take.size.is_multiple_of(market.size_step)) << market.name;
        EXPECT_GE(take.size, market.min_size) << market.name;
      }
    }
  }
  EXPECT_GT(takes, 0U);
}

TEST_F(SimulatorPlanTest, FairPricesWanderButStayNearTheirAnchors) {
  SimState state = initial_state(model_);
  SimRandom random(11);
  bool moved = false;
  for (int tick = 0; tick < 20'000; ++tick) (void)plan_tick(model_, state, random);
  for (FairPrice const& fair : state.fair) {
    moved = moved || fair.price != fair.anchor;
    EXPECT_GT(fair.price, fair.anchor.mul("0.8"_dec).value());
    EXPECT_LT(fair.price, fair.anchor.mul("1.2"_dec).value());
  }
  EXPECT_TRUE(moved);
}

}  // namespace
}  // namespace tradelink::sandbox::simulator
