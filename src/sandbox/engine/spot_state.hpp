#pragma once
// Internal state of the spot exchange: the record kept per order, the state per pair, and the
// history per user and pair. Not part of the engine's public surface.

#include <cstdint>

#include "core/decimal.hpp"
#include "sandbox/engine/currency_table.hpp"
#include "sandbox/engine/grid.hpp"
#include "sandbox/engine/market_spec.hpp"
#include "sandbox/engine/market_stats.hpp"
#include "sandbox/engine/money.hpp"
#include "sandbox/engine/open_list.hpp"
#include "sandbox/engine/order_book.hpp"
#include "sandbox/engine/ring_buffer.hpp"
#include "sandbox/engine/spot_ledger.hpp"
#include "sandbox/engine/spot_types.hpp"

namespace tradelink::sandbox::detail {

/// One spot order: the view Gate returns plus what matching and accounting need.
struct SpotRecord {
  SpotOrder order;
  std::uint32_t pair = 0;
  AccountIndex account = 0;
  std::int64_t price_ticks = 0;  ///< limit price in ticks; 0 for market orders
  std::int64_t left_lots = 0;    ///< base lots left (limit orders and market sells)
  std::int64_t filled_lots = 0;  ///< base lots filled
  core::Decimal locked;          ///< funds still locked for the order, in lock_currency
  CurrencyIndex lock_currency = 0;
  OrderBook::Handle book = OrderBook::none;

  /// A market buy counts what is left in quote (its remaining budget is `locked`).
  [[nodiscard]] bool is_market_buy() const noexcept {
    return order.type == SpotOrderType::market && order.side == Side::buy;
  }
};

/// A finished spot order as the history keeps it: the fields of SpotOrder that do not follow
/// from the pair (see SpotExchange::order_of()). The history is large and written on every
/// finish, past the caches (a ring slot is cold, and a cached write would fetch it and push live
/// orders out of the 512 KiB L2): a record is three whole cache lines, as streamed writes want.
struct alignas(64) SpotArchivedOrder {
  SpotArchivedOrder() = default;
  /// The order of `record`, just finished, as the `sequence`-th finish.
  SpotArchivedOrder(SpotRecord const& record, std::uint64_t sequence) noexcept
      : id(record.order.id),
        user(record.order.user),
        amount(record.order.amount),
        left(record.order.left),
        filled_total(record.order.filled_total),
        fee(record.order.fee),
        price_ticks(record.price_ticks),
        filled_lots(record.filled_lots),
        create_time_ms(record.order.create_time_ms),
        update_time_ms(record.order.update_time_ms),
        finish_sequence(sequence),
        text(record.order.text),
        pair(record.pair),
        type(record.order.type),
        side(record.order.side),
        time_in_force(record.order.time_in_force),
        status(record.order.status),
        finish_as(record.order.finish_as) {}

  OrderId id = 0;
  UserId user = 0;
  core::Decimal amount;  ///< as ordered (quote to spend for a market buy)
  core::Decimal left;
  core::Decimal filled_total;
  core::Decimal fee;
  std::int64_t price_ticks = 0;  ///< limit price; 0 for market orders
  std::int64_t filled_lots = 0;
  TimeMs create_time_ms = 0;
  TimeMs update_time_ms = 0;
  /// Position in the exchange's order of finishes: the history lists and forgets by it.
  std::uint64_t finish_sequence = 0;
  FixedText text;
  std::uint32_t pair = 0;
  SpotOrderType type = SpotOrderType::limit;
  Side side = Side::buy;
  TimeInForce time_in_force = TimeInForce::gtc;
  SpotOrderStatus status = SpotOrderStatus::open;
  FinishAs finish_as = FinishAs::open;
};
static_assert(sizeof(SpotArchivedOrder) == 192, "three cache lines per finished order");

/// One pair's market.
struct SpotPairMarket {
  SpotPairMarket(PairSpec pair_spec, CurrencyIndex base_currency, CurrencyIndex quote_currency,
                 core::Decimal max_order_value, std::size_t candle_capacity);

  PairSpec spec;
  Grid price_grid;            ///< 10^-precision
  Grid amount_grid;           ///< 10^-amount_precision
  Grid quote_grid;            ///< 10^-(precision + amount_precision): market-buy budgets
  money::LotSize amount_lot;  ///< 10^-amount_precision as a lot, for money::price_of()
  /// One price tick × one amount lot in raw Decimal units of the quote currency.
  core::Decimal::Raw value_unit_raw = 0;
  /// Largest order value: the pair's max_quote_amount within the engine's bound.
  core::Decimal max_value;
  /// max_value in price-tick × amount-lot units (rounded down).
  core::Decimal::Raw max_value_units = 0;
  CurrencyIndex base = 0;
  CurrencyIndex quote = 0;
  OrderBook book;
  MarketStats stats;
  RingBuffer<SpotPublicTrade> trades;  ///< newest at the back
  std::int64_t sequence = 0;           ///< last per-pair trade sequence
  TimeMs book_update_ms = 0;
  bool book_dirty = false;  ///< changed since the last delta was emitted
};

/// One of a user's fills as the history keeps it. The rest of a SpotUserTrade (user, pair, fee
/// currency, amounts as Decimals) follows from the owner, the pair and these integers. The
/// history is large and written on every fill, past the caches: a record is two whole cache
/// lines (97 bytes of fields), as streamed writes want.
struct alignas(64) SpotFill {
  TradeId id = 0;
  OrderId order_id = 0;
  std::int64_t price_ticks = 0;
  std::int64_t lots = 0;  ///< base lots
  core::Decimal fee;
  std::int64_t sequence_id = 0;
  TimeMs create_time_ms = 0;
  FixedText text;
  Side side = Side::buy;
  Role role = Role::taker;
};
static_assert(sizeof(SpotFill) == 128, "two cache lines per fill");

/// A user's orders and fills on one pair. The histories are bounded by the engine's retention
/// limits (see SpotExchange::user_pair()), so their storage stops growing there.
struct SpotUserPair {
  OpenList open;
  RingBuffer<SpotFill, RingWrites::streamed> trades;  ///< newest at the back
};

}  // namespace tradelink::sandbox::detail
