#pragma once
// What the engine reports while it changes state: one callback per fact a Gate WebSocket channel
// pushes (gateio-v4.md §7). The engine calls the sink synchronously, in the order the changes
// happen, on the caller's thread, before the mutating call returns. Within one order placement:
//   spot:    funds locked → order `put` → per fill: maker balances, taker balances, maker and
//            taker user trades, public trade, maker order `update`/`finish` → taker order
//            `update`/`finish` → one book delta per touched book.
//   futures: order `put` → per fill: for maker then taker balance (pnl, fee), position, user
//            trade; public trade; maker order → taker order → reduce-only orders closed with
//            their position → one book delta.
//
// Records are passed by reference and valid only during the callback; copy what you keep. A
// sink must not call back into the engine. Every method has an empty default, so a sink
// overrides only what it forwards.

#include <cstdint>
#include <string_view>

#include "core/decimal.hpp"
#include "sandbox/engine/book_types.hpp"
#include "sandbox/engine/futures_types.hpp"
#include "sandbox/engine/spot_types.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// `spot.balances` entry. Absolute figures after the change; `change` is the change of
/// `available` and `freeze_change` the change of `freeze` (an order-create moves −x / +x, as in
/// Gate's example push), so total = available + freeze.
struct SpotBalanceUpdate {
  UserId user = 0;
  std::string_view currency;
  TimeMs time_ms = 0;
  core::Decimal change;
  core::Decimal total;
  core::Decimal available;
  core::Decimal freeze;
  core::Decimal freeze_change;
  SpotBalanceChange change_type = SpotBalanceChange::deposit;
  std::int64_t update_id = 0;  ///< the currency's update_id after the change
};

/// `futures.balances` entry: the new `total` and what changed it. Gate's `text` is
/// "<contract>:<order_id>" for pnl and fee entries; `contract` is empty and `order_id` 0 for dnw.
struct FuturesBalanceUpdate {
  UserId user = 0;
  TimeMs time_ms = 0;
  core::Decimal balance;
  core::Decimal change;
  FuturesBalanceChange type = FuturesBalanceChange::dnw;
  std::string_view contract;
  OrderId order_id = 0;
};

/// The kinds of events a sink forwards. The engine builds only those: a balance, user trade or
/// book delta nobody forwards would be assembled on every fill for nothing. State, histories and
/// book update ids are the same whatever the interest.
struct EventInterest {
  bool balances = true;       ///< on_spot_balance, on_futures_balance
  bool orders = true;         ///< on_spot_order, on_futures_order
  bool user_trades = true;    ///< on_spot_user_trade, on_futures_user_trade
  bool public_trades = true;  ///< on_spot_public_trade, on_futures_public_trade
  bool books = true;          ///< on_spot_book, on_futures_book
  bool positions = true;      ///< on_futures_position

  [[nodiscard]] static constexpr EventInterest everything() noexcept { return {}; }
  [[nodiscard]] static constexpr EventInterest nothing() noexcept {
    return {false, false, false, false, false, false};
  }
  [[nodiscard]] static constexpr EventInterest orders_only() noexcept {
    EventInterest interest = nothing();
    interest.orders = true;
    return interest;
  }
};

/// Receiver of engine events. Not owned by the engine; must outlive it.
class EventSink {
 public:
  virtual ~EventSink() = default;

  /// What this sink forwards, fixed at construction; the engine skips the rest.
  [[nodiscard]] EventInterest const& interest() const noexcept { return interest_; }

  virtual void on_spot_balance(SpotBalanceUpdate const& /*update*/) {}
  /// `put` when created, `update` after a partial fill, `finish` when it closed or was cancelled.
  virtual void on_spot_order(OrderEvent /*event*/, SpotOrder const& /*order*/) {}
  virtual void on_spot_user_trade(SpotUserTrade const& /*trade*/) {}
  virtual void on_spot_public_trade(SpotPublicTrade const& /*trade*/) {}
  virtual void on_spot_book(BookDelta const& /*delta*/) {}

  virtual void on_futures_balance(FuturesBalanceUpdate const& /*update*/) {}
  virtual void on_futures_order(OrderEvent /*event*/, FuturesOrder const& /*order*/) {}
  /// After every change of a position (size, margin, leverage); update_id increments each time.
  virtual void on_futures_position(FuturesPosition const& /*position*/) {}
  virtual void on_futures_user_trade(FuturesUserTrade const& /*trade*/) {}
  virtual void on_futures_public_trade(FuturesPublicTrade const& /*trade*/) {}
  virtual void on_futures_book(BookDelta const& /*delta*/) {}

 protected:
  /// A sink forwarding every kind of event.
  EventSink() = default;
  /// A sink forwarding only the kinds in `interest`; the others' handlers are never called.
  explicit EventSink(EventInterest interest) noexcept : interest_(interest) {}
  EventSink(EventSink const&) = default;
  EventSink& operator=(EventSink const&) = default;

 private:
  EventInterest interest_;
};

/// A sink that drops everything (the engine's default), so the engine builds no events.
class NullEventSink final : public EventSink {
 public:
  NullEventSink() noexcept : EventSink(EventInterest::nothing()) {}
};

}  // namespace tradelink::sandbox
