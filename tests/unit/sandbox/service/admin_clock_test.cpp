// Moving the sandbox clock through the admin API ages keys: a key without IP whitelist stops
// working 90 days after its creation, as on Gate.
#include <gtest/gtest.h>

#include "unit/sandbox/service/admin_client.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

class AdminClockTest : public SandboxTest {
 protected:
  gateio::GateResult<std::vector<gateio::SpotAccount>> balances(TestKey const& key) {
    auto rest = client(&key);
    return run<std::vector<gateio::SpotAccount>>(
        [&](auto done) { rest->spot_accounts(std::nullopt, done); });
  }
};

TEST_F(AdminClockTest, KeyWithoutWhitelistExpiresAfterNinetyDays) {
  TestKey const unbound = make_user_key();
  TestKey const bound = make_user_key({}, {"127.0.0.1"});
  ASSERT_TRUE(balances(unbound).has_value());

  AdminClient admin(server_->base_url());
  auto advanced =
      admin.post("/sandbox/v1/clock/advance", R"({"seconds":7776060})");  // 90 d + 1 min
  ASSERT_EQ(advanced.status, 200U) << advanced.body;

  auto expired = balances(unbound);
  ASSERT_FALSE(expired.has_value());
  EXPECT_EQ(expired.error().label, "INVALID_KEY") << expired.error().message;
  // A whitelisted key does not expire.
  auto still = balances(bound);
  EXPECT_TRUE(still.has_value()) << still.error().message;
}

}  // namespace
}  // namespace tradelink::sandbox::test
