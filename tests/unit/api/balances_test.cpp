// Balances over the API: a bearer read whose token is cached is answered on the I/O thread from
// memory; it must answer exactly as the worker path does, see new snapshots at once, keep other
// users' bindings hidden and refuse a revoked token at once.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/decimal.hpp"
#include "platform/sync/balance_view.hpp"
#include "unit/api/api_fixture.hpp"

namespace tradelink::api::test {
namespace {

using platform::sync::BindingBalances;

/// Balances the test publishes as account sync would: a new snapshot per change.
class PublishedBalances final : public platform::sync::BalanceView {
 public:
  void publish(std::int64_t user_id, std::string const& binding_id, std::string const& usdt) {
    auto snapshot = std::make_shared<BindingBalances>();
    snapshot->binding_id = binding_id;
    core::Decimal const amount = core::Decimal::parse(usdt).value();
    snapshot->lines.push_back({"spot", "USDT", amount, core::Decimal{}, amount});
    snapshot->health.socket_state = "live";
    std::lock_guard const lock(mutex_);
    bindings_[binding_id] = {user_id, std::move(snapshot)};
  }

  core::Result<BindingBalances> balances(std::int64_t user_id,
                                         std::string_view binding_id) const override {
    if (auto snapshot = latest(user_id, binding_id)) return *snapshot;
    return core::validation_error("sync.not_found", "no such binding");
  }
  std::shared_ptr<BindingBalances const> latest(std::int64_t user_id,
                                                std::string_view binding_id) const override {
    std::lock_guard const lock(mutex_);
    auto const found = bindings_.find(binding_id);
    if (found == bindings_.end() || found->second.first != user_id) return nullptr;
    return found->second.second;
  }
  core::Result<std::vector<platform::sync::BalancePoint>> history(std::int64_t, std::string_view,
                                                                  std::int64_t,
                                                                  std::int64_t) const override {
    return std::vector<platform::sync::BalancePoint>{};
  }
  platform::sync::WatchHandle watch(std::int64_t, Listener) override { return {}; }
  platform::sync::SyncTotals totals() const override { return {}; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::pair<std::int64_t, std::shared_ptr<BindingBalances const>>,
           std::less<>>
      bindings_;
};

class BalancesApiTest : public ApiTest {
 protected:
  BalancesApiTest() { balance_view_ = &published_; }

  static std::string path_of(std::string const& binding_id) {
    return "/api/v1/bindings/" + binding_id + "/balances";
  }

  PublishedBalances published_;
};

TEST_F(BalancesApiTest, ACachedTokenGetsTheAnswerAWorkerGives) {
  Auth const alice = sign_up("alice@example.com");
  Auth const script = token_for(alice);
  published_.publish(alice.user_id, "kb_alice", "1234.5");

  Reply const by_session = get(path_of("kb_alice"), &alice);
  Reply const first = get(path_of("kb_alice"), &script);   // verifies the token on a worker
  Reply const cached = get(path_of("kb_alice"), &script);  // the token is cached now
  for (Reply const* reply : {&by_session, &first, &cached}) {
    EXPECT_EQ(reply->status, 200U) << reply->body;
    EXPECT_EQ(reply->body, by_session.body);
    EXPECT_EQ(reply->header("Content-Type"), "application/json");
    EXPECT_EQ(reply->header("Cache-Control"), "no-store");
    EXPECT_EQ(reply->header("X-Content-Type-Options"), "nosniff");
  }
  ASSERT_TRUE(cached.json.is_object());
  EXPECT_EQ(cached.json.at("binding_id").as_string(), "kb_alice");
  EXPECT_EQ(cached.json.at("balances").at(0).at("total").as_string(), "1234.5");
}

TEST_F(BalancesApiTest, ANewSnapshotIsServedAtOnce) {
  Auth const alice = sign_up("alice@example.com");
  Auth const script = token_for(alice);
  published_.publish(alice.user_id, "kb_alice", "100");
  ASSERT_EQ(get(path_of("kb_alice"), &script).status, 200U);
  ASSERT_EQ(get(path_of("kb_alice"), &script).status, 200U);

  published_.publish(alice.user_id, "kb_alice", "250");
  Reply const reply = get(path_of("kb_alice"), &script);
  ASSERT_EQ(reply.status, 200U) << reply.body;
  EXPECT_EQ(reply.json.at("balances").at(0).at("total").as_string(), "250");
}

TEST_F(BalancesApiTest, AnotherUsersBindingStaysHiddenFromACachedToken) {
  Auth const alice = sign_up("alice@example.com");
  Auth const bob = token_for(sign_up("bob@example.com"));
  published_.publish(alice.user_id, "kb_alice", "1234.5");
  for (int attempt = 0; attempt < 2; ++attempt) {  // the second one with bob's token cached
    Reply const reply = get(path_of("kb_alice"), &bob);
    EXPECT_EQ(reply.status, 404U) << reply.body;
    EXPECT_EQ(reply.body.find("1234.5"), std::string::npos);
  }
}

TEST_F(BalancesApiTest, ARevokedTokenIsRefusedAtOnce) {
  Auth const alice = sign_up("alice@example.com");
  Auth const script = token_for(alice);
  published_.publish(alice.user_id, "kb_alice", "1234.5");
  ASSERT_EQ(get(path_of("kb_alice"), &script).status, 200U);
  ASSERT_EQ(get(path_of("kb_alice"), &script).status, 200U);

  auto const tokens = users_->list_api_tokens(alice.user_id);
  ASSERT_TRUE(tokens.has_value());
  ASSERT_EQ(tokens->size(), 1U);
  ASSERT_TRUE(users_->revoke_api_token(alice.user_id, tokens->front().id).has_value());

  Reply const reply = get(path_of("kb_alice"), &script);
  EXPECT_EQ(reply.status, 401U) << reply.body;
  EXPECT_EQ(reply.body.find("1234.5"), std::string::npos);
}

}  // namespace
}  // namespace tradelink::api::test
