#pragma once
// The USDT-perpetual exchange: one price-time priority book per contract, signed contract sizes,
// single (one-way) position mode with isolated margin per position, order margin for open
// orders, realised PnL on reduction, unrealised PnL from a mark price the owner sets, fees into
// the house ledger (gateio-v4.md §3.5, §7.2, §7.3). Liquidation and funding are not simulated:
// a losing account can go below its margin (even negative) and stays so until it is topped up.
//
// Margin model: a position holds |entry value| / leverage (rounded up to 1e-8); an open order
// holds (lots that would open or extend the position, as judged at placement) × price /
// leverage; available = total − position margin − order margin must cover a new order's margin
// (INSUFFICIENT_AVAILABLE). Times are the caller's sandbox clock. Not thread-safe.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "sandbox/engine/amend_notes.hpp"
#include "sandbox/engine/book_types.hpp"
#include "sandbox/engine/catalogue.hpp"
#include "sandbox/engine/engine_config.hpp"
#include "sandbox/engine/events.hpp"
#include "sandbox/engine/futures_state.hpp"
#include "sandbox/engine/house_ledger.hpp"
#include "sandbox/engine/order_ref.hpp"
#include "sandbox/engine/order_store.hpp"
#include "sandbox/engine/paging.hpp"
#include "sandbox/engine/text_index.hpp"
#include "sandbox/engine/user_index.hpp"

namespace tradelink::sandbox {

class FuturesExchange {
 public:
  /// Markets for `catalogue.contracts` (validated by the caller), settling in currency `settle`
  /// of the house ledger. Every reference must outlive the exchange.
  FuturesExchange(Catalogue const& catalogue, CurrencyIndex settle, EngineConfig const& config,
                  HouseLedger& house, EventSink& sink);

  // ----- account -----

  /// True once the user's futures account was opened by a transfer in.
  [[nodiscard]] bool has_account(UserId user) const noexcept;
  /// Adds `amount` (> 0) to the account (history dnw), opening it if needed. AMOUNT_TOO_MUCH
  /// beyond the balance bound.
  core::Result<void> transfer_in(UserId user, core::Decimal amount, TimeMs now);
  /// Takes `amount` (> 0) out. USER_NOT_FOUND, INSUFFICIENT_AVAILABLE.
  core::Result<void> transfer_out(UserId user, core::Decimal amount, TimeMs now);
  /// The account with unrealised PnL at current mark prices. USER_NOT_FOUND.
  [[nodiscard]] core::Result<FuturesAccount> account(UserId user) const;

  // ----- orders (mutating) -----

  /// Validates, reserves order margin, matches, rests or finishes. Errors (nothing changes):
  /// CONTRACT_NOT_FOUND, USER_NOT_FOUND, INVALID_PARAM_VALUE (size/price/tif/text/close),
  /// SIZE_TOO_SMALL, SIZE_TOO_LARGE, REDUCE_EXCEEDED, INCREASE_POSITION, POSITION_EMPTY,
  /// TOO_MANY_ORDERS, ORDER_POC_IMMEDIATE, ORDER_FOK, INSUFFICIENT_AVAILABLE.
  core::Result<FuturesOrder> place(UserId user, FuturesOrderRequest const& request, TimeMs now);
  /// Cancels an open order. USER_NOT_FOUND, ORDER_NOT_FOUND, ORDER_FINISHED.
  core::Result<FuturesOrder> cancel(UserId user, OrderRef order, TimeMs now);
  /// Amends an open order (Gate's amend order): `size` is the new whole size, filled part
  /// included, with the order's sign. A smaller size at the same price keeps the order's place
  /// in the queue; a larger one moves it to the back of its price, a new price to the back of
  /// the new price after taking what it crosses. A size not above the filled size cancels the
  /// order. The order margin is judged again as at placement. Errors (nothing changes):
  /// USER_NOT_FOUND, ORDER_NOT_FOUND (also for a finished order), INVALID_PARAM_VALUE (neither
  /// field, bad value or side, a close order's size, note too long), SIZE_TOO_SMALL,
  /// SIZE_TOO_LARGE, REDUCE_EXCEEDED, ORDER_POC_IMMEDIATE, INSUFFICIENT_AVAILABLE.
  core::Result<FuturesOrder> amend(UserId user, OrderRef order,
                                   FuturesOrderAmendment const& amendment, TimeMs now);
  /// Cancels open orders on `contract` (all when empty), of `side` if given. USER_NOT_FOUND,
  /// CONTRACT_NOT_FOUND.
  core::Result<std::vector<FuturesOrder>> cancel_all(UserId user,
                                                     std::optional<std::string_view> contract,
                                                     std::optional<Side> side, TimeMs now);

  // ----- positions and prices -----

  /// Sets the position's leverage (Gate's isolated leverage) and re-margins the position and its
  /// open orders. USER_NOT_FOUND, CONTRACT_NOT_FOUND, LEVERAGE_TOO_LOW/HIGH,
  /// INSUFFICIENT_AVAILABLE (the new margins do not fit).
  core::Result<FuturesPosition> set_leverage(UserId user, std::string_view contract,
                                             core::Decimal leverage, TimeMs now);
  /// Sets the mark price (> 0, on the mark_price_round grid) used for unrealised PnL.
  /// CONTRACT_NOT_FOUND, INVALID_PARAM_VALUE.
  core::Result<void> set_mark_price(std::string_view contract, core::Decimal price);

  // ----- queries -----

  [[nodiscard]] core::Result<FuturesOrder> order(UserId user, OrderRef order, TimeMs now) const;
  /// Open orders, newest first, on one contract or all.
  [[nodiscard]] core::Result<std::vector<FuturesOrder>> open_orders(
      UserId user, std::optional<std::string_view> contract, Page page) const;
  /// Finished orders still remembered, newest first.
  [[nodiscard]] core::Result<std::vector<FuturesOrder>> finished_orders(
      UserId user, std::optional<std::string_view> contract, Page page, TimeMs now) const;
  /// Own fills, newest first, optionally of one order.
  [[nodiscard]] core::Result<std::vector<FuturesUserTrade>> my_trades(
      UserId user, std::optional<std::string_view> contract, std::optional<OrderId> order,
      Page page) const;
  /// Positions of every contract (only non-zero ones when `holding_only`). USER_NOT_FOUND.
  [[nodiscard]] core::Result<std::vector<FuturesPosition>> positions(UserId user,
                                                                     bool holding_only) const;
  /// One position (size 0 when flat). USER_NOT_FOUND, CONTRACT_NOT_FOUND.
  [[nodiscard]] core::Result<FuturesPosition> position(UserId user,
                                                       std::string_view contract) const;
  [[nodiscard]] core::Result<std::vector<FuturesPublicTrade>> trades(std::string_view contract,
                                                                     std::size_t limit) const;
  /// Top `depth` levels per side (sizes in contracts) with the book id.
  [[nodiscard]] core::Result<BookSnapshot> order_book(std::string_view contract,
                                                      std::size_t depth) const;
  [[nodiscard]] core::Result<FuturesTicker> ticker(std::string_view contract, TimeMs now) const;
  [[nodiscard]] std::vector<FuturesTicker> tickers(TimeMs now) const;
  [[nodiscard]] core::Result<std::vector<Candle>> candles(std::string_view contract,
                                                          CandleInterval interval,
                                                          std::optional<std::int64_t> from_s,
                                                          std::optional<std::int64_t> to_s,
                                                          std::size_t limit, TimeMs now) const;
  /// The mark price used for PnL: the one set, else the last trade price, else none.
  [[nodiscard]] core::Result<std::optional<core::Decimal>> mark_price(
      std::string_view contract) const;
  /// Orders resting in all books.
  [[nodiscard]] std::size_t resting_order_count() const noexcept;
  /// Orders remembered, open or finished (what the retention limits bound).
  [[nodiscard]] std::size_t remembered_order_count() const noexcept { return records_.size(); }

 private:
  using Record = detail::FuturesRecord;
  using Archived = detail::FuturesArchivedOrder;
  using Market = detail::FuturesContractMarket;
  using AccountState = detail::FuturesAccountState;
  using UserContract = detail::FuturesUserContract;

  /// A request that passed validation, in book units.
  struct Plan {
    std::uint32_t contract = 0;
    std::uint32_t account = 0;
    Side side = Side::buy;
    std::int64_t lots = 0;          ///< magnitude
    std::int64_t price_ticks = 0;   ///< 0 for market
    std::int64_t margin_ticks = 0;  ///< price of the order margin
    std::int64_t opening_lots = 0;  ///< lots that hold order margin
    core::Decimal margin;           ///< order margin to reserve
    bool reduce_only = false;
    bool close = false;
    FixedText text;
  };
  enum class StopReason { filled, limit_reached, book_empty, reduce_limit };
  /// An amendment that passed validation, in book units.
  struct AmendPlan {
    std::int64_t price_ticks = 0;
    std::int64_t lots = 0;          ///< the whole order (magnitude), filled lots included
    std::int64_t opening_lots = 0;  ///< unfilled lots that hold order margin afterwards
    FixedText note;
    bool cancels = false;  ///< the size is not above what is filled: the order ends
  };

  // validation (futures_validation.cpp)
  /// The index of `contract`, if listed: the lookup of every order, without a Result around it
  /// (building and checking one cost more than the search itself).
  [[nodiscard]] std::optional<std::uint32_t> contract_index(
      std::string_view contract) const noexcept;
  [[nodiscard]] core::Result<std::uint32_t> find_contract(std::string_view contract) const;
  [[nodiscard]] core::Result<std::uint32_t> find_account(UserId user) const;
  /// Checks `request` and fills `plan` from it (filled in place: a Plan returned inside a Result
  /// is copied once more, through memory, on every order).
  [[nodiscard]] core::Result<void> validate(UserId user, FuturesOrderRequest const& request,
                                            Plan& plan) const;
  /// Checks `amendment` of the open order `record` and fills `plan` from it.
  [[nodiscard]] core::Result<void> validate_amendment(Record const& record,
                                                      FuturesOrderAmendment const& amendment,
                                                      AmendPlan& plan) const;
  [[nodiscard]] std::int64_t crossing_lots(Market const& market, Side side,
                                           std::int64_t price_ticks, std::int64_t wanted) const;
  [[nodiscard]] std::int64_t worst_price_ticks(Market const& market, Side side,
                                               std::int64_t lots) const;

  // matching (futures_matching.cpp)
  StopReason match(std::uint32_t taker_slot, TimeMs now);
  /// How many lots a reduce-only order may still fill (unbounded for other orders).
  [[nodiscard]] std::int64_t fill_capacity(Record const& record) const;
  void fill(std::uint32_t taker_slot, std::uint32_t maker_slot, std::int64_t lots, TimeMs now);
  core::Decimal settle(std::uint32_t slot, std::int64_t lots, std::int64_t price_ticks, Role role,
                       TradeId trade_id, TimeMs now);
  /// Rests or finishes a taker once matching stopped; returns the order as it stands then (as
  /// the caller's Result: a resting order, the usual case, is copied once, straight into it).
  core::Result<FuturesOrder> conclude(std::uint32_t taker_slot, StopReason reason, TimeMs now);
  void close_flattened_positions(TimeMs now);

  // amendment (futures_amend.cpp)
  /// Applies a validated amendment to the open order in live `slot`; the order may finish.
  void apply_amendment(std::uint32_t slot, FuturesOrderAmendment const& amendment,
                       AmendPlan const& plan, TimeMs now);

  // lifecycle and accounting (futures_exchange.cpp)
  std::uint32_t create(UserId user, FuturesOrderRequest const& request, Plan const& plan,
                       TimeMs now);
  void rest(std::uint32_t slot, TimeMs now);
  /// Finishes the order in live `slot` and archives it; copies the finished order to `view` when
  /// given (most callers do not want it: a copy of the order fewer).
  void finish(std::uint32_t slot, FinishAs finish_as, TimeMs now, FuturesOrder* view = nullptr);
  /// finish(), returning the finished order.
  core::Result<FuturesOrder> finish_viewed(std::uint32_t slot, FinishAs finish_as, TimeMs now);
  /// Index in records_ of the archive of a user's finished orders on one contract: those kept
  /// until the history is full, or those queryable only for a retention time (`ages_out`: no
  /// fills, see remembered()).
  [[nodiscard]] std::uint32_t archive_index(std::uint32_t account, std::uint32_t contract,
                                            bool ages_out) const;
  /// Whose history, on which contract, archive `index` is (the inverse of archive_index()).
  struct ArchiveOwner {
    std::uint32_t account = 0;
    std::uint32_t contract = 0;
  };
  [[nodiscard]] ArchiveOwner archive_owner(std::uint32_t index) const;
  /// Makes `lots` of the order hold order margin, at its margin price and the position's
  /// current leverage, and moves the difference in the account's order_margin.
  void reserve(Record& record, std::int64_t lots);
  // The three below run on every fill, from another source file: defined here so they inline.
  void track_open(Record const& record, std::int64_t lots_delta) {
    UserContract& holding = accounts_[record.account].contracts[record.contract];
    bool const buy = record.side == Side::buy;
    (buy ? holding.open_buy_lots : holding.open_sell_lots) += lots_delta;
    if (record.order.is_reduce_only) {
      (buy ? holding.reduce_buy_lots : holding.reduce_sell_lots) += lots_delta;
    }
  }
  void emit_balance(AccountState const& account, core::Decimal change, FuturesBalanceChange type,
                    std::string_view contract, OrderId order, TimeMs now) {
    if (sink_.interest().balances) send_balance(account, change, type, contract, order, now);
  }
  /// Counts a change of the position (its update_id and time) and tells the sink.
  void emit_position(std::uint32_t account, std::uint32_t contract, TimeMs now) {
    Position& position = accounts_[account].contracts[contract].position;
    ++position.update_id;
    position.time_ms = now;
    if (sink_.interest().positions) send_position(account, contract);
  }
  void send_balance(AccountState const& account, core::Decimal change, FuturesBalanceChange type,
                    std::string_view contract, OrderId order, TimeMs now);
  void send_position(std::uint32_t account, std::uint32_t contract);
  void mark_book_dirty(std::uint32_t contract);
  void flush_books(TimeMs now);

  // views (futures_queries.cpp)
  [[nodiscard]] FuturesPosition position_view(AccountState const& account,
                                              std::uint32_t contract) const;
  [[nodiscard]] core::Decimal effective_mark(Market const& market, Position const& position) const;
  /// The order `order` of `user`, open or finished and still remembered.
  [[nodiscard]] core::Result<OrderStore<Record, Archived>::Found> find_order(UserId user,
                                                                             OrderRef order,
                                                                             TimeMs now) const;
  /// False for an order finished without fills whose retention time has passed.
  [[nodiscard]] bool remembered(Archived const& order, TimeMs now) const noexcept;
  /// True once the retention time of an order finished without fills at `finished_ms` has
  /// passed.
  [[nodiscard]] bool retention_over(TimeMs finished_ms, TimeMs now) const noexcept;
  /// The full view of an archived order of `user` on `contract`.
  [[nodiscard]] FuturesOrder order_of(Archived const& archived, UserId user,
                                      std::uint32_t contract) const;
  [[nodiscard]] core::Decimal available(AccountState const& account) const noexcept;

  EngineConfig const& config_;
  CurrencyIndex settle_;
  HouseLedger& house_;
  EventSink& sink_;

  std::vector<Market> markets_;
  UserIndex account_index_;
  std::vector<AccountState> accounts_;
  OrderStore<Record, Archived> records_;
  OpenLinks open_links_;  ///< users' open lists through records_' slots
  TextIndex texts_;
  AmendNotes amend_notes_;  ///< notes of amended orders, by records_' slot
  std::vector<std::pair<std::uint32_t, std::uint32_t>> flattened_;  ///< (account, contract)
  std::vector<std::uint32_t> dirty_books_;
  OrderBook::Changes changes_;
  std::vector<PriceLevel> delta_bids_;
  std::vector<PriceLevel> delta_asks_;
  TradeId last_trade_id_ = 0;
  std::uint64_t finishes_ = 0;  ///< orders finished so far: the next finish_sequence
};

}  // namespace tradelink::sandbox
