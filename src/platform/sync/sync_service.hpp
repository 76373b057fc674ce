#pragma once
// Real-time account sync for every connected key binding: one BindingSync per binding, bindings
// spread over a few shard threads (each an io_context; a binding's state is touched by its shard
// only), balances published to readers through an atomic pointer per binding (readers never
// block the update path), a batching writer to the store, and the BalanceView the HTTP API, the
// CLI and the web UI read. A venue that refuses a key mid-life flips the binding's status (with an
// audit entry) through the key service.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "platform/keys/key_service.hpp"
#include "platform/sync/background_writer.hpp"
#include "platform/sync/balance_view.hpp"
#include "platform/sync/binding_sync.hpp"
#include "platform/sync/sync_shard.hpp"
#include "store/store.hpp"
#include "venues/account_feed.hpp"

namespace tradelink::platform::sync {

/// Venue adapters by venue name ("gateio").
using FeedDirectory = std::map<std::string, venues::AccountFeedFactory*, std::less<>>;

struct SyncOptions {
  std::size_t shards = 2;
  SyncTiming timing;
  ShardOptions persistence;
};

class SyncService final : public BalanceView {
 public:
  using Clock = std::function<std::int64_t()>;  ///< Unix ms

  /// `store`, `keys` and the factories must outlive the service.
  SyncService(store::Store& store, keys::KeyService& keys, FeedDirectory feeds, SyncOptions options,
              Clock clock);
  /// Stops every binding, writes what is pending, joins the threads.
  ~SyncService() override;
  SyncService(SyncService const&) = delete;
  SyncService& operator=(SyncService const&) = delete;

  /// Starts syncing every binding whose status is connected; returns how many were started
  /// (bindings already syncing are left alone and not counted).
  [[nodiscard]] core::Result<std::size_t> start_all();
  /// Starts syncing one of the user's bindings. Errors: `sync.not_found`, `sync.not_connected`
  /// (the binding's status is not connected: verify it first), `sync.unknown_venue`, store and
  /// vault errors. Starting a binding that already syncs succeeds and changes nothing.
  [[nodiscard]] core::Result<void> start(std::int64_t user_id, std::string_view binding_id);
  /// Stops syncing a binding (no-op when it does not sync). Its last balances stay in the store.
  void stop(std::string_view binding_id);
  /// Follows a change of the binding (verified again, rotated to a new key, status flipped):
  /// stops its sync and, when it is connected, starts it again with the stored key. Errors as
  /// start(), except that a binding no longer connected is simply left stopped.
  [[nodiscard]] core::Result<void> restart(std::int64_t user_id, std::string_view binding_id);

  /// Blocks until every change published so far is in the store.
  void flush();

  [[nodiscard]] core::Result<BindingBalances> balances(std::int64_t user_id,
                                                       std::string_view binding_id) const override;
  [[nodiscard]] std::shared_ptr<BindingBalances const> latest(
      std::int64_t user_id, std::string_view binding_id) const override;
  [[nodiscard]] core::Result<std::vector<BalancePoint>> history(
      std::int64_t user_id, std::string_view binding_id, std::int64_t since_ms,
      std::int64_t until_ms) const override;
  /// Handles must be destroyed before the service.
  [[nodiscard]] WatchHandle watch(std::int64_t user_id, Listener listener) override;
  [[nodiscard]] SyncTotals totals() const override;

 private:
  /// What readers see of one syncing binding; shared with its shard's hooks.
  struct Entry {
    std::int64_t user_id = 0;
    std::size_t shard = 0;
    std::atomic<std::shared_ptr<BindingBalances const>> published;  ///< null until synced
  };
  struct Watcher {
    std::uint64_t id = 0;
    std::int64_t user_id = 0;
    std::shared_ptr<Listener> listener;
  };
  using WatcherList = std::vector<Watcher>;

  void on_changed(Entry& entry, SyncShard& shard, BindingSync const& sync);
  void on_credentials_refused(std::int64_t user_id, std::string const& binding_id,
                              venues::FeedFailure const& failure);
  void notify(std::int64_t user_id, BindingBalances const& balances) const;
  [[nodiscard]] std::size_t shard_for(std::string_view binding_id) const noexcept;

  store::Store& store_;
  keys::KeyService& keys_;
  FeedDirectory feeds_;
  SyncOptions options_;
  Clock clock_;
  BackgroundWriter writer_;  // before the shards: they flush into it when destroyed
  std::vector<std::unique_ptr<SyncShard>> shards_;

  mutable std::mutex registry_mutex_;  // guards entries_ and watcher changes, never the updates
  std::map<std::string, std::shared_ptr<Entry>, std::less<>> entries_;
  std::atomic<std::shared_ptr<WatcherList const>> watchers_;
  std::uint64_t next_watcher_id_ = 1;
};

/// The binding status a refused credential means ("revoked" for a key the venue forgot, ...).
[[nodiscard]] keys::BindingStatus status_for(venues::CredentialProblem problem) noexcept;

}  // namespace tradelink::platform::sync
