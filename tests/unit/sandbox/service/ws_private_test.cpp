// Private channels over loopback (gateio-v4.md §2.2, §7.1, §7.2): subscriptions signed with
// the channel formula receive the user's own orders, fills and balances; a wrong signature, an
// unknown key, a stale time or a key without the product's permission is refused with code 4.

#include <gtest/gtest.h>

#include <map>

#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

class WsPrivateTest : public SandboxTest {
 protected:
  /// Subscribes with `key`'s signature and returns the reply.
  std::optional<boost::json::value> subscribe(WsTestClient& client, std::string const& channel,
                                              std::vector<std::string> const& payload,
                                              TestKey const& key,
                                              std::optional<std::int64_t> time = std::nullopt) {
    client.request(channel, "subscribe", payload, 0, &key, time);
    return client.next_on(channel, "subscribe");
  }

  static std::int64_t error_code(boost::json::value const& reply) {
    return reply.at("error").is_object() ? reply.at("error").at("code").as_int64() : 0;
  }
};

TEST_F(WsPrivateTest, SpotOrdersBalancesAndFillsReachTheirOwner) {
  auto const owner = make_user_key();
  auto const other = make_user_key();
  deposit(owner.user_id, "USDT", "1000");
  deposit(other.user_id, "BTC", "1");
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  for (auto const& [channel, payload] :
       std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"spot.orders", {"BTC_USDT"}}, {"spot.balances", {}}, {"spot.usertrades", {"!all"}}}) {
    auto reply = subscribe(client, channel, payload, owner);
    ASSERT_TRUE(reply) << channel;
    EXPECT_TRUE(reply->at("error").is_null()) << channel;
    EXPECT_EQ(text_of(reply->at("result"), "status"), "success");
  }

  auto const resting =
      place_spot(*server_, other.user_id, "BTC_USDT", Side::sell, "0.001", "60000");
  ASSERT_TRUE(resting);
  auto const order = place_spot(*server_, owner.user_id, "BTC_USDT", Side::buy, "0.001", "60000");
  ASSERT_TRUE(order);

  auto balance = client.next_on("spot.balances", "update");
  ASSERT_TRUE(balance);
  auto const& change = balance->at("result").at(0);
  EXPECT_EQ(text_of(change, "user"), std::to_string(owner.user_id));
  EXPECT_EQ(text_of(change, "currency"), "USDT");
  EXPECT_EQ(text_of(change, "change_type"), "order-create");

  auto put = client.next_on("spot.orders", "update");
  ASSERT_TRUE(put);
  auto const& placed = put->at("result").at(0);
  EXPECT_EQ(text_of(placed, "id"), std::to_string(order->id));
  EXPECT_EQ(text_of(placed, "event"), "put");
  EXPECT_EQ(text_of(placed, "currency_pair"), "BTC_USDT");
  EXPECT_EQ(placed.at("user").as_int64(), owner.user_id);

  auto fill = client.next_on("spot.usertrades", "update");
  ASSERT_TRUE(fill);
  auto const& trade = fill->at("result").at(0);
  EXPECT_EQ(trade.at("user_id").as_int64(), owner.user_id);
  EXPECT_EQ(text_of(trade, "order_id"), std::to_string(order->id));
  EXPECT_EQ(text_of(trade, "role"), "taker");
  EXPECT_EQ(text_of(trade, "amount"), "0.001");

  auto finish = client.next_matching([](boost::json::value const& message) {
    return text_of(message, "channel") == "spot.orders" &&
           text_of(message.at("result").at(0), "event") == "finish";
  });
  ASSERT_TRUE(finish);
  EXPECT_EQ(text_of(finish->at("result").at(0), "finish_as"), "filled");

  // Nothing of the other user arrived: every spot.orders push was the owner's.
  client.send(R"({"time": 1, "channel": "spot.ping"})");
  while (auto message = client.next()) {
    if (text_of(*message, "channel") == "spot.pong") break;
    if (text_of(*message, "channel") == "spot.orders") {
      EXPECT_EQ(message->at("result").at(0).at("user").as_int64(), owner.user_id);
    }
  }
}

TEST_F(WsPrivateTest, WrongSignatureUnknownKeyAndStaleTimeAreRefused) {
  auto const owner = make_user_key();
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());

  TestKey forged = owner;
  forged.secret = std::string(64, 'a');
  auto bad_sign = subscribe(client, "spot.orders", {"!all"}, forged);
  ASSERT_TRUE(bad_sign);
  EXPECT_EQ(error_code(*bad_sign), 4);
  EXPECT_EQ(text_of(bad_sign->at("result"), "status"), "fail");

  TestKey unknown = owner;
  unknown.key = std::string(32, 'f');
  auto bad_key = subscribe(client, "spot.orders", {"!all"}, unknown);
  ASSERT_TRUE(bad_key);
  EXPECT_EQ(error_code(*bad_key), 4);

  auto stale = subscribe(client, "spot.orders", {"!all"}, owner, 1'600'000'000);
  ASSERT_TRUE(stale);
  EXPECT_EQ(error_code(*stale), 4);

  client.send(R"({"time": 1, "channel": "spot.balances", "event": "subscribe", "payload": []})");
  auto unsigned_request = client.next_on("spot.balances", "subscribe");
  ASSERT_TRUE(unsigned_request);
  EXPECT_EQ(error_code(*unsigned_request), 4);
}

TEST_F(WsPrivateTest, KeyWithoutTheProductPermissionIsRefused) {
  auto const futures_only = make_user_key({{"futures", false}});
  auto const spot_only = make_user_key({{"spot", true}});
  WsTestClient spot(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(spot.connected());
  auto refused = subscribe(spot, "spot.balances", {}, futures_only);
  ASSERT_TRUE(refused);
  EXPECT_EQ(error_code(*refused), 4);
  EXPECT_NE(text_of(refused->at("error"), "message").find("spot"), std::string::npos);
  auto accepted = subscribe(spot, "spot.balances", {}, spot_only);  // read-only is enough
  ASSERT_TRUE(accepted);
  EXPECT_TRUE(accepted->at("error").is_null());

  WsTestClient futures(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(futures.connected());
  auto refused_futures =
      subscribe(futures, "futures.orders", {std::to_string(spot_only.user_id), "!all"}, spot_only);
  ASSERT_TRUE(refused_futures);
  EXPECT_EQ(error_code(*refused_futures), 4);
}

TEST_F(WsPrivateTest, FuturesOrdersPositionsBalancesAndFills) {
  auto const owner = make_user_key();
  auto const other = make_user_key();
  fund_futures(*server_, owner.user_id, "10000");
  fund_futures(*server_, other.user_id, "10000");
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt", {{"X-Gate-Size-Decimal", "1"}});
  ASSERT_TRUE(client.connected());
  std::string const uid = std::to_string(owner.user_id);
  for (auto const& [channel, payload] :
       std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"futures.orders", {uid, "!all"}},
           {"futures.positions", {uid, "!all"}},
           {"futures.balances", {uid}},
           {"futures.usertrades", {uid, "BTC_USDT"}}}) {
    auto reply = subscribe(client, channel, payload, owner);
    ASSERT_TRUE(reply) << channel;
    EXPECT_TRUE(reply->at("error").is_null()) << channel;
  }
  auto wrong_uid =
      subscribe(client, "futures.orders", {std::to_string(other.user_id), "!all"}, owner);
  ASSERT_TRUE(wrong_uid);
  EXPECT_EQ(error_code(*wrong_uid), 2);

  ASSERT_TRUE(place_futures(*server_, other.user_id, "BTC_USDT", "-20", "60000"));
  auto const order = place_futures(*server_, owner.user_id, "BTC_USDT", "3", "0", TimeInForce::ioc);
  ASSERT_TRUE(order);

  // Collect everything up to a pong: the pushes of both placements are queued before it.
  client.send(R"({"time": 1, "channel": "futures.ping"})");
  std::map<std::string, std::vector<boost::json::value>> pushes;
  while (auto message = client.next()) {
    if (text_of(*message, "channel") == "futures.pong") break;
    pushes[text_of(*message, "channel")].push_back(message->at("result").at(0));
  }
  ASSERT_FALSE(pushes["futures.orders"].empty());
  auto const& placed = pushes["futures.orders"].front();
  EXPECT_EQ(placed.at("id").as_int64(), order->id);
  EXPECT_EQ(text_of(placed, "contract"), "BTC_USDT");
  EXPECT_EQ(text_of(placed, "size"), "3");
  EXPECT_EQ(text_of(placed, "user"), uid);
  EXPECT_EQ(text_of(pushes["futures.orders"].back(), "status"), "finished");

  ASSERT_FALSE(pushes["futures.positions"].empty());
  EXPECT_EQ(text_of(pushes["futures.positions"].back(), "size"), "3");

  ASSERT_EQ(pushes["futures.usertrades"].size(), 1U);
  auto const& fill = pushes["futures.usertrades"].front();
  EXPECT_EQ(text_of(fill, "order_id"), std::to_string(order->id));
  EXPECT_EQ(text_of(fill, "size"), "3");
  EXPECT_EQ(text_of(fill, "role"), "taker");

  ASSERT_FALSE(pushes["futures.balances"].empty());
  bool saw_fee = false;
  for (auto const& change : pushes["futures.balances"]) {
    EXPECT_EQ(text_of(change, "user"), uid);
    saw_fee = saw_fee || text_of(change, "type") == "fee";
  }
  EXPECT_TRUE(saw_fee);
}

}  // namespace
}  // namespace tradelink::sandbox::test
