// WebSocket faults and back-pressure over loopback: a client that never reads is disconnected
// once its bounded outbound queue overflows (1008, or a cut when no close frame fits), the "drop
// after N messages" fault cuts the TCP connection after exactly N pushes, and the "silent" fault
// withholds every message.

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>

#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

class WsFaultTest : public SandboxTest {
 protected:
  /// `count` trades of 0.001 BTC at 60000 between two fresh users.
  void trade(int count) {
    auto const seller = make_user_key();
    auto const buyer = make_user_key();
    deposit(seller.user_id, "BTC", "10");
    deposit(buyer.user_id, "USDT", "10000000");
    for (int i = 0; i < count; ++i) {
      ASSERT_TRUE(place_spot(*server_, seller.user_id, "BTC_USDT", Side::sell, "0.001", "60000"));
      ASSERT_TRUE(place_spot(*server_, buyer.user_id, "BTC_USDT", Side::buy, "0.001", "60000"));
    }
  }
};

TEST_F(WsFaultTest, ClientThatNeverReadsIsDisconnectedWithBoundedQueue) {
  // A book deep enough that one spot.obu full snapshot is large (~1,000 levels a side).
  auto const maker = make_user_key();
  deposit(maker.user_id, "BTC", "100");
  deposit(maker.user_id, "USDT", "10000000");
  for (int level = 0; level < 1000; ++level) {
    ASSERT_TRUE(place_spot(*server_, maker.user_id, "BTC_USDT", Side::sell, "0.001",
                           std::to_string(70000 + level)));
    ASSERT_TRUE(place_spot(*server_, maker.user_id, "BTC_USDT", Side::buy, "0.001",
                           std::to_string(50000 - level)));
  }

  boost::asio::io_context io;
  tcp::resolver resolver(io);
  websocket::stream<tcp::socket> stream(io);
  boost::asio::connect(stream.next_layer(),
                       resolver.resolve("127.0.0.1", std::to_string(server_->port())));
  // Keep the kernel's buffers small so the server's queue, not the socket, absorbs the flood.
  stream.next_layer().set_option(boost::asio::socket_base::receive_buffer_size(4096));
  stream.handshake("127.0.0.1", "/ws/v4/");

  // Each resubscription sends the whole book (~40 KB); the client reads nothing.
  constexpr int rounds = 400;
  boost::system::error_code write_error;
  for (int round = 0; round < rounds && !write_error; ++round) {
    stream.write(
        boost::asio::buffer(std::string(
            R"({"time":1,"channel":"spot.obu","event":"subscribe","payload":["ob.BTC_USDT.400"]})")),
        write_error);
    stream.write(
        boost::asio::buffer(std::string(
            R"({"time":1,"channel":"spot.obu","event":"unsubscribe","payload":["ob.BTC_USDT.400"]})")),
        write_error);
  }

  // Now read what the server kept for us: far less than was pushed, then the 1008 close.
  std::size_t received_bytes = 0;
  std::size_t snapshots = 0;
  beast::flat_buffer buffer;
  boost::system::error_code error;
  while (!error) {
    stream.read(buffer, error);
    if (!error) {
      std::string const text = beast::buffers_to_string(buffer.data());
      if (text.find("\"full\":true") != std::string::npos) ++snapshots;
      received_bytes += buffer.size();
      buffer.consume(buffer.size());
    }
  }
  // The server ended the session: with a 1008 close frame when its socket could still take one,
  // otherwise by cutting the connection (the client then sees a reset or end of stream).
  if (error == websocket::error::closed) {
    EXPECT_EQ(stream.reason().code, websocket::close_code::policy_error);
  } else {
    EXPECT_TRUE(error == boost::asio::error::connection_reset || error == boost::asio::error::eof ||
                error == beast::error::timeout)
        << error.message();
  }
  EXPECT_LT(snapshots, static_cast<std::size_t>(rounds)) << received_bytes << " bytes received";
  // The server never held more than its outbound bound (4 MiB) plus what the sockets buffered.
  EXPECT_LT(received_bytes, 12U * 1024U * 1024U);
}

TEST_F(WsFaultTest, DropAfterMessagesCutsTheConnectionAfterExactlyNPushes) {
  server_->faults().set_ws(WsFaultSpec{3, false});
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  client.request("spot.trades", "subscribe", {"BTC_USDT"});
  auto ack = client.next_on("spot.trades", "subscribe");
  ASSERT_TRUE(ack);
  trade(10);
  int pushes = 0;
  while (auto message = client.next()) {
    EXPECT_EQ(text_of(*message, "channel"), "spot.trades");
    ++pushes;
  }
  ASSERT_TRUE(client.wait_closed());
  EXPECT_EQ(pushes, 3);
  ASSERT_TRUE(client.close_info());
  EXPECT_FALSE(client.close_info()->clean());  // no closing handshake: the TCP link just ended
  server_->faults().clear_all();
}

TEST_F(WsFaultTest, SilentWithholdsMessagesWhileSet) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  client.request("spot.trades", "subscribe", {"BTC_USDT"});
  ASSERT_TRUE(client.next_on("spot.trades", "subscribe"));

  server_->faults().set_ws(WsFaultSpec{0, true});
  trade(2);  // pushed synchronously while silent: withheld
  server_->faults().clear_all();

  client.send(R"({"time": 1, "id": 9, "channel": "spot.ping"})");
  auto first = client.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(text_of(*first, "channel"), "spot.pong");
  trade(1);
  auto push = client.next();
  ASSERT_TRUE(push);
  EXPECT_EQ(text_of(*push, "channel"), "spot.trades");
}

}  // namespace
}  // namespace tradelink::sandbox::test
