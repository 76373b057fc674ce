#pragma once
// The sandbox exchange engine: the whole in-memory Gate.io-like exchange behind one object —
// catalogue, users' spot and futures money, spot and perpetual matching, countdown cancel-all,
// and the events WebSocket channels need. No I/O, no JSON, no threads, no clock reads: every
// mutating call takes `now` (ms on the caller's sandbox clock) and first advances the engine
// clock to it, which fires due countdowns. The engine clock
// never goes back: an earlier `now` is treated as the current engine time.
//
// Threading: not thread-safe; the owner calls it from one thread or strand, and calls
// publish_writes() before another thread may use it (the histories are written with
// non-temporal stores, which only a fence or a locked instruction orders). Errors are
// core::Error with the Gate label as `code` (see labels.hpp). Value conservation holds per
// currency: Σ users' spot (available + locked) + Σ futures (total + unrealised PnL at a common
// mark) + fees == deposits − withdrawals (see house_totals()).

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "sandbox/engine/book_types.hpp"
#include "sandbox/engine/catalogue.hpp"
#include "sandbox/engine/countdown.hpp"
#include "sandbox/engine/currency_table.hpp"
#include "sandbox/engine/engine_config.hpp"
#include "sandbox/engine/events.hpp"
#include "sandbox/engine/futures_exchange.hpp"
#include "sandbox/engine/house_ledger.hpp"
#include "sandbox/engine/spot_exchange.hpp"
#include "sandbox/engine/spot_ledger.hpp"
#include "sandbox/engine/streaming_store.hpp"

namespace tradelink::sandbox {

/// The exchange's own figures for one currency.
struct HouseTotals {
  core::Decimal fees;         ///< collected from spot and futures trades
  core::Decimal deposits;     ///< ever deposited (spot and futures)
  core::Decimal withdrawals;  ///< ever withdrawn
};

class Engine {
 public:
  /// An engine listing `catalogue`. `sink` (may be null: events are dropped) is not owned and
  /// must outlive the engine. Fails with INVALID_PARAM_VALUE when validate(catalogue) fails.
  static core::Result<std::unique_ptr<Engine>> create(Catalogue catalogue, EngineConfig config = {},
                                                      EventSink* sink = nullptr);

  Engine(Engine const&) = delete;
  Engine& operator=(Engine const&) = delete;
  ~Engine();

  /// Makes every write of the calls so far visible to a thread that takes the engine over
  /// after this one: a store fence over the histories' non-temporal stores (see
  /// streaming_store.hpp). A mutex hand-over on x86 orders them as well; this makes it explicit.
  void publish_writes() const noexcept { publish_streamed_stores(); }

  // ----- time -----

  /// Advances the engine clock to `now` (never backwards) and fires countdowns due by then (their
  /// cancellations are stamped with the trigger time). Returns the engine time.
  TimeMs advance_to(TimeMs now);
  /// The engine time: the latest `now` seen.
  [[nodiscard]] TimeMs now() const noexcept { return clock_; }

  // ----- catalogue -----

  [[nodiscard]] Catalogue const& catalogue() const noexcept { return catalogue_; }
  /// The pair `id`, or null.
  [[nodiscard]] PairSpec const* find_pair(std::string_view id) const noexcept;
  /// The contract `name`, or null.
  [[nodiscard]] ContractSpec const* find_contract(std::string_view name) const noexcept;
  /// Every currency the engine knows, in table order.
  [[nodiscard]] std::vector<std::string_view> currencies() const;

  // ----- money -----

  /// Credits `amount` (> 0) from outside into the user's spot account (any currency) or futures
  /// account (USDT only; opens it). INVALID_CURRENCY, INVALID_PARAM_VALUE, AMOUNT_TOO_MUCH.
  core::Result<void> deposit(UserId user, Account account, std::string_view currency,
                             core::Decimal amount, TimeMs now);
  /// Sends `amount` (> 0) out of the sandbox. INVALID_CURRENCY, INVALID_PARAM_VALUE,
  /// BALANCE_NOT_ENOUGH (spot), USER_NOT_FOUND / INSUFFICIENT_AVAILABLE (futures).
  core::Result<void> withdraw(UserId user, Account account, std::string_view currency,
                              core::Decimal amount, TimeMs now);
  /// Moves USDT between the user's spot and futures accounts; a transfer into futures opens the
  /// futures account. Errors as deposit/withdraw; INVALID_PARAM_VALUE when from == to or the
  /// currency is not USDT.
  core::Result<void> transfer(UserId user, std::string_view currency, Account from, Account to,
                              core::Decimal amount, TimeMs now);
  /// Spot balances of every currency the user ever held (`GET /spot/accounts`).
  [[nodiscard]] std::vector<SpotBalance> spot_balances(UserId user) const;
  /// One spot balance (zero if never held). INVALID_CURRENCY.
  [[nodiscard]] core::Result<SpotBalance> spot_balance(UserId user,
                                                       std::string_view currency) const;
  /// The futures account. USER_NOT_FOUND until the first transfer/deposit into it.
  [[nodiscard]] core::Result<FuturesAccount> futures_account(UserId user) const {
    return futures_.account(user);
  }
  /// Fees, deposits and withdrawals of `currency`. INVALID_CURRENCY.
  [[nodiscard]] core::Result<HouseTotals> house_totals(std::string_view currency) const;

  // ----- spot (see SpotExchange for errors and rules) -----

  core::Result<SpotOrder> place_spot_order(UserId user, SpotOrderRequest const& request,
                                           TimeMs now);
  core::Result<SpotOrder> cancel_spot_order(UserId user, std::string_view pair, OrderRef order,
                                            TimeMs now);
  core::Result<SpotOrder> amend_spot_order(UserId user, std::string_view pair, OrderRef order,
                                           SpotOrderAmendment const& amendment, TimeMs now);
  core::Result<std::vector<SpotOrder>> cancel_spot_orders(UserId user,
                                                          std::optional<std::string_view> pair,
                                                          std::optional<Side> side, TimeMs now);
  /// Read access to spot orders, trades and market data (queries take `now` explicitly).
  [[nodiscard]] SpotExchange const& spot() const noexcept { return spot_; }

  // ----- futures (see FuturesExchange for errors and rules) -----

  core::Result<FuturesOrder> place_futures_order(UserId user, FuturesOrderRequest const& request,
                                                 TimeMs now);
  core::Result<FuturesOrder> cancel_futures_order(UserId user, OrderRef order, TimeMs now);
  core::Result<FuturesOrder> amend_futures_order(UserId user, OrderRef order,
                                                 FuturesOrderAmendment const& amendment,
                                                 TimeMs now);
  core::Result<std::vector<FuturesOrder>> cancel_futures_orders(
      UserId user, std::optional<std::string_view> contract, std::optional<Side> side, TimeMs now);
  core::Result<FuturesPosition> set_leverage(UserId user, std::string_view contract,
                                             core::Decimal leverage, TimeMs now);
  /// Sets the mark price of `contract` (the market simulator or admin API owns it).
  core::Result<void> set_mark_price(std::string_view contract, core::Decimal price, TimeMs now);
  /// Read access to futures orders, positions, trades and market data.
  [[nodiscard]] FuturesExchange const& futures() const noexcept { return futures_; }

  // ----- countdown cancel-all -----

  /// `POST /spot/countdown_cancel_all`: arms (timeout >= 5 s) or disarms (0) the user's timer
  /// for `pair` (all pairs when empty). Returns the trigger time in ms (0 when disarmed).
  /// INVALID_CURRENCY_PAIR, INVALID_PARAM_VALUE.
  core::Result<TimeMs> set_spot_countdown(UserId user, std::optional<std::string_view> pair,
                                          std::int64_t timeout_s, TimeMs now);
  /// `POST /futures/usdt/countdown_cancel_all`, per contract or all. CONTRACT_NOT_FOUND,
  /// USER_NOT_FOUND, INVALID_PARAM_VALUE.
  core::Result<TimeMs> set_futures_countdown(UserId user, std::optional<std::string_view> contract,
                                             std::int64_t timeout_s, TimeMs now);
  /// Armed countdowns.
  [[nodiscard]] std::vector<Countdown> const& countdowns() const noexcept {
    return countdowns_.armed();
  }

 private:
  Engine(Catalogue catalogue, EngineConfig config, EventSink* sink);
  /// Cancels the orders of the countdowns due by the engine clock, each at its trigger time.
  void fire_countdowns();
  [[nodiscard]] core::Result<CurrencyIndex> find_currency(std::string_view currency) const;

  Catalogue catalogue_;
  EngineConfig config_;
  NullEventSink null_sink_;
  EventSink& sink_;
  CurrencyTable currencies_;
  HouseLedger house_;
  SpotLedger spot_ledger_;
  SpotExchange spot_;
  FuturesExchange futures_;
  CountdownTimers countdowns_;
  std::vector<Countdown> due_;
  TimeMs clock_ = 0;
};

}  // namespace tradelink::sandbox
