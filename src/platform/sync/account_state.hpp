#pragma once
// The balances and positions of one binding as the stream maintains them, and their merge with a
// REST snapshot (the venue's truth). Touched by one shard thread only.
//
// Merge rule: every streamed update bumps a sequence number, and a snapshot is merged together
// with the sequence number at the moment it was requested. A line the stream changed after that
// moment keeps the streamed value (it is newer than the snapshot); every other line takes the
// snapshot's value, and a difference there is drift: an update the stream lost or never sent.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/decimal.hpp"
#include "platform/sync/balance_view.hpp"
#include "venues/account_feed.hpp"

namespace tradelink::platform::sync {

/// One difference between the streamed state and the venue's snapshot.
struct Drift {
  std::string what;  ///< "spot USDT available", "futures position BTC_USDT size"
  std::string streamed;
  std::string venue;
};

class AccountState {
 public:
  /// Applies a streamed balance. Returns false when nothing changed.
  bool apply(venues::BalanceUpdate const& update);
  /// Applies a streamed position; a stale one (lower update id) is dropped. False when nothing
  /// changed.
  bool apply(venues::PositionUpdate const& update);

  /// Streamed updates applied so far.
  [[nodiscard]] std::uint64_t sequence() const noexcept { return sequence_; }
  /// Merges `snapshot`, requested when sequence() was `sequence_at_request` (see the file
  /// comment), and returns the differences found on lines the stream did not touch since.
  std::vector<Drift> merge(venues::AccountSnapshot const& snapshot,
                           std::uint64_t sequence_at_request);

  [[nodiscard]] bool has_snapshot() const noexcept { return has_snapshot_; }
  /// Balances by account then currency.
  [[nodiscard]] std::vector<BalanceLine> lines() const;
  [[nodiscard]] std::vector<venues::PositionState> positions() const;

 private:
  struct Line {
    core::Decimal available;
    core::Decimal locked;
    core::Decimal total;
    bool streams_split = false;  ///< the stream reports available/locked, not only the total
    std::uint64_t touched_at = 0;
  };
  struct TrackedPosition {
    venues::PositionState state;
    std::uint64_t touched_at = 0;
  };
  using LineKey = std::pair<venues::AccountKind, std::string>;

  std::map<LineKey, Line> lines_;
  std::map<std::string, TrackedPosition, std::less<>> positions_;
  std::uint64_t sequence_ = 0;
  bool has_snapshot_ = false;
};

}  // namespace tradelink::platform::sync
