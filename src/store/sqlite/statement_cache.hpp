#pragma once
// Prepared statements kept per SQL text, so that a query the store runs again and again (a
// token lookup on every API request) is compiled once per connection, not once per call. A
// Statement taken from the cache goes back to it, reset and unbound, when it is destroyed;
// one idle statement is kept per text (a second one in use at the same time is finalized).
// Not thread-safe: it belongs to one Connection, whose owner serialises access.

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tradelink::store::sqlite {

class StatementCache {
 public:
  StatementCache() = default;
  ~StatementCache();
  StatementCache(StatementCache const&) = delete;
  StatementCache& operator=(StatementCache const&) = delete;

  /// An idle statement prepared from a text, with that text (kept to give the statement back).
  struct Idle {
    std::string sql;
    sqlite3_stmt* statement = nullptr;
  };
  /// The idle statement prepared from `sql`, taken out of the cache (its text moves out with
  /// it: a hit allocates nothing), or nullopt.
  [[nodiscard]] std::optional<Idle> take(std::string_view sql) noexcept;
  /// Resets `statement`, clears its bindings and keeps it for `sql` (finalizes it when the
  /// cache already holds one for that text).
  void give_back(std::string sql, sqlite3_stmt* statement) noexcept;

 private:
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> idle_;
};

}  // namespace tradelink::store::sqlite
