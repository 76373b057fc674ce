#include "sandbox/engine/grid.hpp"

namespace tradelink::sandbox {

Grid Grid::decimals(int digits) noexcept {
  core::Decimal::Raw step = 1;
  for (int power = digits; power < core::Decimal::scale; ++power) step *= 10;
  return Grid(core::Decimal::from_raw(step));
}

std::optional<std::int64_t> Grid::to_units_wide(core::Decimal::Raw raw) const noexcept {
  core::Decimal::Raw const step = step_.raw();
  if (raw % step != 0) return std::nullopt;
  core::Decimal::Raw const units = raw / step;
  if (units > max_units || units < -max_units) return std::nullopt;
  return static_cast<std::int64_t>(units);
}

}  // namespace tradelink::sandbox
