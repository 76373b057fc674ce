#pragma once
// USDT-perpetual requests and records: orders, positions, the futures account, fills, tickers.
// Field names follow Gate (gateio-v4.md §3.1, §3.5, §7.2). Sizes are signed contract counts as
// Decimals (whole numbers unless the contract enables decimal sizes). Every std::string_view
// member points into the engine's catalogue and stays valid for the engine's lifetime.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/decimal.hpp"
#include "sandbox/engine/fixed_text.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// `POST /futures/usdt/orders` after the front parsed it. Views are read during the call only.
struct FuturesOrderRequest {
  std::string_view contract;
  core::Decimal size;   ///< signed contracts: > 0 buy, < 0 sell; 0 only with `close`
  core::Decimal price;  ///< limit price; 0 with ioc or fok is a market order
  TimeInForce time_in_force = TimeInForce::gtc;
  bool reduce_only = false;
  bool close = false;  ///< size 0 + close: close the whole position
  std::string_view text;
};

/// `PUT /futures/usdt/orders/{order_id}` after the front parsed it: at least one of the new size
/// (signed like the order, the filled part included) and the new price. Views are read during
/// the call only.
struct FuturesOrderAmendment {
  std::optional<core::Decimal> size;
  std::optional<core::Decimal> price;
  std::string_view amend_text;  ///< the caller's note (at most FixedText::capacity bytes)
};

/// A futures order as Gate returns it.
struct FuturesOrder {
  OrderId id = 0;
  UserId user = 0;
  std::string_view contract;
  FixedText text;
  TimeInForce time_in_force = TimeInForce::gtc;
  bool is_reduce_only = false;
  bool is_close = false;
  FuturesOrderStatus status = FuturesOrderStatus::open;
  FinishAs finish_as = FinishAs::open;
  /// Note of the latest amendment, empty before one (and once finished, in the history). Kept by
  /// the engine: valid until the engine is next called.
  std::string_view amend_text;
  core::Decimal size;            ///< signed contracts
  core::Decimal left;            ///< signed contracts not filled
  core::Decimal price;           ///< 0 for market orders
  core::Decimal fill_price;      ///< average fill price, 0 before any fill
  core::Decimal fee;             ///< fees paid so far (settle currency)
  core::Decimal maker_fee_rate;  ///< `mkfr`
  core::Decimal taker_fee_rate;  ///< `tkfr`
  TimeMs create_time_ms = 0;
  TimeMs update_time_ms = 0;
  TimeMs finish_time_ms = 0;   ///< 0 while open
  std::int64_t update_id = 0;  ///< increments on every change of the order
};

/// A position in single (one-way) mode (`GET /futures/usdt/positions/{contract}`).
struct FuturesPosition {
  UserId user = 0;
  std::string_view contract;
  core::Decimal size;         ///< signed contracts
  core::Decimal entry_price;  ///< value-weighted average entry, 0 when flat
  core::Decimal leverage;
  core::Decimal margin;  ///< position margin: |entry value| / leverage, rounded up to 1e-8
  core::Decimal value;   ///< |size| × quanto × mark price
  core::Decimal mark_price;
  core::Decimal unrealised_pnl;  ///< size × quanto × mark − entry value
  core::Decimal realised_pnl;    ///< PnL minus fees since the position was opened
  core::Decimal history_pnl;     ///< realised PnL of positions closed before
  core::Decimal last_close_pnl;  ///< realised PnL of the last closed position
  core::Decimal maintenance_rate;
  core::Decimal risk_limit;
  std::int64_t pending_orders = 0;  ///< open orders of this user on the contract
  std::int64_t update_id = 0;       ///< increments on every position update
  TimeMs time_ms = 0;               ///< time of the last update
};

/// The user's USDT futures account (`GET /futures/usdt/accounts`). Single position mode, isolated
/// margin: available = total − position_margin − order_margin.
struct FuturesAccount {
  UserId user = 0;
  core::Decimal total;
  core::Decimal available;
  core::Decimal position_margin;
  core::Decimal order_margin;
  core::Decimal unrealised_pnl;
  /// Cumulative movements of `total` by type (Gate's `history`).
  struct History {
    core::Decimal dnw;   ///< deposits and withdrawals (transfers)
    core::Decimal pnl;   ///< realised PnL
    core::Decimal fee;   ///< fees, negative
    core::Decimal fund;  ///< funding: always 0, funding is not simulated
  } history;
};

/// One of the user's fills (`GET /futures/usdt/my_trades`, `futures.usertrades`).
struct FuturesUserTrade {
  TradeId id = 0;
  UserId user = 0;
  OrderId order_id = 0;
  std::string_view contract;
  core::Decimal size;        ///< signed from this user's side
  core::Decimal close_size;  ///< part of `size` that reduced a position (same sign), else 0
  core::Decimal price;
  core::Decimal fee;
  Role role = Role::taker;
  FixedText text;
  TimeMs create_time_ms = 0;
};

/// A public trade (`futures.trades`); `size` is signed by the taker's side.
struct FuturesPublicTrade {
  TradeId id = 0;
  std::string_view contract;
  core::Decimal size;
  core::Decimal price;
  TimeMs create_time_ms = 0;
};

/// `GET /futures/usdt/tickers` entry. Empty optionals are Gate's empty strings.
struct FuturesTicker {
  std::string_view contract;
  std::optional<core::Decimal> last;
  std::optional<core::Decimal> lowest_ask;
  std::optional<core::Decimal> highest_bid;
  core::Decimal mark_price;
  core::Decimal index_price;  ///< equals the mark price: there is no separate index
  core::Decimal change_percentage;
  core::Decimal total_size;        ///< open interest in contracts (sum of long sizes)
  core::Decimal volume_24h;        ///< contracts
  core::Decimal volume_24h_base;   ///< contracts × quanto
  core::Decimal volume_24h_quote;  ///< settle currency
  core::Decimal high_24h;
  core::Decimal low_24h;
};

}  // namespace tradelink::sandbox
