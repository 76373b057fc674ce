// Fault injection and rate limits through the admin API, observed on the Gate API over HTTP.
#include <gtest/gtest.h>

#include <chrono>

#include "unit/sandbox/service/admin_client.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

class AdminFaultsTest : public SandboxTest {
 protected:
  void SetUp() override {
    SandboxTest::SetUp();
    admin_ = std::make_unique<AdminClient>(server_->base_url());
    gate_ = std::make_unique<AdminClient>(server_->base_url());
  }

  AdminReply server_time() { return gate_->get("/api/v4/spot/time"); }

  std::unique_ptr<AdminClient> admin_;
  std::unique_ptr<AdminClient> gate_;  // plain HTTP, no retries: every refusal is seen
};

TEST_F(AdminFaultsTest, FailNextRefusesThatManyRequestsThenServes) {
  auto set = admin_->put("/sandbox/v1/faults/rest/public", R"({"fail_next":2})");
  ASSERT_EQ(set.status, 200U) << set.body;
  EXPECT_EQ(set.text("label"), "TOO_BUSY");
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto refused = server_time();
    EXPECT_EQ(refused.status, 503U) << refused.body;
    EXPECT_EQ(refused.label(), "TOO_BUSY");
  }
  EXPECT_EQ(server_time().status, 200U);
  EXPECT_EQ(server_time().status, 200U);
}

TEST_F(AdminFaultsTest, FaultsApplyToTheirGroupOnly) {
  ASSERT_EQ(admin_->put("/sandbox/v1/faults/rest/spot", R"({"fail_next":-1})").status, 200U);
  EXPECT_EQ(server_time().status, 200U);  // public group untouched
  ASSERT_EQ(admin_->put("/sandbox/v1/faults/rest/all", R"({"fail_next":1,"status":500})").status,
            200U);
  auto refused = server_time();
  EXPECT_EQ(refused.status, 500U);
  EXPECT_EQ(refused.label(), "SERVER_ERROR");
}

TEST_F(AdminFaultsTest, RateLimitFaultAnswers429) {
  ASSERT_EQ(admin_->put("/sandbox/v1/faults/rest/public", R"({"fail_next":1,"status":429})").status,
            200U);
  auto refused = server_time();
  EXPECT_EQ(refused.status, 429U) << refused.body;
  EXPECT_EQ(refused.label(), "TOO_MANY_REQUESTS");
  EXPECT_EQ(server_time().status, 200U);
}

TEST_F(AdminFaultsTest, LatencyDelaysTheAnswer) {
  ASSERT_EQ(admin_->put("/sandbox/v1/faults/rest/public", R"({"latency_ms":150})").status, 200U);
  auto const started = std::chrono::steady_clock::now();
  auto reply = server_time();
  auto const elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(reply.status, 200U);
  // A lower bound only: the answer cannot come before the injected delay.
  EXPECT_GE(elapsed, std::chrono::milliseconds(150));
}

TEST_F(AdminFaultsTest, ListsAndClearsFaults) {
  admin_->put("/sandbox/v1/faults/rest/wallet", R"({"fail_percent":50,"status":502})");
  admin_->put("/sandbox/v1/faults/ws", R"({"drop_after_messages":3,"silent":true})");
  admin_->put("/sandbox/v1/faults/clock_skew", R"({"ms":-5000})");
  auto listed = admin_->get("/sandbox/v1/faults");
  ASSERT_EQ(listed.status, 200U) << listed.body;
  auto const& rest = listed.json.at("rest").as_object();
  ASSERT_TRUE(rest.contains("wallet"));
  EXPECT_EQ(rest.at("wallet").at("fail_percent").as_int64(), 50);
  EXPECT_EQ(rest.at("wallet").at("status").as_int64(), 502);
  EXPECT_EQ(listed.json.at("ws").at("drop_after_messages").as_int64(), 3);
  EXPECT_TRUE(listed.json.at("ws").at("silent").as_bool());
  EXPECT_EQ(listed.json.at("clock_skew_ms").as_int64(), -5000);
  EXPECT_EQ(server_->faults().ws().drop_after_messages, 3);

  EXPECT_EQ(admin_->del("/sandbox/v1/faults/rest/wallet").status, 204U);
  EXPECT_FALSE(server_->faults().rest().contains("wallet"));
  EXPECT_EQ(admin_->del("/sandbox/v1/faults").status, 204U);
  listed = admin_->get("/sandbox/v1/faults");
  EXPECT_TRUE(listed.json.at("rest").as_object().empty());
  EXPECT_FALSE(listed.json.at("ws").at("silent").as_bool());
  EXPECT_EQ(listed.json.at("clock_skew_ms").as_int64(), 0);
}

TEST_F(AdminFaultsTest, ClockSkewShiftsServerTime) {
  std::int64_t const before = server_->venue().clock().now_ms();
  ASSERT_EQ(admin_->put("/sandbox/v1/faults/clock_skew", R"({"ms":3600000})").status, 200U);
  auto reply = server_time();
  ASSERT_EQ(reply.status, 200U);
  EXPECT_GE(reply.json.at("server_time").as_int64(), before + 3'600'000);
}

TEST_F(AdminFaultsTest, RefusesBadFaults) {
  auto reply = admin_->put("/sandbox/v1/faults/rest/bogus", R"({"fail_next":1})");
  EXPECT_EQ(reply.status, 400U);
  EXPECT_EQ(reply.label(), "INVALID_PARAM_VALUE");
  for (std::string const body : {R"({"status":418})", R"({"fail_percent":101})",
                                 R"({"latency_ms":-1})", R"({"fail_next":"x"})"}) {
    reply = admin_->put("/sandbox/v1/faults/rest/spot", body);
    EXPECT_EQ(reply.status, 400U) << body;
    EXPECT_EQ(reply.label(), "INVALID_PARAM_VALUE") << body;
  }
  EXPECT_EQ(admin_->put("/sandbox/v1/rate_limits", "{}").label(), "MISSING_REQUIRED_PARAM");
}

TEST_F(AdminFaultsTest, RateLimitsCanBeSwitchedOff) {
  auto reply = admin_->put("/sandbox/v1/rate_limits", R"({"enabled":false})");
  ASSERT_EQ(reply.status, 200U) << reply.body;
  EXPECT_FALSE(reply.json.at("enabled").as_bool());
  // Gate allows 200 public calls per 10 s; with limits off none of these is refused.
  for (int call = 0; call < 260; ++call) {
    ASSERT_EQ(server_time().status, 200U) << "call " << call;
  }
  EXPECT_EQ(admin_->put("/sandbox/v1/rate_limits", R"({"enabled":true})").status, 200U);
}

}  // namespace
}  // namespace tradelink::sandbox::test
