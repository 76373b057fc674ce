// WebSocket sessions of HttpServer over real loopback sockets: echo, pushes from other threads,
// slow consumers, pings and silence deadlines, closing rules, upgrade refusals, stop.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "net/http_server.hpp"
#include "net/websocket_client.hpp"
#include "server_test_support.hpp"
#include "websocket_test_support.hpp"

namespace tradelink::net {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::IoThread;
using test::RawClient;
using test::Recorder;

/// A server with one WebSocket route, "/ws/v4/", whose sessions echo "echo:<text>" and are
/// recorded (handle and server-side events), so tests can push to them and see how they end.
class WebSocketServer {
 public:
  explicit WebSocketServer(ServerOptions options = test::test_server_options(),
                           std::function<void(WebSocketSession const&)> on_open = {}) {
    ServerHandlers handlers;
    handlers.error_body = [](unsigned status, std::string_view reason) {
      return ErrorBody{"application/json", "{\"label\":\"WS" + std::to_string(status) +
                                               "\",\"message\":\"" + std::string(reason) + "\"}"};
    };
    handlers.on_request = [](ServerRequest const& request, Responder responder) {
      responder.respond(ServerResponse::json(
          404, "{\"label\":\"NOT_FOUND\",\"path\":\"" + std::string(request.path) + "\"}"));
    };
    handlers.websocket_routes.push_back(WebSocketRoute{
        [](std::string_view path) { return path == "/ws/v4/"; },
        [this, on_open = std::move(on_open)](WebSocketSession const& session) {
          {
            std::lock_guard lock(mutex_);
            sessions_.push_back(session);
          }
          if (on_open) on_open(session);
          return WebSocketCallbacks{
              [session](std::string_view text) { session.send_text("echo:" + std::string(text)); },
              [this](WebSocketCloseInfo const& info) { server_side_.closed(info); }};
        }});
    server_ = test::start_server(std::move(options), std::move(handlers));
  }

  std::string url() const {
    return "ws://127.0.0.1:" + std::to_string(server_->port()) + "/ws/v4/";
  }
  HttpServer& server() { return *server_; }
  Recorder const& server_side() const { return server_side_; }

  bool wait_sessions(std::size_t count) {
    return eventually([&] {
      std::lock_guard lock(mutex_);
      return sessions_.size() >= count;
    });
  }
  WebSocketSession session(std::size_t index) {
    std::lock_guard lock(mutex_);
    return sessions_.at(index);
  }

 private:
  std::mutex mutex_;
  std::vector<WebSocketSession> sessions_;
  Recorder server_side_;
  std::unique_ptr<HttpServer> server_;  // last: stopped first, while the recorders still live
};

WebSocketClientOptions quiet_client_options() {
  WebSocketClientOptions options;
  options.ping_interval = 0ms;
  options.read_silence_timeout = 0ms;
  return options;
}

/// A raw peer that completes the upgrade, then does exactly what the test says.
std::unique_ptr<RawClient> raw_websocket_peer(std::uint16_t port) {
  auto peer = std::make_unique<RawClient>(port);
  auto response = peer->exchange(test::upgrade_request("/ws/v4/"));
  if (!response || response->result_int() != 101) {
    ADD_FAILURE() << "upgrade failed";
    return nullptr;
  }
  return peer;
}

TEST(WebSocketServer, EchoRoundTripSeesUpgradeHeadersAndClosesCleanly) {
  WebSocketServer ws({}, [](WebSocketSession const& session) {
    session.send_text(
        "size-decimal=" + std::string(session.request().header("x-gate-size-decimal")) + " peer=" +
        session.request().peer_address + " path=" + std::string(session.request().path()));
  });
  IoThread loop;
  Recorder client_side;
  WebSocketClientOptions options = quiet_client_options();
  options.headers.push_back({"X-Gate-Size-Decimal", "1"});
  auto client = std::make_unique<WebSocketClient>(loop.io(), options);
  client->connect(ws.url(), client_side.client_callbacks(), client_side.connect_handler());
  ASSERT_TRUE(client_side.wait_connected());
  ASSERT_TRUE(client_side.connect_result()->has_value())
      << client_side.connect_result()->error().message;

  EXPECT_TRUE(client->send_text(R"({"channel":"spot.balances","event":"subscribe"})"));
  ASSERT_TRUE(client_side.wait_texts(2));
  EXPECT_EQ(client_side.texts()[0], "size-decimal=1 peer=127.0.0.1 path=/ws/v4/");
  EXPECT_EQ(client_side.texts()[1], R"(echo:{"channel":"spot.balances","event":"subscribe"})");

  client->close(close_code::normal, "done");
  ASSERT_TRUE(client_side.wait_closed());
  ASSERT_TRUE(ws.server_side().wait_closed());
  EXPECT_TRUE(client_side.close_info()->clean()) << client_side.close_info()->error->message;
  EXPECT_EQ(client_side.close_info()->code, close_code::normal);
  EXPECT_TRUE(ws.server_side().close_info()->clean());
  EXPECT_EQ(ws.server_side().close_info()->code, close_code::normal);
  EXPECT_EQ(ws.server_side().close_info()->reason, "done");
  EXPECT_FALSE(ws.session(0).is_open());
  EXPECT_FALSE(ws.session(0).send_text("after close")) << "sending after close is a no-op";
  EXPECT_TRUE(eventually([&] { return ws.server().connection_count() == 0; }));
  loop.call([&] { client.reset(); });
}

TEST(WebSocketServer, PushesFromAnotherThreadArriveInOrder) {
  WebSocketServer ws;
  IoThread loop;
  Recorder client_side;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_client_options());
  client->connect(ws.url(), client_side.client_callbacks(), client_side.connect_handler());
  ASSERT_TRUE(ws.wait_sessions(1));
  WebSocketSession const session = ws.session(0);

  constexpr int pushes = 500;
  std::thread engine([session] {
    for (int i = 0; i < pushes; ++i) session.send_text(R"({"n":)" + std::to_string(i) + "}");
  });
  engine.join();
  ASSERT_TRUE(client_side.wait_texts(pushes));
  auto const texts = client_side.texts();
  for (int i = 0; i < pushes; ++i)
    EXPECT_EQ(texts[static_cast<std::size_t>(i)], R"({"n":)" + std::to_string(i) + "}");
  loop.call([&] { client.reset(); });
  // The peer vanished without a closing handshake: the server notices and the handle goes quiet.
  ASSERT_TRUE(ws.server_side().wait_closed());
  EXPECT_FALSE(ws.server_side().close_info()->clean());
  std::thread late([session] { EXPECT_FALSE(session.send_text("nobody")); });
  late.join();
}

TEST(WebSocketServer, SlowConsumerIsClosedWithPolicyViolationAndQueueStaysBounded) {
  ServerOptions options = test::test_server_options();
  constexpr std::size_t limit = 256 * 1024;
  options.websocket.max_outbound_bytes = limit;
  options.websocket.ping_interval = 0ms;
  options.websocket.silence_timeout = 0ms;
  // The close frame cannot reach a peer that never reads; the server cuts the connection once
  // the closing handshake times out, well before the peer stops waiting below.
  options.websocket.handshake_timeout = 500ms;
  WebSocketServer ws(options);
  auto peer = raw_websocket_peer(ws.server().port());
  ASSERT_NE(peer, nullptr);
  peer->set_receive_buffer(4096);  // and never read
  ASSERT_TRUE(ws.wait_sessions(1));
  WebSocketSession const session = ws.session(0);

  std::string const message(64 * 1024, 'm');
  std::size_t largest_queue = 0;
  std::size_t accepted = 0;
  auto const deadline = std::chrono::steady_clock::now() + 20s;
  while (session.send_text(message) && std::chrono::steady_clock::now() < deadline) {
    ++accepted;
    largest_queue = std::max(largest_queue, session.queued_bytes());
  }
  ASSERT_TRUE(ws.server_side().wait_closed());
  auto const info = *ws.server_side().close_info();
  EXPECT_EQ(info.code, close_code::policy_violation);
  ASSERT_TRUE(info.error.has_value());
  EXPECT_EQ(info.error->code, "net.send_queue_full");
  EXPECT_LE(largest_queue, limit);
  EXPECT_GT(accepted, 0U);
  EXPECT_FALSE(session.is_open());
  EXPECT_EQ(session.queued_bytes(), 0U) << "the queue is released when the session ends";
  EXPECT_TRUE(peer->wait_closed(10s));
}

TEST(WebSocketServer, ServerPingsAndDropsAPeerThatStaysSilent) {
  ServerOptions options = test::test_server_options();
  options.websocket.ping_interval = 100ms;
  options.websocket.silence_timeout = 500ms;
  WebSocketServer ws(options);
  auto peer = raw_websocket_peer(ws.server().port());
  ASSERT_NE(peer, nullptr);

  // Unmasked server ping frames: FIN + opcode 9, empty payload.
  std::string received;
  bool pinged = eventually(
      [&] {
        received += peer->read_some(50ms);
        return received.find("\x89\x00", 0, 2) != std::string::npos;
      },
      5s);
  EXPECT_TRUE(pinged);
  EXPECT_TRUE(peer->wait_closed(5s));
  ASSERT_TRUE(ws.server_side().wait_closed());
  ASSERT_TRUE(ws.server_side().close_info()->error.has_value());
  EXPECT_EQ(ws.server_side().close_info()->error->code, "net.timeout");
}

TEST(WebSocketServer, PeerThatAnswersPingsOutlivesTheSilenceDeadline) {
  ServerOptions options = test::test_server_options();
  options.websocket.ping_interval = 100ms;
  options.websocket.silence_timeout = 400ms;
  WebSocketServer ws(options);
  IoThread loop;
  Recorder client_side;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_client_options());  // pongs only
  client->connect(ws.url(), client_side.client_callbacks(), client_side.connect_handler());
  ASSERT_TRUE(ws.wait_sessions(1));
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(ws.server_side().close_count(), 0);
  EXPECT_TRUE(ws.session(0).is_open());
  EXPECT_TRUE(client->send_text("still here"));
  ASSERT_TRUE(client_side.wait_texts(1));
  EXPECT_EQ(client_side.texts()[0], "echo:still here");
  loop.call([&] { client.reset(); });
}

TEST(WebSocketServer, OwnerCloseFlushesQueuedMessagesFirst) {
  WebSocketServer ws({}, [](WebSocketSession const& session) {
    for (int i = 0; i < 3; ++i) session.send_text("m" + std::to_string(i));
    session.close(4000, "bye");
    EXPECT_FALSE(session.send_text("after close"));
  });
  IoThread loop;
  Recorder client_side;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_client_options());
  client->connect(ws.url(), client_side.client_callbacks(), client_side.connect_handler());
  ASSERT_TRUE(client_side.wait_closed());
  EXPECT_EQ(client_side.texts(), (std::vector<std::string>{"m0", "m1", "m2"}));
  EXPECT_TRUE(client_side.close_info()->clean());
  EXPECT_EQ(client_side.close_info()->code, 4000);
  EXPECT_EQ(client_side.close_info()->reason, "bye");
  ASSERT_TRUE(ws.server_side().wait_closed());
  EXPECT_EQ(ws.server_side().close_info()->code, 4000);
  loop.call([&] { client.reset(); });
}

TEST(WebSocketServer, BinaryMessageIsRefusedWith1003) {
  WebSocketServer ws;
  auto peer = raw_websocket_peer(ws.server().port());
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->write(test::masked_frame(0x2, "\x01\x02")));
  // Server close frame: FIN + opcode 8, length 2 + reason, code 1003 = 0x03EB.
  std::string received;
  EXPECT_TRUE(eventually(
      [&] {
        received += peer->read_some(50ms);
        return received.find("\x88", 0, 1) != std::string::npos && received.size() >= 4;
      },
      5s));
  std::size_t const frame = received.find("\x88", 0, 1);
  ASSERT_NE(frame, std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>(received[frame + 2]), 0x03);
  EXPECT_EQ(static_cast<unsigned char>(received[frame + 3]), 0xEB);
}

TEST(WebSocketServer, OversizedMessageEndsTheSessionWith1009) {
  ServerOptions options = test::test_server_options();
  options.websocket.max_message_bytes = 1024;
  WebSocketServer ws(options);
  IoThread loop;
  Recorder client_side;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_client_options());
  client->connect(ws.url(), client_side.client_callbacks(), client_side.connect_handler());
  ASSERT_TRUE(ws.wait_sessions(1));
  EXPECT_TRUE(client->send_text(std::string(2000, 'x')));
  ASSERT_TRUE(ws.server_side().wait_closed());
  EXPECT_EQ(ws.server_side().close_info()->code, close_code::message_too_big);
  ASSERT_TRUE(ws.server_side().close_info()->error.has_value());
  EXPECT_EQ(ws.server_side().close_info()->error->code, "net.message_too_large");
  // The client sees the end too; whether its 1009 frame or a reset (the server drops the unread
  // rest of the message) gets there first is up to the kernel.
  ASSERT_TRUE(client_side.wait_closed());
  loop.call([&] { client.reset(); });
}

TEST(WebSocketServer, StopClosesSessionsWithGoingAway) {
  WebSocketServer ws;
  IoThread loop;
  Recorder client_side;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_client_options());
  client->connect(ws.url(), client_side.client_callbacks(), client_side.connect_handler());
  ASSERT_TRUE(ws.wait_sessions(1));
  auto idle_http = std::make_unique<RawClient>(ws.server().port());
  ws.server().stop();
  ASSERT_TRUE(client_side.wait_closed());
  EXPECT_EQ(client_side.close_info()->code, close_code::going_away);
  EXPECT_TRUE(client_side.close_info()->clean());
  ASSERT_TRUE(ws.server_side().wait_closed());
  EXPECT_EQ(ws.server_side().close_info()->code, close_code::going_away);
  EXPECT_FALSE(ws.session(0).send_text("after stop"));
  EXPECT_TRUE(idle_http->wait_closed(5s));
  loop.call([&] { client.reset(); });
}

TEST(WebSocketServer, UpgradeOnAnotherPathReachesTheRequestHandler) {
  WebSocketServer ws;
  RawClient peer(ws.server().port());
  auto response = peer.exchange(test::upgrade_request("/not-a-stream"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 404U);
  EXPECT_EQ(response->body(), R"({"label":"NOT_FOUND","path":"/not-a-stream"})");
}

TEST(WebSocketServer, UnsupportedVersionGets426InTheOwnersShape) {
  WebSocketServer ws;
  RawClient peer(ws.server().port());
  auto response = peer.exchange(test::upgrade_request("/ws/v4/", "8"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 426U);
  EXPECT_EQ((*response)["Sec-WebSocket-Version"], "13");
  EXPECT_EQ(
      response->body(),
      R"json({"label":"WS426","message":"unsupported Sec-WebSocket-Version (13 is required)"})json");
}

TEST(WebSocketServer, DestroyingTheServerWithLiveSessionsIsSafe) {
  IoThread loop;
  Recorder client_side;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_client_options());
  {
    WebSocketServer ws;
    client->connect(ws.url(), client_side.client_callbacks(), client_side.connect_handler());
    ASSERT_TRUE(ws.wait_sessions(1));
    WebSocketSession const session = ws.session(0);
    std::atomic<bool> pushing{true};
    std::thread engine([&] {
      while (pushing) session.send_text("tick");
    });
    std::this_thread::sleep_for(50ms);
    ws.server().stop();
    pushing = false;
    engine.join();
  }
  ASSERT_TRUE(client_side.wait_closed());
  loop.call([&] { client.reset(); });
}

}  // namespace
}  // namespace tradelink::net
