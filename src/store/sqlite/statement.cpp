#include "store/sqlite/statement.hpp"

#include <limits>
#include <utility>

#include "store/sqlite/sqlite_error.hpp"

namespace tradelink::store::sqlite {
namespace {

/// SQLite binds a null data pointer as NULL; empty values must still point somewhere.
constexpr char empty_text[] = "";

int checked_size(std::size_t size) noexcept {
  return size > static_cast<std::size_t>(std::numeric_limits<int>::max()) ? -1
                                                                          : static_cast<int>(size);
}

}  // namespace

Statement::~Statement() {
  release();
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      statement_(std::exchange(other.statement_, nullptr)),
      cache_(std::exchange(other.cache_, nullptr)),
      sql_(std::move(other.sql_)),
      bind_error_(other.bind_error_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    release();
    db_ = other.db_;
    statement_ = std::exchange(other.statement_, nullptr);
    cache_ = std::exchange(other.cache_, nullptr);
    sql_ = std::move(other.sql_);
    bind_error_ = other.bind_error_;
  }
  return *this;
}

void Statement::release() noexcept {
  if (statement_ == nullptr) return;
  if (cache_ != nullptr) {
    cache_->give_back(std::move(sql_), std::exchange(statement_, nullptr));
  } else {
    sqlite3_finalize(std::exchange(statement_, nullptr));
  }
}

void Statement::remember(int code) noexcept {
  if (code != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = code;
}

Statement& Statement::bind_int64(int index, std::int64_t value) {
  remember(sqlite3_bind_int64(statement_, index, value));
  return *this;
}

Statement& Statement::bind_bool(int index, bool value) {
  return bind_int64(index, value ? 1 : 0);
}

Statement& Statement::bind_text(int index, std::string_view value) {
  int const size = checked_size(value.size());
  if (size < 0) {
    remember(SQLITE_TOOBIG);
    return *this;
  }
  char const* const data = value.data() != nullptr ? value.data() : empty_text;
  remember(sqlite3_bind_text(statement_, index, data, size, SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind_blob(int index, std::span<std::uint8_t const> value) {
  int const size = checked_size(value.size());
  if (size < 0) {
    remember(SQLITE_TOOBIG);
  } else if (size == 0) {
    remember(sqlite3_bind_zeroblob(statement_, index, 0));
  } else {
    remember(sqlite3_bind_blob(statement_, index, value.data(), size, SQLITE_TRANSIENT));
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  remember(sqlite3_bind_null(statement_, index));
  return *this;
}

Statement& Statement::bind_optional_int64(int index, std::optional<std::int64_t> const& value) {
  return value ? bind_int64(index, *value) : bind_null(index);
}

Statement& Statement::bind_optional_text(int index, std::optional<std::string_view> const& value) {
  return value ? bind_text(index, *value) : bind_null(index);
}

Statement& Statement::bind_optional_blob(int index,
                                         std::optional<std::vector<std::uint8_t>> const& value) {
  return value ? bind_blob(index, *value) : bind_null(index);
}

core::Result<bool> Statement::step() {
  if (bind_error_ != SQLITE_OK) return sqlite_error(db_, bind_error_, "bind parameter");
  int const code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return sqlite_error(db_, code, "run statement");
}

core::Result<void> Statement::run() {
  auto stepped = step();
  if (!stepped) return stepped.error();
  return core::ok();
}

void Statement::reset() noexcept {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  bind_error_ = SQLITE_OK;
}

bool Statement::column_is_null(int column) const noexcept {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const noexcept {
  return sqlite3_column_int64(statement_, column);
}

bool Statement::column_bool(int column) const noexcept {
  return column_int64(column) != 0;
}

std::string Statement::column_text(int column) const {
  auto const* text = sqlite3_column_text(statement_, column);
  auto const size = static_cast<std::size_t>(sqlite3_column_bytes(statement_, column));
  if (text == nullptr) return {};
  return {reinterpret_cast<char const*>(text), size};
}

std::vector<std::uint8_t> Statement::column_blob(int column) const {
  auto const* blob = static_cast<std::uint8_t const*>(sqlite3_column_blob(statement_, column));
  auto const size = static_cast<std::size_t>(sqlite3_column_bytes(statement_, column));
  if (blob == nullptr) return {};
  return {blob, blob + size};
}

std::optional<std::int64_t> Statement::column_optional_int64(int column) const noexcept {
  if (column_is_null(column)) return std::nullopt;
  return column_int64(column);
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_text(column);
}

std::optional<std::vector<std::uint8_t>> Statement::column_optional_blob(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_blob(column);
}

}  // namespace tradelink::store::sqlite
