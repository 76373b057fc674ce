#pragma once
// Keeps one binding's balances in sync with its venue account: stream → REST snapshot once the
// stream is live → streamed updates applied in order → snapshot again periodically and after
// every reconnect, with drift (a difference on a line the stream did not touch meanwhile)
// logged, counted and repaired. A dropped or silent stream is reopened after an exponential
// backoff with jitter; failed snapshots (429, 5xx, network) are retried the same way, honouring
// the venue's retry-after. A venue that refuses the credentials stops the sync for good.
//
// Threading: lives on one shard's io_context; every method and hook runs on its thread.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "platform/sync/account_state.hpp"
#include "platform/sync/backoff.hpp"
#include "platform/sync/balance_view.hpp"
#include "venues/account_feed.hpp"

namespace tradelink::platform::sync {

struct SyncTiming {
  std::chrono::milliseconds reconcile_interval{60'000};
  std::chrono::milliseconds backoff_initial{500};
  std::chrono::milliseconds backoff_max{30'000};
  venues::FeedTiming feed;
};

class BindingSync {
 public:
  /// Unix ms, local clock.
  using Clock = std::function<std::int64_t()>;

  struct Hooks {
    /// Balances or health changed (read `sync.view()`). Must not block.
    std::function<void(BindingSync const& sync)> on_changed;
    /// The venue refused the credentials (confirmed over REST); the sync has stopped.
    std::function<void(venues::FeedFailure const&)> on_credentials_refused;
  };

  BindingSync(boost::asio::io_context& io, std::string binding_id,
              std::unique_ptr<venues::AccountFeed> feed, SyncTiming timing, Hooks hooks,
              Clock clock);
  ~BindingSync();
  BindingSync(BindingSync const&) = delete;
  BindingSync& operator=(BindingSync const&) = delete;

  void start();
  void stop();

  /// Balances and health as of now.
  [[nodiscard]] BindingBalances view() const;
  /// True once a first snapshot was merged.
  [[nodiscard]] bool synced() const noexcept { return state_.has_snapshot(); }

 private:
  enum class SnapshotReason : std::uint8_t { after_connect, periodic, confirm_credentials };

  void open_stream();
  void on_live();
  void on_down(venues::FeedFailure const& failure);
  void on_balance(venues::BalanceUpdate const& update);
  void on_position(venues::PositionUpdate const& update);
  void schedule_reconnect();
  void request_snapshot(SnapshotReason reason);
  void on_snapshot(SnapshotReason reason, std::uint64_t sequence_at_request,
                   venues::SnapshotResult result);
  void arm_reconcile(std::chrono::milliseconds after, SnapshotReason reason);
  void refuse_credentials(venues::FeedFailure const& failure);
  void note_lag(std::int64_t venue_time_ms);
  void changed();

  std::string binding_id_;
  std::unique_ptr<venues::AccountFeed> feed_;
  SyncTiming timing_;
  Hooks hooks_;
  Clock clock_;
  AccountState state_;
  Backoff stream_backoff_;
  Backoff snapshot_backoff_;
  boost::asio::steady_timer reconnect_timer_;
  boost::asio::steady_timer reconcile_timer_;
  SyncHealth health_;
  std::optional<EstimatedTotal> estimated_total_;  ///< the venue's, from the last snapshot
  bool live_ = false;
  bool stopped_ = true;
  bool snapshot_in_flight_ = false;
  std::optional<SnapshotReason> pending_snapshot_;
  /// Expires with the sync: a timer that already fired may still have its handler queued when
  /// the sync is destroyed, and cancelling cannot recall it.
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace tradelink::platform::sync
