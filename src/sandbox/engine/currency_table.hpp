#pragma once
// The currencies an engine knows (every base and quote of its pairs, plus USDT, the futures
// settle currency), numbered densely so balances live in flat arrays.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sandbox/engine/catalogue.hpp"

namespace tradelink::sandbox {

using CurrencyIndex = std::uint32_t;

class CurrencyTable {
 public:
  /// Currencies of `catalogue` in first-seen order, then "USDT" if absent.
  explicit CurrencyTable(Catalogue const& catalogue);

  /// The index of `name` (exact, case-sensitive: Gate spells currencies upper-case).
  [[nodiscard]] std::optional<CurrencyIndex> find(std::string_view name) const noexcept;
  /// The name of a valid index; the view lives as long as the table.
  [[nodiscard]] std::string_view name(CurrencyIndex index) const noexcept { return names_[index]; }
  [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }
  /// The futures settle currency, USDT.
  [[nodiscard]] CurrencyIndex settle() const noexcept { return settle_; }

 private:
  CurrencyIndex add(std::string const& name);

  std::vector<std::string> names_;
  CurrencyIndex settle_ = 0;
};

}  // namespace tradelink::sandbox
