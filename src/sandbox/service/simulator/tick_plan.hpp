#pragma once
// The market simulator's decisions, as a pure function: given the fair prices and the random
// source, one tick moves every fair price a little (a random walk pulled back toward its anchor),
// lays out the ladder the maker wants to show on every market, and picks the takers' market
// orders. Nothing here touches the engine, so the same seed gives the same plans in tests.

#include <cstddef>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/types.hpp"
#include "sandbox/service/simulator/market_model.hpp"
#include "sandbox/service/simulator/sim_random.hpp"

namespace tradelink::sandbox::simulator {

/// One fair price: where it is and where it is pulled back to (the opening price, or the last
/// price set through the admin API).
struct FairPrice {
  core::Decimal price;
  core::Decimal anchor;
  friend bool operator==(FairPrice const&, FairPrice const&) = default;
};

/// Everything the plans depend on besides the random source.
struct SimState {
  std::vector<FairPrice> fair;  ///< by MarketModel::fair_names index
};

/// Fair prices at their starting prices.
[[nodiscard]] SimState initial_state(MarketModel const& model);

/// One resting maker order the ladder wants: price on the market's tick grid, size on its size
/// grid and at or above its minimums.
struct QuoteLevel {
  core::Decimal price;
  core::Decimal size;
  friend bool operator==(QuoteLevel const&, QuoteLevel const&) = default;
};

/// The maker's wanted ladder of one market, best level first on each side.
struct Quotes {
  std::size_t market = 0;  ///< index into MarketModel::markets
  std::vector<QuoteLevel> bids;
  std::vector<QuoteLevel> asks;
  friend bool operator==(Quotes const&, Quotes const&) = default;
};

/// One taker market order. `size` is the quote budget of a spot buy, the base amount of a spot
/// sell, or the number of contracts of a perpetual order (its sign comes from `side`).
struct Take {
  std::size_t market = 0;
  Side side = Side::buy;
  core::Decimal size;
  friend bool operator==(Take const&, Take const&) = default;
};

struct TickPlan {
  std::vector<core::Decimal> fair_prices;  ///< after this tick's move
  std::vector<Quotes> quotes;              ///< one per market
  std::vector<Take> takes;                 ///< after the quotes are in place
  friend bool operator==(TickPlan const&, TickPlan const&) = default;
};

/// Tuning of the plans (defaults: a few levels, a few basis points wide, a taker now and then).
struct PlanTuning {
  std::size_t levels = 5;                ///< maker levels per side
  std::int64_t half_spread_bp = 2;       ///< fair price to the best level, basis points
  std::int64_t level_spacing_bp = 1;     ///< between levels, basis points
  std::int64_t level_value_min = 100;    ///< quote value of the best level, drawn uniformly
  std::int64_t level_value_max = 2'000;  ///< (deeper levels hold proportionally more)
  unsigned take_percent = 30;            ///< chance of a taker order per market and tick
  std::int64_t take_value_min = 20;      ///< quote value of a taker order, drawn uniformly
  std::int64_t take_value_max = 1'500;
};

/// Advances `state` by one tick and returns what the maker and takers should do.
[[nodiscard]] TickPlan plan_tick(MarketModel const& model, SimState& state, SimRandom& random,
                                 PlanTuning const& tuning = {});

/// The ladder of `market` around `fair`, drawing sizes from `random`.
[[nodiscard]] Quotes plan_quotes(MarketModel const& model, std::size_t market, core::Decimal fair,
                                 SimRandom& random, PlanTuning const& tuning = {});

}  // namespace tradelink::sandbox::simulator
