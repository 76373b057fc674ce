#pragma once
// Tunables of an engine: retention of history and the bounds that keep every amount far inside
// Decimal's range (see money.hpp).

#include <cstddef>

#include "core/decimal.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

struct EngineConfig {
  /// How long a cancelled order without fills stays queryable (Gate: about 60 s); expired ones
  /// are forgotten when the user's next such order on the market finishes.
  TimeMs cancelled_order_ttl_ms = 60'000;
  /// Finished orders remembered per user and market; older ones are forgotten first.
  std::size_t finished_orders_per_user_market = 5'000;
  /// Own fills remembered per user and market.
  std::size_t user_trades_per_user_market = 10'000;
  /// Public trades remembered per market.
  std::size_t public_trades_per_market = 1'000;
  /// Candles remembered per interval and market (>= 1440 keeps the 24 h ticker window whole).
  std::size_t candles_per_interval = 1'500;
  /// Largest balance of one currency in one account; deposits beyond it are refused.
  core::Decimal max_balance = core::Decimal::from_raw(
      static_cast<core::Decimal::Raw>(1'000'000'000'000'000) * 1'000'000'000'000'000'000);
  /// Largest order value (price × amount, or futures |size| × quanto × price) when the market
  /// sets no tighter maximum.
  core::Decimal max_order_value = core::Decimal::from_raw(
      static_cast<core::Decimal::Raw>(1'000'000'000'000'000) * 1'000'000'000'000'000'000);
};

}  // namespace tradelink::sandbox
