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
