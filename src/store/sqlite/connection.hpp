#pragma once
// One SQLite connection (RAII over sqlite3*), opened with the settings every tradelink
// database uses: WAL journal, foreign keys on, secure_delete on (freed content is zeroed in
// the file), synchronous=NORMAL, a busy timeout and extended result codes. Not thread-safe:
// the owner serialises access.

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/result.hpp"
#include "store/sqlite/statement.hpp"

namespace tradelink::store::sqlite {

class Connection {
 public:
  /// Opens (creating when absent, with mode 0600) the database file at `path`. store.io when
  /// the file cannot be opened or WAL mode cannot be entered.
  [[nodiscard]] static core::Result<Connection> open(std::filesystem::path const& path,
                                                     std::chrono::milliseconds busy_timeout);

  ~Connection();
  Connection(Connection const&) = delete;
  Connection& operator=(Connection const&) = delete;
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;

  /// Runs one or more statements that take no parameters.
  [[nodiscard]] core::Result<void> execute(std::string_view sql);
  [[nodiscard]] core::Result<Statement> prepare(std::string_view sql);
  /// Rowid of the last successful INSERT on this connection.
  [[nodiscard]] std::int64_t last_insert_rowid() const noexcept;
  /// Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  [[nodiscard]] std::int64_t changes() const noexcept;
  /// Copies every write-ahead-log frame into the database file and truncates the log to zero
  /// bytes, so superseded page images (e.g. of purged ciphertext) leave the log. store.busy
  /// when another connection's reader kept it from completing within the busy timeout.
  [[nodiscard]] core::Result<void> checkpoint_and_truncate_log();

  [[nodiscard]] sqlite3* handle() const noexcept { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db), statements_(std::make_unique<StatementCache>()) {}
  [[nodiscard]] core::Result<void> configure(std::chrono::milliseconds busy_timeout);
  void close() noexcept;

  sqlite3* db_ = nullptr;
  std::unique_ptr<StatementCache> statements_;  // on the heap: statements point to it
};

/// BEGIN IMMEDIATE … COMMIT; rolled back on destruction unless committed. IMMEDIATE takes the
/// write lock up front so a transaction never fails half-way on a lock upgrade.
class Transaction {
 public:
  [[nodiscard]] static core::Result<Transaction> begin(Connection& connection);
  ~Transaction();
  Transaction(Transaction const&) = delete;
  Transaction& operator=(Transaction const&) = delete;
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;

  [[nodiscard]] core::Result<void> commit();

 private:
  explicit Transaction(Connection& connection) noexcept : connection_(&connection) {}
  Connection* connection_;
};

}  // namespace tradelink::store::sqlite
