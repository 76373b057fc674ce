#pragma once
// Slows password guessing: after `max_failures` failed log-ins for one (client address, email)
// pair within `window`, further attempts for that pair are refused until the oldest failure
// leaves the window. A successful log-in clears the pair. Thread-safe.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace tradelink::api {

struct LoginLimit {
  std::size_t max_failures = 5;
  std::chrono::milliseconds window = std::chrono::minutes{15};
  /// Pairs remembered at most; beyond it the stalest pairs are forgotten first.
  std::size_t max_tracked = 100'000;
};

class LoginLimiter {
 public:
  explicit LoginLimiter(LoginLimit limit) : limit_(limit) {}

  /// How long the pair must wait before trying again, or nullopt when it may try now.
  [[nodiscard]] std::optional<std::chrono::milliseconds> retry_after(std::string_view address,
                                                                     std::string_view email,
                                                                     std::int64_t now_ms);
  void record_failure(std::string_view address, std::string_view email, std::int64_t now_ms);
  void record_success(std::string_view address, std::string_view email);

 private:
  [[nodiscard]] static std::string key_of(std::string_view address, std::string_view email);
  void forget_old(std::deque<std::int64_t>& failures, std::int64_t now_ms) const;
  void evict_if_full(std::int64_t now_ms);

  LoginLimit limit_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>, std::less<>> failures_;
};

}  // namespace tradelink::api
