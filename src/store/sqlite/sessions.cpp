// SqliteStore: the sessions table.
#include "store/sqlite/sqlite_store.hpp"
#include "store/store_error.hpp"

namespace tradelink::store {

core::Result<void> SqliteStore::insert_session(SessionRecord const& session) {
  std::lock_guard const lock(mutex_);
  auto insert = connection_.prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert) return insert.error();
  insert->bind_text(1, session.token_hash)
      .bind_int64(2, session.user_id)
      .bind_text(3, session.csrf_token)
      .bind_int64(4, session.created_at)
      .bind_int64(5, session.expires_at);
  return insert->run();
}

core::Result<SessionRecord> SqliteStore::find_session(std::string_view token_hash) {
  std::lock_guard const lock(mutex_);
  auto query = connection_.prepare(
      "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
      "WHERE token_hash = ?1");
  if (!query) return query.error();
  query->bind_text(1, token_hash);
  auto row = query->step();
  if (!row) return row.error();
  if (!*row) return store_error(error_code::not_found, "no such session");
  return SessionRecord{query->column_text(0), query->column_int64(1), query->column_text(2),
                       query->column_int64(3), query->column_int64(4)};
}

core::Result<void> SqliteStore::delete_session(std::string_view token_hash) {
  std::lock_guard const lock(mutex_);
  auto remove = connection_.prepare("DELETE FROM sessions WHERE token_hash = ?1");
  if (!remove) return remove.error();
  remove->bind_text(1, token_hash);
  return remove->run();
}

core::Result<std::size_t> SqliteStore::delete_expired_sessions(std::int64_t now) {
  std::lock_guard const lock(mutex_);
  auto remove = connection_.prepare("DELETE FROM sessions WHERE expires_at <= ?1");
  if (!remove) return remove.error();
  remove->bind_int64(1, now);
  if (auto ran = remove->run(); !ran) return ran.error();
  return static_cast<std::size_t>(connection_.changes());
}

}  // namespace tradelink::store
