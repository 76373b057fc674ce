#pragma once
// Carries a TickPlan out on the engine as the simulator's two users: the maker moves its resting
// orders to the planned ladder (keeping orders already at a planned price, cancelling the rest,
// placing what is missing), the taker sends its market orders, and every perpetual's mark price
// follows its fair price. A user short of funds is topped up by a deposit, so the engine's value
// conservation still holds. Call under the venue lock.

#include <string_view>

#include "core/decimal.hpp"
#include "sandbox/engine/engine.hpp"
#include "sandbox/service/simulator/market_model.hpp"
#include "sandbox/service/simulator/tick_plan.hpp"

namespace tradelink::sandbox::simulator {

/// The sandbox users the simulator trades as.
struct SimAccounts {
  UserId maker = 0;
  UserId taker = 0;
};

/// What one deposit gives a simulator user of `currency` (spot) — worth about ten billion USDT,
/// enough for days of ticks — or of USDT into the futures account (`account` futures).
[[nodiscard]] core::Decimal funding_amount(MarketModel const& model, std::string_view currency);

/// Deposits funding_amount() of every currency the model trades into the user's spot account,
/// and USDT into its futures account when the model has perpetuals.
void fund_user(MarketModel const& model, UserId user, Engine& engine, TimeMs now);

/// Applies `plan` at `now`. Engine refusals other than a shortage of funds are skipped: the next
/// tick plans afresh.
void execute_plan(MarketModel const& model, TickPlan const& plan, SimAccounts accounts,
                  Engine& engine, TimeMs now);

/// Sets the mark price of every perpetual following fair price `fair` to it (on the mark grid).
void follow_mark_prices(MarketModel const& model, std::size_t fair, core::Decimal price,
                        Engine& engine, TimeMs now);

}  // namespace tradelink::sandbox::simulator
