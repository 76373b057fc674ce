#pragma once
// API tokens verified recently, by token hash, so that a script polling the API is not a
// database read per request. Entries live for a short, fixed time; forgetting a token takes
// effect at once, also against a verification that was still reading the store when the token
// was forgotten (see generation()). Bounded in size. Thread-safe.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tradelink::platform::users {

/// Who a cached token belongs to.
struct CachedToken {
  std::int64_t user_id = 0;
  std::int64_t token_id = 0;
};

class TokenCache {
 public:
  /// `lifetime`: how long a verification is trusted; 0 disables the cache. `capacity`: entries
  /// kept at most (expired ones are dropped first, then all of them, when it is reached).
  TokenCache(std::chrono::milliseconds lifetime, std::size_t capacity);

  /// The token with this hash when it was remembered less than `lifetime` before `now`
  /// (Unix milliseconds) and not forgotten since.
  [[nodiscard]] std::optional<CachedToken> find(std::string_view token_hash,
                                                std::int64_t now) const;

  /// Changes whenever a token is forgotten. Read it before looking a token up in the store and
  /// hand it to remember(): a token forgotten in between is then not remembered.
  [[nodiscard]] std::uint64_t generation() const;

  /// Remembers a token just verified against the store, unless a token was forgotten since
  /// `generation` was read.
  void remember(std::string_view token_hash, CachedToken token, std::int64_t now,
                std::uint64_t generation);

  /// Forgets the token (revoked); later find() calls miss it.
  void forget(std::int64_t token_id);

 private:
  struct Entry {
    CachedToken token;
    std::int64_t expires_at = 0;
  };
  struct HashOfText {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };

  void make_room(std::int64_t now);

  std::int64_t const lifetime_ms_;
  std::size_t const capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry, HashOfText, std::equal_to<>> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace tradelink::platform::users
