// The sandbox's account-level calls over loopback through tradelink's own Gate client: the key's
// account detail and key info (any valid key may read them), the total balance valued at the
// sandbox market's prices, and the unified endpoints as Gate answers them for a classic account.
#include <gtest/gtest.h>

#include <boost/json/value.hpp>

#include <string>

#include "core/decimal.hpp"
#include "unit/sandbox/service/raw_gate_http.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::operator""_dec;

class RestAccountTest : public RawGateTest {
 protected:
  /// Rests a BTC_USDT bid at 59000 and an ask at 61000 from a market maker: BTC is then worth
  /// the middle, 60000 USDT.
  void quote_btc_at_60000() {
    TestKey const maker = make_user_key();
    deposit(maker.user_id, "BTC", "1");
    deposit(maker.user_id, "USDT", "100000");
    server_->venue().with([&](VenueState& state) {
      for (auto const& [side, price] :
           {std::pair{Side::buy, "59000"_dec}, std::pair{Side::sell, "61000"_dec}}) {
        SpotOrderRequest request;
        request.currency_pair = "BTC_USDT";
        request.side = side;
        request.price = price;
        request.amount = "0.1"_dec;
        auto placed = state.engine.place_spot_order(maker.user_id, request, state.clock.now_ms());
        ASSERT_TRUE(placed.has_value()) << placed.error().message;
      }
    });
  }
};

TEST_F(RestAccountTest, AccountDetailDescribesTheCallingKey) {
  TestKey const key = make_user_key({{"spot", false}}, {"127.0.0.1"});
  auto rest = client(&key);
  auto detail = run<gateio::AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_TRUE(detail.has_value()) << detail.error().message;
  EXPECT_EQ(detail->user_id, key.user_id);
  EXPECT_EQ(detail->ip_whitelist, std::vector<std::string>{"127.0.0.1"});
  EXPECT_EQ(detail->currency_pairs, std::vector<std::string>{});
  EXPECT_EQ(detail->key_mode, 1);
  EXPECT_EQ(detail->tier, 0);
  EXPECT_EQ(detail->copy_trading_role, 0);
}

TEST_F(RestAccountTest, AnyValidKeyReadsItsAccountDetailAndKeyInfo) {
  TestKey const key = make_user_key({{"futures", true}});
  auto rest = client(&key);
  auto detail = run<gateio::AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_TRUE(detail.has_value()) << detail.error().message;
  auto keys =
      run<std::vector<gateio::AccountKeyInfo>>([&](auto done) { rest->account_main_keys(done); });
  ASSERT_TRUE(keys.has_value()) << keys.error().message;

  TestKey stranger = key;
  stranger.key = std::string(32, 'b');
  auto denied = client(&stranger);
  auto refused = run<gateio::AccountDetail>([&](auto done) { denied->account_detail(done); });
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().label, "INVALID_KEY");
}

TEST_F(RestAccountTest, MainKeysShowPermissionsAndLifecycle) {
  TestKey const key = make_user_key({{"spot", false}, {"wallet", true}});
  auto rest = client(&key);
  auto keys =
      run<std::vector<gateio::AccountKeyInfo>>([&](auto done) { rest->account_main_keys(done); });
  ASSERT_TRUE(keys.has_value()) << keys.error().message;
  ASSERT_EQ(keys->size(), 1U);
  gateio::AccountKeyInfo const& info = keys->front();
  EXPECT_EQ(info.state, 1);
  EXPECT_EQ(info.mode, 1);
  EXPECT_EQ(info.key_mode, 1);
  EXPECT_EQ(info.user_id, key.user_id);
  EXPECT_EQ(info.names, std::vector<std::string>{"test key"});
  ASSERT_EQ(info.perms.size(), 2U);
  EXPECT_EQ(info.perms[0].name, "spot");
  EXPECT_EQ(info.perms[0].read_only, false);
  EXPECT_EQ(info.perms[1].name, "wallet");
  EXPECT_EQ(info.perms[1].read_only, true);
  EXPECT_EQ(info.ip_whitelist, std::vector<std::string>{});
  EXPECT_EQ(info.currency_pairs, std::vector<std::string>{});
  std::int64_t const now_s = server_->venue().clock().now_ms() / 1000;
  ASSERT_TRUE(info.created_at.has_value());
  EXPECT_LE(*info.created_at, core::Decimal::from_integer(now_s).value());
  // This very call used the key.
  ASSERT_TRUE(info.last_access.has_value());
  EXPECT_GE(*info.last_access, *info.created_at);

  auto const raw = raw_->call(key, "GET", "/account/main_keys");
  ASSERT_EQ(raw.status, 200U) << raw.body;
  EXPECT_TRUE(raw.json.is_object());
  EXPECT_TRUE(raw.json.at("created_at").is_string());
}

TEST_F(RestAccountTest, TotalBalanceValuesSpotAndFuturesAtMarketPrices) {
  quote_btc_at_60000();
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  deposit(key.user_id, "BTC", "0.5");
  server_->venue().with([&](VenueState& state) {
    auto done = state.engine.deposit(key.user_id, Account::futures, "USDT", "500"_dec,
                                     state.clock.now_ms());
    ASSERT_TRUE(done.has_value()) << done.error().message;
  });
  auto rest = client(&key);

  auto usdt =
      run<gateio::TotalBalance>([&](auto done) { rest->wallet_total_balance("USDT", done); });
  ASSERT_TRUE(usdt.has_value()) << usdt.error().message;
  EXPECT_EQ(usdt->total.currency, "USDT");
  EXPECT_EQ(usdt->total.amount, "31500"_dec);  // 1000 + 0.5 x 60000 + 500
  EXPECT_EQ(usdt->total.unrealised_pnl, "0"_dec);
  EXPECT_EQ(usdt->details.at("spot").amount, "31000"_dec);
  EXPECT_EQ(usdt->details.at("futures").amount, "500"_dec);
  EXPECT_EQ(usdt->details.at("futures").unrealised_pnl, "0"_dec);
  EXPECT_EQ(usdt->details.at("margin").amount, "0"_dec);
  EXPECT_EQ(usdt->details.at("margin").borrowed, "0"_dec);

  auto btc = run<gateio::TotalBalance>([&](auto done) { rest->wallet_total_balance("BTC", done); });
  ASSERT_TRUE(btc.has_value()) << btc.error().message;
  EXPECT_EQ(btc->total.currency, "BTC");
  EXPECT_EQ(btc->total.amount, "0.525"_dec);  // 31500 / 60000
  EXPECT_EQ(btc->details.at("spot").currency, "BTC");

  auto const bad = raw_->call(key, "GET", "/wallet/total_balance", "currency=EUR");
  EXPECT_EQ(bad.status, 400U);
  EXPECT_EQ(std::string(bad.json.at("label").as_string()), "INVALID_PARAM_VALUE");
}

TEST_F(RestAccountTest, TotalBalanceNeedsWalletPermission) {
  TestKey const key = make_user_key({{"spot", false}});
  auto rest = client(&key);
  auto total =
      run<gateio::TotalBalance>([&](auto done) { rest->wallet_total_balance("USDT", done); });
  ASSERT_FALSE(total.has_value());
  EXPECT_EQ(total.error().label, "FORBIDDEN");
  EXPECT_EQ(total.error().missing_permission, "wallet");
}

TEST_F(RestAccountTest, UnifiedEndpointsAnswerForAClassicAccount) {
  TestKey const key = make_user_key({{"spot", false}, {"unified", true}});
  deposit(key.user_id, "USDT", "250");
  auto rest = client(&key);

  auto mode = run<gateio::UnifiedMode>([&](auto done) { rest->unified_mode(done); });
  ASSERT_TRUE(mode.has_value()) << mode.error().message;
  EXPECT_EQ(mode->mode, "classic");
  ASSERT_TRUE(mode->settings.has_value());
  EXPECT_EQ(mode->settings->usdt_futures, false);

  auto accounts = run<gateio::UnifiedAccount>([&](auto done) { rest->unified_accounts(done); });
  ASSERT_TRUE(accounts.has_value()) << accounts.error().message;
  EXPECT_EQ(accounts->mode, "classic");
  EXPECT_EQ(accounts->user_id, key.user_id);
  ASSERT_EQ(accounts->balances.count("USDT"), 1U);
  EXPECT_EQ(accounts->balances.at("USDT").available, "250"_dec);
  EXPECT_EQ(accounts->balances.at("USDT").freeze, "0"_dec);
  EXPECT_EQ(accounts->balances.at("USDT").equity, "250"_dec);
  EXPECT_EQ(accounts->unified_account_total, "250"_dec);
  EXPECT_EQ(accounts->borrowed, "0"_dec);
}

TEST_F(RestAccountTest, UnifiedEndpointsNeedTheUnifiedPermission) {
  TestKey const key = make_user_key();
  auto rest = client(&key);
  auto mode = run<gateio::UnifiedMode>([&](auto done) { rest->unified_mode(done); });
  ASSERT_FALSE(mode.has_value());
  EXPECT_EQ(mode.error().label, "FORBIDDEN");
  EXPECT_EQ(mode.error().missing_permission, "unified");
}

}  // namespace
}  // namespace tradelink::sandbox::test
