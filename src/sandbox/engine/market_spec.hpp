#pragma once
// Static description of the markets the sandbox lists: spot pairs (`GET /spot/currency_pairs`)
// and USDT-settled perpetual contracts (`GET /futures/usdt/contracts`), gateio-v4.md §3.2.

#include <cstdint>
#include <optional>
#include <string>

#include "core/decimal.hpp"

namespace tradelink::sandbox {

/// Which sides a spot pair accepts (`trade_status`).
enum class TradeStatus : std::uint8_t { untradable, buyable, sellable, tradable };

/// One spot pair. Prices are quoted in `quote` per one `base`.
struct PairSpec {
  std::string id;                  ///< "BTC_USDT"
  std::string base;                ///< "BTC"
  std::string quote;               ///< "USDT"
  int amount_precision = 0;        ///< decimals allowed in base amounts
  int precision = 0;               ///< decimals allowed in prices
  core::Decimal min_base_amount;   ///< smallest base amount of an order
  core::Decimal min_quote_amount;  ///< smallest order value (price × amount) in quote
  std::optional<core::Decimal> max_base_amount;   ///< largest base amount, none = unlimited
  std::optional<core::Decimal> max_quote_amount;  ///< largest order value, none = unlimited
  core::Decimal maker_fee_rate;                   ///< fraction, e.g. 0.002 for 0.2 %
  core::Decimal taker_fee_rate;                   ///< fraction
  TradeStatus trade_status = TradeStatus::tradable;
};

/// One USDT-settled perpetual contract. One contract is `quanto_multiplier` units of the base.
struct ContractSpec {
  std::string name;                 ///< "BTC_USDT"
  core::Decimal quanto_multiplier;  ///< base units per contract, e.g. 0.0001
  core::Decimal order_price_round;  ///< price tick
  core::Decimal mark_price_round;   ///< mark price tick
  core::Decimal order_size_min;     ///< smallest |size| in contracts
  core::Decimal order_size_max;     ///< largest |size| in contracts
  bool enable_decimal = false;      ///< fractional sizes allowed (then in steps of size_step)
  core::Decimal size_step;          ///< size granularity: 1, or a fraction when enable_decimal
  core::Decimal leverage_min;
  core::Decimal leverage_max;
  core::Decimal default_leverage;   ///< leverage of a position nobody configured (Gate: 10)
  core::Decimal maintenance_rate;   ///< informational: liquidation is not simulated
  core::Decimal maker_fee_rate;     ///< fraction of the trade value
  core::Decimal taker_fee_rate;     ///< fraction of the trade value
  core::Decimal risk_limit_base;    ///< informational: risk limits are not enforced
  core::Decimal risk_limit_step;    ///< informational
  core::Decimal risk_limit_max;     ///< informational
  std::int64_t orders_limit = 200;  ///< open orders per user on this contract
};

}  // namespace tradelink::sandbox
