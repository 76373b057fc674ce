// Saving the sandbox at stop and loading it at start: users, keys (which still sign), balances
// (open orders cancelled, their locks returned), the clock offset, and the simulator's users
// reused rather than duplicated.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/decimal.hpp"
#include "sandbox/service/simulator/market_simulator.hpp"
#include "unit/sandbox/service/admin_client.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::operator""_dec;

class StateRestartTest : public SandboxTest {
 protected:
  StateRestartTest() {
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("tradelink-restart-" + std::to_string(::getpid()) + "-" + info->name() + ".json");
    std::filesystem::remove(path_);
    options_.state_file = path_;
  }
  ~StateRestartTest() override { std::filesystem::remove(path_); }

  /// Stops the server (writing the state) and starts a new one from the file.
  void restart() {
    server_->stop();
    server_.reset();
    auto started = SandboxServer::start(options_);
    ASSERT_TRUE(started.has_value()) << started.error().message;
    server_ = std::move(*started);
  }

  std::filesystem::path path_;
};

TEST_F(StateRestartTest, UsersKeysBalancesAndClockSurviveARestart) {
  TestKey const key = make_user_key({{"spot", false}}, {"127.0.0.1"});
  deposit(key.user_id, "USDT", "1000");
  deposit(key.user_id, "BTC", "0.5");
  std::int64_t created_at = 0;
  server_->venue().with([&](VenueState& state) {
    std::int64_t const now = state.clock.now_ms();
    ASSERT_TRUE(state.engine.deposit(key.user_id, Account::futures, "USDT", "300"_dec, now));
    // A resting order locks 100 USDT; the restart cancels it and the lock comes back.
    SpotOrderRequest const order{
        "BTC_USDT", Side::buy, SpotOrderType::limit, "0.01"_dec, "10000"_dec, TimeInForce::gtc, {}};
    ASSERT_TRUE(state.engine.place_spot_order(key.user_id, order, now));
    created_at = state.keys.find(key.key)->created_at_ms;
  });
  AdminClient(server_->base_url()).post("/sandbox/v1/clock/advance", R"({"seconds":86400})");

  restart();
  struct stat info {};
  ASSERT_EQ(::stat(path_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);

  server_->venue().with([&](VenueState& state) {
    ASSERT_EQ(state.users.all().size(), 1U);
    EXPECT_EQ(state.users.all()[0].id, key.user_id);
    EXPECT_EQ(state.users.all()[0].name, "test user");
    ApiKey const* restored = state.keys.find(key.key);
    ASSERT_NE(restored, nullptr);
    EXPECT_EQ(restored->created_at_ms, created_at);
    EXPECT_EQ(restored->ip_whitelist, std::vector<std::string>{"127.0.0.1"});
    EXPECT_EQ(state.clock.offset_ms(), 86'400'000);
    EXPECT_EQ(state.engine.spot_balance(key.user_id, "USDT")->available, "1000"_dec);
    EXPECT_EQ(state.engine.spot_balance(key.user_id, "BTC")->available, "0.5"_dec);
    EXPECT_EQ(state.engine.futures_account(key.user_id)->total, "300"_dec);
    EXPECT_EQ(state.engine.spot().resting_order_count(), 0U);
  });

  // The key still signs, with its secret from the file.
  auto rest = client(&key);
  auto balances = run<std::vector<gateio::SpotAccount>>(
      [&](auto done) { rest->spot_accounts(std::string_view("USDT"), done); });
  ASSERT_TRUE(balances.has_value()) << balances.error().message;
  ASSERT_EQ(balances->size(), 1U);
  EXPECT_EQ((*balances)[0].available, "1000"_dec);
  EXPECT_EQ((*balances)[0].locked, "0"_dec);

  // New users continue after the restored ids.
  auto created = AdminClient(server_->base_url()).post("/sandbox/v1/users", R"({"name":"next"})");
  EXPECT_EQ(created.json.at("user_id").as_int64(), key.user_id + 1);
}

TEST_F(StateRestartTest, OpenPositionsAreSettledAtTheMarkPrice) {
  TestKey const buyer = make_user_key();
  TestKey const seller = make_user_key();
  server_->venue().with([&](VenueState& state) {
    std::int64_t const now = state.clock.now_ms();
    for (auto const user : {buyer.user_id, seller.user_id}) {
      ASSERT_TRUE(state.engine.deposit(user, Account::futures, "USDT", "1000"_dec, now));
    }
    FuturesOrderRequest ask;
    ask.contract = "BTC_USDT";
    ask.size = "-10"_dec;
    ask.price = "60000"_dec;
    ASSERT_TRUE(state.engine.place_futures_order(seller.user_id, ask, now));
    FuturesOrderRequest bid = ask;
    bid.size = "10"_dec;
    ASSERT_TRUE(state.engine.place_futures_order(buyer.user_id, bid, now));
    ASSERT_TRUE(state.engine.set_mark_price("BTC_USDT", "61000"_dec, now));
  });
  core::Decimal buyer_equity;
  server_->venue().with([&](VenueState& state) {
    auto account = state.engine.futures_account(buyer.user_id);
    buyer_equity = account->total.add(account->unrealised_pnl).value();
  });
  EXPECT_GT(buyer_equity, "1000"_dec);  // 10 contracts × 0.0001 BTC × +1000 USDT, less fees

  restart();
  server_->venue().with([&](VenueState& state) {
    EXPECT_EQ(state.engine.futures_account(buyer.user_id)->total, buyer_equity);
    auto position = state.engine.futures().position(buyer.user_id, "BTC_USDT");
    ASSERT_TRUE(position.has_value());
    EXPECT_TRUE(position->size.is_zero());
  });
}

TEST_F(StateRestartTest, CorruptStateFileIsAStartError) {
  std::ofstream(path_) << R"({"format":"tradelink-sandbox-state","version":1,"users":[)";
  auto started = SandboxServer::start(options_);
  ASSERT_FALSE(started.has_value());
  EXPECT_EQ(started.error().code, "sandbox.state");
  EXPECT_NE(started.error().message.find(path_.string()), std::string::npos);
}

TEST_F(StateRestartTest, SimulatorUsersAreReusedAfterARestart) {
  options_.simulate_market = true;
  server_->stop();
  server_.reset();
  for (int run = 0; run < 2; ++run) {
    auto started = SandboxServer::start(options_);
    ASSERT_TRUE(started.has_value()) << started.error().message;
    (*started)->venue().with([&](VenueState& state) {
      auto const& users = state.users.all();
      EXPECT_EQ(std::count_if(users.begin(), users.end(),
                              [](User const& user) {
                                return user.name == simulator::MarketSimulator::maker_name;
                              }),
                1);
      EXPECT_EQ(users.size(), 2U);
    });
    (*started)->stop();
  }
}

}  // namespace
}  // namespace tradelink::sandbox::test
