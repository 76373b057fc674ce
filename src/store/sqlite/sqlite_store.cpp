#include "store/sqlite/sqlite_store.hpp"

#include "store/sqlite/migrations.hpp"

namespace tradelink::store {

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::open(std::filesystem::path const& path,
                                                             SqliteOptions const& options) {
  auto connection = sqlite::Connection::open(path, options.busy_timeout);
  if (!connection) return connection.error();
  if (auto migrated = sqlite::apply_migrations(*connection); !migrated) return migrated.error();
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*connection)));
}

core::Result<std::int64_t> SqliteStore::schema_version() {
  std::lock_guard const lock(mutex_);
  return sqlite::applied_schema_version(connection_);
}

}  // namespace tradelink::store
