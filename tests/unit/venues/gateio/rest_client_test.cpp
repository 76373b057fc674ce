// The REST client against a scripted loopback HTTP server: what goes on the wire (signed
// exactly as Gate checks it), retries, clock re-sync, rate limits and error mapping.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <memory>
#include <string>

#include "fixture.hpp"
#include "support/loopback_http_server.hpp"
#include "venues/gateio/rest/blocking.hpp"
#include "venues/gateio/rest/request_bodies.hpp"
#include "venues/gateio/rest/rest_client.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::gateio {
namespace {

using test::Reply;
using test::RecordedRequest;
using namespace std::chrono_literals;

constexpr char const* api_key = "7c9e6679f4a24c5b8e1d2a3b4c5d6e7f";
constexpr char const* api_secret = "c0ffee00d15ea5e5deadbeef0badf00d1234567890abcdef0fedcba987654321";

Credential credential() { return Credential(api_key, crypto::SecretString(api_secret)); }

// Checks a request's KEY/Timestamp/SIGN the way Gate does: recompute from what arrived.
bool signature_valid(RecordedRequest const& request) {
  std::string_view const target = request.target;
  auto const question = target.find('?');
  std::string_view const path = target.substr(0, question);
  std::string_view const query =
      question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
  Signer const signer(credential());
  RestSignature const expected = signer.sign_rest(
      {request.method, path, query, request.body, request.header("Timestamp")});
  return request.header("KEY") == api_key && request.header("SIGN") == view(expected.sign);
}

class RestClientTest : public ::testing::Test {
 protected:
  std::unique_ptr<RestClient> client(TransportOptions options = {}) {
    options.base_url = server_.base_url() + "/api/v4";
    options.backoff_initial = 5ms;
    options.backoff_max = 20ms;
    auto created = RestClient::create(io_, std::move(options), credential());
    EXPECT_TRUE(created.has_value());
    return std::move(*created);
  }

  template <class T, class Start>
  GateResult<T> run(Start&& start) {
    return wait_for<T>(io_, std::forward<Start>(start));
  }

  boost::asio::io_context io_;
  test::LoopbackHttpServer server_;
};

TEST_F(RestClientTest, SignedReadCarriesAValidGateSignatureAndParses) {
  server_.set_handler([](RecordedRequest const& request) {
    if (!signature_valid(request)) return Reply::json(401, R"({"label":"INVALID_SIGNATURE","message":"Signature mismatch"})");
    return Reply::json(200, test::read_fixture("spot_accounts.json"));
  });
  auto rest = client();
  auto accounts = run<std::vector<SpotAccount>>([&](auto done) { rest->spot_accounts(std::nullopt, done); });
  ASSERT_TRUE(accounts.has_value()) << accounts.error().message;
  EXPECT_FALSE(accounts->empty());

  auto const requests = server_.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].target, "/api/v4/spot/accounts");
  EXPECT_TRUE(requests[0].body.empty());
  EXPECT_EQ(requests[0].header("X-Gate-Size-Decimal"), "1");
  EXPECT_EQ(requests[0].header("Accept"), "application/json");
}

TEST_F(RestClientTest, QueryIsSignedAndSentByteIdentical) {
  server_.set_handler([](RecordedRequest const& request) {
    if (!signature_valid(request)) return Reply::json(401, R"({"label":"INVALID_SIGNATURE","message":"x"})");
    return Reply::json(200, test::read_fixture("spot_orders_cancel_all.json"));
  });
  auto rest = client();
  auto orders = run<std::vector<SpotOrder>>(
      [&](auto done) { rest->spot_orders("BTC_USDT", OrderStatus::open, Page{2, 50}, done); });
  ASSERT_TRUE(orders.has_value()) << orders.error().message;
  EXPECT_EQ(server_.requests().at(0).target,
            "/api/v4/spot/orders?currency_pair=BTC_USDT&status=open&page=2&limit=50");
}

TEST_F(RestClientTest, OrderBodyIsSignedAsSent) {
  server_.set_handler([](RecordedRequest const& request) {
    if (!signature_valid(request)) return Reply::json(401, R"({"label":"INVALID_SIGNATURE","message":"x"})");
    return Reply::json(201, test::read_fixture("spot_order.json"));
  });
  auto rest = client();
  SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.side = OrderSide::buy;
  order.amount = core::Decimal::parse("0.001").value();
  order.price = core::Decimal::parse("65000").value();
  order.text = "t-abc123";
  auto placed = run<SpotOrder>([&](auto done) { rest->create_spot_order(order, done); });
  ASSERT_TRUE(placed.has_value()) << placed.error().message;
  auto const request = server_.requests().at(0);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.header("Content-Type"), "application/json");
  EXPECT_NE(request.body.find(R"("text":"t-abc123")"), std::string::npos);
  EXPECT_NE(request.body.find(R"("amount":"0.001")"), std::string::npos);
}

// Order placements reuse the endpoints of finished calls: nothing of the earlier call (its
// query, a longer body) may leak into the order sent.
TEST_F(RestClientTest, OrdersBuiltInRecycledEndpointsCarryNothingOfEarlierCalls) {
  server_.set_handler([](RecordedRequest const& request) {
    if (!signature_valid(request)) return Reply::json(401, R"({"label":"INVALID_SIGNATURE","message":"x"})");
    if (request.target.starts_with("/api/v4/spot/orders?")) {
      return Reply::json(200, test::read_fixture("spot_orders_cancel_all.json"));
    }
    return Reply::json(201, test::read_fixture("spot_order.json"));
  });
  auto rest = client();
  auto listed = run<std::vector<SpotOrder>>(
      [&](auto done) { rest->spot_orders("BTC_USDT", OrderStatus::open, Page{1, 10}, done); });
  ASSERT_TRUE(listed.has_value()) << listed.error().message;

  SpotOrderRequest longer;
  longer.currency_pair = "BTC_USDT";
  longer.side = OrderSide::buy;
  longer.amount = core::Decimal::parse("0.00123456789").value();
  longer.price = core::Decimal::parse("65000.123456").value();
  longer.text = "t-a-rather-long-client-id-01";
  SpotOrderRequest shorter;
  shorter.currency_pair = "ETH_USDT";
  shorter.side = OrderSide::sell;
  shorter.amount = core::Decimal::parse("2").value();
  for (SpotOrderRequest const* order : {&longer, &shorter}) {
    auto placed = run<SpotOrder>([&](auto done) { rest->create_spot_order(*order, done); });
    ASSERT_TRUE(placed.has_value()) << placed.error().message;
  }

  auto const requests = server_.requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[1].target, "/api/v4/spot/orders");
  EXPECT_EQ(requests[1].body, serialize_spot_order(longer).value());
  EXPECT_EQ(requests[2].target, "/api/v4/spot/orders");
  EXPECT_EQ(requests[2].body, serialize_spot_order(shorter).value());
}

TEST_F(RestClientTest, PublicCallsAreNotSigned) {
  server_.set_handler([](RecordedRequest const&) { return Reply::json(200, R"({"server_time":1700000000123})"); });
  auto rest = client();
  auto time = run<ServerTime>([&](auto done) { rest->server_time(done); });
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(time->server_time_ms, 1700000000123);
  auto const request = server_.requests().at(0);
  EXPECT_FALSE(request.has_header("KEY"));
  EXPECT_FALSE(request.has_header("SIGN"));
}

TEST_F(RestClientTest, RateLimitedReadIsRetriedAfterTheReset) {
  std::atomic<int> calls{0};
  server_.set_handler([&](RecordedRequest const&) {
    if (calls++ == 0) {
      return Reply::json(429, R"({"label":"TOO_MANY_REQUESTS","message":"Request Rate limit Exceeded"})")
          .with_header("X-Gate-RateLimit-Requests-Remain", "0")
          .with_header("X-Gate-RateLimit-Limit", "200");
    }
    return Reply::json(200, test::read_fixture("futures_account.json"));
  });
  auto rest = client();
  auto account = run<FuturesAccount>([&](auto done) { rest->futures_accounts(done); });
  ASSERT_TRUE(account.has_value()) << account.error().message;
  EXPECT_EQ(server_.request_count(), 2U);
  EXPECT_GE(rest->transport().stats().rate_limit_waits, 1U);
}

TEST_F(RestClientTest, OrderPlacementIsRetriedAfter429BecauseGateRefusedIt) {
  std::atomic<int> calls{0};
  server_.set_handler([&](RecordedRequest const&) {
    if (calls++ == 0) return Reply::json(429, R"({"label":"TOO_MANY_REQUESTS","message":"slow down"})");
    return Reply::json(201, test::read_fixture("futures_order.json"));
  });
  auto rest = client();
  FuturesOrderRequest order;
  order.contract = "BTC_USDT";
  order.size = core::Decimal::parse("1").value();
  order.price = core::Decimal::parse("65000").value();
  auto placed = run<FuturesOrder>([&](auto done) { rest->create_futures_order(order, done); });
  ASSERT_TRUE(placed.has_value()) << placed.error().message;
  EXPECT_EQ(server_.request_count(), 2U);
}

TEST_F(RestClientTest, ServerErrorsOnReadsAreRetriedWithBackoffThenReported) {
  server_.set_handler([](RecordedRequest const&) { return Reply::text(502, "<html>Bad Gateway</html>"); });
  auto rest = client();
  auto detail = run<AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_FALSE(detail.has_value());
  EXPECT_EQ(detail.error().category, ErrorCategory::exchange_unavailable);
  EXPECT_EQ(detail.error().http_status, 502U);
  EXPECT_EQ(server_.request_count(), 3U);  // max_attempts
  EXPECT_EQ(rest->transport().stats().retries, 2U);
}

TEST_F(RestClientTest, OrderPlacementIsNeverReplayedAfterAnAmbiguousFailure) {
  server_.set_handler([](RecordedRequest const&) {
    return Reply::json(500, R"({"label":"SERVER_ERROR","message":"internal"})");
  });
  auto rest = client();
  SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.amount = core::Decimal::parse("1").value();
  order.price = core::Decimal::parse("1").value();
  auto placed = run<SpotOrder>([&](auto done) { rest->create_spot_order(order, done); });
  ASSERT_FALSE(placed.has_value());
  EXPECT_EQ(placed.error().category, ErrorCategory::exchange_unavailable);
  EXPECT_EQ(server_.request_count(), 1U);
}

TEST_F(RestClientTest, TimedOutOrderPlacementIsNotReplayed) {
  server_.set_handler([](RecordedRequest const&) {
    return Reply::json(201, test::read_fixture("spot_order.json")).after(1500ms);
  });
  TransportOptions options;
  options.http.read_timeout = 200ms;
  auto rest = client(options);
  SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.amount = core::Decimal::parse("1").value();
  order.price = core::Decimal::parse("1").value();
  auto placed = run<SpotOrder>([&](auto done) { rest->create_spot_order(order, done); });
  ASSERT_FALSE(placed.has_value());
  EXPECT_EQ(placed.error().category, ErrorCategory::transport);
  EXPECT_EQ(server_.request_count(), 1U);
}

TEST_F(RestClientTest, ResetConnectionOnAReadIsRetried) {
  std::atomic<int> calls{0};
  server_.set_handler([&](RecordedRequest const&) {
    if (calls++ == 0) return Reply::reset();
    return Reply::json(200, test::read_fixture("total_balance.json"));
  });
  auto rest = client();
  auto total = run<TotalBalance>([&](auto done) { rest->wallet_total_balance("USDT", done); });
  ASSERT_TRUE(total.has_value()) << total.error().message;
  EXPECT_EQ(server_.requests().back().target, "/api/v4/wallet/total_balance?currency=USDT");
}

TEST_F(RestClientTest, ExpiredTimestampTriggersOneClockResyncAndRetry) {
  // The server's clock is two minutes ahead of ours: Gate refuses Timestamps more than 60 s off.
  auto server_now_ms = [] { return system_now_ms() + 120'000; };
  server_.set_handler([&](RecordedRequest const& request) {
    if (request.target == "/api/v4/spot/time") {
      return Reply::json(200, R"({"server_time":)" + std::to_string(server_now_ms()) + "}");
    }
    std::int64_t const timestamp = std::stoll(std::string(request.header("Timestamp")));
    if (std::abs(timestamp * 1000 - server_now_ms()) > 60'000) {
      return Reply::json(401, R"({"label":"REQUEST_EXPIRED","message":"gap between request Timestamp and server time exceeds 60"})");
    }
    if (!signature_valid(request)) return Reply::json(401, R"({"label":"INVALID_SIGNATURE","message":"x"})");
    return Reply::json(200, test::read_fixture("account_detail.json"));
  });
  auto rest = client();
  auto detail = run<AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_TRUE(detail.has_value()) << detail.error().message;
  EXPECT_EQ(rest->transport().stats().clock_resyncs, 1U);
  EXPECT_NEAR(static_cast<double>(rest->transport().clock().offset_ms()), 120'000.0, 5'000.0);
  // Later calls are signed with the corrected clock straight away.
  auto again = run<AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(rest->transport().stats().clock_resyncs, 1U);
}

TEST_F(RestClientTest, PersistentClockSkewIsReportedAfterOneResync) {
  server_.set_handler([](RecordedRequest const& request) {
    if (request.target == "/api/v4/spot/time") return Reply::json(200, R"({"server_time":1})");
    return Reply::json(401, R"({"label":"REQUEST_EXPIRED","message":"gap between request Timestamp and server time exceeds 60"})");
  });
  auto rest = client();
  auto detail = run<AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_FALSE(detail.has_value());
  EXPECT_EQ(detail.error().category, ErrorCategory::clock_skew);
  EXPECT_EQ(rest->transport().stats().clock_resyncs, 1U);
}

TEST_F(RestClientTest, IpForbiddenNamesTheRejectedAddress) {
  server_.set_handler([](RecordedRequest const&) {
    return Reply::json(403, R"({"label":"IP_FORBIDDEN","message":"Request IP not in whitelist: 203.0.113.7"})");
  });
  auto rest = client();
  auto detail = run<AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_FALSE(detail.has_value());
  EXPECT_EQ(detail.error().category, ErrorCategory::ip_forbidden);
  EXPECT_EQ(detail.error().forbidden_ip, "203.0.113.7");
  EXPECT_EQ(server_.request_count(), 1U);  // not retryable
}

TEST_F(RestClientTest, UnparseableSuccessBodyIsAProtocolError) {
  server_.set_handler([](RecordedRequest const&) { return Reply::json(200, R"([{"currency":"BTC","available":"abc","locked":"0"}])"); });
  auto rest = client();
  auto accounts = run<std::vector<SpotAccount>>([&](auto done) { rest->spot_accounts(std::nullopt, done); });
  ASSERT_FALSE(accounts.has_value());
  EXPECT_EQ(accounts.error().category, ErrorCategory::protocol);
  EXPECT_NE(accounts.error().message.find("available"), std::string::npos);
}

TEST_F(RestClientTest, UnsafePathInputIsRefusedBeforeAnythingIsSent) {
  auto rest = client();
  auto order = run<SpotOrder>([&](auto done) { rest->spot_order("../../wallet/withdrawals", "BTC_USDT", done); });
  ASSERT_FALSE(order.has_value());
  EXPECT_EQ(order.error().category, ErrorCategory::invalid_parameter);
  auto listed = run<std::vector<SpotOrder>>(
      [&](auto done) { rest->spot_orders("BTC_USDT&x=1", OrderStatus::open, Page{}, done); });
  ASSERT_FALSE(listed.has_value());
  EXPECT_EQ(server_.request_count(), 0U);
}

TEST_F(RestClientTest, SequentialCallsReuseOneConnection) {
  server_.set_handler([](RecordedRequest const&) { return Reply::json(200, R"({"server_time":1700000000000})"); });
  auto rest = client();
  for (int i = 0; i < 5; ++i) {
    auto time = run<ServerTime>([&](auto done) { rest->server_time(done); });
    ASSERT_TRUE(time.has_value());
  }
  EXPECT_EQ(server_.connection_count(), 1U);
  EXPECT_EQ(rest->transport().pool_stats().requests_on_reused_connection, 4U);
}

TEST_F(RestClientTest, ClientSideLimiterSpacesOutABurstOfPlacements) {
  server_.set_handler([](RecordedRequest const&) { return Reply::json(201, test::read_fixture("spot_order.json")); });
  auto rest = client();
  SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.amount = core::Decimal::parse("1").value();
  order.price = core::Decimal::parse("1").value();
  int completed = 0;
  for (int i = 0; i < 12; ++i) {  // Gate allows 10 per second per pair
    rest->create_spot_order(order, [&](GateResult<SpotOrder> placed) {
      EXPECT_TRUE(placed.has_value());
      ++completed;
    });
  }
  run_until(io_, [&] { return completed == 12; });
  EXPECT_EQ(completed, 12);
  EXPECT_GE(rest->transport().stats().rate_limit_waits, 2U);
}

TEST_F(RestClientTest, SignedCallWithoutCredentialFailsLocally) {
  TransportOptions options;
  options.base_url = server_.base_url() + "/api/v4";
  auto rest = RestClient::create(io_, options, std::nullopt).value();
  auto detail = run<AccountDetail>([&](auto done) { rest->account_detail(done); });
  ASSERT_FALSE(detail.has_value());
  EXPECT_EQ(detail.error().category, ErrorCategory::invalid_credentials);
  EXPECT_EQ(server_.request_count(), 0U);
}

TEST(RestClientCreate, RejectsABadBaseUrl) {
  boost::asio::io_context io;
  TransportOptions options;
  options.base_url = "ftp://example.com";
  auto created = RestClient::create(io, options, std::nullopt);
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().code, "net.url");
}

TEST(RestClientLifetime, DestroyingTheClientWithCallsInFlightIsSafe) {
  test::LoopbackHttpServer server([](RecordedRequest const&) {
    return Reply::json(200, R"({"server_time":1})").after(300ms);
  });
  boost::asio::io_context io;
  TransportOptions options;
  options.base_url = server.base_url() + "/api/v4";
  int called = 0;
  {
    auto rest = RestClient::create(io, options, std::nullopt).value();
    rest->server_time([&](GateResult<ServerTime>) { ++called; });
    io.run_for(50ms);
  }
  io.restart();
  io.run_for(500ms);
  EXPECT_EQ(called, 0);
}

}  // namespace
}  // namespace tradelink::gateio
