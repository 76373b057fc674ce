#include "api/login_limiter.hpp"

namespace tradelink::api {

std::string LoginLimiter::key_of(std::string_view address, std::string_view email) {
  std::string key(address);
  key += '\n';
  for (char const c : email) {
    key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

void LoginLimiter::forget_old(std::deque<std::int64_t>& failures, std::int64_t now_ms) const {
  while (!failures.empty() && failures.front() + limit_.window.count() <= now_ms) {
    failures.pop_front();
  }
}

std::optional<std::chrono::milliseconds> LoginLimiter::retry_after(std::string_view address,
                                                                   std::string_view email,
                                                                   std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  auto const found = failures_.find(key_of(address, email));
  if (found == failures_.end()) return std::nullopt;
  forget_old(found->second, now_ms);
  if (found->second.size() < limit_.max_failures) return std::nullopt;
  return std::chrono::milliseconds{found->second.front() + limit_.window.count() - now_ms};
}

void LoginLimiter::record_failure(std::string_view address, std::string_view email,
                                  std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  evict_if_full(now_ms);
  auto& failures = failures_[key_of(address, email)];
  forget_old(failures, now_ms);
  failures.push_back(now_ms);
  while (failures.size() > limit_.max_failures) failures.pop_front();
}

void LoginLimiter::record_success(std::string_view address, std::string_view email) {
  std::lock_guard lock(mutex_);
  failures_.erase(key_of(address, email));
}

void LoginLimiter::evict_if_full(std::int64_t now_ms) {
  if (failures_.size() < limit_.max_tracked) return;
  for (auto it = failures_.begin(); it != failures_.end();) {
    forget_old(it->second, now_ms);
    it = it->second.empty() ? failures_.erase(it) : std::next(it);
  }
  if (failures_.size() < limit_.max_tracked) return;
  // Still full: every pair is active. The one whose last failure is oldest goes, so memory stays
  // bounded while the pairs being tried right now are kept.
  auto stalest = failures_.begin();
  for (auto it = failures_.begin(); it != failures_.end(); ++it) {
    if (it->second.back() < stalest->second.back()) stalest = it;
  }
  failures_.erase(stalest);
}

}  // namespace tradelink::api
