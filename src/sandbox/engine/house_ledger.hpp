#pragma once
// The exchange's own books: fees collected, and money that entered (deposits) or left
// (withdrawals) the sandbox, per currency. With it value conservation can be checked: for every
// currency, the users' holdings plus fees equal deposits minus withdrawals.

#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/currency_table.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {

class HouseLedger {
 public:
  explicit HouseLedger(std::size_t currencies) : entries_(currencies) {}

  void collect_fee(CurrencyIndex currency, core::Decimal fee) noexcept {
    entries_[currency].fees = money::plus(entries_[currency].fees, fee);
  }
  void record_deposit(CurrencyIndex currency, core::Decimal amount) noexcept {
    entries_[currency].deposits = money::plus(entries_[currency].deposits, amount);
  }
  void record_withdrawal(CurrencyIndex currency, core::Decimal amount) noexcept {
    entries_[currency].withdrawals = money::plus(entries_[currency].withdrawals, amount);
  }

  /// Fees collected in `currency` (spot and futures).
  [[nodiscard]] core::Decimal fees(CurrencyIndex currency) const noexcept {
    return entries_[currency].fees;
  }
  /// Everything ever deposited in `currency`.
  [[nodiscard]] core::Decimal deposits(CurrencyIndex currency) const noexcept {
    return entries_[currency].deposits;
  }
  /// Everything ever withdrawn in `currency`.
  [[nodiscard]] core::Decimal withdrawals(CurrencyIndex currency) const noexcept {
    return entries_[currency].withdrawals;
  }

 private:
  struct Entry {
    core::Decimal fees;
    core::Decimal deposits;
    core::Decimal withdrawals;
  };
  std::vector<Entry> entries_;
};

}  // namespace tradelink::sandbox
