#pragma once
// Maps SQLite result codes onto the store's error codes (store/store_error.hpp).

#include <sqlite3.h>

#include <string_view>

#include "core/error.hpp"

namespace tradelink::store::sqlite {

/// The error for result `code` of `action` ("insert user") on `db` (may be null). Unique and
/// primary-key violations → store.conflict; foreign-key violations → store.not_found (the
/// referenced row is missing); busy/locked → store.busy (retryable); the rest → store.io.
[[nodiscard]] core::Error sqlite_error(sqlite3* db, int code, std::string_view action);

}  // namespace tradelink::store::sqlite
