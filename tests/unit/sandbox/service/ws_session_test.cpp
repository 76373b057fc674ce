// WebSocket v4 framing over loopback: application ping/pong, subscription replies and error
// replies for malformed requests (gateio-v4.md §2.4, §2.5).

#include <gtest/gtest.h>

#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

class WsSessionTest : public SandboxTest {};

std::int64_t int_of(boost::json::value const& message, std::string_view name) {
  auto const* member = message.get_object().if_contains(name);
  return member != nullptr && member->is_int64() ? member->get_int64() : -1;
}

TEST_F(WsSessionTest, SpotPingGetsSpotPong) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  client.send(R"({"time": 1700000000, "id": 42, "channel": "spot.ping"})");
  auto pong = client.next();
  ASSERT_TRUE(pong);
  EXPECT_EQ(text_of(*pong, "channel"), "spot.pong");
  EXPECT_EQ(text_of(*pong, "event"), "");
  EXPECT_EQ(int_of(*pong, "id"), 42);
  EXPECT_TRUE(pong->at("error").is_null());
  EXPECT_TRUE(pong->at("result").is_null());
  EXPECT_GT(int_of(*pong, "time_ms"), 1'600'000'000'000);
  EXPECT_EQ(int_of(*pong, "time"), int_of(*pong, "time_ms") / 1000);
}

TEST_F(WsSessionTest, FuturesPingGetsFuturesPong) {
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(client.connected());
  client.send(R"({"time": 1700000000, "channel": "futures.ping"})");
  auto pong = client.next();
  ASSERT_TRUE(pong);
  EXPECT_EQ(text_of(*pong, "channel"), "futures.pong");
}

TEST_F(WsSessionTest, SubscribeAndUnsubscribeAreAcknowledged) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  client.request("spot.trades", "subscribe", {"BTC_USDT", "ETH_USDT"}, 7);
  auto ack = client.next();
  ASSERT_TRUE(ack);
  EXPECT_EQ(text_of(*ack, "channel"), "spot.trades");
  EXPECT_EQ(text_of(*ack, "event"), "subscribe");
  EXPECT_EQ(int_of(*ack, "id"), 7);
  EXPECT_TRUE(ack->at("error").is_null());
  EXPECT_EQ(text_of(ack->at("result"), "status"), "success");

  client.request("spot.trades", "unsubscribe", {"BTC_USDT"}, 8);
  auto unsubscribed = client.next();
  ASSERT_TRUE(unsubscribed);
  EXPECT_EQ(text_of(*unsubscribed, "event"), "unsubscribe");
  EXPECT_EQ(int_of(*unsubscribed, "id"), 8);
  EXPECT_EQ(text_of(unsubscribed->at("result"), "status"), "success");
}

TEST_F(WsSessionTest, MalformedRequestsGetErrorRepliesAndTheSessionLives) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  struct Case {
    std::string text;
    std::int64_t code;
  };
  std::vector<Case> const cases = {
      {"not json", 1},
      {"[1,2,3]", 1},
      {R"({"time": 1, "channel": 5, "event": "subscribe"})", 1},
      {R"({"time": 1, "channel": "spot.trades", "event": "subscribe", "payload": "BTC_USDT"})", 1},
      {R"({"time": 1, "channel": "spot.nothing", "event": "subscribe", "payload": []})", 2},
      {R"({"time": 1, "channel": "futures.trades", "event": "subscribe", "payload": ["BTC_USDT"]})",
       2},
      {R"({"time": 1, "channel": "spot.trades", "event": "watch", "payload": ["BTC_USDT"]})", 2},
      {R"({"time": 1, "channel": "spot.trades", "event": "subscribe", "payload": ["NOPE_USDT"]})",
       2},
      {R"({"time": 1, "channel": "spot.trades", "event": "subscribe", "payload": []})", 2},
      {R"({"time": 1, "channel": "spot.order_book_update", "event": "subscribe",
           "payload": ["BTC_USDT", "7ms"]})",
       2},
      {R"({"time": 1, "channel": "spot.obu", "event": "subscribe", "payload": ["ob.BTC_USDT.7"]})",
       2},
  };
  for (auto const& item : cases) {
    client.send(item.text);
    auto reply = client.next();
    ASSERT_TRUE(reply) << item.text;
    ASSERT_TRUE(reply->at("error").is_object()) << item.text;
    EXPECT_EQ(reply->at("error").at("code").as_int64(), item.code) << item.text;
    EXPECT_FALSE(text_of(reply->at("error"), "message").empty()) << item.text;
    EXPECT_EQ(text_of(reply->at("result"), "status"), "fail") << item.text;
  }
  client.send(R"({"time": 1, "channel": "spot.ping"})");
  auto pong = client.next();
  ASSERT_TRUE(pong);
  EXPECT_EQ(text_of(*pong, "channel"), "spot.pong");
}

}  // namespace
}  // namespace tradelink::sandbox::test
