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
};

/// A finished futures order as the history keeps it: the fields of FuturesOrder that do not
/// follow from where it is kept (user and contract: see FuturesExchange::order_of()). The history
/// is large and written on every finish, so a record is two whole cache lines: the owner, the
/// contract, the update time (the finish time, once finished) and the finish sequence (kept by
/// the order store beside the archive) are not repeated in it.
struct alignas(64) FuturesArchivedOrder {
  FuturesArchivedOrder() = default;
  /// The order of `record`, just finished.
  explicit FuturesArchivedOrder(FuturesRecord const& record) noexcept
      : fill_price(record.order.fill_price),
        fee(record.order.fee),
        id(record.order.id),
        size_lots(signed_lots(record, record.left_lots + record.filled_lots)),
        left_lots(signed_lots(record, record.left_lots)),
        price_ticks(record.price_ticks),
        create_time_ms(record.order.create_time_ms),
        finish_time_ms(record.order.finish_time_ms),
        update_id(record.order.update_id),
        text(record.order.text),
        time_in_force(record.order.time_in_force),
        is_reduce_only(record.order.is_reduce_only),
        is_close(record.order.is_close),
        status(record.order.status),
        finish_as(record.order.finish_as) {}

  core::Decimal fill_price;
  core::Decimal fee;
  OrderId id = 0;
  std::int64_t size_lots = 0;  ///< signed
  std::int64_t left_lots = 0;  ///< signed
  std::int64_t price_ticks = 0;
  TimeMs create_time_ms = 0;
  TimeMs finish_time_ms = 0;  ///< also its last update
  std::int64_t update_id = 0;
  FixedText text;
  TimeInForce time_in_force = TimeInForce::gtc;
  bool is_reduce_only = false;
  bool is_close = false;
  FuturesOrderStatus status = FuturesOrderStatus::open;
  FinishAs finish_as = FinishAs::open;

 private:
  /// `lots` with the sign of the order's side (sizes are negative for sells).
  [[nodiscard]] static std::int64_t signed_lots(FuturesRecord const& record,
                                                std::int64_t lots) noexcept {
    return record.side == Side::buy ? lots : -lots;
  }
};
static_assert(sizeof(FuturesArchivedOrder) == 128, "two cache lines per finished order");

/// One contract's market.
struct FuturesContractMarket {
  FuturesContractMarket(ContractSpec contract_spec, core::Decimal max_order_value,
                        std::size_t candle_capacity);

  /// Value of one lot at `price_ticks`, in raw Decimal units of USDT.
  [[nodiscard]] core::Decimal lot_value(std::int64_t price_ticks) const noexcept {
    return core::Decimal::from_raw(static_cast<core::Decimal::Raw>(price_ticks) * value_unit_raw);
  }

  ContractSpec spec;
  Grid price_grid;                         ///< order_price_round
  Grid size_grid;                          ///< size_step (1 for integer contracts)
  Grid mark_grid;                          ///< mark_price_round
  core::Decimal lot_base;                  ///< base units per lot: size_step × quanto
  money::LotSize lot;                      ///< lot_base as n × 10^-e, for money::price_of()
  core::Decimal::Raw value_unit_raw = 0;   ///< one lot at one tick, raw USDT units
  core::Decimal::Raw max_value_units = 0;  ///< the engine's largest order value in lot × tick units
  money::Factor maker_fee;                 ///< spec.maker_fee_rate, decomposed for fees
  money::Factor taker_fee;                 ///< spec.taker_fee_rate, decomposed for fees
  OrderBook book;
  MarketStats stats;
  RingBuffer<FuturesPublicTrade> trades;  ///< newest at the back
  std::optional<core::Decimal> mark_price;
  std::int64_t last_trade_ticks = 0;  ///< price of the last trade (stats' last price), 0 before
  std::int64_t long_lots = 0;         ///< open interest: Σ positive position sizes
  TimeMs book_update_ms = 0;
  bool book_dirty = false;
};

/// One of a user's fills as the history keeps it. The rest of a FuturesUserTrade (user,
/// contract, sizes and price as Decimals) follows from the owner, the contract and these
/// integers. The history is large and written on every fill, past the caches: a record is two
/// whole cache lines (97 bytes of fields), as streamed writes want.
struct alignas(64) FuturesFill {
  core::Decimal fee;
  TradeId id = 0;
  OrderId order_id = 0;
  std::int64_t lots = 0;         ///< signed from this user's side
  std::int64_t closed_lots = 0;  ///< part of `lots` that reduced a position, same sign
  std::int64_t price_ticks = 0;
  TimeMs create_time_ms = 0;
  FixedText text;
  Role role = Role::taker;
};
static_assert(sizeof(FuturesFill) == 128, "two cache lines per fill");

/// A user's position, orders and fills on one contract.
struct FuturesUserContract {
  Position position;
  OpenList open;
  std::int64_t open_buy_lots = 0;                        ///< Σ left of open buy orders
  std::int64_t open_sell_lots = 0;                       ///< Σ left of open sell orders
  std::int64_t reduce_buy_lots = 0;                      ///< Σ left of open reduce-only buys
  std::int64_t reduce_sell_lots = 0;                     ///< Σ left of open reduce-only sells
  RingBuffer<FuturesFill, RingWrites::streamed> trades;  ///< newest at the back
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
