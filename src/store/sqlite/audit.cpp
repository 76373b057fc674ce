// SqliteStore: the audit_log table.
#include <algorithm>
#include <limits>

#include "store/sqlite/sqlite_store.hpp"
#include "store/store_error.hpp"

namespace tradelink::store {

core::Result<std::int64_t> SqliteStore::append_audit(AuditRecord const& record) {
  std::lock_guard const lock(mutex_);
  auto insert = connection_.prepare(
      "INSERT INTO audit_log (user_id, binding_id, event, detail_json, at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert) return insert.error();
  insert->bind_int64(1, record.user_id)
      .bind_optional_text(2, record.binding_id)
      .bind_text(3, record.event)
      .bind_text(4, record.detail_json)
      .bind_int64(5, record.at);
  if (auto ran = insert->run(); !ran) return ran.error();
  return connection_.last_insert_rowid();
}

core::Result<std::vector<AuditRecord>> SqliteStore::list_audit(
    std::int64_t user_id, std::optional<std::string_view> binding_id, std::size_t limit) {
  std::lock_guard const lock(mutex_);
  auto query = connection_.prepare(
      "SELECT id, user_id, binding_id, event, detail_json, at FROM audit_log "
      "WHERE user_id = ?1 AND (?2 IS NULL OR binding_id = ?2) "
      "ORDER BY at DESC, id DESC LIMIT ?3");
  if (!query) return query.error();
  constexpr auto max_limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  query->bind_int64(1, user_id)
      .bind_optional_text(2, binding_id)
      .bind_int64(3, static_cast<std::int64_t>(std::min(limit, max_limit)));
  std::vector<AuditRecord> records;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return records;
    records.push_back(AuditRecord{query->column_int64(0), query->column_int64(1),
                                  query->column_optional_text(2), query->column_text(3),
                                  query->column_text(4), query->column_int64(5)});
  }
}

}  // namespace tradelink::store
