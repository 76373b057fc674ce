#include "sandbox/engine/spot_ledger.hpp"

#include <string>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

SpotLedger::SpotLedger(CurrencyTable const& currencies, EventSink& sink, core::Decimal max_balance)
    : currencies_(currencies), sink_(sink), max_balance_(max_balance) {}

std::optional<AccountIndex> SpotLedger::find(UserId user) const noexcept {
  return accounts_.find(user);
}

AccountIndex SpotLedger::open(UserId user) {
  AccountIndex const account = accounts_.add(user);
  if (account == users_.size()) {
    users_.push_back(user);
    balances_.resize(balances_.size() + currencies_.size());
  }
  return account;
}

void SpotLedger::apply(AccountIndex account, CurrencyIndex currency, core::Decimal available_change,
                       core::Decimal locked_change, SpotBalanceChange change_type, TimeMs now) {
  Balance& balance = balances_[slot(account, currency)];
  // Computed into locals and stored field by field: re-reading a 16-byte Decimal just written as
  // two 8-byte halves stalls store forwarding, and assigning a whole Balance made GCC assemble
  // it on the stack and copy it in with exactly such reads.
  core::Decimal const available = money::plus(balance.available, available_change);
  core::Decimal const locked = money::plus(balance.locked, locked_change);
  std::int64_t const update_id = balance.update_id + 1;
  balance.available = available;
  balance.locked = locked;
  balance.update_id = update_id;
  if (!sink_.interest().balances) return;
  sink_.on_spot_balance(SpotBalanceUpdate{
      users_[account], currencies_.name(currency), now, available_change,
      money::plus(available, locked), available, locked, locked_change, change_type, update_id});
}

bool SpotLedger::can_deposit(AccountIndex account, CurrencyIndex currency,
                             core::Decimal amount) const noexcept {
  Balance const& balance = balances_[slot(account, currency)];
  return amount <= money::minus(money::minus(max_balance_, balance.available), balance.locked);
}

core::Result<void> SpotLedger::deposit(AccountIndex account, CurrencyIndex currency,
                                       core::Decimal amount, SpotBalanceChange change_type,
                                       TimeMs now) {
  if (!can_deposit(account, currency, amount)) {
    return make_error(Label::amount_too_much,
                      "balance of " + std::string(currencies_.name(currency)) +
                          " would exceed the sandbox maximum " + max_balance_.to_string());
  }
  apply(account, currency, amount, core::Decimal{}, change_type, now);
  return core::ok();
}

core::Result<void> SpotLedger::withdraw(AccountIndex account, CurrencyIndex currency,
                                        core::Decimal amount, SpotBalanceChange change_type,
                                        TimeMs now) {
  if (balances_[slot(account, currency)].available < amount) {
    return make_error(Label::balance_not_enough, "Not enough balance");
  }
  apply(account, currency, money::negated(amount), core::Decimal{}, change_type, now);
  return core::ok();
}

bool SpotLedger::lock(AccountIndex account, CurrencyIndex currency, core::Decimal amount,
                      TimeMs now) {
  if (balances_[slot(account, currency)].available < amount) return false;
  apply(account, currency, money::negated(amount), amount, SpotBalanceChange::order_create, now);
  return true;
}

bool SpotLedger::adjust_lock(AccountIndex account, CurrencyIndex currency, core::Decimal change,
                             TimeMs now) {
  if (change.is_zero()) return true;
  if (balances_[slot(account, currency)].available < change) return false;
  apply(account, currency, money::negated(change), change, SpotBalanceChange::order_update, now);
  return true;
}

void SpotLedger::unlock(AccountIndex account, CurrencyIndex currency, core::Decimal amount,
                        TimeMs now) {
  apply(account, currency, amount, money::negated(amount), SpotBalanceChange::order_update, now);
}

void SpotLedger::spend_locked(AccountIndex account, CurrencyIndex currency, core::Decimal released,
                              core::Decimal spent, TimeMs now) {
  apply(account, currency, money::minus(released, spent), money::negated(released),
        SpotBalanceChange::order_match, now);
}

void SpotLedger::credit(AccountIndex account, CurrencyIndex currency, core::Decimal amount,
                        TimeMs now) {
  apply(account, currency, amount, core::Decimal{}, SpotBalanceChange::order_match, now);
}

void SpotLedger::charge_fee(AccountIndex account, CurrencyIndex currency, core::Decimal fee,
                            TimeMs now) {
  if (fee.is_zero()) return;
  apply(account, currency, money::negated(fee), core::Decimal{},
        SpotBalanceChange::trade_fee_deduct, now);
}

}  // namespace tradelink::sandbox
