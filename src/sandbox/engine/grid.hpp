#pragma once
// A price or quantity grid: the valid values are the integer multiples of a positive step (a
// spot pair's 10^-precision, a contract's order_price_round or size step). The order book works
// on these integer multiples ("units"); Decimals exist only at the engine's edges.

#include <cstdint>
#include <optional>

#include "core/decimal.hpp"

namespace tradelink::sandbox {

class Grid {
 public:
  /// Largest |units| accepted: keeps products of two unit counts far inside 128 bits.
  static constexpr std::int64_t max_units = 1'000'000'000'000'000;  // 10^15

  /// A grid of multiples of `step`; `step` must be positive (the catalogue check ensures it).
  explicit Grid(core::Decimal step) noexcept : step_(step) {}
  /// The grid of `digits` fractional digits: step 10^-digits, `digits` in [0, 18].
  [[nodiscard]] static Grid decimals(int digits) noexcept;

  /// `value` as a count of steps; nullopt when it is not a multiple of the step or |count|
  /// exceeds max_units.
  [[nodiscard]] std::optional<std::int64_t> to_units(core::Decimal value) const noexcept;
  /// `units` × step, exact.
  [[nodiscard]] core::Decimal to_decimal(std::int64_t units) const noexcept {
    return core::Decimal::from_raw(static_cast<core::Decimal::Raw>(units) * step_.raw());
  }
  /// The step.
  [[nodiscard]] core::Decimal step() const noexcept { return step_; }

 private:
  core::Decimal step_;
};

}  // namespace tradelink::sandbox
