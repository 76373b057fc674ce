// HttpServer start and stop: configuration errors, ephemeral ports, graceful stop with exchanges
// in flight, the grace deadline, embedding in a caller's io_context, several threads.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "net/http_server.hpp"
#include "server_test_support.hpp"
#include "support/test_certificate.hpp"

namespace tradelink::net {
namespace {

using namespace std::chrono_literals;
using test::get_request;
using test::RawClient;
using test::start_server;
using test::test_server_options;

ServerHandlers echo_path_handlers() {
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const& request, Responder responder) {
    responder.respond(ServerResponse::text(200, std::string(request.path)));
  };
  return handlers;
}

std::string start_error_code(ServerOptions options, ServerHandlers handlers) {
  HttpServer server(std::move(options), std::move(handlers));
  auto started = server.start();
  return started ? std::string("ok") : started.error().code;
}

TEST(ServerLifecycle, StartReportsConfigurationErrors) {
  EXPECT_EQ(start_error_code(test_server_options(), ServerHandlers{}), "net.server_options");

  ServerOptions bad_address = test_server_options();
  bad_address.address = "localhost";  // a literal is required: no resolving at bind time
  EXPECT_EQ(start_error_code(bad_address, echo_path_handlers()), "net.server_options");

  ServerOptions no_threads = test_server_options();
  no_threads.threads = 0;
  EXPECT_EQ(start_error_code(no_threads, echo_path_handlers()), "net.server_options");

  ServerHandlers half_route = echo_path_handlers();
  half_route.websocket_routes.push_back(WebSocketRoute{[](std::string_view) { return true; }, {}});
  EXPECT_EQ(start_error_code(test_server_options(), half_route), "net.server_options");

  ServerOptions bad_tls = test_server_options();
  bad_tls.tls = ServerTls{"not a certificate", "not a key"};
  EXPECT_EQ(start_error_code(bad_tls, echo_path_handlers()), "net.tls");

  auto mismatched = ::tradelink::test::TestCertificate::self_signed({{"localhost"}, {}});
  auto other = ::tradelink::test::TestCertificate::self_signed({{"localhost"}, {}});
  ServerOptions wrong_key = test_server_options();
  wrong_key.tls = ServerTls{mismatched.certificate_pem, other.private_key_pem};
  EXPECT_EQ(start_error_code(wrong_key, echo_path_handlers()), "net.tls");
}

TEST(ServerLifecycle, PortInUseAndSecondStartAreRefused) {
  auto first = start_server(test_server_options(), echo_path_handlers());
  ServerOptions same_port = test_server_options();
  same_port.port = first->port();
  EXPECT_EQ(start_error_code(same_port, echo_path_handlers()), "net.listen");

  auto again = first->start();
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, "net.server_state");
}

TEST(ServerLifecycle, EphemeralPortIsReportedAfterStart) {
  HttpServer server(test_server_options(), echo_path_handlers());
  EXPECT_EQ(server.port(), 0);
  ASSERT_TRUE(server.start().has_value());
  EXPECT_NE(server.port(), 0);
  RawClient client(server.port());
  auto response = client.exchange(get_request("/hello"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body(), "/hello");
}

TEST(ServerLifecycle, StopLetsTheExchangeInProgressFinishAndClosesIdleConnections) {
  std::promise<Responder> parked;
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const&, Responder responder) {
    parked.set_value(std::move(responder));
  };
  auto server = start_server(test_server_options(), std::move(handlers));

  RawClient idle(server->port());
  RawClient busy(server->port());
  ASSERT_TRUE(busy.write(get_request("/slow")));
  std::future<Responder> arrived = parked.get_future();
  ASSERT_EQ(arrived.wait_for(5s), std::future_status::ready);
  Responder responder = arrived.get();

  std::thread stopper([&] { server->stop(); });
  EXPECT_TRUE(idle.wait_closed(5s));
  responder.respond(ServerResponse::text(200, "finished"));
  auto response = busy.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body(), "finished");
  EXPECT_FALSE(response->keep_alive()) << "the last response announces the close";
  EXPECT_TRUE(busy.wait_closed(5s));
  stopper.join();
  EXPECT_EQ(server->connection_count(), 0U);
}

TEST(ServerLifecycle, StopCutsWhatIsLeftAfterTheGracePeriod) {
  std::mutex mutex;
  std::vector<Responder> never_answered;
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const&, Responder responder) {
    std::lock_guard lock(mutex);
    never_answered.push_back(std::move(responder));
  };
  ServerOptions options = test_server_options();
  options.shutdown_grace = 200ms;
  options.handler_timeout = 60s;
  auto server = start_server(options, std::move(handlers));

  RawClient client(server->port());
  ASSERT_TRUE(client.write(get_request("/forever")));
  ASSERT_TRUE(test::eventually([&] {
    std::lock_guard lock(mutex);
    return never_answered.size() == 1;
  }));
  auto const started = std::chrono::steady_clock::now();
  server->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  EXPECT_TRUE(client.wait_closed(5s));
  // Answering after the stop is harmless.
  std::lock_guard lock(mutex);
  never_answered.front().respond(ServerResponse::text(200, "too late"));
  server.reset();
}

TEST(ServerLifecycle, RespondersOutliveTheServerSafely) {
  std::mutex mutex;
  std::optional<Responder> kept;
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const&, Responder responder) {
    std::lock_guard lock(mutex);
    kept.emplace(std::move(responder));
  };
  ServerOptions options = test_server_options();
  options.shutdown_grace = 100ms;
  auto server = start_server(options, std::move(handlers));
  RawClient client(server->port());
  ASSERT_TRUE(client.write(get_request("/")));
  ASSERT_TRUE(test::eventually([&] {
    std::lock_guard lock(mutex);
    return kept.has_value();
  }));
  server.reset();  // io_context and threads gone
  std::lock_guard lock(mutex);
  kept->respond(ServerResponse::text(200, "nobody listens"));
  kept.reset();
}

TEST(ServerLifecycle, EmbeddedServerRunsOnTheCallersIoContext) {
  boost::asio::io_context io;
  HttpServer server(io, test_server_options(), echo_path_handlers());
  ASSERT_TRUE(server.start().has_value());
  std::thread runner([&] { io.run(); });

  {
    RawClient client(server.port());
    auto response = client.exchange(get_request("/embedded"));
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->body(), "/embedded");
    RawClient idle(server.port());
    ASSERT_TRUE(test::eventually([&] { return server.connection_count() == 2; }));
    server.stop();  // returns at once; the connections drain on the caller's thread
    EXPECT_TRUE(idle.wait_closed(5s));
    EXPECT_TRUE(client.wait_closed(5s));
  }
  auto joined = std::async(std::launch::async, [&] { runner.join(); });
  EXPECT_EQ(joined.wait_for(5s), std::future_status::ready) << "io.run() must run out of work";
  if (joined.wait_for(0s) != std::future_status::ready) {
    io.stop();
    joined.wait();
  }
}

TEST(ServerLifecycle, SeveralThreadsServeConcurrentClients) {
  ServerOptions options = test_server_options();
  options.threads = 2;
  std::atomic<int> served{0};
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const& request, Responder responder) {
    ++served;
    responder.respond(ServerResponse::text(200, std::string(request.query)));
  };
  auto server = start_server(options, std::move(handlers));

  constexpr int clients = 8;
  constexpr int requests_each = 50;
  std::atomic<int> correct{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      RawClient client(server->port());
      for (int r = 0; r < requests_each; ++r) {
        std::string const query = std::to_string(c) + "-" + std::to_string(r);
        auto response = client.exchange(get_request("/q?" + query));
        if (response && response->body() == query) ++correct;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(correct.load(), clients * requests_each);
  EXPECT_EQ(served.load(), clients * requests_each);
}

}  // namespace
}  // namespace tradelink::net
