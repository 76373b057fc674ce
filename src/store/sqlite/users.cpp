// SqliteStore: the users table.
#include "store/sqlite/sqlite_store.hpp"
#include "store/store_error.hpp"

namespace tradelink::store {
namespace {

constexpr std::string_view user_columns = "id, email, password_hash, created_at";

UserRecord read_user(sqlite::Statement const& row) {
  return UserRecord{row.column_int64(0), row.column_text(1), row.column_text(2),
                    row.column_int64(3)};
}

core::Result<UserRecord> single_user(core::Result<sqlite::Statement> query) {
  if (!query) return query.error();
  auto row = query->step();
  if (!row) return row.error();
  if (!*row) return store_error(error_code::not_found, "no such user");
  return read_user(*query);
}

}  // namespace

core::Result<UserRecord> SqliteStore::create_user(UserRecord const& user) {
  std::lock_guard const lock(mutex_);
  auto insert = connection_.prepare(
      "INSERT INTO users (email, password_hash, created_at) VALUES (?1, ?2, ?3)");
  if (!insert) return insert.error();
  insert->bind_text(1, user.email).bind_text(2, user.password_hash).bind_int64(3, user.created_at);
  if (auto ran = insert->run(); !ran) return ran.error();
  UserRecord created = user;
  created.id = connection_.last_insert_rowid();
  return created;
}

core::Result<UserRecord> SqliteStore::find_user_by_email(std::string_view email) {
  std::lock_guard const lock(mutex_);
  auto query = connection_.prepare("SELECT " + std::string{user_columns} +
                                   " FROM users WHERE email = ?1 COLLATE NOCASE");
  if (query) query->bind_text(1, email);
  return single_user(std::move(query));
}

core::Result<UserRecord> SqliteStore::find_user(std::int64_t user_id) {
  std::lock_guard const lock(mutex_);
  auto query =
      connection_.prepare("SELECT " + std::string{user_columns} + " FROM users WHERE id = ?1");
  if (query) query->bind_int64(1, user_id);
  return single_user(std::move(query));
}

core::Result<void> SqliteStore::update_password_hash(std::int64_t user_id, std::string_view hash) {
  std::lock_guard const lock(mutex_);
  auto update = connection_.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1");
  if (!update) return update.error();
  update->bind_int64(1, user_id).bind_text(2, hash);
  if (auto ran = update->run(); !ran) return ran;
  if (connection_.changes() == 0) return store_error(error_code::not_found, "no such user");
  return core::ok();
}

}  // namespace tradelink::store
