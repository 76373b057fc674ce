#include "platform/sync/binding_sync.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

namespace tradelink::platform::sync {
namespace {

constexpr std::string_view state_connecting = "connecting";
constexpr std::string_view state_live = "live";
constexpr std::string_view state_reconnecting = "reconnecting";
constexpr std::string_view state_stopped = "stopped";
constexpr std::string_view state_auth_failed = "auth_failed";

/// A per-binding seed: bindings that fail together back off apart.
std::uint64_t seed_of(std::string const& binding_id) {
  return std::hash<std::string>{}(binding_id);
}

}  // namespace

BindingSync::BindingSync(boost::asio::io_context& io, std::string binding_id,
                         std::unique_ptr<venues::AccountFeed> feed, SyncTiming timing, Hooks hooks,
                         Clock clock)
    : binding_id_(std::move(binding_id)),
      feed_(std::move(feed)),
      timing_(timing),
      hooks_(std::move(hooks)),
      clock_(std::move(clock)),
      stream_backoff_(timing.backoff_initial, timing.backoff_max, seed_of(binding_id_)),
      snapshot_backoff_(timing.backoff_initial, timing.backoff_max, seed_of(binding_id_) + 1),
      reconnect_timer_(io),
      reconcile_timer_(io) {
  health_.socket_state = state_stopped;
}

BindingSync::~BindingSync() = default;

void BindingSync::start() {
  if (!stopped_) return;
  stopped_ = false;
  open_stream();
}

void BindingSync::stop() {
  if (stopped_) return;
  stopped_ = true;
  live_ = false;
  feed_->stop();
  reconnect_timer_.cancel();
  reconcile_timer_.cancel();
  health_.socket_state = state_stopped;
  changed();
}

BindingBalances BindingSync::view() const {
  return BindingBalances{binding_id_, state_.lines(), health_, estimated_total_};
}

void BindingSync::open_stream() {
  health_.socket_state = health_.reconnects == 0 ? state_connecting : state_reconnecting;
  changed();
  venues::FeedListener listener;
  listener.on_balance = [this](venues::BalanceUpdate const& update) { on_balance(update); };
  listener.on_position = [this](venues::PositionUpdate const& update) { on_position(update); };
  listener.on_live = [this] { on_live(); };
  listener.on_down = [this](venues::FeedFailure const& failure) { on_down(failure); };
  feed_->start(std::move(listener));
}

void BindingSync::on_live() {
  live_ = true;
  // The stream is subscribed: a snapshot now covers whatever happened before it.
  request_snapshot(SnapshotReason::after_connect);
}

void BindingSync::on_down(venues::FeedFailure const& failure) {
  live_ = false;
  reconcile_timer_.cancel();
  health_.last_error = failure.error.message;
  spdlog::warn("sync {}: stream down: {}", binding_id_, failure.error.message);
  if (failure.credentials) {
    // The stream's refusals are coarse; the REST answer says precisely whether the key is gone.
    health_.socket_state = state_reconnecting;
    changed();
    request_snapshot(SnapshotReason::confirm_credentials);
    return;
  }
  schedule_reconnect();
}

void BindingSync::schedule_reconnect() {
  ++health_.reconnects;
  health_.socket_state = state_reconnecting;
  changed();
  reconnect_timer_.expires_after(stream_backoff_.next());
  reconnect_timer_.async_wait(
      [this, alive = std::weak_ptr<int>(alive_)](boost::system::error_code const& error) {
        if (error || alive.expired() || stopped_) return;
        open_stream();
      });
}

void BindingSync::on_balance(venues::BalanceUpdate const& update) {
  if (!state_.apply(update)) return;
  note_lag(update.venue_time_ms);
  changed();
}

void BindingSync::on_position(venues::PositionUpdate const& update) {
  if (!state_.apply(update)) return;
  note_lag(update.venue_time_ms);
  changed();
}

void BindingSync::note_lag(std::int64_t venue_time_ms) {
  std::int64_t const venue_now = clock_() + feed_->venue_clock_offset_ms();
  health_.lag_ms = std::max<std::int64_t>(0, venue_now - venue_time_ms);
}

void BindingSync::request_snapshot(SnapshotReason reason) {
  if (stopped_) return;
  if (snapshot_in_flight_) {
    // After-connect and confirmation outrank a periodic check.
    if (!pending_snapshot_ || *pending_snapshot_ == SnapshotReason::periodic) {
      pending_snapshot_ = reason;
    }
    return;
  }
  snapshot_in_flight_ = true;
  std::uint64_t const sequence = state_.sequence();
  feed_->snapshot([this, reason, sequence](venues::SnapshotResult result) {
    on_snapshot(reason, sequence, std::move(result));
  });
}

void BindingSync::on_snapshot(SnapshotReason reason, std::uint64_t sequence_at_request,
                              venues::SnapshotResult result) {
  snapshot_in_flight_ = false;
  if (stopped_) return;
  if (!result) {
    venues::FeedFailure const& failure = result.error();
    if (failure.credentials) return refuse_credentials(failure);
    ++health_.reconcile_failures;
    health_.last_error = failure.error.message;
    spdlog::warn("sync {}: snapshot failed: {}", binding_id_, failure.error.message);
    changed();
    auto wait = snapshot_backoff_.next();
    if (failure.error.retry_after) wait = std::max(wait, *failure.error.retry_after);
    arm_reconcile(wait, reason);
    return;
  }
  snapshot_backoff_.reset();
  std::vector<Drift> const drifts = state_.merge(*result, sequence_at_request);
  if (reason == SnapshotReason::periodic && !drifts.empty()) {
    health_.drift_count += drifts.size();
    for (Drift const& drift : drifts) {
      spdlog::warn("sync {}: drift repaired: {} streamed {} venue {}", binding_id_, drift.what,
                   drift.streamed, drift.venue);
    }
  }
  health_.synced_at_ms = clock_();
  health_.last_error.reset();
  if (result->estimated_total) {
    estimated_total_ = EstimatedTotal{result->estimated_total->currency,
                                      result->estimated_total->amount, *health_.synced_at_ms};
  }
  if (reason == SnapshotReason::confirm_credentials) {
    schedule_reconnect();  // the key still works: the stream's refusal was transient
  } else if (live_) {
    health_.socket_state = state_live;
    stream_backoff_.reset();
    changed();
    arm_reconcile(timing_.reconcile_interval, SnapshotReason::periodic);
  } else {
    changed();
  }
  if (pending_snapshot_) {
    SnapshotReason const next = *std::exchange(pending_snapshot_, std::nullopt);
    request_snapshot(next);
  }
}

void BindingSync::arm_reconcile(std::chrono::milliseconds after, SnapshotReason reason) {
  reconcile_timer_.expires_after(after);
  reconcile_timer_.async_wait(
      [this, reason, alive = std::weak_ptr<int>(alive_)](boost::system::error_code const& error) {
        if (error || alive.expired() || stopped_) return;
        // A periodic check needs the stream up; other reasons are retries of a failed snapshot.
        if (reason == SnapshotReason::periodic && !live_) return;
        request_snapshot(reason);
      });
}

void BindingSync::refuse_credentials(venues::FeedFailure const& failure) {
  stopped_ = true;
  live_ = false;
  feed_->stop();
  reconnect_timer_.cancel();
  reconcile_timer_.cancel();
  health_.socket_state = state_auth_failed;
  health_.last_error = failure.error.message;
  spdlog::error("sync {}: the venue refused the key: {}", binding_id_, failure.error.message);
  changed();
  if (hooks_.on_credentials_refused) hooks_.on_credentials_refused(failure);
}

void BindingSync::changed() {
  if (hooks_.on_changed) hooks_.on_changed(*this);
}

}  // namespace tradelink::platform::sync
