#pragma once
// Spot balances of every user: available and locked per currency, with Gate's per-currency
// `update_id`. Every change is reported to the sink as a `spot.balances` entry. Users get an
// account on their first deposit; accounts are numbered densely for flat storage.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/decimal.hpp"
#include "core/result.hpp"
#include "sandbox/engine/currency_table.hpp"
#include "sandbox/engine/events.hpp"
#include "sandbox/engine/types.hpp"
#include "sandbox/engine/user_index.hpp"

namespace tradelink::sandbox {

using AccountIndex = std::uint32_t;

class SpotLedger {
 public:
  struct Balance {
    core::Decimal available;
    core::Decimal locked;
    std::int64_t update_id = 0;
  };

  /// Balances in the currencies of `currencies`; both must outlive the ledger.
  SpotLedger(CurrencyTable const& currencies, EventSink& sink, core::Decimal max_balance);

  /// The account of `user`, if the user ever received funds.
  [[nodiscard]] std::optional<AccountIndex> find(UserId user) const noexcept;
  /// The account of `user`, created empty when missing.
  AccountIndex open(UserId user);
  [[nodiscard]] UserId user(AccountIndex account) const noexcept { return users_[account]; }
  [[nodiscard]] std::size_t account_count() const noexcept { return users_.size(); }
  [[nodiscard]] Balance const& balance(AccountIndex account,
                                       CurrencyIndex currency) const noexcept {
    return balances_[slot(account, currency)];
  }
  [[nodiscard]] CurrencyTable const& currencies() const noexcept { return currencies_; }

  /// True when a deposit of `amount` keeps the balance within the bound.
  [[nodiscard]] bool can_deposit(AccountIndex account, CurrencyIndex currency,
                                 core::Decimal amount) const noexcept;
  /// Adds `amount` (> 0) to available. AMOUNT_TOO_MUCH when the balance would exceed the bound.
  core::Result<void> deposit(AccountIndex account, CurrencyIndex currency, core::Decimal amount,
                             SpotBalanceChange change_type, TimeMs now);
  /// Takes `amount` (> 0) from available. BALANCE_NOT_ENOUGH when available is smaller.
  core::Result<void> withdraw(AccountIndex account, CurrencyIndex currency, core::Decimal amount,
                              SpotBalanceChange change_type, TimeMs now);
  /// Moves `amount` from available to locked (order-create); false, and nothing changes, when
  /// available is smaller.
  bool lock(AccountIndex account, CurrencyIndex currency, core::Decimal amount, TimeMs now);
  /// Changes an open order's lock by `change` (either sign) when the order is amended
  /// (order-update); false, and nothing changes, when available cannot cover a positive change.
  bool adjust_lock(AccountIndex account, CurrencyIndex currency, core::Decimal change, TimeMs now);
  /// Moves `amount` of locked back to available (order-update).
  void unlock(AccountIndex account, CurrencyIndex currency, core::Decimal amount, TimeMs now);
  /// A fill paid from locked funds (order-match): locked −= `released`, of which `spent` leaves
  /// the account and the rest (a better price than the lock assumed) returns to available.
  void spend_locked(AccountIndex account, CurrencyIndex currency, core::Decimal released,
                    core::Decimal spent, TimeMs now);
  /// Adds what a fill bought (order-match) to available.
  void credit(AccountIndex account, CurrencyIndex currency, core::Decimal amount, TimeMs now);
  /// Deducts a trading fee (trade-fee-deduct) from available.
  void charge_fee(AccountIndex account, CurrencyIndex currency, core::Decimal fee, TimeMs now);

 private:
  [[nodiscard]] std::size_t slot(AccountIndex account, CurrencyIndex currency) const noexcept {
    return static_cast<std::size_t>(account) * currencies_.size() + currency;
  }
  void apply(AccountIndex account, CurrencyIndex currency, core::Decimal available_change,
             core::Decimal locked_change, SpotBalanceChange change_type, TimeMs now);

  CurrencyTable const& currencies_;
  EventSink& sink_;
  core::Decimal max_balance_;
  UserIndex accounts_;
  std::vector<UserId> users_;
  std::vector<Balance> balances_;
};

}  // namespace tradelink::sandbox
