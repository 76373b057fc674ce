#include "sandbox/service/simulator/market_simulator.hpp"

#include <algorithm>

#include "sandbox/engine/labels.hpp"

namespace tradelink::sandbox::simulator {
namespace {

MarketModel model_of(Venue& venue) {
  return venue.with([](VenueState& state) { return MarketModel::from(state.engine.catalogue()); });
}

// The id of the user named `name`, created and funded when absent (a user reloaded from a state
// file keeps its restored balances).
UserId find_or_create(VenueState& state, MarketModel const& model, std::string_view name) {
  auto const& users = state.users.all();
  auto const found = std::find_if(users.begin(), users.end(),
                                  [name](User const& user) { return user.name == name; });
  if (found != users.end()) return found->id;
  std::int64_t const now = state.clock.now_ms();
  UserId const id = state.users.create(std::string(name), now).id;
  fund_user(model, id, state.engine, now);
  return id;
}

core::Decimal largest_fair_price() {
  return core::Decimal::from_integer(1'000'000'000'000).value();
}

}  // namespace

MarketSimulator::MarketSimulator(Venue& venue, Scheduler& scheduler, std::uint64_t seed)
    : venue_(venue),
      scheduler_(scheduler),
      model_(model_of(venue)),
      state_(initial_state(model_)),
      random_(seed) {}

void MarketSimulator::start() {
  prepare_users();
  if (running_.exchange(true)) return;
  schedule_next();
}

void MarketSimulator::stop() {
  running_ = false;
}

void MarketSimulator::prepare_users() {
  venue_.with([this](VenueState& state) { prepare_users_locked(state); });
}

void MarketSimulator::prepare_users_locked(VenueState& state) {
  if (accounts_.maker != 0) return;
  accounts_.maker = find_or_create(state, model_, maker_name);
  accounts_.taker = find_or_create(state, model_, taker_name);
}

void MarketSimulator::tick() {
  venue_.with([this](VenueState& state) {
    if (accounts_.maker == 0) return;
    TickPlan const plan = plan_tick(model_, state_, random_);
    execute_plan(model_, plan, accounts_, state.engine, state.clock.now_ms());
  });
}

void MarketSimulator::schedule_next() {
  scheduler_.after(tick_interval, [this] {
    if (!running_) return;
    tick();
    schedule_next();
  });
}

core::Result<void> MarketSimulator::set_fair_price(VenueState& state, std::string_view market,
                                                   core::Decimal price) {
  auto const fair = model_.find_fair(market);
  if (!fair) return make_error(Label::invalid_param_value, "Unknown market " + std::string(market));
  if (!price.is_positive() || price > largest_fair_price()) {
    return make_error(Label::invalid_param_value,
                      "price must be positive and at most 1000000000000, got " + price.to_string());
  }
  state_.fair[*fair] = FairPrice{price, price};
  follow_mark_prices(model_, *fair, price, state.engine, state.clock.now_ms());
  return core::ok();
}

std::optional<core::Decimal> MarketSimulator::fair_price(std::string_view market) const {
  auto const fair = model_.find_fair(market);
  if (!fair) return std::nullopt;
  return state_.fair[*fair].price;
}

SimAccounts MarketSimulator::accounts(VenueState&) const {
  return accounts_;
}

}  // namespace tradelink::sandbox::simulator
