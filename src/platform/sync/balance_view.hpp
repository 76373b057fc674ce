#pragma once
// What the rest of the platform (HTTP API, CLI, web UI) may ask of account sync: a binding's
// current balances with the health of its feed, its balance history, and a live stream of
// changes. Every call takes the acting user's id and cannot see another user's bindings.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/decimal.hpp"
#include "core/result.hpp"

namespace tradelink::platform::sync {

/// One currency of one account of a binding ("spot", "futures", "unified").
struct BalanceLine {
  std::string account;
  std::string currency;
  core::Decimal available;
  core::Decimal locked;  ///< in orders (spot), order margin + position margin (futures)
  core::Decimal total;
};

/// How fresh and trustworthy a binding's balances are.
struct SyncHealth {
  std::string socket_state;  ///< "connecting", "live", "reconnecting", "stopped", "auth_failed"
  std::optional<std::int64_t> synced_at_ms;  ///< last time the state was known equal to the venue's
  std::int64_t lag_ms = 0;                   ///< venue event time → applied here, last update
  std::uint64_t drift_count = 0;             ///< differences found (and repaired) by reconciliation
  std::uint64_t reconnects = 0;
  std::uint64_t reconcile_failures = 0;   ///< REST snapshots that failed (429, 5xx, network)
  std::optional<std::string> last_error;  ///< the latest failure, cleared by the next success
};

/// The venue's valuation of the whole account (every account kind, at its prices).
struct EstimatedTotal {
  std::string currency;
  core::Decimal amount;
  std::int64_t at_ms = 0;  ///< when it was read (each reconciliation reads it again)
};

struct BindingBalances {
  std::string binding_id;
  std::vector<BalanceLine> lines;
  SyncHealth health;
  std::optional<EstimatedTotal> estimated_total;
};

/// One downsampled point of a balance's history.
struct BalancePoint {
  std::int64_t at_ms = 0;
  std::string account;
  std::string currency;
  core::Decimal total;
};

/// Every syncing binding's feed at a glance, for monitoring.
struct SyncTotals {
  std::map<std::string, std::uint64_t>
      bindings_by_socket_state;  ///< "awaiting_snapshot" until synced
  std::uint64_t drift_count = 0;
  std::uint64_t reconnects = 0;
  std::uint64_t reconcile_failures = 0;
  std::int64_t max_lag_ms = 0;
};

/// Cancels a watch when destroyed.
class WatchHandle {
 public:
  WatchHandle() = default;
  explicit WatchHandle(std::function<void()> cancel) : cancel_(std::move(cancel)) {}
  ~WatchHandle() { reset(); }
  WatchHandle(WatchHandle&& other) noexcept : cancel_(std::move(other.cancel_)) {
    other.cancel_ = nullptr;
  }
  WatchHandle& operator=(WatchHandle&& other) noexcept {
    if (this != &other) {
      reset();
      cancel_ = std::move(other.cancel_);
      other.cancel_ = nullptr;
    }
    return *this;
  }
  WatchHandle(WatchHandle const&) = delete;
  WatchHandle& operator=(WatchHandle const&) = delete;

  void reset() {
    if (cancel_) std::exchange(cancel_, nullptr)();
  }

 private:
  std::function<void()> cancel_;
};

class BalanceView {
 public:
  using Listener = std::function<void(BindingBalances const&)>;

  virtual ~BalanceView() = default;

  /// Errors: `sync.not_found` (no such binding for this user), `sync.not_synced` (bound but no
  /// snapshot yet: the binding is not connected or its first snapshot is in flight).
  [[nodiscard]] virtual core::Result<BindingBalances> balances(
      std::int64_t user_id, std::string_view binding_id) const = 0;
  /// The binding's balances as last published, from memory only: never blocks, so it may run on
  /// an I/O thread. A new pointer with every change (an unchanged pointer means unchanged
  /// balances). Null when there is nothing to show without asking the store (unknown binding,
  /// another user's, not synced yet): balances() then tells which.
  [[nodiscard]] virtual std::shared_ptr<BindingBalances const> latest(
      std::int64_t user_id, std::string_view binding_id) const = 0;
  /// Points with since_ms <= at_ms < until_ms, oldest first.
  [[nodiscard]] virtual core::Result<std::vector<BalancePoint>> history(
      std::int64_t user_id, std::string_view binding_id, std::int64_t since_ms,
      std::int64_t until_ms) const = 0;
  /// Calls `listener` (on a sync thread; it must not block) after every change to any of the
  /// user's bindings, until the handle is destroyed.
  [[nodiscard]] virtual WatchHandle watch(std::int64_t user_id, Listener listener) = 0;
  /// Sums over every binding being synced, whoever owns it (no per-user data).
  [[nodiscard]] virtual SyncTotals totals() const = 0;
};

}  // namespace tradelink::platform::sync
