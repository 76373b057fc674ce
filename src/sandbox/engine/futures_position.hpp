#pragma once
// Position arithmetic of a USDT perpetual in single (one-way) mode, in integer lots (size steps)
// and Decimal money. The entry value is kept exact and signed (Σ lots × lot value at each entry
// price, negative for shorts), so realised and unrealised PnL are exact differences:
//   unrealised = size × lot value at mark − entry value.
// Reducing by c of |size| lots removes c/|size| of the entry value (the integer division's
// remainder stays in the position), so Σ over users of (total − entry value) is conserved by
// every trade whatever the rounding.

#include <cstdint>

#include "core/decimal.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// Margin for `value` at `leverage`: value / leverage rounded up to 8 decimals. `leverage` > 0.
[[nodiscard]] core::Decimal initial_margin(core::Decimal value, core::Decimal leverage) noexcept;

/// What one fill did to a position.
struct FillOutcome {
  core::Decimal realised_pnl;    ///< PnL of the reduced part (fees not included)
  std::int64_t closed_lots = 0;  ///< lots of the fill that reduced the position (>= 0)
  bool closed_position = false;  ///< the position reached zero (or flipped through it)
};

struct Position {
  std::int64_t size = 0;      ///< signed lots
  core::Decimal entry_value;  ///< signed, see the file comment
  core::Decimal margin;       ///< initial_margin(|entry_value|, leverage)
  core::Decimal leverage;
  core::Decimal realised_pnl;  ///< PnL minus fees since the position was opened
  core::Decimal history_pnl;   ///< realised PnL of earlier, closed positions
  core::Decimal last_close_pnl;
  std::int64_t update_id = 0;
  TimeMs time_ms = 0;

  /// Applies a fill of `lots` (signed: > 0 bought) at `lot_value` (> 0, the value of one lot at
  /// the fill price) and recomputes the margin. Does not touch realised_pnl (see book_result()).
  FillOutcome apply_fill(std::int64_t lots, core::Decimal lot_value) noexcept;
  /// Adds `pnl − fee` of a fill to realised_pnl; when the fill closed the position, moves it to
  /// history_pnl / last_close_pnl.
  void book_result(FillOutcome const& outcome, core::Decimal fee) noexcept;
  /// The margin the position needs at `new_leverage`.
  [[nodiscard]] core::Decimal margin_at(core::Decimal new_leverage) const noexcept {
    return initial_margin(
        entry_value.is_negative() ? core::Decimal::from_raw(-entry_value.raw()) : entry_value,
        new_leverage);
  }
};

}  // namespace tradelink::sandbox
