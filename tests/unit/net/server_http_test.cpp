// HttpServer request/response behaviour over real loopback sockets: round trips, keep-alive,
// asynchronous and dropped responders, owner-shaped errors, peer addresses.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "net/http_server.hpp"
#include "server_test_support.hpp"

namespace tradelink::net {
namespace {

using namespace std::chrono_literals;
using test::get_request;
using test::RawClient;
using test::start_server;
using test::test_server_options;

/// Gate-style error bodies, to show the owner's shape reaches the wire.
ErrorBody gate_error_body(unsigned status, std::string_view reason) {
  return ErrorBody{"application/json", "{\"label\":\"E" + std::to_string(status) +
                                           "\",\"message\":\"" + std::string(reason) + "\"}"};
}

struct SeenRequest {
  std::string method, target, path, query, body, peer_address, content_type, custom;
  std::uint16_t peer_port = 0;
  std::uint16_t local_port = 0;
  std::size_t header_count = 0;
};

TEST(ServerHttp, RoundTripCarriesMethodTargetHeadersAndBody) {
  std::mutex mutex;
  SeenRequest seen;
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const& request, Responder responder) {
    {
      std::lock_guard lock(mutex);
      seen.method = request.method;
      seen.target = request.target;
      seen.path = request.path;
      seen.query = request.query;
      seen.body = request.body;
      seen.peer_address = request.peer_address;
      seen.peer_port = request.peer_port;
      seen.local_port = request.local_port;
      seen.content_type = request.header("content-TYPE");
      seen.custom = request.header("X-Gate-Channel-Id");
      seen.header_count = request.headers.size();
    }
    ServerResponse response = ServerResponse::json(201, R"({"id":"42"})");
    response.headers.push_back({"X-Gate-RateLimit-Requests-Remain", "99"});
    responder.respond(std::move(response));
  };
  auto server = start_server(test_server_options(), std::move(handlers));

  RawClient client(server->port());
  std::string const body = R"({"currency_pair":"BTC_USDT","amount":"0.001"})";
  auto response = client.exchange(
      "POST /api/v4/spot/orders?account=spot&x=%20y HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nX-Gate-Channel-Id: tradelink\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);

  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 201U);
  EXPECT_EQ(response->body(), R"({"id":"42"})");
  EXPECT_EQ((*response)["Content-Type"], "application/json");
  EXPECT_EQ((*response)["X-Gate-RateLimit-Requests-Remain"], "99");
  EXPECT_EQ((*response)["Content-Length"], "11");
  std::lock_guard lock(mutex);
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.target, "/api/v4/spot/orders?account=spot&x=%20y");
  EXPECT_EQ(seen.path, "/api/v4/spot/orders");
  EXPECT_EQ(seen.query, "account=spot&x=%20y");  // raw: owners decode
  EXPECT_EQ(seen.body, body);
  EXPECT_EQ(seen.content_type, "application/json");
  EXPECT_EQ(seen.custom, "tradelink");
  EXPECT_EQ(seen.header_count, 4U);
  EXPECT_EQ(seen.peer_address, "127.0.0.1");
  EXPECT_EQ(seen.peer_port, client.local_port());
  EXPECT_EQ(seen.local_port, server->port());
}

TEST(ServerHttp, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::atomic<int> count{0};
  std::mutex mutex;
  std::vector<std::uint16_t> peer_ports;
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const& request, Responder responder) {
    {
      std::lock_guard lock(mutex);
      peer_ports.push_back(request.peer_port);
    }
    responder.respond(
        ServerResponse::text(200, std::string(request.path) + "#" + std::to_string(++count)));
  };
  auto server = start_server(test_server_options(), std::move(handlers));

  RawClient client(server->port());
  for (int i = 1; i <= 5; ++i) {
    auto response = client.exchange(get_request("/ping/" + std::to_string(i)));
    ASSERT_TRUE(response.has_value()) << "request " << i;
    EXPECT_EQ(response->body(), "/ping/" + std::to_string(i) + "#" + std::to_string(i));
    EXPECT_TRUE(response->keep_alive());
  }
  // Two pipelined requests in one write are answered in order.
  ASSERT_TRUE(client.write(get_request("/a") + get_request("/b")));
  auto first = client.read_response();
  auto second = client.read_response();
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_EQ(first->body(), "/a#6");
  EXPECT_EQ(second->body(), "/b#7");

  std::lock_guard lock(mutex);
  ASSERT_EQ(peer_ports.size(), 7U);
  for (std::uint16_t const port : peer_ports) EXPECT_EQ(port, client.local_port());
  EXPECT_EQ(server->connection_count(), 1U);
}

TEST(ServerHttp, ConnectionCloseRequestClosesAfterTheResponse) {
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const&, Responder responder) {
    responder.respond(ServerResponse::text(200, "bye"));
  };
  auto server = start_server(test_server_options(), std::move(handlers));
  RawClient client(server->port());
  auto response = client.exchange(get_request("/", "Connection: close\r\n"));
  ASSERT_TRUE(response.has_value());
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.wait_closed(5s));
}

TEST(ServerHttp, AsyncResponderAnswersFromAnotherThreadLater) {
  std::mutex mutex;
  std::vector<std::thread> workers;
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const& request, Responder responder) {
    std::string body = "late " + std::string(request.path);  // the view dies with the call
    std::lock_guard lock(mutex);
    workers.emplace_back([responder = std::move(responder), body = std::move(body)]() mutable {
      std::this_thread::sleep_for(100ms);
      responder.respond(ServerResponse::text(200, std::move(body)));
    });
  };
  auto server = start_server(test_server_options(), std::move(handlers));

  RawClient client(server->port());
  auto const started = std::chrono::steady_clock::now();
  auto first = client.exchange(get_request("/one"));
  auto second = client.exchange(get_request("/two"));  // same connection, after the late answer
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_EQ(first->body(), "late /one");
  EXPECT_EQ(second->body(), "late /two");
  EXPECT_GE(std::chrono::steady_clock::now() - started, 200ms);
  std::lock_guard lock(mutex);
  for (std::thread& worker : workers) worker.join();
}

TEST(ServerHttp, DroppedResponderAnswers500WithTheOwnersErrorBody) {
  std::mutex mutex;
  std::vector<std::thread> workers;
  ServerHandlers handlers;
  handlers.error_body = gate_error_body;
  handlers.on_request = [&](ServerRequest const& request, Responder responder) {
    if (request.path == "/sync-drop") return;  // responder destroyed on return
    std::lock_guard lock(mutex);
    workers.emplace_back([responder = std::move(responder)]() mutable {
      std::this_thread::sleep_for(50ms);
      Responder dropped = std::move(responder);  // destroyed on another thread, unanswered
    });
  };
  auto server = start_server(test_server_options(), std::move(handlers));

  RawClient client(server->port());
  for (std::string const target : {"/sync-drop", "/async-drop"}) {
    auto response = client.exchange(get_request(target));
    ASSERT_TRUE(response.has_value()) << target;
    EXPECT_EQ(response->result_int(), 500U) << target;
    EXPECT_EQ((*response)["Content-Type"], "application/json");
    EXPECT_EQ(response->body(),
              R"({"label":"E500","message":"the request handler did not answer"})");
    EXPECT_TRUE(response->keep_alive()) << "a handler failure does not cost the connection";
  }
  std::lock_guard lock(mutex);
  for (std::thread& worker : workers) worker.join();
}

TEST(ServerHttp, HandlerExceptionAnswers500) {
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const&, Responder) { throw std::runtime_error("boom"); };
  auto server = start_server(test_server_options(), std::move(handlers));
  RawClient client(server->port());
  auto response = client.exchange(get_request("/"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 500U);
  EXPECT_EQ(response->body(), R"({"status":500,"message":"the request handler did not answer"})");
}

TEST(ServerHttp, SilentHandlerGets503AfterHandlerTimeoutAndLateAnswerIsIgnored) {
  std::mutex mutex;
  std::optional<Responder> parked;
  ServerHandlers handlers;
  handlers.error_body = gate_error_body;
  handlers.on_request = [&](ServerRequest const& request, Responder responder) {
    if (request.path == "/park") {
      std::lock_guard lock(mutex);
      parked.emplace(std::move(responder));
      return;
    }
    responder.respond(ServerResponse::text(200, "next"));
  };
  ServerOptions options = test_server_options();
  options.handler_timeout = 200ms;
  auto server = start_server(options, std::move(handlers));

  RawClient client(server->port());
  auto timed_out = client.exchange(get_request("/park"));
  ASSERT_TRUE(timed_out.has_value());
  EXPECT_EQ(timed_out->result_int(), 503U);
  EXPECT_EQ(timed_out->body(),
            R"({"label":"E503","message":"the request handler did not answer in time"})");
  {
    std::lock_guard lock(mutex);
    ASSERT_TRUE(parked.has_value());
    parked->respond(ServerResponse::text(200, "too late"));  // must not leak into the next answer
  }
  auto next = client.exchange(get_request("/next"));
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->body(), "next");
}

TEST(ServerHttp, UnknownPathIsTheOwnersToAnswer) {
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const& request, Responder responder) {
    if (request.path == "/api/v4/spot/time") {
      return responder.respond(ServerResponse::json(200, R"({"server_time":1})"));
    }
    responder.respond(ServerResponse::json(404, R"({"label":"NOT_FOUND","message":"no route for )" +
                                                    std::string(request.path) + "\"}"));
  };
  auto server = start_server(test_server_options(), std::move(handlers));
  RawClient client(server->port());
  auto response = client.exchange(get_request("/api/v4/nowhere"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->result_int(), 404U);
  EXPECT_EQ(response->body(), R"({"label":"NOT_FOUND","message":"no route for /api/v4/nowhere"})");
}

TEST(ServerHttp, MalformedRequestLineGets400InTheOwnersShapeAndCloses) {
  std::atomic<int> handled{0};
  ServerHandlers handlers;
  handlers.error_body = gate_error_body;
  handlers.on_request = [&](ServerRequest const&, Responder responder) {
    ++handled;
    responder.respond(ServerResponse::text(200, "ok"));
  };
  auto server = start_server(test_server_options(), std::move(handlers));

  for (std::string const garbage :
       {"GARBAGE\r\n\r\n", "GET /x HTTP/1.1\r\nBad Header\r\n\r\n",
        "GET /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: nope\r\n\r\n"}) {
    RawClient client(server->port());
    auto response = client.exchange(garbage);
    ASSERT_TRUE(response.has_value()) << garbage;
    EXPECT_EQ(response->result_int(), 400U) << garbage;
    EXPECT_EQ(response->body(), R"({"label":"E400","message":"malformed HTTP request"})");
    EXPECT_FALSE(response->keep_alive());
    EXPECT_TRUE(client.wait_closed(5s));
  }
  EXPECT_EQ(handled.load(), 0);
}

TEST(ServerHttp, InvalidResponseFromOwnerBecomes500) {
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const& request, Responder responder) {
    ServerResponse response = ServerResponse::text(200, "x");
    if (request.path == "/injection") response.headers.push_back({"X-Evil", "a\r\nSet-Cookie: b"});
    if (request.path == "/status") response.status = 42;
    responder.respond(std::move(response));
  };
  auto server = start_server(test_server_options(), std::move(handlers));
  RawClient client(server->port());
  for (std::string const target : {"/injection", "/status"}) {
    auto response = client.exchange(get_request(target));
    ASSERT_TRUE(response.has_value()) << target;
    EXPECT_EQ(response->result_int(), 500U) << target;
    EXPECT_EQ((*response)["Set-Cookie"], "");
  }
}

TEST(ServerHttp, HeadRequestGetsLengthWithoutBody) {
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const&, Responder responder) {
    responder.respond(ServerResponse::text(200, "twelve bytes"));
  };
  auto server = start_server(test_server_options(), std::move(handlers));
  RawClient client(server->port());
  ASSERT_TRUE(client.write("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n"));
  // Read the raw bytes: a generic response parser would wait for the announced body.
  std::string raw;
  ASSERT_TRUE(test::eventually([&] {
    raw += client.read_some(100ms);
    return raw.find("\r\n\r\n") != std::string::npos;
  }));
  EXPECT_NE(raw.find("Content-Length: 12\r\n"), std::string::npos) << raw;
  EXPECT_EQ(raw.substr(raw.find("\r\n\r\n") + 4), "");
  auto next = client.exchange(get_request("/"));  // framing intact: no stray body bytes
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->body(), "twelve bytes");
}

TEST(ServerHttp, ExpectContinueGetsInterimResponseBeforeTheBody) {
  ServerHandlers handlers;
  handlers.on_request = [](ServerRequest const& request, Responder responder) {
    responder.respond(ServerResponse::text(200, std::string(request.body)));
  };
  auto server = start_server(test_server_options(), std::move(handlers));
  RawClient client(server->port());
  ASSERT_TRUE(client.write(
      "POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
  std::string const interim = client.read_some(5s);
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(client.write("hello"));
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body(), "hello");
}

TEST(ServerHttp, ReportsTheRealPeerAddressOfA127SourceAddress) {
  std::mutex mutex;
  std::string peer;
  ServerHandlers handlers;
  handlers.on_request = [&](ServerRequest const& request, Responder responder) {
    std::lock_guard lock(mutex);
    peer = request.peer_address;
    responder.respond(ServerResponse::text(200, std::string(request.peer_address)));
  };
  auto server = start_server(test_server_options(), std::move(handlers));
  RawClient client(server->port(), "127.0.0.2");
  auto response = client.exchange(get_request("/"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body(), "127.0.0.2");
  std::lock_guard lock(mutex);
  EXPECT_EQ(peer, "127.0.0.2");
}

TEST(ServerHttp, CapturingResponderHandsTheAnswerToACallback) {
  std::optional<std::optional<ServerResponse>> answer;
  {
    Responder responder = Responder::capture(
        [&](std::optional<ServerResponse> response) { answer.emplace(std::move(response)); });
    EXPECT_TRUE(responder.pending());
    responder.respond(ServerResponse::text(202, "queued"));
    EXPECT_FALSE(responder.pending());
    responder.respond(ServerResponse::text(500, "ignored"));
  }
  ASSERT_TRUE(answer.has_value() && answer->has_value());
  EXPECT_EQ((*answer)->status, 202U);

  std::optional<std::optional<ServerResponse>> dropped;
  {
    Responder unanswered =
        Responder::capture([&](auto response) { dropped.emplace(std::move(response)); });
  }
  ASSERT_TRUE(dropped.has_value());
  EXPECT_FALSE(dropped->has_value());
}

}  // namespace
}  // namespace tradelink::net
