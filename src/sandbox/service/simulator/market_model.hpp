#pragma once
// What the market simulator knows about the markets it moves: for every spot pair and perpetual
// of the catalogue, its price grid, size grid and minimums in one shape, and which fair price it
// follows. A spot pair and the perpetual of the same name ("BTC_USDT") share one fair price.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/catalogue.hpp"

namespace tradelink::sandbox::simulator {

enum class MarketKind { spot, perpetual };

/// One market in the simulator's terms. Sizes are base amounts (spot) or contracts (perpetual).
struct SimMarket {
  MarketKind kind = MarketKind::spot;
  std::string name;          ///< pair id or contract name
  std::string base;          ///< base currency ("BTC")
  std::string quote;         ///< quote / settle currency ("USDT")
  std::size_t fair = 0;      ///< index into MarketModel::fair_names
  core::Decimal price_tick;  ///< smallest price step
  core::Decimal size_step;   ///< smallest size step
  core::Decimal min_size;    ///< smallest order size
  core::Decimal min_value;   ///< smallest order value in quote (spot), 0 for perpetuals
  core::Decimal unit;        ///< base units per size unit: 1 (spot) or the quanto multiplier
  core::Decimal quote_step;  ///< step of a market buy's quote budget (spot)
  core::Decimal mark_tick;   ///< mark price step (perpetual)
};

struct MarketModel {
  std::vector<std::string> fair_names;  ///< one per distinct market name
  std::vector<SimMarket> markets;       ///< spot pairs first, then perpetuals, catalogue order

  /// The model of `catalogue`.
  [[nodiscard]] static MarketModel from(Catalogue const& catalogue);
  /// Index of the fair price named `name`, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find_fair(std::string_view name) const;
};

/// A plausible opening price for a market named `name` (BTC_USDT 65000, ETH_USDT 3500,
/// SOL_USDT 150, GT_USDT 8; 100 for anything else).
[[nodiscard]] core::Decimal starting_price(std::string_view name);

}  // namespace tradelink::sandbox::simulator
