#include "unit/sandbox/service/sandbox_fixture.hpp"

#include "core/decimal.hpp"

namespace tradelink::sandbox::test {

void SandboxTest::SetUp() {
  options_.port = 0;
  options_.simulate_market = false;
  auto started = SandboxServer::start(options_);
  ASSERT_TRUE(started.has_value()) << started.error().message;
  server_ = std::move(*started);
}

void SandboxTest::TearDown() {
  if (server_) server_->stop();
}

TestKey SandboxTest::make_user_key(std::vector<KeyPermission> perms,
                                   std::vector<std::string> ip_whitelist) {
  if (perms.empty()) {
    perms = {{"spot", false}, {"futures", false}, {"wallet", false}, {"account", false}};
  }
  return server_->venue().with([&](VenueState& state) {
    User const& user = state.users.create("test user", state.clock.now_ms());
    KeySpec spec;
    spec.user_id = user.id;
    spec.name = "test key";
    spec.perms = std::move(perms);
    spec.ip_whitelist = std::move(ip_whitelist);
    auto key = state.keys.create(std::move(spec), state.clock.now_ms());
    EXPECT_TRUE(key.has_value());
    return TestKey{key->key, key->secret, user.id};
  });
}

void SandboxTest::deposit(std::int64_t user_id, std::string const& currency,
                          std::string const& amount) {
  server_->venue().with([&](VenueState& state) {
    auto done = state.engine.deposit(user_id, Account::spot, currency,
                                     core::Decimal::parse(amount).value(), state.clock.now_ms());
    EXPECT_TRUE(done.has_value()) << done.error().message;
  });
}

std::unique_ptr<gateio::RestClient> SandboxTest::client(TestKey const* key) {
  gateio::TransportOptions options;
  options.base_url = server_->base_url() + "/api/v4";
  options.backoff_initial = std::chrono::milliseconds(5);
  options.backoff_max = std::chrono::milliseconds(20);
  std::optional<gateio::Credential> credential;
  if (key != nullptr) credential.emplace(key->key, crypto::SecretString(key->secret));
  auto created = gateio::RestClient::create(io_, std::move(options), std::move(credential));
  EXPECT_TRUE(created.has_value());
  return std::move(*created);
}

}  // namespace tradelink::sandbox::test
