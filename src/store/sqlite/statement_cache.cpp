#include "store/sqlite/statement_cache.hpp"

#include <utility>

namespace tradelink::store::sqlite {

StatementCache::~StatementCache() {
  for (auto& [sql, statement] : idle_) sqlite3_finalize(statement);
}

std::optional<StatementCache::Idle> StatementCache::take(std::string_view sql) noexcept {
  auto found = idle_.find(sql);
  if (found == idle_.end()) return std::nullopt;
  auto node = idle_.extract(found);
  return Idle{std::move(node.key()), node.mapped()};
}

void StatementCache::give_back(std::string sql, sqlite3_stmt* statement) noexcept {
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  try {
    auto [slot, kept] = idle_.try_emplace(std::move(sql), statement);
    if (kept) return;
  } catch (...) {  // out of memory: the statement is simply not reused
  }
  sqlite3_finalize(statement);
}

}  // namespace tradelink::store::sqlite
