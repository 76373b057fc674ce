#pragma once
// A prepared SQLite statement (RAII over sqlite3_stmt). Parameters are 1-based; a failed bind
// is remembered and reported by the next step(), so call sites bind without checking each one.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "store/sqlite/statement_cache.hpp"

namespace tradelink::store::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* statement) noexcept : db_(db), statement_(statement) {}
  /// A statement that goes back to `cache`, under the text `sql`, when destroyed.
  Statement(sqlite3* db, sqlite3_stmt* statement, StatementCache* cache, std::string sql) noexcept
      : db_(db), statement_(statement), cache_(cache), sql_(std::move(sql)) {}
  ~Statement();
  Statement(Statement const&) = delete;
  Statement& operator=(Statement const&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;

  Statement& bind_int64(int index, std::int64_t value);
  Statement& bind_bool(int index, bool value);
  Statement& bind_text(int index, std::string_view value);
  /// A zero-length blob binds as an empty blob, not NULL.
  Statement& bind_blob(int index, std::span<std::uint8_t const> value);
  Statement& bind_null(int index);
  Statement& bind_optional_int64(int index, std::optional<std::int64_t> const& value);
  Statement& bind_optional_text(int index, std::optional<std::string_view> const& value);
  Statement& bind_optional_blob(int index, std::optional<std::vector<std::uint8_t>> const& value);

  /// Runs to the next row: true when a row is available, false when done.
  [[nodiscard]] core::Result<bool> step();
  /// Runs a statement that returns no rows to completion.
  [[nodiscard]] core::Result<void> run();
  /// Makes the statement ready to run again with new bindings.
  void reset() noexcept;

  [[nodiscard]] bool column_is_null(int column) const noexcept;
  [[nodiscard]] std::int64_t column_int64(int column) const noexcept;
  [[nodiscard]] bool column_bool(int column) const noexcept;
  [[nodiscard]] std::string column_text(int column) const;
  [[nodiscard]] std::vector<std::uint8_t> column_blob(int column) const;
  [[nodiscard]] std::optional<std::int64_t> column_optional_int64(int column) const noexcept;
  [[nodiscard]] std::optional<std::string> column_optional_text(int column) const;
  [[nodiscard]] std::optional<std::vector<std::uint8_t>> column_optional_blob(int column) const;

 private:
  void remember(int code) noexcept;
  /// Hands the statement back to its cache, or finalizes it.
  void release() noexcept;

  sqlite3* db_ = nullptr;
  sqlite3_stmt* statement_ = nullptr;
  StatementCache* cache_ = nullptr;
  std::string sql_;
  int bind_error_ = SQLITE_OK;
};

}  // namespace tradelink::store::sqlite
