// Balances the platform keeps in sync equal the sandbox's own numbers after deposits, a spot
// trade with fees, and a futures round trip with fees and realised PnL; persisted rows and
// history follow; watchers hear every change.
#include <algorithm>
#include <atomic>

#include "unit/platform/sync/sync_fixture.hpp"

namespace tradelink::platform::sync::test {
namespace {

TEST_F(SyncTest, BalancesEqualTheSandboxAfterDepositsAndASpotTradeWithFees) {
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());

  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "250.5");
  deposit(account.exchange_user, sandbox::Account::spot, "BTC", "0.01");
  ASSERT_TRUE(converges(account));

  std::int64_t const maker = new_exchange_user();
  deposit(maker, sandbox::Account::spot, "BTC", "1");
  place_spot(maker, "BTC_USDT", sandbox::Side::sell, "0.002", "60000");
  place_spot(account.exchange_user, "BTC_USDT", sandbox::Side::buy, "0.003", "60000");
  ASSERT_TRUE(converges(account));  // one fill with a fee, the rest locked in an open order

  auto view = view_of(account.binding_id);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->health.drift_count, 0U) << "every change arrived through the stream";
  EXPECT_TRUE(view->health.synced_at_ms.has_value());
  bool locked_usdt = false;
  for (BalanceLine const& line : view->lines) {
    if (line.account == "spot" && line.currency == "USDT") locked_usdt = line.locked.is_positive();
  }
  EXPECT_TRUE(locked_usdt) << describe(view->lines);
}

TEST_F(SyncTest, TheVenuesEstimatedTotalComesWithTheBalances) {
  SyncedAccount const account = synced_account(core::Scope::spot);
  ASSERT_FALSE(account.binding_id.empty());
  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "250.5");
  ASSERT_TRUE(converges(account));

  // The stream carries balances, not the valuation: the next reconciliation reads it again.
  auto const valued = [&] {
    auto view = view_of(account.binding_id);
    return view && view->estimated_total &&
           view->estimated_total->amount == core::Decimal::parse("1750.5").value();
  };
  ASSERT_TRUE(eventually(valued))
      << "1,000 + 250.5 spot and 500 futures, all USDT: valued at their amount";
  auto view = view_of(account.binding_id);
  EXPECT_EQ(view->estimated_total->currency, "USDT");
  EXPECT_GT(view->estimated_total->at_ms, 0);
}

TEST_F(SyncTest, FuturesBalanceFollowsFeesAndRealisedPnl) {
  SyncedAccount const account = synced_account(core::Scope::futures);
  ASSERT_FALSE(account.binding_id.empty());

  std::int64_t const counterparty = new_exchange_user();
  deposit(counterparty, sandbox::Account::futures, "USDT", "100000");
  set_mark_price("BTC_USDT", "60000");
  place_futures(counterparty, "BTC_USDT", "-10", "60000");
  place_futures(account.exchange_user, "BTC_USDT", "10", "60000");
  ASSERT_TRUE(converges(account));

  set_mark_price("BTC_USDT", "61000");
  place_futures(counterparty, "BTC_USDT", "10", "61000");
  place_futures(account.exchange_user, "BTC_USDT", "-10", "61000");
  ASSERT_TRUE(converges(account));

  auto view = view_of(account.binding_id);
  ASSERT_TRUE(view.has_value());
  ASSERT_EQ(view->lines.size(), 1U);
  // 500 deposited; +10 contracts × 0.0001 BTC × 1000 USDT realised, minus two taker-or-maker fees.
  EXPECT_GT(view->lines.front().total, core::Decimal::parse("500").value());
}

TEST_F(SyncTest, BalancesAndHistoryArePersistedThroughTheBatchingWriter) {
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());
  deposit(account.exchange_user, sandbox::Account::spot, "ETH", "2");
  ASSERT_TRUE(converges(account));
  service_->flush();

  auto rows = store_->list_balances(user_, account.binding_id);
  ASSERT_TRUE(rows.has_value());
  auto view = view_of(account.binding_id);
  ASSERT_TRUE(view.has_value());
  ASSERT_EQ(rows->size(), view->lines.size());
  for (BalanceLine const& line : view->lines) {
    auto row = std::find_if(rows->begin(), rows->end(), [&](store::BalanceRecord const& record) {
      return record.account == line.account && record.currency == line.currency;
    });
    ASSERT_NE(row, rows->end()) << line.account << " " << line.currency;
    EXPECT_EQ(row->total, line.total.to_string());
    EXPECT_EQ(row->available, line.available.to_string());
    EXPECT_EQ(row->locked, line.locked.to_string());
  }

  auto history = service_->history(user_, account.binding_id, 0, now_ms() + 1);
  ASSERT_TRUE(history.has_value()) << history.error().message;
  bool eth_point = false;
  for (BalancePoint const& point : *history) {
    eth_point =
        eth_point || (point.currency == "ETH" && point.total == core::Decimal::parse("2").value());
  }
  EXPECT_TRUE(eth_point);
}

TEST_F(SyncTest, WatchersHearChangesOfTheirOwnBindingsOnly) {
  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());
  std::atomic<int> mine{0};
  std::atomic<int> theirs{0};
  WatchHandle mine_handle = service_->watch(user_, [&](BindingBalances const& balances) {
    if (balances.binding_id == account.binding_id) ++mine;
  });
  WatchHandle other_handle = service_->watch(user_ + 1, [&](BindingBalances const&) { ++theirs; });
  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "1");
  EXPECT_TRUE(eventually([&] { return mine.load() > 0; }));
  EXPECT_EQ(theirs.load(), 0);

  mine_handle.reset();
  int const heard = mine.load();
  ASSERT_TRUE(converges(account));
  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "1");
  ASSERT_TRUE(converges(account));
  EXPECT_EQ(mine.load(), heard);
}

TEST_F(SyncTest, BalanceViewErrorsNameTheProblem) {
  start_service();
  auto missing = service_->balances(user_, "kb_missing");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, "sync.not_found");

  SyncedAccount const account = synced_account();
  ASSERT_FALSE(account.binding_id.empty());
  auto other_user = service_->balances(user_ + 1, account.binding_id);
  ASSERT_FALSE(other_user.has_value());
  EXPECT_EQ(other_user.error().code, "sync.not_found");

  service_->stop(account.binding_id);
  auto stopped = service_->balances(user_, account.binding_id);
  ASSERT_FALSE(stopped.has_value());
  EXPECT_EQ(stopped.error().code, "sync.not_synced");
}

}  // namespace
}  // namespace tradelink::platform::sync::test
