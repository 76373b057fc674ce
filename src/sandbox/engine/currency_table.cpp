#include "sandbox/engine/currency_table.hpp"

namespace tradelink::sandbox {

CurrencyTable::CurrencyTable(Catalogue const& catalogue) {
  names_.reserve(catalogue.pairs.size() * 2 + 1);
  for (auto const& pair : catalogue.pairs) {
    add(pair.base);
    add(pair.quote);
  }
  settle_ = add("USDT");
}

CurrencyIndex CurrencyTable::add(std::string const& name) {
  if (auto const existing = find(name)) return *existing;
  names_.push_back(name);
  return static_cast<CurrencyIndex>(names_.size() - 1);
}

std::optional<CurrencyIndex> CurrencyTable::find(std::string_view name) const noexcept {
  for (std::size_t index = 0; index < names_.size(); ++index) {
    if (names_[index] == name) return static_cast<CurrencyIndex>(index);
  }
  return std::nullopt;
}

}  // namespace tradelink::sandbox
