#include "store/sqlite/statement_cache.hpp"

#include <utility>

namespace tradelink::store::sqlite {

StatementCache::~StatementCache() {
  for (auto& [sql, statement] : idle_) sqlite3_finalize(statement);
}

sqlite3_stmt* StatementCache::take(std::string_view sql) noexcept {
  auto found = idle_.find(sql);
  if (found == idle_.end()) return nullptr;
  sqlite3_stmt* const statement = found->second;
  idle_.erase(found);
  return statement;
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
