#include "platform/users/token_cache.hpp"

#include <algorithm>

namespace tradelink::platform::users {

TokenCache::TokenCache(std::chrono::milliseconds lifetime, std::size_t capacity)
    : lifetime_ms_(std::max<std::int64_t>(0, lifetime.count())), capacity_(capacity) {}

std::optional<CachedToken> TokenCache::find(std::string_view token_hash, std::int64_t now) const {
  std::lock_guard const lock(mutex_);
  auto const found = entries_.find(token_hash);
  if (found == entries_.end() || found->second.expires_at <= now) return std::nullopt;
  return found->second.token;
}

std::uint64_t TokenCache::generation() const {
  std::lock_guard const lock(mutex_);
  return generation_;
}

void TokenCache::remember(std::string_view token_hash, CachedToken token, std::int64_t now,
                          std::uint64_t generation) {
  if (lifetime_ms_ == 0 || capacity_ == 0) return;
  std::lock_guard const lock(mutex_);
  if (generation != generation_) return;
  auto found = entries_.find(token_hash);
  if (found == entries_.end()) {
    make_room(now);
    found = entries_.emplace(std::string(token_hash), Entry{}).first;
  }
  found->second = Entry{token, now + lifetime_ms_};
}

void TokenCache::forget(std::int64_t token_id) {
  std::lock_guard const lock(mutex_);
  ++generation_;
  std::erase_if(entries_,
                [token_id](auto const& entry) { return entry.second.token.token_id == token_id; });
}

void TokenCache::make_room(std::int64_t now) {
  if (entries_.size() < capacity_) return;
  std::erase_if(entries_, [now](auto const& entry) { return entry.second.expires_at <= now; });
  // Every entry still fresh: start over rather than track recency on the hot path.
  if (entries_.size() >= capacity_) entries_.clear();
}

}  // namespace tradelink::platform::users
