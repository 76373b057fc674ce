#include "platform/sync/sync_shard.hpp"

#include <boost/asio/post.hpp>

#include <future>
#include <utility>

namespace tradelink::platform::sync {

SyncShard::SyncShard(store::Store& store, BackgroundWriter& writer, ShardOptions options,
                     Clock clock)
    : store_(store),
      writer_(writer),
      options_(options),
      clock_(std::move(clock)),
      work_(boost::asio::make_work_guard(io_)),
      flush_timer_(io_) {
  arm_flush();
  thread_ = std::thread([this] { io_.run(); });
}

SyncShard::~SyncShard() {
  std::promise<void> done;
  boost::asio::post(io_, [this, &done] {
    stopping_ = true;
    syncs_.clear();
    flush_timer_.cancel();
    flush();
    done.set_value();
  });
  done.get_future().wait();
  work_.reset();
  io_.stop();
  thread_.join();
  // Handlers still queued (closing sockets, destroyed sessions) release their resources here.
  io_.restart();
  io_.poll();
}

void SyncShard::post(std::function<void()> job) {
  boost::asio::post(io_, std::move(job));
}

void SyncShard::adopt(std::string const& binding_id, std::unique_ptr<BindingSync> sync) {
  BindingSync& started = *sync;
  syncs_.insert_or_assign(binding_id, std::move(sync));
  started.start();
}

void SyncShard::drop(std::string const& binding_id) {
  auto found = syncs_.find(binding_id);
  if (found == syncs_.end()) return;
  // Out of the map first: stop() reports a last change that must not find it half-destroyed.
  auto sync = std::move(found->second);
  syncs_.erase(found);
  sync->stop();
}

void SyncShard::record(std::int64_t user_id, BindingBalances const& balances) {
  std::int64_t const now = clock_();
  for (BalanceLine const& line : balances.lines) {
    RowKey key{balances.binding_id, line.account, line.currency};
    std::string total = line.total.to_string();
    pending_rows_.insert_or_assign(
        key, store::BalanceRecord{balances.binding_id, user_id, line.account, line.currency,
                                  line.available.to_string(), line.locked.to_string(), total, now});
    history_[key].candidate = store::BalancePointRecord{
        balances.binding_id, user_id, line.account, line.currency, std::move(total), now};
  }
}

void SyncShard::flush() {
  std::int64_t const now = clock_();
  std::vector<store::BalanceRecord> rows;
  rows.reserve(pending_rows_.size());
  for (auto& [key, row] : pending_rows_) rows.push_back(std::move(row));
  pending_rows_.clear();
  std::vector<store::BalancePointRecord> points;
  for (auto& [key, state] : history_) {
    if (!state.candidate) continue;
    bool const due =
        state.last_point_at == 0 || now - state.last_point_at >= options_.history_interval.count();
    if (!due) continue;
    state.last_point_at = now;
    points.push_back(std::move(*state.candidate));
    state.candidate.reset();
  }
  if (rows.empty() && points.empty()) return;
  writer_.submit([&store = store_, rows = std::move(rows), points = std::move(points)] {
    // Best effort like every write behind the stream: the next change or reconcile rewrites it.
    (void)store.upsert_balances(rows);
    (void)store.append_balance_history(points);
  });
}

void SyncShard::arm_flush() {
  flush_timer_.expires_after(options_.flush_interval);
  flush_timer_.async_wait([this](boost::system::error_code const& error) {
    // A tick already queued when the destructor's job ran: the final flush happened there.
    if (error || stopping_) return;
    flush();
    arm_flush();
  });
}

}  // namespace tradelink::platform::sync
