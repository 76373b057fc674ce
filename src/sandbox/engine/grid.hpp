#pragma once
// A price or quantity grid: the valid values are the integer multiples of a positive step (a
// spot pair's 10^-precision, a contract's order_price_round or size step). The order book works
// on these integer multiples ("units"); Decimals exist only at the engine's edges.

#include <cstdint>
#include <optional>

#include "core/decimal.hpp"
#include "sandbox/engine/wide_division.hpp"

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
  [[nodiscard]] std::optional<std::int64_t> to_units(core::Decimal value) const noexcept {
    core::Decimal::Raw const raw = value.raw();
    if (step_.raw() > static_cast<core::Decimal::Raw>(UINT64_MAX)) return to_units_wide(raw);
    // Every order passes here twice: one native 128-by-64 division instead of libgcc's.
    money::Wide const magnitude =
        raw < 0 ? money::Wide{0} - static_cast<money::Wide>(raw) : static_cast<money::Wide>(raw);
    auto const [quotient, remainder] =
        money::divide(magnitude, static_cast<std::uint64_t>(step_.raw()));
    if (remainder != 0 || quotient > static_cast<money::Wide>(max_units)) return std::nullopt;
    auto const units = static_cast<std::int64_t>(quotient);
    return raw < 0 ? -units : units;
  }
  /// `units` × step, exact.
  [[nodiscard]] core::Decimal to_decimal(std::int64_t units) const noexcept {
    return core::Decimal::from_raw(static_cast<core::Decimal::Raw>(units) * step_.raw());
  }
  /// The step.
  [[nodiscard]] core::Decimal step() const noexcept { return step_; }

 private:
  /// to_units() for steps of 2^64 raw units (about 18.4) and more.
  [[nodiscard]] std::optional<std::int64_t> to_units_wide(core::Decimal::Raw raw) const noexcept;

  core::Decimal step_;
};

}  // namespace tradelink::sandbox
