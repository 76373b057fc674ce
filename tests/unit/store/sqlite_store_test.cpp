// SqliteStore specifics: file settings, migrations and what remains in the files on disk.
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "store/sqlite/migrations.hpp"
#include "store/store_error.hpp"
#include "support/temp_dir.hpp"
#include "unit/store/store_fixture.hpp"

namespace tradelink::store::test {
namespace {

class SqliteStoreTest : public testing::Test {
 protected:
  std::filesystem::path database() const { return directory_ / "tradelink.db"; }
  std::filesystem::path log() const { return directory_ / "tradelink.db-wal"; }

  std::unique_ptr<SqliteStore> open() {
    auto store = SqliteStore::open(database());
    EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().message);
    return store ? std::move(*store) : nullptr;
  }

  /// Runs `sql` on a separate raw connection, as another process would.
  void raw_execute(std::string const& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(database().c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    int const code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string const message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(code, SQLITE_OK) << message;
  }

  std::string raw_query_text(std::string const& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(database().c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK);
    std::string result;
    if (sqlite3_step(statement) == SQLITE_ROW) {
      result = reinterpret_cast<char const*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
  }

  tradelink::test::TempDir directory_;
};

std::vector<std::uint8_t> file_bytes(std::filesystem::path const& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(std::vector<std::uint8_t> const& haystack, std::vector<std::uint8_t> const& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

/// Incompressible, unmistakable bytes standing in for a sealed secret.
std::vector<std::uint8_t> marker_ciphertext(std::uint32_t seed, std::size_t size) {
  std::mt19937 generator(seed);
  std::vector<std::uint8_t> bytes(size);
  for (auto& byte : bytes) byte = static_cast<std::uint8_t>(generator() & 0xFFU);
  return bytes;
}

/// Any 16-byte window of `ciphertext` found in the database file or its log.
bool files_hold_any_part_of(std::filesystem::path const& database, std::filesystem::path const& log,
                            std::vector<std::uint8_t> const& ciphertext) {
  auto const db = file_bytes(database);
  auto const wal = file_bytes(log);
  for (std::size_t start = 0; start + 16 <= ciphertext.size(); start += 16) {
    std::vector<std::uint8_t> const window(
        ciphertext.begin() + static_cast<std::ptrdiff_t>(start),
        ciphertext.begin() + static_cast<std::ptrdiff_t>(start + 16));
    if (contains(db, window) || contains(wal, window)) return true;
  }
  return false;
}

TEST_F(SqliteStoreTest, OpensInWalModeWithAnOwnerOnlyFile) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(raw_query_text("PRAGMA journal_mode"), "wal");
  struct stat status {};
  ASSERT_EQ(::stat(database().c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777U, 0600U);
}

TEST_F(SqliteStoreTest, MigrationsAreAppliedOnceAndReopeningKeepsTheData) {
  {
    auto store = open();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version().value(), sqlite::latest_schema_version());
    ASSERT_TRUE(store->create_user(UserRecord{0, "kept@example.com", "h", 1}).has_value());
  }
  for (int reopen = 0; reopen < 2; ++reopen) {
    auto store = open();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version().value(), sqlite::latest_schema_version());
    EXPECT_TRUE(store->find_user_by_email("kept@example.com").has_value());
  }
  EXPECT_EQ(raw_query_text("SELECT COUNT(*) FROM schema_migrations"),
            std::to_string(sqlite::latest_schema_version()));
}

TEST_F(SqliteStoreTest, ADatabaseFromANewerBuildIsRefused) {
  { ASSERT_NE(open(), nullptr); }
  raw_execute("INSERT INTO schema_migrations VALUES (999, 'from the future', 0)");
  auto store = SqliteStore::open(database());
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code, error_code::schema);
  EXPECT_NE(store.error().message.find("999"), std::string::npos);
}

TEST_F(SqliteStoreTest, UnopenablePathIsAnIoError) {
  auto store = SqliteStore::open(directory_ / "missing" / "tradelink.db");
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code, error_code::io);
}

TEST_F(SqliteStoreTest, PurgeLeavesNoCiphertextInTheLogOrTheDatabaseFile) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  auto const user = store->create_user(UserRecord{0, "p@example.com", "h", 1}).value().id;

  // One binding whose ciphertext is only in the write-ahead log, one already checkpointed
  // into the database file.
  KeyBindingRecord in_file = binding("kb_in_file", user, "key-file");
  in_file.secret_ct = marker_ciphertext(1, 96);
  in_file.passphrase_ct = marker_ciphertext(2, 64);
  ASSERT_TRUE(store->insert_binding(in_file).has_value());
  raw_execute("PRAGMA wal_checkpoint(TRUNCATE)");
  KeyBindingRecord in_log = binding("kb_in_log", user, "key-log");
  in_log.secret_ct = marker_ciphertext(3, 96);
  ASSERT_TRUE(store->insert_binding(in_log).has_value());
  ASSERT_TRUE(store->insert_binding(binding("kb_kept", user, "key-kept")).has_value());

  ASSERT_TRUE(files_hold_any_part_of(database(), log(), in_file.secret_ct));
  ASSERT_TRUE(files_hold_any_part_of(database(), log(), *in_file.passphrase_ct));
  ASSERT_TRUE(files_hold_any_part_of(database(), log(), in_log.secret_ct));

  ASSERT_TRUE(store->purge_binding_secret(user, "kb_in_file", 10).has_value());
  ASSERT_TRUE(store->purge_binding_secret(user, "kb_in_log", 11).has_value());

  EXPECT_FALSE(files_hold_any_part_of(database(), log(), in_file.secret_ct));
  EXPECT_FALSE(files_hold_any_part_of(database(), log(), *in_file.passphrase_ct));
  EXPECT_FALSE(files_hold_any_part_of(database(), log(), in_log.secret_ct));
  // The binding that was not purged is intact.
  EXPECT_EQ(store->find_binding(user, "kb_kept")->secret_ct, bytes("sealed-secret-of-kb_kept"));
  auto const reopened_row = raw_query_text(
      "SELECT length(secret_ct) || '/' || ifnull(passphrase_ct, 'null') || '/' || deleted_at "
      "FROM key_bindings WHERE id = 'kb_in_file'");
  EXPECT_EQ(reopened_row, "0/null/10");
}

TEST_F(SqliteStoreTest, ResealLeavesNoOldCiphertextInTheFiles) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  auto const user = store->create_user(UserRecord{0, "r@example.com", "h", 1}).value().id;
  KeyBindingRecord record = binding("kb_r", user, "key-r");
  record.secret_ct = marker_ciphertext(4, 96);
  ASSERT_TRUE(store->insert_binding(record).has_value());
  ASSERT_TRUE(files_hold_any_part_of(database(), log(), record.secret_ct));

  auto const replacement = marker_ciphertext(5, 80);  // a new size: the old cell is freed
  auto resealed = store->reseal_all(
      [&](KeyBindingRecord const&) -> core::Result<ResealedSecrets> {
        return ResealedSecrets{replacement, std::nullopt};
      },
      20);
  ASSERT_TRUE(resealed.has_value());
  EXPECT_FALSE(files_hold_any_part_of(database(), log(), record.secret_ct));
  EXPECT_TRUE(files_hold_any_part_of(database(), log(), replacement));
}

TEST_F(SqliteStoreTest, TwoStoresOnOneFileSeeEachOthersWrites) {
  auto first = open();
  auto second = open();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  auto user = first->create_user(UserRecord{0, "shared@example.com", "h", 1});
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(second->find_user(user->id)->email, "shared@example.com");
  EXPECT_EQ(second->create_user(UserRecord{0, "SHARED@example.com", "h", 1}).error().code,
            error_code::conflict);
}

}  // namespace
}  // namespace tradelink::store::test
