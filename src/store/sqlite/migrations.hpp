#pragma once
// The SQLite schema as numbered migrations, recorded in schema_migrations. Opening a database
// applies the ones it lacks, each in its own transaction; a database written by a newer
// tradelink (a version this build does not know) is refused rather than misread.

#include <cstdint>

#include "core/result.hpp"
#include "store/sqlite/connection.hpp"

namespace tradelink::store::sqlite {

/// The highest schema version this build knows.
[[nodiscard]] std::int64_t latest_schema_version() noexcept;

/// Applies every missing migration. Safe against another process migrating at the same time
/// (the applied version is re-read inside each transaction). store.schema when the database
/// is newer than this build or a migration fails.
[[nodiscard]] core::Result<void> apply_migrations(Connection& connection);

/// The highest applied version (0 for an empty database).
[[nodiscard]] core::Result<std::int64_t> applied_schema_version(Connection& connection);

}  // namespace tradelink::store::sqlite
