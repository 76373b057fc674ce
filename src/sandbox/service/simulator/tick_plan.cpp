#include "sandbox/service/simulator/tick_plan.hpp"

#include <algorithm>
#include <optional>

namespace tradelink::sandbox::simulator {
namespace {

using core::Decimal;
using core::Rounding;

// Fair prices keep this many decimals: finer than any market's tick.
constexpr int fair_digits = 10;
// Each tick pulls a fair price back by this fraction of its distance to the anchor, so the walk
// wanders (about 2-3 % a day) without drifting away for good.
constexpr std::int64_t reversion_divisor = 20'000;

Decimal integer(std::int64_t value) {
  return Decimal::from_integer(value).value();
}

// The result, or `fallback` on overflow (impossible within the admin API's price bounds; the
// simulator must still never throw from a timer).
Decimal or_else(core::Result<Decimal> const& result, Decimal fallback) {
  return result ? *result : fallback;
}

// value × count / 10'000.
Decimal basis_points(Decimal value, std::int64_t count) {
  return or_else(or_else(value.mul(integer(count)), Decimal{}).div(integer(10'000)), Decimal{});
}

Decimal to_step(Decimal value, Decimal step, Rounding rounding) {
  return or_else(value.quantize_to_step(step, rounding), value);
}

Decimal move_fair(FairPrice const& fair, SimRandom& random) {
  // A sum of four uniform draws in [-3, 3], in units of 0.1 bp: about 0.4 bp per tick.
  std::int64_t steps = 0;
  for (int draw = 0; draw < 4; ++draw) steps += random.between(-3, 3);
  Decimal const relative = Decimal::from_raw(static_cast<Decimal::Raw>(steps) * 10'000'000'000'000);
  Decimal const walk = or_else(fair.price.mul(relative), Decimal{});
  Decimal const pull = or_else(
      or_else(fair.anchor.sub(fair.price), Decimal{}).div(integer(reversion_divisor)), Decimal{});
  Decimal next = or_else(or_else(fair.price.add(walk), fair.price).add(pull), fair.price);
  next = or_else(next.quantize(fair_digits, Rounding::half_even), next);
  Decimal const floor = or_else(fair.anchor.div(integer(100)), fair.anchor);
  return std::max(next, floor);
}

// Value in quote of `size` at `price`.
Decimal value_of(SimMarket const& market, Decimal size, Decimal price) {
  return or_else(or_else(size.mul(market.unit), Decimal{}).mul(price), Decimal{});
}

// The size worth about `value` quote at `price`, on the size grid and at or above the minimums.
Decimal size_for_value(SimMarket const& market, Decimal value, Decimal price) {
  Decimal const unit_value = or_else(price.mul(market.unit), Decimal{});
  if (!unit_value.is_positive()) return market.min_size;
  Decimal size =
      to_step(or_else(value.div(unit_value), Decimal{}), market.size_step, Rounding::down);
  size = std::max(size, market.min_size);
  if (value_of(market, size, price) < market.min_value) {
    size = to_step(or_else(market.min_value.div(unit_value), Decimal{}), market.size_step,
                   Rounding::up);
  }
  return size;
}

Decimal draw_value(SimRandom& random, std::int64_t low, std::int64_t high) {
  return integer(random.between(low, high));
}

std::optional<Take> plan_take(MarketModel const& model, std::size_t index, Decimal fair,
                              SimRandom& random, PlanTuning const& tuning) {
  if (!random.chance(tuning.take_percent)) return std::nullopt;
  SimMarket const& market = model.markets[index];
  Side const side = random.chance(50) ? Side::buy : Side::sell;
  Decimal const value = draw_value(random, tuning.take_value_min, tuning.take_value_max);
  Take take{index, side, {}};
  if (market.kind == MarketKind::spot && side == Side::buy) {
    take.size = std::max(to_step(value, market.quote_step, Rounding::down), market.min_value);
  } else {
    take.size = size_for_value(market, value, fair);
  }
  return take;
}

}  // namespace

SimState initial_state(MarketModel const& model) {
  SimState state;
  for (std::string const& name : model.fair_names) {
    Decimal const price = starting_price(name);
    state.fair.push_back(FairPrice{price, price});
  }
  return state;
}

Quotes plan_quotes(MarketModel const& model, std::size_t index, Decimal fair, SimRandom& random,
                   PlanTuning const& tuning) {
  SimMarket const& market = model.markets[index];
  Decimal const tick = market.price_tick;
  Decimal const spread =
      std::max(tick, to_step(basis_points(fair, tuning.half_spread_bp), tick, Rounding::up));
  Decimal const spacing =
      std::max(tick, to_step(basis_points(fair, tuning.level_spacing_bp), tick, Rounding::up));
  Quotes quotes;
  quotes.market = index;
  for (std::size_t level = 0; level < tuning.levels; ++level) {
    Decimal const depth = or_else(
        spread.add(or_else(spacing.mul(integer(static_cast<std::int64_t>(level))), Decimal{})),
        spread);
    auto const scale = static_cast<std::int64_t>(level) + 1;
    Decimal const bid = to_step(or_else(fair.sub(depth), Decimal{}), tick, Rounding::floor);
    Decimal const ask = to_step(or_else(fair.add(depth), fair), tick, Rounding::ceiling);
    Decimal const bid_value =
        draw_value(random, tuning.level_value_min * scale, tuning.level_value_max * scale);
    Decimal const ask_value =
        draw_value(random, tuning.level_value_min * scale, tuning.level_value_max * scale);
    if (bid.is_positive()) quotes.bids.push_back({bid, size_for_value(market, bid_value, bid)});
    quotes.asks.push_back({ask, size_for_value(market, ask_value, ask)});
  }
  return quotes;
}

TickPlan plan_tick(MarketModel const& model, SimState& state, SimRandom& random,
                   PlanTuning const& tuning) {
  TickPlan plan;
  for (FairPrice& fair : state.fair) {
    fair.price = move_fair(fair, random);
    plan.fair_prices.push_back(fair.price);
  }
  for (std::size_t index = 0; index < model.markets.size(); ++index) {
    Decimal const fair = state.fair[model.markets[index].fair].price;
    plan.quotes.push_back(plan_quotes(model, index, fair, random, tuning));
  }
  for (std::size_t index = 0; index < model.markets.size(); ++index) {
    Decimal const fair = state.fair[model.markets[index].fair].price;
    if (auto take = plan_take(model, index, fair, random, tuning)) plan.takes.push_back(*take);
  }
  return plan;
}

}  // namespace tradelink::sandbox::simulator
