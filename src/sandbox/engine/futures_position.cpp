#include "sandbox/engine/futures_position.hpp"

#include "sandbox/engine/money.hpp"
#include "sandbox/engine/wide_division.hpp"

namespace tradelink::sandbox {
namespace {

/// value × part / whole toward zero, for 0 <= part <= whole, exact in 128 bits: the division
/// goes first so nothing overflows, and the remainder's share is added back.
core::Decimal proportion(core::Decimal value, std::int64_t part, std::int64_t whole) noexcept {
  if (part == whole) return value;
  core::Decimal::Raw const raw = value.raw();
  money::Wide const magnitude =
      raw < 0 ? money::Wide{0} - static_cast<money::Wide>(raw) : static_cast<money::Wide>(raw);
  auto const divisor = static_cast<std::uint64_t>(whole);
  auto const multiplier = static_cast<std::uint64_t>(part);
  auto const [quotient, remainder] = money::divide(magnitude, divisor);
  // remainder × part < whole² < 2^126.
  money::Wide const share = money::divide(money::Wide{remainder} * multiplier, divisor).quotient;
  auto const result = static_cast<core::Decimal::Raw>(quotient * multiplier + share);
  return core::Decimal::from_raw(raw < 0 ? -result : result);
}

std::int64_t magnitude(std::int64_t value) noexcept {
  return value < 0 ? -value : value;
}

}  // namespace

core::Decimal initial_margin(core::Decimal value, core::Decimal leverage) noexcept {
  return money::ceil8_divided(value, leverage);
}

FillOutcome Position::apply_fill(std::int64_t lots, core::Decimal lot_value) noexcept {
  FillOutcome outcome;
  std::int64_t const direction = lots > 0 ? 1 : -1;
  std::int64_t remaining = magnitude(lots);
  if (size != 0 && (size > 0) != (lots > 0)) {
    std::int64_t const held = magnitude(size);
    std::int64_t const closing = remaining < held ? remaining : held;
    core::Decimal const removed = proportion(entry_value, closing, held);
    core::Decimal const exit_value = money::scaled(closing, lot_value.raw());
    // Selling out of a long receives exit_value; buying back a short pays it.
    core::Decimal const signed_exit = direction < 0 ? exit_value : money::negated(exit_value);
    outcome.realised_pnl = money::minus(signed_exit, removed);
    outcome.closed_lots = closing;
    entry_value = money::minus(entry_value, removed);
    size += direction * closing;
    remaining -= closing;
    outcome.closed_position = size == 0;
  }
  if (remaining > 0) {
    core::Decimal const opened = money::scaled(remaining, lot_value.raw());
    entry_value = money::plus(entry_value, direction > 0 ? opened : money::negated(opened));
    size += direction * remaining;
  }
  margin = margin_at(leverage);
  return outcome;
}

void Position::book_result(FillOutcome const& outcome, core::Decimal fee) noexcept {
  realised_pnl = money::plus(realised_pnl, money::minus(outcome.realised_pnl, fee));
  if (outcome.closed_position) {
    last_close_pnl = realised_pnl;
    history_pnl = money::plus(history_pnl, realised_pnl);
    realised_pnl = core::Decimal{};
  }
}

}  // namespace tradelink::sandbox
