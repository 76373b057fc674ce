// The settings every SQLite connection runs with.
#include "store/sqlite/connection.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "support/temp_dir.hpp"

namespace tradelink::store::sqlite {
namespace {

std::int64_t pragma_value(Connection& connection, std::string const& pragma) {
  auto query = connection.prepare("PRAGMA " + pragma);
  EXPECT_TRUE(query.has_value());
  EXPECT_TRUE(query->step().value());
  return query->column_int64(0);
}

TEST(SqliteConnection, OpensWithTheRequiredSettings) {
  tradelink::test::TempDir directory;
  auto connection = Connection::open(directory / "settings.db", std::chrono::milliseconds{1234});
  ASSERT_TRUE(connection.has_value()) << connection.error().message;
  EXPECT_EQ(pragma_value(*connection, "foreign_keys"), 1);
  EXPECT_EQ(pragma_value(*connection, "secure_delete"), 1);
  EXPECT_EQ(pragma_value(*connection, "synchronous"), 1);  // NORMAL
  EXPECT_EQ(pragma_value(*connection, "busy_timeout"), 1234);
  auto journal = connection->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(journal.has_value());
  ASSERT_TRUE(journal->step().value());
  EXPECT_EQ(journal->column_text(0), "wal");
}

TEST(SqliteConnection, StatementsAreReusedResetAndUnbound) {
  tradelink::test::TempDir directory;
  auto connection = Connection::open(directory / "cache.db", std::chrono::milliseconds{100});
  ASSERT_TRUE(connection.has_value());
  ASSERT_TRUE(connection->execute("CREATE TABLE t (k INTEGER, v TEXT)").has_value());
  for (int k = 1; k <= 3; ++k) {
    auto insert = connection->prepare("INSERT INTO t (k, v) VALUES (?1, ?2)");
    ASSERT_TRUE(insert.has_value());
    insert->bind_int64(1, k).bind_text(2, "v" + std::to_string(k));
    ASSERT_TRUE(insert->run().has_value());
  }
  std::string const select = "SELECT v FROM t WHERE k = ?1";
  {
    // A statement left half-stepped goes back reset: the next user starts from the top.
    auto first = connection->prepare(select);
    ASSERT_TRUE(first.has_value());
    first->bind_int64(1, 2);
    ASSERT_TRUE(first->step().value());
    // The same text while the first is in use: a statement of its own.
    auto second = connection->prepare(select);
    ASSERT_TRUE(second.has_value());
    second->bind_int64(1, 3);
    ASSERT_TRUE(second->step().value());
    EXPECT_EQ(first->column_text(0), "v2");
    EXPECT_EQ(second->column_text(0), "v3");
  }
  auto again = connection->prepare(select);
  ASSERT_TRUE(again.has_value());
  // Bindings were cleared: an unbound parameter is NULL and matches nothing.
  EXPECT_FALSE(again->step().value());
  again->reset();
  again->bind_int64(1, 1);
  ASSERT_TRUE(again->step().value());
  EXPECT_EQ(again->column_text(0), "v1");
  // The schema changing under a cached statement: SQLite prepares it again by itself.
  again = connection->prepare("SELECT 1");
  ASSERT_TRUE(connection->execute("ALTER TABLE t ADD COLUMN w INTEGER").has_value());
  auto after_change = connection->prepare(select);
  ASSERT_TRUE(after_change.has_value());
  after_change->bind_int64(1, 3);
  ASSERT_TRUE(after_change->step().value());
  EXPECT_EQ(after_change->column_text(0), "v3");
}

TEST(SqliteConnection, TransactionRollsBackUnlessCommitted) {
  tradelink::test::TempDir directory;
  auto connection = Connection::open(directory / "tx.db", std::chrono::milliseconds{100});
  ASSERT_TRUE(connection.has_value());
  ASSERT_TRUE(connection->execute("CREATE TABLE t (v INTEGER)").has_value());
  {
    auto transaction = Transaction::begin(*connection);
    ASSERT_TRUE(transaction.has_value());
    ASSERT_TRUE(connection->execute("INSERT INTO t VALUES (1)").has_value());
  }
  {
    auto transaction = Transaction::begin(*connection);
    ASSERT_TRUE(transaction.has_value());
    ASSERT_TRUE(connection->execute("INSERT INTO t VALUES (2)").has_value());
    ASSERT_TRUE(transaction->commit().has_value());
  }
  auto sum = connection->prepare("SELECT COALESCE(SUM(v), 0) FROM t");
  ASSERT_TRUE(sum.has_value());
  ASSERT_TRUE(sum->step().value());
  EXPECT_EQ(sum->column_int64(0), 2);
}

TEST(SqliteConnection, BadSqlIsAnIoErrorNamingTheProblem) {
  tradelink::test::TempDir directory;
  auto connection = Connection::open(directory / "bad.db", std::chrono::milliseconds{100});
  ASSERT_TRUE(connection.has_value());
  auto statement = connection->prepare("SELEKT 1");
  ASSERT_FALSE(statement.has_value());
  EXPECT_EQ(statement.error().code, "store.io");
  EXPECT_NE(statement.error().message.find("syntax error"), std::string::npos);
}

}  // namespace
}  // namespace tradelink::store::sqlite
