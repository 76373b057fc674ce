#pragma once
// One thread of the sync: an io_context on which a share of the bindings runs, and the rows
// those bindings changed since the last flush. Every `flush_interval` the latest row of each
// changed balance (and, at most once per `history_interval` per balance, a history point) goes
// to the background writer in one batch: the update path never touches the store.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "platform/sync/background_writer.hpp"
#include "platform/sync/balance_view.hpp"
#include "platform/sync/binding_sync.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace tradelink::platform::sync {

struct ShardOptions {
  std::chrono::milliseconds flush_interval{250};
  std::chrono::milliseconds history_interval{60'000};
};

class SyncShard {
 public:
  using Clock = std::function<std::int64_t()>;  ///< Unix ms

  /// `store` and `writer` must outlive the shard. Starts the thread.
  SyncShard(store::Store& store, BackgroundWriter& writer, ShardOptions options, Clock clock);
  /// Stops every binding of the shard, flushes, joins the thread.
  ~SyncShard();
  SyncShard(SyncShard const&) = delete;
  SyncShard& operator=(SyncShard const&) = delete;

  [[nodiscard]] boost::asio::io_context& io() noexcept { return io_; }
  /// Runs `job` on the shard's thread. Thread-safe.
  void post(std::function<void()> job);

  // --- shard thread only ---------------------------------------------------------------------

  /// Takes ownership of a binding's sync and starts it.
  void adopt(std::string const& binding_id, std::unique_ptr<BindingSync> sync);
  /// Stops and destroys a binding's sync (no-op when absent).
  void drop(std::string const& binding_id);
  /// Remembers the binding's balances for the next flush.
  void record(std::int64_t user_id, BindingBalances const& balances);
  /// Hands what is pending to the writer now.
  void flush();

 private:
  using RowKey = std::tuple<std::string, std::string, std::string>;  ///< binding, account, ccy
  struct HistoryState {
    std::int64_t last_point_at = 0;
    std::optional<store::BalancePointRecord> candidate;
  };

  void arm_flush();

  store::Store& store_;
  BackgroundWriter& writer_;
  ShardOptions options_;
  Clock clock_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  boost::asio::steady_timer flush_timer_;
  std::map<std::string, std::unique_ptr<BindingSync>, std::less<>> syncs_;
  std::map<RowKey, store::BalanceRecord> pending_rows_;
  std::map<RowKey, HistoryState> history_;
  bool stopping_ = false;  ///< set by the destructor's last job: no flush timer after it
  std::thread thread_;
};

}  // namespace tradelink::platform::sync
