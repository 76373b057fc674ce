// WebSocketClient against HttpServer and against peers that misbehave: silence deadline, pings,
// wss with a private CA, connect errors and timeouts, lifetime.

#include "net/websocket_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "net/http_server.hpp"
#include "server_test_support.hpp"
#include "support/temp_file.hpp"
#include "support/test_certificate.hpp"
#include "websocket_test_support.hpp"

namespace tradelink::net {
namespace {

using namespace std::chrono_literals;
using test::eventually;
using test::IoThread;
using test::Recorder;

/// A server whose "/ws" sessions say nothing unless spoken to (then they echo), and whose
/// sessions never ping: the silence is total.
std::unique_ptr<HttpServer> silent_websocket_server(std::optional<ServerTls> tls = std::nullopt) {
  ServerOptions options = test::test_server_options();
  options.websocket.ping_interval = 0ms;
  options.websocket.silence_timeout = 0ms;
  options.tls = std::move(tls);
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const&, Responder responder) {
    responder.respond(ServerResponse::json(403, R"({"label":"FORBIDDEN"})"));
  };
  handlers.websocket_routes.push_back(WebSocketRoute{
      [](std::string_view path) { return path == "/ws"; },
      [](WebSocketSession const& session) {
        return WebSocketCallbacks{
            [session](std::string_view text) { session.send_text(std::string(text)); }, {}};
      }});
  return test::start_server(std::move(options), std::move(handlers));
}

std::string ws_url(HttpServer const& server, std::string_view scheme = "ws",
                   std::string_view path = "/ws") {
  return std::string(scheme) + "://127.0.0.1:" + std::to_string(server.port()) + std::string(path);
}

WebSocketClientOptions quiet_options() {
  WebSocketClientOptions options;
  options.ping_interval = 0ms;
  options.read_silence_timeout = 0ms;
  return options;
}

/// Connects a fresh client and waits for the outcome; the client is destroyed on the io thread.
std::string connect_error_code(IoThread& loop, std::string const& url,
                               WebSocketClientOptions options) {
  Recorder recorder;
  auto client = std::make_unique<WebSocketClient>(loop.io(), std::move(options));
  client->connect(url, recorder.client_callbacks(), recorder.connect_handler());
  bool const done = recorder.wait_connected(10s);
  loop.call([&] { client.reset(); });
  if (!done) return "no outcome";
  auto const result = *recorder.connect_result();
  return result ? std::string("ok") : result.error().code;
}

TEST(WebSocketClient, ReadSilenceDeadlineFiresAgainstASilentServer) {
  auto server = silent_websocket_server();
  IoThread loop;
  Recorder recorder;
  WebSocketClientOptions options = quiet_options();
  options.read_silence_timeout = 300ms;
  auto client = std::make_unique<WebSocketClient>(loop.io(), options);
  client->connect(ws_url(*server), recorder.client_callbacks(), recorder.connect_handler());
  ASSERT_TRUE(recorder.wait_connected());
  ASSERT_TRUE(recorder.connect_result()->has_value());
  ASSERT_TRUE(recorder.wait_closed(10s));
  auto const info = *recorder.close_info();
  ASSERT_TRUE(info.error.has_value());
  EXPECT_EQ(info.error->code, "net.timeout");
  EXPECT_TRUE(info.error->retryable());
  EXPECT_FALSE(client->is_open());
  EXPECT_FALSE(client->send_text("too late"));
  loop.call([&] { client.reset(); });
}

TEST(WebSocketClient, PingsKeepTheConnectionAliveAgainstASilentServer) {
  auto server = silent_websocket_server();
  IoThread loop;
  Recorder recorder;
  WebSocketClientOptions options;
  options.ping_interval = 100ms;
  options.read_silence_timeout = 400ms;  // only the server's pongs can satisfy it
  auto client = std::make_unique<WebSocketClient>(loop.io(), options);
  client->connect(ws_url(*server), recorder.client_callbacks(), recorder.connect_handler());
  ASSERT_TRUE(recorder.wait_connected());
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(recorder.close_count(), 0);
  EXPECT_TRUE(client->is_open());
  EXPECT_TRUE(client->send_text("hello"));
  ASSERT_TRUE(recorder.wait_texts(1));
  EXPECT_EQ(recorder.texts()[0], "hello");
  loop.call([&] { client.reset(); });
}

TEST(WebSocketClient, WssWithCaFileConnectsAndWithoutItIsRefused) {
  // Names "localhost" only: connecting by IP address must fail the host check.
  auto identity = ::tradelink::test::TestCertificate::self_signed({{"localhost"}, {}});
  auto server =
      silent_websocket_server(ServerTls{identity.certificate_pem, identity.private_key_pem});
  ::tradelink::test::TempFile ca_file(identity.certificate_pem, ".pem");
  std::string const by_name = "wss://localhost:" + std::to_string(server->port()) + "/ws";
  IoThread loop;

  Recorder recorder;
  WebSocketClientOptions trusting = quiet_options();
  trusting.ca_file = ca_file.path().string();
  auto client = std::make_unique<WebSocketClient>(loop.io(), trusting);
  client->connect(by_name, recorder.client_callbacks(), recorder.connect_handler());
  ASSERT_TRUE(recorder.wait_connected());
  ASSERT_TRUE(recorder.connect_result()->has_value()) << recorder.connect_result()->error().message;
  EXPECT_TRUE(client->send_text("secure"));
  ASSERT_TRUE(recorder.wait_texts(1));
  EXPECT_EQ(recorder.texts()[0], "secure");
  client->close();
  ASSERT_TRUE(recorder.wait_closed());
  EXPECT_TRUE(recorder.close_info()->clean()) << recorder.close_info()->error->message;
  loop.call([&] { client.reset(); });

  EXPECT_EQ(connect_error_code(loop, by_name, quiet_options()), "net.tls") << "untrusted issuer";
  EXPECT_EQ(connect_error_code(loop, ws_url(*server, "wss"), trusting), "net.tls") << "wrong host";
}

TEST(WebSocketClient, ConnectErrorsCarryStableCodes) {
  auto server = silent_websocket_server();
  IoThread loop;
  EXPECT_EQ(connect_error_code(loop, "http://127.0.0.1:1/ws", quiet_options()), "net.url");
  EXPECT_EQ(connect_error_code(loop, "ws://", quiet_options()), "net.url");
  EXPECT_EQ(connect_error_code(loop, ws_url(*server, "ws", "/elsewhere"), quiet_options()),
            "net.upgrade_rejected");

  WebSocketClientOptions injecting = quiet_options();
  injecting.headers.push_back({"X-Bad", "a\r\nb"});
  EXPECT_EQ(connect_error_code(loop, ws_url(*server), injecting), "net.invalid_request");

  // A port nobody listens on: bind one, note it, close it.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  auto const closed_port = probe.local_endpoint().port();
  probe.close();
  EXPECT_EQ(connect_error_code(loop, "ws://127.0.0.1:" + std::to_string(closed_port) + "/",
                               quiet_options()),
            "net.connect");
}

TEST(WebSocketClient, UpgradeRefusalNamesTheStatus) {
  auto server = silent_websocket_server();
  IoThread loop;
  Recorder recorder;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_options());
  client->connect(ws_url(*server, "ws", "/private"), recorder.client_callbacks(),
                  recorder.connect_handler());
  ASSERT_TRUE(recorder.wait_connected());
  ASSERT_FALSE(recorder.connect_result()->has_value());
  EXPECT_NE(recorder.connect_result()->error().message.find("HTTP 403"), std::string::npos)
      << recorder.connect_result()->error().message;
  EXPECT_EQ(recorder.close_count(), 0) << "no on_close without a connection";
  loop.call([&] { client.reset(); });
}

TEST(WebSocketClient, ConnectTimesOutWhenTheUpgradeIsNeverAnswered) {
  boost::asio::io_context io;
  // Listening but never accepting: the kernel completes the TCP handshake, nobody answers.
  boost::asio::ip::tcp::acceptor mute(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  IoThread loop;
  WebSocketClientOptions options = quiet_options();
  options.connect_timeout = 300ms;
  auto const started = std::chrono::steady_clock::now();
  EXPECT_EQ(
      connect_error_code(
          loop, "ws://127.0.0.1:" + std::to_string(mute.local_endpoint().port()) + "/", options),
      "net.timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(WebSocketClient, MessagesSentWhileConnectingGoOutAfterTheHandshake) {
  auto server = silent_websocket_server();
  IoThread loop;
  Recorder recorder;
  auto client = std::make_unique<WebSocketClient>(loop.io(), quiet_options());
  EXPECT_FALSE(client->send_text("before connect")) << "nothing to queue on yet";
  client->connect(ws_url(*server), recorder.client_callbacks(), recorder.connect_handler());
  EXPECT_TRUE(client->send_text("first"));
  EXPECT_TRUE(client->send_text("second"));
  ASSERT_TRUE(recorder.wait_texts(2));
  EXPECT_EQ(recorder.texts(), (std::vector<std::string>{"first", "second"}));

  Recorder second;
  client->connect(ws_url(*server), second.client_callbacks(), second.connect_handler());
  ASSERT_TRUE(second.wait_connected());
  ASSERT_FALSE(second.connect_result()->has_value());
  EXPECT_EQ(second.connect_result()->error().code, "net.invalid_state");
  loop.call([&] { client.reset(); });
}

TEST(WebSocketClient, DestroyingTheClientInsideItsCallbackIsSafe) {
  auto server = silent_websocket_server();
  IoThread loop;
  Recorder recorder;
  std::unique_ptr<WebSocketClient> client =
      std::make_unique<WebSocketClient>(loop.io(), quiet_options());
  std::atomic<bool> destroyed{false};
  client->connect(
      ws_url(*server),
      WebSocketClientCallbacks{[&](std::string_view text) {
                                 recorder.text(text);
                                 client.reset();  // on the io thread, inside on_text
                                 destroyed = true;
                               },
                               [&](WebSocketCloseInfo const& info) { recorder.closed(info); }},
      recorder.connect_handler());
  ASSERT_TRUE(recorder.wait_connected());
  loop.call([&] { client->send_text("bye"); });
  ASSERT_TRUE(eventually([&] { return destroyed.load(); }));
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(recorder.close_count(), 0) << "no callback after destruction";
  EXPECT_TRUE(eventually([&] { return server->connection_count() == 0; }));
}

}  // namespace
}  // namespace tradelink::net
