// The security lifecycle of a binding: rotating to a new key of the same exchange account (and
// refusing any other), and deleting it with its open orders cancelled on the exchange first.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/decimal.hpp"
#include "store/store_error.hpp"
#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class RotateAndRemoveTest : public KeyServiceTest {
 protected:
  void SetUp() override {
    KeyServiceTest::SetUp();
    if (HasFatalFailure()) return;
    old_key_ = trading_key();
    auto bound = bind(user_, old_key_);
    ASSERT_TRUE(bound.has_value()) << bound.error().message;
    ASSERT_EQ(bound->status, BindingStatus::connected) << bound->report.message;
    binding_ = *bound;
  }

  core::Result<BindingView> rotate_to(SandboxKey const& key) {
    RotateRequest request;
    request.api_key = key.key;
    request.secret = crypto::SecretString(key.secret);
    return service_->rotate(user_, binding_.id, std::move(request));
  }

  /// The binding is still exactly the old one.
  void expect_unchanged() {
    auto shown = service_->show(user_, binding_.id);
    ASSERT_TRUE(shown.has_value()) << shown.error().message;
    EXPECT_EQ(shown->masked_key, binding_.masked_key);
    EXPECT_EQ(shown->updated_at, binding_.updated_at);
    auto credentials = service_->credentials(user_, binding_.id);
    ASSERT_TRUE(credentials.has_value()) << credentials.error().message;
    EXPECT_EQ(credentials->api_key, old_key_.key);
    EXPECT_EQ(credentials->secret.reveal(), old_key_.secret);
    EXPECT_THAT(audit_events(user_, binding_.id), ElementsAre("binding.created"));
  }

  SandboxKey old_key_;
  BindingView binding_;
};

TEST_F(RotateAndRemoveTest, RotatesToANewKeyOfTheSameAccount) {
  SandboxKey const new_key = make_key(old_key_.exchange_user_id);
  auto rotated = rotate_to(new_key);
  ASSERT_TRUE(rotated.has_value()) << rotated.error().message;
  EXPECT_EQ(rotated->id, binding_.id);
  EXPECT_EQ(rotated->status, BindingStatus::connected) << rotated->report.message;
  EXPECT_EQ(rotated->masked_key, crypto::mask(new_key.key));
  EXPECT_NE(rotated->masked_key, binding_.masked_key);
  EXPECT_EQ(rotated->label, binding_.label);
  EXPECT_EQ(rotated->exchange_user_id, std::to_string(old_key_.exchange_user_id));

  auto credentials = service_->credentials(user_, binding_.id);
  ASSERT_TRUE(credentials.has_value()) << credentials.error().message;
  EXPECT_EQ(credentials->api_key, new_key.key);
  EXPECT_EQ(credentials->secret.reveal(), new_key.secret);

  std::vector<store::AuditRecord> const audit = audit_of(user_, binding_.id);
  ASSERT_EQ(audit.size(), 2U);
  EXPECT_EQ(audit[0].event, "binding.rotated");
  json::value const detail = json::parse(audit[0].detail_json);
  EXPECT_EQ(detail.at("old_key"), json::value(crypto::mask(old_key_.key)));
  EXPECT_EQ(detail.at("new_key"), json::value(crypto::mask(new_key.key)));

  // The stored row holds the new key only.
  auto record = store_->find_binding(user_, binding_.id);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->api_key, new_key.key);
}

TEST_F(RotateAndRemoveTest, RotationToAnotherAccountsKeyIsRefused) {
  auto refused = rotate_to(trading_key());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "keys.rotation_refused");
  EXPECT_EQ(refused.error().layer, core::ErrorLayer::validation);
  EXPECT_THAT(refused.error().message, HasSubstr("belongs to another exchange account"));
  expect_unchanged();
}

TEST_F(RotateAndRemoveTest, RotationToAKeyLackingTheScopeIsRefused) {
  KeyOptions spot_only;
  spot_only.perms = {{"spot", false}, {"wallet", true}, {"account", false}};
  auto refused = rotate_to(make_key(old_key_.exchange_user_id, spot_only));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "keys.rotation_refused");
  EXPECT_THAT(refused.error().message,
              HasSubstr("The new key was not accepted: Permission Denied."));
  EXPECT_THAT(refused.error().message, HasSubstr("Perpetual Futures – Read & Write"));
  expect_unchanged();
}

TEST_F(RotateAndRemoveTest, RotationToTheSameOrABrokenKeyIsRefused) {
  auto same = rotate_to(old_key_);
  ASSERT_FALSE(same.has_value());
  EXPECT_EQ(same.error().code, "keys.rotation_refused");
  EXPECT_THAT(same.error().message, HasSubstr("already bound"));

  SandboxKey wrong_secret = make_key(old_key_.exchange_user_id);
  wrong_secret.secret = old_key_.secret;
  auto invalid = rotate_to(wrong_secret);
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().code, "keys.rotation_refused");
  EXPECT_THAT(invalid.error().message, HasSubstr("Invalid API Key / Secret"));
  expect_unchanged();
}

TEST_F(RotateAndRemoveTest, RemovalCancelsOpenOrdersThenForgetsTheBinding) {
  std::int64_t const exchange_user = old_key_.exchange_user_id;
  deposit(exchange_user, sandbox::Account::spot, "USDT", "1000");
  deposit(exchange_user, sandbox::Account::futures, "USDT", "1000");
  auto const placed = server_->venue().with([&](sandbox::VenueState& state) {
    sandbox::SpotOrderRequest spot;
    spot.currency_pair = "BTC_USDT";
    spot.side = sandbox::Side::buy;
    spot.amount = core::Decimal::parse("0.001").value();
    spot.price = core::Decimal::parse("50000").value();
    auto spot_order = state.engine.place_spot_order(exchange_user, spot, state.clock.now_ms());
    EXPECT_TRUE(spot_order.has_value()) << spot_order.error().message;
    sandbox::FuturesOrderRequest futures;
    futures.contract = "BTC_USDT";
    futures.size = core::Decimal::parse("1").value();
    futures.price = core::Decimal::parse("60000").value();
    auto futures_order =
        state.engine.place_futures_order(exchange_user, futures, state.clock.now_ms());
    EXPECT_TRUE(futures_order.has_value()) << futures_order.error().message;
    return std::pair<sandbox::OrderId, sandbox::OrderId>{spot_order ? spot_order->id : 0,
                                                         futures_order ? futures_order->id : 0};
  });
  sandbox::OrderId const spot_id = placed.first;
  sandbox::OrderId const futures_id = placed.second;
  ASSERT_NE(spot_id, 0);
  ASSERT_NE(futures_id, 0);

  auto removed = service_->remove(user_, binding_.id, true);
  ASSERT_TRUE(removed.has_value()) << removed.error().message;
  EXPECT_EQ(removed->id, binding_.id);
  EXPECT_EQ(removed->cancelled_orders, 2U);

  server_->venue().with([&](sandbox::VenueState& state) {
    std::int64_t const now = state.clock.now_ms();
    auto const spot = state.engine.spot().order(exchange_user, "BTC_USDT", spot_id, now);
    ASSERT_TRUE(spot.has_value()) << spot.error().message;
    EXPECT_EQ(spot->finish_as, sandbox::FinishAs::cancelled);
    auto const futures = state.engine.futures().order(exchange_user, futures_id, now);
    ASSERT_TRUE(futures.has_value()) << futures.error().message;
    EXPECT_EQ(futures->finish_as, sandbox::FinishAs::cancelled);
    EXPECT_TRUE(state.engine.spot().open_orders_by_pair(exchange_user, sandbox::Page{}).empty());
  });

  auto listed = service_->list(user_);
  ASSERT_TRUE(listed.has_value());
  EXPECT_TRUE(listed->empty());
  auto shown = service_->show(user_, binding_.id);
  ASSERT_FALSE(shown.has_value());
  EXPECT_EQ(shown.error().code, store::error_code::not_found);
  auto credentials = service_->credentials(user_, binding_.id);
  ASSERT_FALSE(credentials.has_value());

  std::vector<store::AuditRecord> const audit = audit_of(user_, binding_.id);
  ASSERT_EQ(audit.size(), 2U);
  EXPECT_EQ(audit[0].event, "binding.deleted");
  json::value const detail = json::parse(audit[0].detail_json);
  EXPECT_EQ(detail.at("cancelled_orders"), json::value(2));
  EXPECT_EQ(detail.at("key"), json::value(crypto::mask(old_key_.key)));

  // Removing again finds nothing.
  auto again = service_->remove(user_, binding_.id, false);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, store::error_code::not_found);
}

TEST_F(RotateAndRemoveTest, RemovalWithoutCancellingLeavesOrdersAlone) {
  std::int64_t const exchange_user = old_key_.exchange_user_id;
  deposit(exchange_user, sandbox::Account::spot, "USDT", "1000");
  server_->venue().with([&](sandbox::VenueState& state) {
    sandbox::SpotOrderRequest spot;
    spot.currency_pair = "BTC_USDT";
    spot.side = sandbox::Side::buy;
    spot.amount = core::Decimal::parse("0.001").value();
    spot.price = core::Decimal::parse("50000").value();
    EXPECT_TRUE(
        state.engine.place_spot_order(exchange_user, spot, state.clock.now_ms()).has_value());
  });
  auto removed = service_->remove(user_, binding_.id, false);
  ASSERT_TRUE(removed.has_value()) << removed.error().message;
  EXPECT_EQ(removed->cancelled_orders, 0U);
  std::size_t const open = server_->venue().with([&](sandbox::VenueState& state) {
    return state.engine.spot().open_orders_by_pair(exchange_user, sandbox::Page{}).size();
  });
  EXPECT_EQ(open, 1U);
}

}  // namespace
}  // namespace tradelink::platform::keys::test
