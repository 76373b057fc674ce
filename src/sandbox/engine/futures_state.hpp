#pragma once
// Internal state of the futures exchange: the record kept per order, the state per contract,
// and each user's account with its per-contract positions and history. Not part of the engine's
// public surface.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/futures_position.hpp"
#include "sandbox/engine/futures_types.hpp"
#include "sandbox/engine/grid.hpp"
#include "sandbox/engine/market_spec.hpp"
#include "sandbox/engine/market_stats.hpp"
#include "sandbox/engine/money.hpp"
#include "sandbox/engine/open_list.hpp"
#include "sandbox/engine/order_book.hpp"
#include "sandbox/engine/ring_buffer.hpp"

namespace tradelink::sandbox::detail {

/// One futures order: the view Gate returns plus matching and margin state.
struct FuturesRecord {
  FuturesOrder order;
  std::uint32_t contract = 0;
  std::uint32_t account = 0;
  Side side = Side::buy;
  std::int64_t price_ticks = 0;   ///< limit price in ticks; 0 for market orders
  std::int64_t margin_ticks = 0;  ///< price the order margin is computed at (limit, or worst
                                  ///< book price a market order reaches)
  std::int64_t left_lots = 0;     ///< unfilled lots (magnitude)
  std::int64_t filled_lots = 0;
  std::int64_t reserved_lots = 0;  ///< unfilled lots that may open a position (hold order margin)
  core::Decimal reserved_margin;   ///< this order's share of the account's order_margin
  core::Decimal filled_value;      ///< Σ lots × lot value of the fills
  OrderBook::Handle book = OrderBook::none;
  std::uint32_t prev_open = no_slot;
  std::uint32_t next_open = no_slot;
};

/// One contract's market.
struct FuturesContractMarket {
  FuturesContractMarket(ContractSpec contract_spec, std::size_t candle_capacity);

  /// Value of one lot at `price_ticks`, in raw Decimal units of USDT.
  [[nodiscard]] core::Decimal lot_value(std::int64_t price_ticks) const noexcept {
    return core::Decimal::from_raw(static_cast<core::Decimal::Raw>(price_ticks) * value_unit_raw);
  }

  ContractSpec spec;
  Grid price_grid;                        ///< order_price_round
  Grid size_grid;                         ///< size_step (1 for integer contracts)
  Grid mark_grid;                         ///< mark_price_round
  core::Decimal lot_base;                 ///< base units per lot: size_step × quanto
  money::LotSize lot;                     ///< lot_base as n × 10^-e, for money::price_of()
  core::Decimal::Raw value_unit_raw = 0;  ///< one lot at one tick, raw USDT units
  OrderBook book;
  MarketStats stats;
  RingBuffer<FuturesPublicTrade> trades;  ///< newest at the back
  std::optional<core::Decimal> mark_price;
  std::int64_t long_lots = 0;  ///< open interest: Σ positive position sizes
  TimeMs book_update_ms = 0;
  bool book_dirty = false;
};

/// A user's position, orders and fills on one contract.
struct FuturesUserContract {
  Position position;
  OpenList open;
  std::int64_t open_buy_lots = 0;       ///< Σ left of open buy orders
  std::int64_t open_sell_lots = 0;      ///< Σ left of open sell orders
  std::int64_t reduce_buy_lots = 0;     ///< Σ left of open reduce-only buys
  std::int64_t reduce_sell_lots = 0;    ///< Σ left of open reduce-only sells
  RingBuffer<OrderId> finished;         ///< newest at the back
  RingBuffer<FuturesUserTrade> trades;  ///< newest at the back
};

/// A user's USDT futures account.
struct FuturesAccountState {
  UserId user = 0;
  core::Decimal total;
  core::Decimal position_margin;
  core::Decimal order_margin;
  FuturesAccount::History history;
  std::vector<FuturesUserContract> contracts;  ///< by contract index
};

}  // namespace tradelink::sandbox::detail
