#pragma once
// The spot exchange: one price-time priority book per pair, order lifecycle, settlement of fills
// against the spot ledger, fees into the house ledger, and the order, trade and market-data
// queries behind Gate's /spot endpoints (gateio-v4.md §3.3, §3.4, §7.1, §7.3).
//
// Rules as Gate applies them: limit buys lock price × amount of quote, sells lock the base
// amount, market buys lock the quote budget (`amount`); fills happen at the maker's price and a
// buyer's surplus lock returns at once; the buyer pays the fee in base, the seller in quote;
// self-trades are allowed. Times are the caller's sandbox clock. Not thread-safe.

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
#include "sandbox/engine/house_ledger.hpp"
#include "sandbox/engine/order_ref.hpp"
#include "sandbox/engine/order_store.hpp"
#include "sandbox/engine/paging.hpp"
#include "sandbox/engine/spot_ledger.hpp"
#include "sandbox/engine/spot_state.hpp"
#include "sandbox/engine/text_index.hpp"

namespace tradelink::sandbox {

class SpotExchange {
 public:
  /// Markets for `catalogue.pairs` (validated by the caller). Every reference must outlive the
  /// exchange.
  SpotExchange(Catalogue const& catalogue, CurrencyTable const& currencies,
               EngineConfig const& config, SpotLedger& ledger, HouseLedger& house, EventSink& sink);

  // ----- orders (mutating; `now` is the sandbox clock, non-decreasing) -----

  /// Validates, locks funds, matches and rests or finishes the order. Errors (nothing changes):
  /// INVALID_CURRENCY_PAIR, TRADE_RESTRICTED, INVALID_PARAM_VALUE (bad value, text too long,
  /// below a minimum, wrong tif for market), INVALID_PRECISION, AMOUNT_TOO_MUCH,
  /// BALANCE_NOT_ENOUGH, POC_FILL_IMMEDIATELY. A fok order that cannot fill completely is
  /// created and returned cancelled with finish_as `fok`.
  core::Result<SpotOrder> place(UserId user, SpotOrderRequest const& request, TimeMs now);
  /// Cancels an open order of `user` on `pair`. ORDER_NOT_FOUND (unknown, foreign, aged out, or a
  /// text that names no open order), ORDER_CLOSED, ORDER_CANCELLED, INVALID_CURRENCY_PAIR.
  core::Result<SpotOrder> cancel(UserId user, std::string_view pair, OrderRef order, TimeMs now);
  /// Amends an open order of `user` on `pair` (Gate's amend order): a smaller amount (the whole
  /// order, filled part included) keeps the order's place in the queue; a larger one moves it to
  /// the back of its price, a new price to the back of the new price after it took liquidity
  /// where it crosses the book. An amount not above the filled amount cancels the order. The lock
  /// follows the unfilled amount and the price. Errors (nothing changes): INVALID_CURRENCY_PAIR,
  /// ORDER_NOT_FOUND (also for a finished order), INVALID_PARAM_VALUE (neither field, bad value,
  /// note too long, below a minimum), INVALID_PRECISION, AMOUNT_TOO_MUCH, BALANCE_NOT_ENOUGH,
  /// POC_FILL_IMMEDIATELY.
  core::Result<SpotOrder> amend(UserId user, std::string_view pair, OrderRef order,
                                SpotOrderAmendment const& amendment, TimeMs now);
  /// Cancels the user's open orders on `pair` (all pairs when empty), of `side` if given; returns
  /// them as cancelled. INVALID_CURRENCY_PAIR for an unknown pair.
  core::Result<std::vector<SpotOrder>> cancel_all(UserId user, std::optional<std::string_view> pair,
                                                  std::optional<Side> side, TimeMs now);

  // ----- queries -----

  /// One order of `user` on `pair`; ORDER_NOT_FOUND / INVALID_CURRENCY_PAIR.
  [[nodiscard]] core::Result<SpotOrder> order(UserId user, std::string_view pair, OrderRef order,
                                              TimeMs now) const;
  /// The user's open orders on `pair`, newest first.
  [[nodiscard]] core::Result<std::vector<SpotOrder>> open_orders(UserId user, std::string_view pair,
                                                                 Page page) const;
  /// `GET /spot/open_orders`: per pair with open orders (listing order), the count and a page.
  [[nodiscard]] std::vector<OpenOrdersGroup> open_orders_by_pair(UserId user, Page page) const;
  /// The user's finished orders on `pair` still remembered, newest first.
  [[nodiscard]] core::Result<std::vector<SpotOrder>> finished_orders(UserId user,
                                                                     std::string_view pair,
                                                                     Page page, TimeMs now) const;
  /// The user's fills on `pair`, newest first, optionally of one order only.
  [[nodiscard]] core::Result<std::vector<SpotUserTrade>> my_trades(UserId user,
                                                                   std::string_view pair,
                                                                   std::optional<OrderId> order,
                                                                   Page page) const;
  /// Recent public trades of `pair`, newest first, at most `limit`.
  [[nodiscard]] core::Result<std::vector<SpotPublicTrade>> trades(std::string_view pair,
                                                                  std::size_t limit) const;
  /// Top `depth` levels per side with the book id.
  [[nodiscard]] core::Result<BookSnapshot> order_book(std::string_view pair,
                                                      std::size_t depth) const;
  /// Ticker of `pair` as of `now`.
  [[nodiscard]] core::Result<SpotTicker> ticker(std::string_view pair, TimeMs now) const;
  /// Tickers of every pair, in listing order.
  [[nodiscard]] std::vector<SpotTicker> tickers(TimeMs now) const;
  /// Candles of `pair` (see CandleSeries::query).
  [[nodiscard]] core::Result<std::vector<Candle>> candles(std::string_view pair,
                                                          CandleInterval interval,
                                                          std::optional<std::int64_t> from_s,
                                                          std::optional<std::int64_t> to_s,
                                                          std::size_t limit, TimeMs now) const;
  /// Orders resting in all books (for tests and the admin API).
  [[nodiscard]] std::size_t resting_order_count() const noexcept;
  /// Orders remembered, open or finished (what the retention limits bound).
  [[nodiscard]] std::size_t remembered_order_count() const noexcept { return records_.size(); }

 private:
  using Record = detail::SpotRecord;
  using Archived = detail::SpotArchivedOrder;
  using Market = detail::SpotPairMarket;

  /// A request that passed validation, in book units.
  struct Plan {
    std::uint32_t pair = 0;
    std::int64_t price_ticks = 0;
    std::int64_t amount_lots = 0;  ///< base lots; 0 for a market buy
    core::Decimal lock_amount;
    CurrencyIndex lock_currency = 0;
    FixedText text;
  };

  // validation (spot_validation.cpp)
  [[nodiscard]] core::Result<std::uint32_t> find_pair(std::string_view pair) const;
  /// Checks `request` and fills `plan` from it (filled in place: a Plan returned inside a Result
  /// is copied once more, through memory, on every order).
  [[nodiscard]] core::Result<void> validate(SpotOrderRequest const& request, Plan& plan) const;
  /// An amendment that passed validation, in book units.
  struct AmendPlan {
    std::int64_t price_ticks = 0;
    std::int64_t amount_lots = 0;  ///< the whole order, filled lots included
    core::Decimal lock_amount;     ///< the lock the unfilled part needs afterwards
    FixedText note;
    bool cancels = false;  ///< the amount is not above what is filled: the order ends
  };
  /// Checks `amendment` of the open order `record` and fills `plan` from it.
  [[nodiscard]] core::Result<void> validate_amendment(Record const& record,
                                                      SpotOrderAmendment const& amendment,
                                                      AmendPlan& plan) const;
  /// Applies a validated amendment to the open order in live `slot`.
  core::Result<SpotOrder> apply_amendment(std::uint32_t slot, SpotOrderAmendment const& amendment,
                                          AmendPlan const& plan, TimeMs now);
  [[nodiscard]] bool would_take(Market const& market, Side side, std::int64_t price_ticks) const;
  [[nodiscard]] bool can_fill_completely(Market const& market, Record const& taker) const;

  /// Why a taker stopped matching.
  enum class StopReason { filled, limit_reached, book_empty, budget_spent };

  // matching and settlement (spot_matching.cpp)
  StopReason match(std::uint32_t taker_slot, TimeMs now);
  void fill(std::uint32_t taker_slot, std::uint32_t maker_slot, std::int64_t lots, TimeMs now);
  /// Books one side of a fill on `record` and its owner's balances; returns the fee charged.
  core::Decimal settle(Record& record, Market const& market, std::int64_t lots,
                       std::int64_t price_ticks, Role role, core::Decimal base_amount,
                       core::Decimal quote_amount, TimeMs now);
  void record_trades(Record const& taker, core::Decimal taker_fee, Record const& maker,
                     core::Decimal maker_fee, std::int64_t lots, core::Decimal base_amount,
                     core::Decimal quote_amount, TimeMs now);
  /// Rests or finishes a taker once matching stopped; returns the order as it stands then (as
  /// the caller's Result: a resting order, the usual case, is copied once, straight into it).
  core::Result<SpotOrder> conclude(std::uint32_t taker_slot, StopReason reason, TimeMs now);

  // lifecycle (spot_exchange.cpp)
  std::uint32_t create(UserId user, AccountIndex account, SpotOrderRequest const& request,
                       Plan const& plan, TimeMs now);
  void rest(std::uint32_t slot, TimeMs now);
  /// Finishes the order in live `slot` and archives it; returns the finished order.
  SpotOrder finish(std::uint32_t slot, SpotOrderStatus status, FinishAs finish_as, TimeMs now);
  void mark_book_dirty(std::uint32_t pair);
  void flush_books(TimeMs now);
  [[nodiscard]] detail::SpotUserPair& user_pair(AccountIndex account, std::uint32_t pair);
  /// Index of a user's pair in user_pairs_.
  [[nodiscard]] std::uint32_t user_pair_index(AccountIndex account, std::uint32_t pair) const;
  /// The archive in records_ of a user's pair's finished orders: those kept until the history is
  /// full, or those queryable only for a retention time (`ages_out`, see remembered()).
  [[nodiscard]] static std::uint32_t archive_of(std::uint32_t user_pair, bool ages_out) noexcept {
    return user_pair * 2 + (ages_out ? 1U : 0U);
  }

  // lookups (spot_queries.cpp)
  /// The order `order` of `user` on `pair`, open or finished and still remembered.
  [[nodiscard]] core::Result<OrderStore<Record, Archived>::Found> find_order(UserId user,
                                                                             std::uint32_t pair,
                                                                             OrderRef order,
                                                                             TimeMs now) const;
  /// False for a cancelled order without fills whose retention time has passed.
  [[nodiscard]] bool remembered(Archived const& order, TimeMs now) const noexcept;
  /// True once the retention time of a cancelled order without fills, finished at
  /// `finished_ms`, has passed.
  [[nodiscard]] bool retention_over(TimeMs finished_ms, TimeMs now) const noexcept;
  /// The full view of an archived order.
  [[nodiscard]] SpotOrder order_of(Archived const& archived) const;
  [[nodiscard]] detail::SpotUserPair const* find_user_pair(UserId user, std::uint32_t pair) const;

  EngineConfig const& config_;
  CurrencyTable const& currencies_;
  SpotLedger& ledger_;
  HouseLedger& house_;
  EventSink& sink_;

  std::size_t pair_count_ = 0;  ///< markets_.size(), kept to index user_pairs_ cheaply
  std::vector<Market> markets_;
  OrderStore<Record, Archived> records_;
  OpenLinks open_links_;  ///< users' open lists through records_' slots
  TextIndex texts_;
  AmendNotes amend_notes_;                        ///< notes of amended orders, by records_' slot
  std::vector<detail::SpotUserPair> user_pairs_;  ///< [account × pair count + pair]
  std::vector<std::uint32_t> dirty_books_;
  OrderBook::Changes changes_;
  std::vector<PriceLevel> delta_bids_;
  std::vector<PriceLevel> delta_asks_;
  TradeId last_trade_id_ = 0;
  std::uint64_t finishes_ = 0;  ///< orders finished so far: the next finish_sequence
};

}  // namespace tradelink::sandbox
