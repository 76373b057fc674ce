// SqliteStore: the api_tokens table.
#include "store/sqlite/sqlite_store.hpp"
#include "store/store_error.hpp"

namespace tradelink::store {
namespace {

constexpr std::string_view token_columns =
    "id, user_id, name, token_hash, created_at, last_used_at, revoked";

ApiTokenRecord read_token(sqlite::Statement const& row) {
  return ApiTokenRecord{row.column_int64(0), row.column_int64(1), row.column_text(2),
                        row.column_text(3),  row.column_int64(4), row.column_optional_int64(5),
                        row.column_bool(6)};
}

}  // namespace

core::Result<ApiTokenRecord> SqliteStore::insert_api_token(ApiTokenRecord const& token) {
  std::lock_guard const lock(mutex_);
  auto insert = connection_.prepare(
      "INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at, revoked) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert) return insert.error();
  insert->bind_int64(1, token.user_id)
      .bind_text(2, token.name)
      .bind_text(3, token.token_hash)
      .bind_int64(4, token.created_at)
      .bind_optional_int64(5, token.last_used_at)
      .bind_bool(6, token.revoked);
  if (auto ran = insert->run(); !ran) return ran.error();
  ApiTokenRecord inserted = token;
  inserted.id = connection_.last_insert_rowid();
  return inserted;
}

core::Result<ApiTokenRecord> SqliteStore::find_api_token(std::string_view token_hash) {
  std::lock_guard const lock(mutex_);
  auto query = connection_.prepare("SELECT " + std::string{token_columns} +
                                   " FROM api_tokens WHERE token_hash = ?1");
  if (!query) return query.error();
  query->bind_text(1, token_hash);
  auto row = query->step();
  if (!row) return row.error();
  if (!*row) return store_error(error_code::not_found, "no such API token");
  return read_token(*query);
}

core::Result<std::vector<ApiTokenRecord>> SqliteStore::list_api_tokens(std::int64_t user_id) {
  std::lock_guard const lock(mutex_);
  auto query = connection_.prepare("SELECT " + std::string{token_columns} +
                                   " FROM api_tokens WHERE user_id = ?1 ORDER BY id");
  if (!query) return query.error();
  query->bind_int64(1, user_id);
  std::vector<ApiTokenRecord> tokens;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return tokens;
    tokens.push_back(read_token(*query));
  }
}

core::Result<void> SqliteStore::revoke_api_token(std::int64_t user_id, std::int64_t token_id) {
  std::lock_guard const lock(mutex_);
  auto update =
      connection_.prepare("UPDATE api_tokens SET revoked = 1 WHERE id = ?1 AND user_id = ?2");
  if (!update) return update.error();
  update->bind_int64(1, token_id).bind_int64(2, user_id);
  if (auto ran = update->run(); !ran) return ran;
  if (connection_.changes() == 0) return store_error(error_code::not_found, "no such API token");
  return core::ok();
}

core::Result<void> SqliteStore::touch_api_token(std::int64_t token_id, std::int64_t now) {
  std::lock_guard const lock(mutex_);
  auto update = connection_.prepare("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1");
  if (!update) return update.error();
  update->bind_int64(1, token_id).bind_int64(2, now);
  if (auto ran = update->run(); !ran) return ran;
  if (connection_.changes() == 0) return store_error(error_code::not_found, "no such API token");
  return core::ok();
}

}  // namespace tradelink::store
