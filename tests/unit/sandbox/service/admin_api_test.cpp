// The admin API over real HTTP: users, keys, money, prices, clock and its refusals.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "core/decimal.hpp"
#include "unit/sandbox/service/admin_client.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::operator""_dec;

class AdminApiTest : public SandboxTest {
 protected:
  void SetUp() override {
    SandboxTest::SetUp();
    admin_ = std::make_unique<AdminClient>(server_->base_url());
  }

  std::int64_t create_user(std::string const& name) {
    auto reply = admin_->post("/sandbox/v1/users", R"({"name":")" + name + R"("})");
    EXPECT_EQ(reply.status, 201U) << reply.body;
    return reply.json.at("user_id").as_int64();
  }

  std::unique_ptr<AdminClient> admin_;
};

TEST_F(AdminApiTest, HealthAnswersWithServerTime) {
  std::int64_t const before = server_->venue().clock().now_ms();
  auto reply = admin_->get("/sandbox/v1/health");
  ASSERT_EQ(reply.status, 200U) << reply.body;
  EXPECT_EQ(reply.text("status"), "ok");
  EXPECT_GE(reply.json.at("server_time").as_int64(), before);
}

TEST_F(AdminApiTest, CreatesAndListsUsers) {
  auto reply = admin_->post("/sandbox/v1/users", R"({"name":"alice"})");
  ASSERT_EQ(reply.status, 201U) << reply.body;
  EXPECT_EQ(reply.json.at("user_id").as_int64(), 10'000'001);
  EXPECT_EQ(reply.text("name"), "alice");
  create_user("bob");
  auto list = admin_->get("/sandbox/v1/users");
  ASSERT_EQ(list.status, 200U);
  ASSERT_EQ(list.json.as_array().size(), 2U);
  EXPECT_EQ(list.json.as_array()[1].at("name").as_string(), "bob");
}

TEST_F(AdminApiTest, CreatedKeySignsRequests) {
  std::int64_t const user = create_user("alice");
  auto reply = admin_->post("/sandbox/v1/keys",
                            R"({"user_id":)" + std::to_string(user) +
                                R"(,"name":"bot","perms":[{"name":"spot","read_only":true}]})");
  ASSERT_EQ(reply.status, 201U) << reply.body;
  EXPECT_EQ(reply.text("key").size(), 32U);
  EXPECT_EQ(reply.text("secret").size(), 64U);
  EXPECT_EQ(reply.json.at("user_id").as_int64(), user);
  EXPECT_EQ(reply.json.at("perms").as_array().size(), 1U);
  EXPECT_GT(reply.json.at("expires_at").as_int64(), reply.json.at("created_at").as_int64());

  auto deposit = admin_->post("/sandbox/v1/deposits", R"({"user_id":)" + std::to_string(user) +
                                                          R"(,"currency":"USDT","amount":"1000"})");
  ASSERT_EQ(deposit.status, 200U) << deposit.body;
  EXPECT_EQ(deposit.text("available"), "1000");

  TestKey const key{reply.text("key"), reply.text("secret"), user};
  auto rest = client(&key);
  auto balances = run<std::vector<gateio::SpotAccount>>(
      [&](auto done) { rest->spot_accounts(std::string_view("USDT"), done); });
  ASSERT_TRUE(balances.has_value()) << balances.error().message;
  ASSERT_EQ(balances->size(), 1U);
  EXPECT_EQ((*balances)[0].available, "1000"_dec);
}

TEST_F(AdminApiTest, GivenKeyAndSecretAreKept) {
  std::int64_t const user = create_user("alice");
  std::string const key(32, 'a');
  std::string const secret(64, 'b');
  auto reply = admin_->post("/sandbox/v1/keys", R"({"user_id":)" + std::to_string(user) +
                                                    R"(,"key":")" + key + R"(","secret":")" +
                                                    secret + R"(","ip_whitelist":["127.0.0.2"]})");
  ASSERT_EQ(reply.status, 201U) << reply.body;
  EXPECT_EQ(reply.text("key"), key);
  EXPECT_EQ(reply.text("secret"), secret);
  EXPECT_EQ(reply.json.at("expires_at").as_int64(), 0);
  // The same key twice is refused.
  reply = admin_->post("/sandbox/v1/keys",
                       R"({"user_id":)" + std::to_string(user) + R"(,"key":")" + key + R"("})");
  EXPECT_EQ(reply.status, 400U);
  EXPECT_EQ(reply.label(), "INVALID_PARAM_VALUE");
}

TEST_F(AdminApiTest, ListsUpdatesAndDeletesKeys) {
  std::int64_t const user = create_user("alice");
  std::int64_t const other = create_user("bob");
  auto created = admin_->post("/sandbox/v1/keys", R"({"user_id":)" + std::to_string(user) + "}");
  ASSERT_EQ(created.status, 201U) << created.body;
  admin_->post("/sandbox/v1/keys", R"({"user_id":)" + std::to_string(other) + "}");
  std::string const key = created.text("key");

  auto listed = admin_->get("/sandbox/v1/keys?user_id=" + std::to_string(user));
  ASSERT_EQ(listed.status, 200U) << listed.body;
  ASSERT_EQ(listed.json.as_array().size(), 1U);
  auto const& shown = listed.json.as_array()[0].as_object();
  EXPECT_EQ(shown.at("key").as_string(), key);
  EXPECT_FALSE(shown.contains("secret"));
  EXPECT_EQ(shown.at("perms").as_array().size(),
            4U);  // the default: spot, futures, wallet, account
  EXPECT_EQ(admin_->get("/sandbox/v1/keys").json.as_array().size(), 2U);

  auto updated = admin_->put("/sandbox/v1/keys/" + key,
                             R"({"name":"renamed","perms":[{"name":"futures"}],"state":2})");
  ASSERT_EQ(updated.status, 200U) << updated.body;
  EXPECT_EQ(updated.text("name"), "renamed");
  EXPECT_EQ(updated.json.at("state").as_int64(), 2);
  EXPECT_EQ(updated.json.at("perms").as_array().size(), 1U);
  EXPECT_EQ(updated.json.at("user_id").as_int64(), user);
  server_->venue().with([&](VenueState& state) {
    ApiKey const* stored = state.keys.find(key);
    ASSERT_NE(stored, nullptr);
    EXPECT_EQ(stored->state, KeyState::locked);
    EXPECT_EQ(stored->perms[0].name, "futures");
  });

  EXPECT_EQ(admin_->del("/sandbox/v1/keys/" + key).status, 204U);
  auto missing = admin_->del("/sandbox/v1/keys/" + key);
  EXPECT_EQ(missing.status, 404U);
  EXPECT_EQ(missing.label(), "KEY_NOT_FOUND");
  EXPECT_EQ(admin_->put("/sandbox/v1/keys/" + key, "{}").status, 404U);
}

TEST_F(AdminApiTest, DepositsAndWithdrawsSpotAndFutures) {
  std::int64_t const user = create_user("alice");
  std::string const id = std::to_string(user);
  EXPECT_EQ(admin_
                ->post("/sandbox/v1/deposits",
                       R"({"user_id":)" + id + R"(,"currency":"BTC","amount":"1.5"})")
                .status,
            200U);
  auto futures = admin_->post(
      "/sandbox/v1/deposits",
      R"({"user_id":)" + id + R"(,"currency":"USDT","amount":250,"account":"futures"})");
  ASSERT_EQ(futures.status, 200U) << futures.body;
  auto withdrawn = admin_->post("/sandbox/v1/withdrawals",
                                R"({"user_id":)" + id + R"(,"currency":"BTC","amount":"0.5"})");
  ASSERT_EQ(withdrawn.status, 200U) << withdrawn.body;
  EXPECT_EQ(withdrawn.text("available"), "1");
  auto too_much = admin_->post("/sandbox/v1/withdrawals",
                               R"({"user_id":)" + id + R"(,"currency":"BTC","amount":"2"})");
  EXPECT_EQ(too_much.status, 400U);
  EXPECT_EQ(too_much.label(), "BALANCE_NOT_ENOUGH");

  server_->venue().with([&](VenueState& state) {
    EXPECT_EQ(state.engine.spot_balance(user, "BTC")->available, "1"_dec);
    EXPECT_EQ(state.engine.futures_account(user)->total, "250"_dec);
  });
}

TEST_F(AdminApiTest, RefusesBadRequestsWithLabels) {
  std::int64_t const user = create_user("alice");
  std::string const id = std::to_string(user);
  struct Case {
    std::string target;
    std::string body;
    unsigned status;
    std::string label;
  };
  std::vector<Case> const cases{
      {"/sandbox/v1/users", "{not json", 400, "INVALID_REQUEST_BODY"},
      {"/sandbox/v1/users", "[1,2]", 400, "INVALID_REQUEST_BODY"},
      {"/sandbox/v1/users", "{}", 400, "MISSING_REQUIRED_PARAM"},
      {"/sandbox/v1/users", R"({"name":7})", 400, "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/keys", R"({"name":"x"})", 400, "MISSING_REQUIRED_PARAM"},
      {"/sandbox/v1/keys", R"({"user_id":99999999})", 404, "USER_NOT_FOUND"},
      {"/sandbox/v1/keys", R"({"user_id":)" + id + R"(,"perms":"spot"})", 400,
       "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/keys", R"({"user_id":)" + id + R"(,"perms":[{"name":"nope"}]})", 400,
       "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/keys", R"({"user_id":)" + id + R"(,"ip_whitelist":["not-an-ip"]})", 400,
       "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/keys", R"({"user_id":)" + id + R"(,"state":9})", 400, "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/deposits", R"({"user_id":99999999,"currency":"USDT","amount":"1"})", 404,
       "USER_NOT_FOUND"},
      {"/sandbox/v1/deposits", R"({"user_id":)" + id + R"(,"currency":"USDT"})", 400,
       "MISSING_REQUIRED_PARAM"},
      {"/sandbox/v1/deposits", R"({"user_id":)" + id + R"(,"currency":"USDT","amount":"abc"})", 400,
       "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/deposits", R"({"user_id":)" + id + R"(,"currency":"USDT","amount":"-1"})", 400,
       "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/deposits",
       R"({"user_id":)" + id + R"(,"currency":"USDT","amount":"1","account":"margin"})", 400,
       "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/deposits", R"({"user_id":)" + id + R"(,"currency":"NOPE","amount":"1"})", 400,
       "INVALID_CURRENCY"},
      {"/sandbox/v1/prices", R"({"market":"NOPE_USDT","price":"1"})", 400, "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/prices", R"({"market":"BTC_USDT","price":"0"})", 400, "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/clock/advance", R"({"seconds":-5})", 400, "INVALID_PARAM_VALUE"},
      {"/sandbox/v1/nothing", "{}", 404, "NOT_FOUND"},
      {"/sandbox/v1/health", "{}", 405, "METHOD_NOT_ALLOWED"},
  };
  for (Case const& c : cases) {
    auto reply = admin_->post(c.target, c.body);
    EXPECT_EQ(reply.status, c.status) << c.target << " " << c.body << " → " << reply.body;
    EXPECT_EQ(reply.label(), c.label) << c.target << " " << c.body << " → " << reply.body;
    EXPECT_FALSE(reply.text("message").empty()) << c.target;
  }
  auto unknown = admin_->get("/sandbox/v1/keys?user_id=99999999");
  EXPECT_EQ(unknown.status, 404U);
  EXPECT_EQ(unknown.label(), "USER_NOT_FOUND");
}

TEST_F(AdminApiTest, PriceMovesTheFairPriceAndTheMarkPrice) {
  auto reply = admin_->post("/sandbox/v1/prices", R"({"market":"BTC_USDT","price":"70000"})");
  ASSERT_EQ(reply.status, 200U) << reply.body;
  server_->venue().with([&](VenueState& state) {
    auto mark = state.engine.futures().mark_price("BTC_USDT");
    ASSERT_TRUE(mark.has_value());
    ASSERT_TRUE(mark->has_value());
    EXPECT_EQ(**mark, "70000"_dec);
  });
  // A spot-only market has a fair price too.
  EXPECT_EQ(admin_->post("/sandbox/v1/prices", R"({"market":"GT_USDT","price":"9.5"})").status,
            200U);
}

TEST_F(AdminApiTest, ClockAdvancesAndReportsItself) {
  auto before = admin_->get("/sandbox/v1/clock");
  ASSERT_EQ(before.status, 200U);
  EXPECT_EQ(before.json.at("offset_ms").as_int64(), 0);
  auto advanced = admin_->post("/sandbox/v1/clock/advance", R"({"seconds":3600})");
  ASSERT_EQ(advanced.status, 200U) << advanced.body;
  EXPECT_EQ(advanced.json.at("offset_ms").as_int64(), 3'600'000);
  EXPECT_GE(advanced.json.at("now_ms").as_int64(), before.json.at("now_ms").as_int64() + 3'600'000);
  server_->venue().with([&](VenueState& state) {
    EXPECT_GE(state.engine.now(), before.json.at("now_ms").as_int64() + 3'600'000);
  });
}

}  // namespace
}  // namespace tradelink::sandbox::test
