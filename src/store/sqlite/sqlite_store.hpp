#pragma once
// The embedded store: one SQLite database file in WAL mode, one connection behind a mutex.

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace tradelink::store {

struct SqliteOptions {
  /// How long a statement waits for another process's lock before store.busy.
  std::chrono::milliseconds busy_timeout{5000};
};

/// Store over SQLite (see store.hpp for the contract). Thread-safe: calls are serialised on
/// one connection. Other processes may open the same file; SQLite's locks keep them consistent.
class SqliteStore final : public Store {
 public:
  /// Opens or creates the database at `path` (mode 0600) and applies missing migrations.
  /// store.io when the file cannot be opened; store.schema when it is newer than this build.
  [[nodiscard]] static core::Result<std::unique_ptr<SqliteStore>> open(
      std::filesystem::path const& path, SqliteOptions const& options = {});

  /// The schema version recorded in the database.
  [[nodiscard]] core::Result<std::int64_t> schema_version();

  [[nodiscard]] core::Result<UserRecord> create_user(UserRecord const& user) override;
  [[nodiscard]] core::Result<UserRecord> find_user_by_email(std::string_view email) override;
  [[nodiscard]] core::Result<UserRecord> find_user(std::int64_t user_id) override;
  [[nodiscard]] core::Result<void> update_password_hash(std::int64_t user_id,
                                                        std::string_view hash) override;

  [[nodiscard]] core::Result<void> insert_session(SessionRecord const& session) override;
  [[nodiscard]] core::Result<SessionRecord> find_session(std::string_view token_hash) override;
  [[nodiscard]] core::Result<void> delete_session(std::string_view token_hash) override;
  [[nodiscard]] core::Result<std::size_t> delete_expired_sessions(std::int64_t now) override;

  [[nodiscard]] core::Result<ApiTokenRecord> insert_api_token(ApiTokenRecord const& token) override;
  [[nodiscard]] core::Result<ApiTokenRecord> find_api_token(std::string_view token_hash) override;
  [[nodiscard]] core::Result<std::vector<ApiTokenRecord>> list_api_tokens(
      std::int64_t user_id) override;
  [[nodiscard]] core::Result<void> revoke_api_token(std::int64_t user_id,
                                                    std::int64_t token_id) override;
  [[nodiscard]] core::Result<void> touch_api_token(std::int64_t token_id,
                                                   std::int64_t now) override;

  [[nodiscard]] core::Result<KeyBindingRecord> insert_binding(
      KeyBindingRecord const& binding) override;
  [[nodiscard]] core::Result<KeyBindingRecord> update_binding(
      KeyBindingRecord const& binding) override;
  [[nodiscard]] core::Result<KeyBindingRecord> find_binding(std::int64_t user_id,
                                                            std::string_view binding_id) override;
  [[nodiscard]] core::Result<std::vector<KeyBindingRecord>> list_bindings(
      std::int64_t user_id) override;
  [[nodiscard]] core::Result<std::vector<KeyBindingRecord>> list_active_bindings() override;
  [[nodiscard]] core::Result<void> purge_binding_secret(std::int64_t user_id,
                                                        std::string_view binding_id,
                                                        std::int64_t now) override;
  [[nodiscard]] core::Result<std::size_t> reseal_all(ResealFunction const& reseal,
                                                     std::int64_t now) override;

  [[nodiscard]] core::Result<std::int64_t> append_audit(AuditRecord const& record) override;
  [[nodiscard]] core::Result<std::vector<AuditRecord>> list_audit(
      std::int64_t user_id, std::optional<std::string_view> binding_id, std::size_t limit) override;

  [[nodiscard]] core::Result<void> upsert_balances(
      std::vector<BalanceRecord> const& balances) override;
  [[nodiscard]] core::Result<std::vector<BalanceRecord>> list_balances(
      std::int64_t user_id, std::string_view binding_id) override;
  [[nodiscard]] core::Result<void> append_balance_history(
      std::vector<BalancePointRecord> const& points) override;
  [[nodiscard]] core::Result<std::vector<BalancePointRecord>> list_balance_history(
      std::int64_t user_id, std::string_view binding_id, std::int64_t since, std::int64_t until,
      std::size_t limit) override;

 private:
  explicit SqliteStore(sqlite::Connection connection) noexcept
      : connection_(std::move(connection)) {}

  // Unlocked helpers; the caller holds mutex_.
  [[nodiscard]] core::Result<KeyBindingRecord> find_live_binding(std::int64_t user_id,
                                                                 std::string_view binding_id);
  [[nodiscard]] core::Result<std::vector<KeyBindingRecord>> query_bindings(
      std::string_view where_and_order, std::optional<std::int64_t> user_id);
  /// Moves committed pages out of the write-ahead log and truncates it (best effort).
  void flush_superseded_pages() noexcept;

  std::mutex mutex_;
  sqlite::Connection connection_;
};

}  // namespace tradelink::store
