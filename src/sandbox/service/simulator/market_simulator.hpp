#pragma once
// The sandbox's simulated market: a seeded random-walk fair price per market, a maker quoting a
// ladder around it and a taker sending market orders, so books, tickers, trades and candles
// move; perpetual mark prices follow the fair prices. The maker and the taker are sandbox users
// found by name (so a reloaded state file reuses them) or created and funded at start. Ticks run
// on the sandbox threads through the Scheduler; every tick holds the venue lock.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.hpp"
#include "sandbox/service/scheduler.hpp"
#include "sandbox/service/simulator/market_model.hpp"
#include "sandbox/service/simulator/plan_executor.hpp"
#include "sandbox/service/simulator/sim_random.hpp"
#include "sandbox/service/simulator/tick_plan.hpp"
#include "sandbox/service/venue.hpp"

namespace tradelink::sandbox::simulator {

class MarketSimulator {
 public:
  static constexpr std::chrono::milliseconds tick_interval{250};
  static constexpr std::string_view maker_name = "simulated market maker";
  static constexpr std::string_view taker_name = "simulated market taker";

  /// A stopped simulator of the venue's catalogue. `venue` and `scheduler` must outlive it and
  /// every tick it scheduled.
  MarketSimulator(Venue& venue, Scheduler& scheduler, std::uint64_t seed);
  MarketSimulator(MarketSimulator const&) = delete;
  MarketSimulator& operator=(MarketSimulator const&) = delete;

  /// Finds or creates (and funds) the maker and taker, then ticks every tick_interval.
  void start();
  /// No tick begins after this returns, apart from one already running. Idempotent.
  void stop();
  /// One tick now on the calling thread (the scheduled ticks call it too). Does nothing before
  /// the users exist (start() or prepare_users()).
  void tick();
  /// Finds or creates the maker and taker without scheduling ticks (tests drive tick()).
  void prepare_users();

  /// Moves the fair price of `market` (a pair or contract name) to `price`, which also becomes
  /// the anchor the walk returns to, and sets the mark price of the perpetual of that name.
  /// Call with the venue lock held. Errors (INVALID_PARAM_VALUE): unknown market, price not
  /// positive or above 10^12.
  core::Result<void> set_fair_price(VenueState& state, std::string_view market,
                                    core::Decimal price);
  /// The fair price of `market`, or nullopt. Call with the venue lock held.
  [[nodiscard]] std::optional<core::Decimal> fair_price(std::string_view market) const;

  [[nodiscard]] MarketModel const& model() const noexcept { return model_; }
  /// The users it trades as (zero before start()/prepare_users()).
  [[nodiscard]] SimAccounts accounts(VenueState& state) const;

 private:
  void schedule_next();
  void prepare_users_locked(VenueState& state);

  Venue& venue_;
  Scheduler& scheduler_;
  MarketModel model_;
  // Under the venue lock.
  SimState state_;
  SimRandom random_;
  SimAccounts accounts_;
  std::atomic<bool> running_{false};
};

}  // namespace tradelink::sandbox::simulator
