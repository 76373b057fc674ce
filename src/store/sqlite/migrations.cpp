#include "store/sqlite/migrations.hpp"

#include <array>
#include <string>
#include <string_view>

#include "store/store_error.hpp"

namespace tradelink::store::sqlite {
namespace {

struct Migration {
  std::int64_t version;
  std::string_view description;
  std::string_view sql;
};

// Append only: a released migration is never edited, a change is a new migration.
constexpr std::array migrations{
    Migration{1, "users, sessions, api tokens, key bindings, audit log", R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT    NOT NULL,
  password_hash TEXT    NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email COLLATE NOCASE);

CREATE TABLE sessions (
  token_hash TEXT    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  token_hash   TEXT    NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE key_bindings (
  id               TEXT    PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  venue            TEXT    NOT NULL,
  label            TEXT    NOT NULL,
  api_key          TEXT    NOT NULL,
  secret_ct        BLOB    NOT NULL,
  passphrase_ct    BLOB,
  scope            TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  report_json      TEXT    NOT NULL,
  exchange_user_id TEXT,
  account_mode     TEXT    NOT NULL,
  ip_bound         INTEGER NOT NULL CHECK (ip_bound IN (0, 1)),
  verified_at      INTEGER,
  expires_at       INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  deleted_at       INTEGER,
  version          INTEGER NOT NULL
);
CREATE INDEX key_bindings_user ON key_bindings (user_id, created_at);
CREATE UNIQUE INDEX key_bindings_live_api_key
  ON key_bindings (user_id, venue, api_key) WHERE deleted_at IS NULL;

-- No foreign key to key_bindings: audit lines outlive the bindings they describe.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  binding_id  TEXT,
  event       TEXT    NOT NULL,
  detail_json TEXT    NOT NULL,
  at          INTEGER NOT NULL
);
CREATE INDEX audit_log_user ON audit_log (user_id, at, id);
CREATE INDEX audit_log_binding ON audit_log (user_id, binding_id, at, id);
)sql"},
    Migration{2, "balances and downsampled balance history", R"sql(
-- No foreign key to key_bindings: the writer batches behind the binding's lifecycle, and the
-- rows of a deleted binding remain its last known state.
CREATE TABLE balances (
  binding_id TEXT    NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  account    TEXT    NOT NULL,
  currency   TEXT    NOT NULL,
  available  TEXT    NOT NULL,
  locked     TEXT    NOT NULL,
  total      TEXT    NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (binding_id, account, currency)
);
CREATE INDEX balances_user ON balances (user_id, binding_id);

CREATE TABLE balance_history (
  id         INTEGER PRIMARY KEY,
  binding_id TEXT    NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  account    TEXT    NOT NULL,
  currency   TEXT    NOT NULL,
  total      TEXT    NOT NULL,
  at         INTEGER NOT NULL
);
CREATE INDEX balance_history_binding ON balance_history (user_id, binding_id, at, id);
)sql"},
};

constexpr std::string_view create_migrations_table = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     INTEGER PRIMARY KEY,
  description TEXT    NOT NULL,
  applied_at  INTEGER NOT NULL
))sql";

core::Result<void> apply_one(Connection& connection, Migration const& migration) {
  auto transaction = Transaction::begin(connection);
  if (!transaction) return transaction.error();
  auto applied = applied_schema_version(connection);
  if (!applied) return applied.error();
  if (*applied >= migration.version) return core::ok();  // another process got here first

  if (auto executed = connection.execute(migration.sql); !executed) {
    return store_error(error_code::schema, "migration " + std::to_string(migration.version) + " (" +
                                               std::string{migration.description} +
                                               ") failed: " + executed.error().message);
  }
  auto record = connection.prepare(
      "INSERT INTO schema_migrations (version, description, applied_at) "
      "VALUES (?1, ?2, CAST(strftime('%s', 'now') AS INTEGER) * 1000)");
  if (!record) return record.error();
  record->bind_int64(1, migration.version).bind_text(2, migration.description);
  if (auto ran = record->run(); !ran) return ran.error();
  return transaction->commit();
}

}  // namespace

std::int64_t latest_schema_version() noexcept {
  return migrations.back().version;
}

core::Result<std::int64_t> applied_schema_version(Connection& connection) {
  auto query = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!query) return query.error();
  auto row = query->step();
  if (!row) return row.error();
  return *row ? query->column_int64(0) : 0;
}

core::Result<void> apply_migrations(Connection& connection) {
  if (auto created = connection.execute(create_migrations_table); !created) return created;
  auto applied = applied_schema_version(connection);
  if (!applied) return applied.error();
  if (*applied > latest_schema_version()) {
    return store_error(error_code::schema,
                       "the database has schema version " + std::to_string(*applied) +
                           " but this tradelink knows versions up to " +
                           std::to_string(latest_schema_version()) + "; upgrade tradelink");
  }
  for (Migration const& migration : migrations) {
    if (migration.version <= *applied) continue;
    if (auto done = apply_one(connection, migration); !done) return done;
  }
  return core::ok();
}

}  // namespace tradelink::store::sqlite
