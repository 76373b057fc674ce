// Gate.io WebSocket v4 private channel messages (gateio-v4.md §2.4, §7.1, §7.2) parsed into
// venue-neutral updates, amounts exact.
#include "venues/gateio/ws/private_messages.hpp"

#include <gtest/gtest.h>

namespace tradelink::gateio {
namespace {

core::Decimal dec(char const* text) {
  return core::Decimal::parse(text).value();
}

class PrivateMessages : public ::testing::Test {
 protected:
  PrivateMessage const& parse(std::string_view text) {
    auto parsed = parser_.parse(text, message_);
    EXPECT_TRUE(parsed.has_value()) << (parsed ? "" : parsed.error().message);
    return message_;
  }

  PrivateMessageParser parser_;
  PrivateMessage message_;
};

TEST_F(PrivateMessages, SubscriptionAcksTellSuccessFromFailure) {
  auto const& ok =
      parse(R"({"time":1700000000,"time_ms":1700000000123,"id":7,"channel":"spot.balances",)"
            R"("event":"subscribe","error":null,"result":{"status":"success"}})");
  EXPECT_EQ(ok.kind, MessageKind::ack);
  EXPECT_FALSE(ok.failed);
  EXPECT_EQ(ok.id, 7);
  EXPECT_EQ(ok.channel, "spot.balances");

  auto const& refused =
      parse(R"({"time":1700000000,"channel":"futures.orders","event":"subscribe",)"
            R"("error":{"code":4,"message":"invalid key"},"result":{"status":"fail"}})");
  EXPECT_EQ(refused.kind, MessageKind::ack);
  EXPECT_TRUE(refused.failed);
  EXPECT_EQ(refused.error_code, ws_auth_failed_code);
  EXPECT_EQ(refused.error_message, "invalid key");
}

TEST_F(PrivateMessages, PongsAreRecognised) {
  auto const& pong =
      parse(R"({"time":1700000000,"channel":"spot.pong","event":"","error":null,"result":null})");
  EXPECT_EQ(pong.kind, MessageKind::pong);
}

TEST_F(PrivateMessages, SpotBalancesAreAbsoluteAndExact) {
  auto const& message = parse(
      R"({"time":1700000100,"time_ms":1700000100763,"channel":"spot.balances","event":"update",)"
      R"("result":[{"timestamp":"1700000100","timestamp_ms":"1700000100730","user":"20011234",)"
      R"("currency":"USDT","change":"-65","total":"1558.4471","available":"1458.4471",)"
      R"("freeze":"100","freeze_change":"65","change_type":"order-create"}]})");
  ASSERT_EQ(message.kind, MessageKind::updates);
  ASSERT_EQ(message.balances.size(), 1U);
  auto const& balance = message.balances[0];
  EXPECT_EQ(balance.account, venues::AccountKind::spot);
  EXPECT_EQ(balance.currency, "USDT");
  EXPECT_EQ(balance.total, dec("1558.4471"));
  EXPECT_EQ(balance.available, dec("1458.4471"));
  EXPECT_EQ(balance.locked, dec("100"));
  EXPECT_EQ(balance.venue_time_ms, 1700000100730);
}

TEST_F(PrivateMessages, FuturesBalancesCarryOnlyTheTotalReadFromTheNumberText) {
  auto const& message = parse(
      R"({"time":1700000200,"time_ms":1700000200123,"channel":"futures.balances",)"
      R"("event":"update","result":[{"balance":2499.92,"change":-0.2,"text":"BTC_USDT:58369281",)"
      R"("time":1700000200,"time_ms":1700000200123,"type":"fee","user":"20011234",)"
      R"("currency":"usdt"}]})");
  ASSERT_EQ(message.balances.size(), 1U);
  EXPECT_EQ(message.balances[0].account, venues::AccountKind::futures);
  EXPECT_EQ(message.balances[0].currency, "USDT");
  EXPECT_EQ(message.balances[0].total, dec("2499.92"));
  EXPECT_FALSE(message.balances[0].available.has_value());
}

TEST_F(PrivateMessages, OrdersFillsAndPositions) {
  auto const& order = parse(
      R"({"time":1700000002,"channel":"spot.orders","event":"update","result":[{"id":"812839912342",)"
      R"("text":"t-abc123","currency_pair":"BTC_USDT","left":"0","event":"finish",)"
      R"("update_time_ms":"1700000002123"}]})");
  ASSERT_EQ(order.orders.size(), 1U);
  EXPECT_EQ(order.orders[0].order_id, "812839912342");
  EXPECT_TRUE(order.orders[0].finished);
  EXPECT_EQ(order.orders[0].venue_time_ms, 1700000002123);

  auto const& fill = parse(
      R"({"time":1700000010,"channel":"spot.usertrades","event":"update","result":[{"id":1232893232,)"
      R"("order_id":"812839912342","currency_pair":"BTC_USDT","create_time_ms":"1700000010123.456",)"
      R"("side":"buy","amount":"0.001","price":"65000","fee":"0.000002","fee_currency":"BTC"}]})");
  ASSERT_EQ(fill.fills.size(), 1U);
  EXPECT_EQ(fill.fills[0].fee, dec("0.000002"));
  EXPECT_EQ(fill.fills[0].venue_time_ms, 1700000010123);

  auto const& futures_order =
      parse(R"({"time":1700000004,"channel":"futures.orders","event":"update","result":[{)"
            R"("contract":"BTC_USDT","id":58369281,"left":"-3","size":"-3","status":"finished",)"
            R"("text":"t-close-01","update_time":1700000004123}]})");
  ASSERT_EQ(futures_order.orders.size(), 1U);
  EXPECT_EQ(futures_order.orders[0].order_id, "58369281");
  EXPECT_TRUE(futures_order.orders[0].finished);

  auto const& position =
      parse(R"({"time":1700000005,"channel":"futures.positions","event":"update","result":[{)"
            R"("contract":"BTC_USDT","size":"10","entry_price":60000.5,"margin":6.01,)"
            R"("realised_pnl":-0.3,"update_id":4,"time_ms":1700000005001}]})");
  ASSERT_EQ(position.positions.size(), 1U);
  EXPECT_EQ(position.positions[0].position.entry_price, dec("60000.5"));
  EXPECT_EQ(position.positions[0].position.update_id, 4);
}

TEST_F(PrivateMessages, BadInputIsAnErrorNeverACrash) {
  for (
      std::string_view text :
      {std::string_view{""}, std::string_view{"{"}, std::string_view{"[1,2]"},
       std::string_view{
           R"({"channel":"spot.balances","event":"update","result":[{"currency":"USDT"}]})"},
       std::string_view{
           R"({"channel":"spot.balances","event":"update","result":[{"currency":"USDT","total":"x","available":"1","freeze":"0"}]})"}}) {
    EXPECT_FALSE(parser_.parse(text, message_).has_value()) << text;
  }
  // Unknown channels and shapes are "other", not errors.
  auto const& other = parse(R"({"channel":"spot.tickers","event":"update","result":{"last":"1"}})");
  EXPECT_EQ(other.kind, MessageKind::other);
}

}  // namespace
}  // namespace tradelink::gateio
