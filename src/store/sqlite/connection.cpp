#include "store/sqlite/connection.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "store/sqlite/sqlite_error.hpp"
#include "store/store_error.hpp"

namespace tradelink::store::sqlite {
namespace {

/// SQLite creates its files 0644 less the umask; the database holds password hashes and
/// sealed secrets, so it is created 0600 first. The -wal and -shm files copy its mode.
core::Result<void> create_owner_only(std::filesystem::path const& path) {
  int const fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return store_error(error_code::io,
                       "cannot open database " + path.string() + ": " + std::strerror(errno));
  }
  ::close(fd);
  return core::ok();
}

}  // namespace

core::Result<Connection> Connection::open(std::filesystem::path const& path,
                                          std::chrono::milliseconds busy_timeout) {
  if (auto created = create_owner_only(path); !created) return created.error();
  sqlite3* db = nullptr;
  int const code = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Connection connection{db};  // owns `db` even when opening failed
  if (code != SQLITE_OK) return sqlite_error(db, code, "open database " + path.string());
  if (auto configured = connection.configure(busy_timeout); !configured) {
    return configured.error();
  }
  return connection;
}

core::Result<void> Connection::configure(std::chrono::milliseconds busy_timeout) {
  sqlite3_extended_result_codes(db_, 1);
  auto const timeout_ms = busy_timeout.count() > std::numeric_limits<int>::max()
                              ? std::numeric_limits<int>::max()
                              : static_cast<int>(busy_timeout.count());
  sqlite3_busy_timeout(db_, timeout_ms);

  auto journal = prepare("PRAGMA journal_mode = WAL");
  if (!journal) return journal.error();
  auto row = journal->step();
  if (!row) return row.error();
  if (!*row || journal->column_text(0) != "wal") {
    return store_error(error_code::io, "the database cannot use write-ahead logging (WAL)");
  }
  return execute(
      "PRAGMA foreign_keys = ON;"
      "PRAGMA secure_delete = ON;"
      "PRAGMA synchronous = NORMAL;");
}

Connection::~Connection() {
  close();
}

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), statements_(std::move(other.statements_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    statements_ = std::move(other.statements_);
  }
  return *this;
}

void Connection::close() noexcept {
  statements_.reset();  // the cached statements are finalized before their database closes
  if (db_ != nullptr) sqlite3_close_v2(std::exchange(db_, nullptr));
}

core::Result<void> Connection::execute(std::string_view sql) {
  std::string const text{sql};  // sqlite3_exec wants a terminated string
  int const code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) return sqlite_error(db_, code, "execute statement");
  return core::ok();
}

core::Result<Statement> Connection::prepare(std::string_view sql) {
  if (auto idle = statements_->take(sql)) {
    return Statement{db_, idle->statement, statements_.get(), std::move(idle->sql)};
  }
  sqlite3_stmt* statement = nullptr;
  int const code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) {
    if (statement != nullptr) sqlite3_finalize(statement);
    return sqlite_error(db_, code, "prepare statement");
  }
  return Statement{db_, statement, statements_.get(), std::string(sql)};
}

std::int64_t Connection::last_insert_rowid() const noexcept {
  return sqlite3_last_insert_rowid(db_);
}

std::int64_t Connection::changes() const noexcept {
  return sqlite3_changes(db_);
}

core::Result<void> Connection::checkpoint_and_truncate_log() {
  int const code =
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  if (code != SQLITE_OK) return sqlite_error(db_, code, "checkpoint the write-ahead log");
  return core::ok();
}

core::Result<Transaction> Transaction::begin(Connection& connection) {
  if (auto begun = connection.execute("BEGIN IMMEDIATE"); !begun) return begun.error();
  return Transaction{connection};
}

Transaction::~Transaction() {
  if (connection_ != nullptr) (void)connection_->execute("ROLLBACK");
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)) {}

core::Result<void> Transaction::commit() {
  Connection* const connection = std::exchange(connection_, nullptr);
  if (auto committed = connection->execute("COMMIT"); !committed) {
    // A failed COMMIT (e.g. busy) leaves the transaction open; end it so the lock is released.
    (void)connection->execute("ROLLBACK");
    return committed.error();
  }
  return core::ok();
}

}  // namespace tradelink::store::sqlite
