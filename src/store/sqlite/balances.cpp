// SqliteStore: the balances and balance_history tables.
#include <algorithm>
#include <limits>

#include "store/sqlite/sqlite_store.hpp"
#include "store/store_error.hpp"

namespace tradelink::store {

core::Result<void> SqliteStore::upsert_balances(std::vector<BalanceRecord> const& balances) {
  if (balances.empty()) return core::ok();
  std::lock_guard const lock(mutex_);
  auto transaction = sqlite::Transaction::begin(connection_);
  if (!transaction) return transaction.error();
  auto upsert = connection_.prepare(
      "INSERT INTO balances (binding_id, user_id, account, currency, available, locked, total, "
      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT (binding_id, account, currency) DO UPDATE SET "
      "available = excluded.available, locked = excluded.locked, total = excluded.total, "
      "updated_at = excluded.updated_at WHERE excluded.updated_at >= balances.updated_at");
  if (!upsert) return upsert.error();
  for (BalanceRecord const& balance : balances) {
    upsert->reset();
    upsert->bind_text(1, balance.binding_id)
        .bind_int64(2, balance.user_id)
        .bind_text(3, balance.account)
        .bind_text(4, balance.currency)
        .bind_text(5, balance.available)
        .bind_text(6, balance.locked)
        .bind_text(7, balance.total)
        .bind_int64(8, balance.updated_at);
    if (auto ran = upsert->run(); !ran) return ran.error();
  }
  return transaction->commit();
}

core::Result<std::vector<BalanceRecord>> SqliteStore::list_balances(std::int64_t user_id,
                                                                    std::string_view binding_id) {
  std::lock_guard const lock(mutex_);
  auto query = connection_.prepare(
      "SELECT binding_id, user_id, account, currency, available, locked, total, updated_at "
      "FROM balances WHERE user_id = ?1 AND binding_id = ?2 ORDER BY account, currency");
  if (!query) return query.error();
  query->bind_int64(1, user_id).bind_text(2, binding_id);
  std::vector<BalanceRecord> records;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return records;
    records.push_back(BalanceRecord{query->column_text(0), query->column_int64(1),
                                    query->column_text(2), query->column_text(3),
                                    query->column_text(4), query->column_text(5),
                                    query->column_text(6), query->column_int64(7)});
  }
}

core::Result<void> SqliteStore::append_balance_history(
    std::vector<BalancePointRecord> const& points) {
  if (points.empty()) return core::ok();
  std::lock_guard const lock(mutex_);
  auto transaction = sqlite::Transaction::begin(connection_);
  if (!transaction) return transaction.error();
  auto insert = connection_.prepare(
      "INSERT INTO balance_history (binding_id, user_id, account, currency, total, at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert) return insert.error();
  for (BalancePointRecord const& point : points) {
    insert->reset();
    insert->bind_text(1, point.binding_id)
        .bind_int64(2, point.user_id)
        .bind_text(3, point.account)
        .bind_text(4, point.currency)
        .bind_text(5, point.total)
        .bind_int64(6, point.at);
    if (auto ran = insert->run(); !ran) return ran.error();
  }
  return transaction->commit();
}

core::Result<std::vector<BalancePointRecord>> SqliteStore::list_balance_history(
    std::int64_t user_id, std::string_view binding_id, std::int64_t since, std::int64_t until,
    std::size_t limit) {
  std::lock_guard const lock(mutex_);
  auto query = connection_.prepare(
      "SELECT binding_id, user_id, account, currency, total, at FROM balance_history "
      "WHERE user_id = ?1 AND binding_id = ?2 AND at >= ?3 AND at < ?4 "
      "ORDER BY at, id LIMIT ?5");
  if (!query) return query.error();
  constexpr auto max_limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  query->bind_int64(1, user_id)
      .bind_text(2, binding_id)
      .bind_int64(3, since)
      .bind_int64(4, until)
      .bind_int64(5, static_cast<std::int64_t>(std::min(limit, max_limit)));
  std::vector<BalancePointRecord> records;
  for (;;) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return records;
    records.push_back(BalancePointRecord{query->column_text(0), query->column_int64(1),
                                         query->column_text(2), query->column_text(3),
                                         query->column_text(4), query->column_int64(5)});
  }
}

}  // namespace tradelink::store
