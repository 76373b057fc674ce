#include "sandbox/engine/spot_ledger.hpp"

#include <string>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

SpotLedger::SpotLedger(CurrencyTable const& currencies, EventSink& sink, core::Decimal max_balance)
    : currencies_(currencies), sink_(sink), max_balance_(max_balance) {}

std::optional<AccountIndex> SpotLedger::find(UserId user) const noexcept {
  auto const found = accounts_.find(user);
  if (found == accounts_.end()) return std::nullopt;
  return found->second;
}

AccountIndex SpotLedger::open(UserId user) {
  auto const [found, inserted] =
      accounts_.try_emplace(user, static_cast<AccountIndex>(users_.size()));
  if (inserted) {
    users_.push_back(user);
    balances_.resize(balances_.size() + currencies_.size());
  }
  return found->second;
}

void SpotLedger::apply(AccountIndex account, CurrencyIndex currency, core::Decimal available_change,
                       core::Decimal locked_change, SpotBalanceChange change_type, TimeMs now) {
  Balance& balance = balances_[slot(account, currency)];
  balance.available = money::plus(balance.available, available_change);
  balance.locked = money::plus(balance.locked, locked_change);
  ++balance.update_id;
  SpotBalanceUpdate update;
  update.user = users_[account];
  update.currency = currencies_.name(currency);
  update.time_ms = now;
  update.change = available_change;
  update.available = balance.available;
  update.freeze = balance.locked;
  update.freeze_change = locked_change;
  update.total = money::plus(balance.available, balance.locked);
  update.change_type = change_type;
  update.update_id = balance.update_id;
  sink_.on_spot_balance(update);
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
