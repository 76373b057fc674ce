// Store contract: current balances and the downsampled balance history.
#include "unit/store/store_fixture.hpp"

namespace tradelink::store::test {
namespace {

BalanceRecord balance(std::int64_t user, std::string account, std::string currency,
                      std::string total, std::int64_t at) {
  return BalanceRecord{"kb_1", user, std::move(account), std::move(currency), total, "0",
                       total,  at};
}

TEST_P(StoreContract, BalancesAreUpsertedPerBindingAccountAndCurrency) {
  auto const user = make_user("alice@example.com");
  ASSERT_TRUE(store()
                  .upsert_balances({balance(user, "spot", "USDT", "100", 10),
                                    balance(user, "spot", "BTC", "0.5", 10),
                                    balance(user, "futures", "USDT", "7.25", 10)})
                  .has_value());
  ASSERT_TRUE(store()
                  .upsert_balances({balance(user, "spot", "USDT", "90.123456789012345678", 20)})
                  .has_value());

  auto listed = store().list_balances(user, "kb_1");
  ASSERT_TRUE(listed.has_value()) << listed.error().message;
  ASSERT_EQ(listed->size(), 3U);
  EXPECT_EQ((*listed)[0].account, "futures");
  EXPECT_EQ((*listed)[1].currency, "BTC");
  EXPECT_EQ((*listed)[2].currency, "USDT");
  EXPECT_EQ((*listed)[2].total, "90.123456789012345678");  // exact text, no float round trip
  EXPECT_EQ((*listed)[2].updated_at, 20);
}

TEST_P(StoreContract, AnOlderBalanceNeverOverwritesANewerOne) {
  auto const user = make_user("alice@example.com");
  ASSERT_TRUE(store().upsert_balances({balance(user, "spot", "USDT", "100", 50)}).has_value());
  ASSERT_TRUE(store().upsert_balances({balance(user, "spot", "USDT", "1", 40)}).has_value());
  auto listed = store().list_balances(user, "kb_1");
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().total, "100");
}

TEST_P(StoreContract, BalancesOfAnotherUserAreInvisible) {
  auto const user = make_user("alice@example.com");
  auto const other = make_user("bob@example.com");
  ASSERT_TRUE(store().upsert_balances({balance(user, "spot", "USDT", "100", 10)}).has_value());
  auto listed = store().list_balances(other, "kb_1");
  ASSERT_TRUE(listed.has_value());
  EXPECT_TRUE(listed->empty());
  auto history = store().list_balance_history(other, "kb_1", 0, 1'000, 10);
  ASSERT_TRUE(history.has_value());
  EXPECT_TRUE(history->empty());
}

TEST_P(StoreContract, BalanceHistoryIsAWindowOldestFirst) {
  auto const user = make_user("alice@example.com");
  std::vector<BalancePointRecord> points;
  for (std::int64_t at : {300, 100, 200, 400}) {
    points.push_back(
        BalancePointRecord{"kb_1", user, "spot", "USDT", std::to_string(at / 100), at});
  }
  points.push_back(BalancePointRecord{"kb_2", user, "spot", "USDT", "9", 250});
  ASSERT_TRUE(store().append_balance_history(points).has_value());

  auto window = store().list_balance_history(user, "kb_1", 200, 400, 10);
  ASSERT_TRUE(window.has_value()) << window.error().message;
  ASSERT_EQ(window->size(), 2U);
  EXPECT_EQ((*window)[0].at, 200);
  EXPECT_EQ((*window)[0].total, "2");
  EXPECT_EQ((*window)[1].at, 300);

  auto limited = store().list_balance_history(user, "kb_1", 0, 1'000, 3);
  ASSERT_TRUE(limited.has_value());
  EXPECT_EQ(limited->size(), 3U);
}

}  // namespace
}  // namespace tradelink::store::test
