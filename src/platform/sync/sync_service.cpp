#include "platform/sync/sync_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>
#include <future>
#include <utility>

#include "core/scope.hpp"

namespace tradelink::platform::sync {
namespace {

core::Error not_found(std::string_view binding_id) {
  return core::validation_error("sync.not_found",
                                "No key binding " + std::string(binding_id) + " for this user.");
}

venues::AccountMode mode_of(std::string_view text) {
  if (text == "unified") return venues::AccountMode::unified;
  if (text == "classic") return venues::AccountMode::classic;
  return venues::AccountMode::unknown;
}

}  // namespace

keys::BindingStatus status_for(venues::CredentialProblem problem) noexcept {
  using keys::BindingStatus;
  switch (problem) {
    case venues::CredentialProblem::unknown_key: return BindingStatus::revoked;
    case venues::CredentialProblem::bad_signature: return BindingStatus::invalid_credentials;
    case venues::CredentialProblem::expired: return BindingStatus::expired;
    case venues::CredentialProblem::ip_forbidden: return BindingStatus::ip_restricted;
    case venues::CredentialProblem::locked: return BindingStatus::locked;
    case venues::CredentialProblem::permission_removed: return BindingStatus::permission_denied;
    case venues::CredentialProblem::clock_skew: return BindingStatus::clock_skew;
  }
  return BindingStatus::revoked;
}

SyncService::SyncService(store::Store& store, keys::KeyService& keys, FeedDirectory feeds,
                         SyncOptions options, Clock clock)
    : store_(store),
      keys_(keys),
      feeds_(std::move(feeds)),
      options_(options),
      clock_(std::move(clock)),
      watchers_(std::make_shared<WatcherList const>()) {
  std::size_t const count = std::max<std::size_t>(1, options_.shards);
  shards_.reserve(count);
  for (std::size_t index = 0; index < count; ++index) {
    shards_.push_back(std::make_unique<SyncShard>(store_, writer_, options_.persistence, clock_));
  }
}

SyncService::~SyncService() {
  {
    std::lock_guard const lock(registry_mutex_);
    entries_.clear();
  }
  shards_.clear();  // each stops its bindings and flushes into the writer
}

core::Result<std::size_t> SyncService::start_all() {
  auto bindings = store_.list_active_bindings();
  if (!bindings) return bindings.error();
  std::size_t started = 0;
  for (store::KeyBindingRecord const& binding : *bindings) {
    if (binding.status != keys::to_string(keys::BindingStatus::connected)) continue;
    {
      std::lock_guard const lock(registry_mutex_);
      if (entries_.contains(binding.id)) continue;
    }
    if (auto done = start(binding.user_id, binding.id); !done) return done.error();
    ++started;
  }
  return started;
}

core::Result<void> SyncService::start(std::int64_t user_id, std::string_view binding_id) {
  auto record = store_.find_binding(user_id, binding_id);
  if (!record) return not_found(binding_id);
  if (record->status != keys::to_string(keys::BindingStatus::connected)) {
    return core::validation_error("sync.not_connected",
                                  "Key binding " + record->id + " is " + record->status +
                                      ", not connected: fix the key and verify it first.");
  }
  auto factory = feeds_.find(record->venue);
  if (factory == feeds_.end()) {
    return core::validation_error("sync.unknown_venue",
                                  "No account sync for venue " + record->venue + ".");
  }
  auto scope = core::parse_scope(record->scope);
  if (!scope) return scope.error();
  auto key = keys_.credentials(user_id, binding_id);
  if (!key) return key.error();

  std::size_t const shard_index = shard_for(record->id);
  auto entry = std::make_shared<Entry>();
  entry->user_id = user_id;
  entry->shard = shard_index;
  {
    std::lock_guard const lock(registry_mutex_);
    if (!entries_.try_emplace(record->id, entry).second) return core::ok();
  }

  venues::FeedConfig config;
  config.scope = *scope;
  config.mode = mode_of(record->account_mode);
  config.exchange_user_id = record->exchange_user_id;
  config.timing = options_.timing.feed;
  SyncShard& shard = *shards_[shard_index];
  shard.post([this, &shard, entry, factory = factory->second, id = record->id,
              key = std::move(*key), config = std::move(config)]() mutable {
    auto feed = factory->create(shard.io(), key, std::move(config));
    if (!feed) {
      // A configuration error (the venue's URL): balances() keeps answering sync.not_synced.
      spdlog::error("sync {}: cannot open the account feed: {}", id, feed.error().message);
      return;
    }
    BindingSync::Hooks hooks;
    hooks.on_changed = [this, entry, &shard](BindingSync const& sync) {
      on_changed(*entry, shard, sync);
    };
    hooks.on_credentials_refused = [this, user_id = entry->user_id,
                                    id](venues::FeedFailure const& failure) {
      on_credentials_refused(user_id, id, failure);
    };
    shard.adopt(id, std::make_unique<BindingSync>(shard.io(), id, std::move(*feed), options_.timing,
                                                  std::move(hooks), clock_));
  });
  return core::ok();
}

void SyncService::stop(std::string_view binding_id) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard const lock(registry_mutex_);
    auto found = entries_.find(binding_id);
    if (found == entries_.end()) return;
    entry = std::move(found->second);
    entries_.erase(found);
  }
  SyncShard& shard = *shards_[entry->shard];
  shard.post([&shard, id = std::string(binding_id)] { shard.drop(id); });
}

core::Result<void> SyncService::restart(std::int64_t user_id, std::string_view binding_id) {
  stop(binding_id);
  auto started = start(user_id, binding_id);
  if (!started && started.error().code == "sync.not_connected") return core::ok();
  return started;
}

void SyncService::flush() {
  for (auto const& shard : shards_) {
    std::promise<void> done;
    shard->post([&shard, &done] {
      shard->flush();
      done.set_value();
    });
    done.get_future().wait();
  }
  writer_.drain();
}

void SyncService::on_changed(Entry& entry, SyncShard& shard, BindingSync const& sync) {
  if (!sync.synced()) return;  // nothing trustworthy to show before the first snapshot
  auto view = std::make_shared<BindingBalances const>(sync.view());
  entry.published.store(view);
  shard.record(entry.user_id, *view);
  notify(entry.user_id, *view);
}

void SyncService::on_credentials_refused(std::int64_t user_id, std::string const& binding_id,
                                         venues::FeedFailure const& failure) {
  if (!failure.credentials) return;
  keys::BindingStatus const status = status_for(*failure.credentials);
  // The store is the writer's business: the shard thread must not wait on it.
  writer_.submit([&keys = keys_, user_id, binding_id, status, detail = failure.error.message] {
    (void)keys.mark_status(user_id, binding_id, status, "sync", detail);
  });
}

void SyncService::notify(std::int64_t user_id, BindingBalances const& balances) const {
  auto const watchers = watchers_.load();
  for (Watcher const& watcher : *watchers) {
    if (watcher.user_id == user_id) (*watcher.listener)(balances);
  }
}

std::size_t SyncService::shard_for(std::string_view binding_id) const noexcept {
  return std::hash<std::string_view>{}(binding_id) % shards_.size();
}

core::Result<BindingBalances> SyncService::balances(std::int64_t user_id,
                                                    std::string_view binding_id) const {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard const lock(registry_mutex_);
    auto found = entries_.find(binding_id);
    if (found != entries_.end() && found->second->user_id == user_id) entry = found->second;
  }
  if (entry) {
    if (auto published = entry->published.load()) return *published;
  } else if (!store_.find_binding(user_id, binding_id)) {
    return not_found(binding_id);
  }
  return core::validation_error(
      "sync.not_synced", "Key binding " + std::string(binding_id) +
                             " has no balances yet: it is not connected, or its first snapshot "
                             "is still on its way.");
}

std::shared_ptr<BindingBalances const> SyncService::latest(std::int64_t user_id,
                                                           std::string_view binding_id) const {
  std::lock_guard const lock(registry_mutex_);
  auto const found = entries_.find(binding_id);
  if (found == entries_.end() || found->second->user_id != user_id) return nullptr;
  return found->second->published.load();
}

SyncTotals SyncService::totals() const {
  SyncTotals totals;
  std::lock_guard const lock(registry_mutex_);
  for (auto const& [id, entry] : entries_) {
    auto const published = entry->published.load();
    if (!published) {
      ++totals.bindings_by_socket_state["awaiting_snapshot"];
      continue;
    }
    SyncHealth const& health = published->health;
    ++totals.bindings_by_socket_state[health.socket_state];
    totals.drift_count += health.drift_count;
    totals.reconnects += health.reconnects;
    totals.reconcile_failures += health.reconcile_failures;
    totals.max_lag_ms = std::max(totals.max_lag_ms, health.lag_ms);
  }
  return totals;
}

core::Result<std::vector<BalancePoint>> SyncService::history(std::int64_t user_id,
                                                             std::string_view binding_id,
                                                             std::int64_t since_ms,
                                                             std::int64_t until_ms) const {
  if (!store_.find_binding(user_id, binding_id)) return not_found(binding_id);
  constexpr std::size_t max_points = 100'000;
  auto records = store_.list_balance_history(user_id, binding_id, since_ms, until_ms, max_points);
  if (!records) return records.error();
  std::vector<BalancePoint> points;
  points.reserve(records->size());
  for (store::BalancePointRecord const& record : *records) {
    auto total = core::Decimal::parse(record.total);
    if (!total) return total.error();
    points.push_back(BalancePoint{record.at, record.account, record.currency, *total});
  }
  return points;
}

WatchHandle SyncService::watch(std::int64_t user_id, Listener listener) {
  std::uint64_t id = 0;
  {
    std::lock_guard const lock(registry_mutex_);
    id = next_watcher_id_++;
    auto next = std::make_shared<WatcherList>(*watchers_.load());
    next->push_back(Watcher{id, user_id, std::make_shared<Listener>(std::move(listener))});
    watchers_.store(std::move(next));
  }
  return WatchHandle([this, id] {
    std::lock_guard const lock(registry_mutex_);
    auto next = std::make_shared<WatcherList>(*watchers_.load());
    std::erase_if(*next, [id](Watcher const& watcher) { return watcher.id == id; });
    watchers_.store(std::move(next));
  });
}

}  // namespace tradelink::platform::sync
