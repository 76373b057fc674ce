#include "store/sqlite/sqlite_error.hpp"

#include <string>

#include "store/store_error.hpp"

namespace tradelink::store::sqlite {

core::Error sqlite_error(sqlite3* db, int code, std::string_view action) {
  // SQLite's messages name tables, columns and constraints, never bound values.
  std::string message =
      std::string{action} + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return store_error(error_code::conflict, std::move(message));
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return store_error(error_code::not_found, std::move(message));
    default: break;
  }
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return store_error(error_code::busy, std::move(message), core::Retry::retryable);
    default: return store_error(error_code::io, std::move(message));
  }
}

}  // namespace tradelink::store::sqlite
