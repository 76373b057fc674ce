// What a hostile or broken client sends the sandbox over raw sockets: bodies that do not parse or
// carry the wrong types, a body far over the limit, headers trickled to hold a connection, and
// thousands of idle connections. Each answer is Gate's, and the server keeps serving others.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "unit/sandbox/service/raw_connection.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::sandbox::test {
namespace {

constexpr std::string_view spot_orders = "/api/v4/spot/orders";
constexpr std::string_view server_time = "/api/v4/spot/time";

class BadInputTest : public SandboxTest {
 protected:
  void SetUp() override {
    SandboxTest::SetUp();
    if (HasFatalFailure()) return;
    trader_ = make_user_key();
    deposit(trader_.user_id, "USDT", "1000");
  }

  /// A POST /api/v4/spot/orders request carrying `body`, signed by the trader's key at the
  /// sandbox's clock.
  std::string signed_order_request(std::string_view body) const {
    gateio::Signer const signer(
        gateio::Credential(trader_.key, crypto::SecretString(trader_.secret)));
    std::string const timestamp = std::to_string(server_->venue().clock().now_ms() / 1000);
    auto const signature = signer.sign_rest({"POST", spot_orders, "", body, timestamp});
    std::string headers = "Content-Type: application/json\r\nKEY: " + trader_.key + "\r\n";
    headers += "Timestamp: " + timestamp + "\r\nSIGN: ";
    headers.append(gateio::view(signature.sign)).append("\r\n");
    return raw_request("POST", spot_orders, headers, body);
  }

  /// Sends `request` on a fresh connection and returns the answer.
  std::optional<RawHttpReply> exchange(std::string const& request) const {
    RawConnection connection(server_->port());
    EXPECT_TRUE(connection.connected()) << connection.connect_error().message();
    if (!connection.connected()) return std::nullopt;
    EXPECT_FALSE(connection.write(request));
    return connection.read_response();
  }

  /// GET /api/v4/spot/time on `connection`: true when answered 200.
  static bool server_time_answered(RawConnection& connection) {
    if (connection.write(raw_request("GET", server_time, "", ""))) return false;
    auto const response = connection.read_response();
    return response && response->status == 200;
  }

  bool server_time_answered_on_new_connection() const {
    RawConnection connection(server_->port());
    return connection.connected() && server_time_answered(connection);
  }

  TestKey trader_;
};

/// The `label` of a Gate error body ("" when the body is not one).
std::string label_of(RawHttpReply const& response) {
  boost::system::error_code ec;
  boost::json::value const body = boost::json::parse(response.body, ec);
  if (ec || !body.is_object()) return {};
  auto const* label = body.as_object().if_contains("label");
  return label != nullptr && label->is_string() ? std::string(label->as_string()) : std::string();
}

std::string message_of(RawHttpReply const& response) {
  boost::system::error_code ec;
  boost::json::value const body = boost::json::parse(response.body, ec);
  if (ec || !body.is_object()) return {};
  auto const* message = body.as_object().if_contains("message");
  return message != nullptr && message->is_string() ? std::string(message->as_string())
                                                    : std::string();
}

TEST_F(BadInputTest, AcceptsAWellFormedSignedOrderSoTheRefusalsBelowAreAboutTheBody) {
  auto const response = exchange(signed_order_request(
      R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"30000"})"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 201u) << response->body;
}

struct MalformedBody {
  std::string_view name;
  std::string_view body;
};

class MalformedJsonTest : public BadInputTest,
                          public ::testing::WithParamInterface<MalformedBody> {};

TEST_P(MalformedJsonTest, IsInvalidRequestBody) {
  auto const response = exchange(signed_order_request(GetParam().body));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 400u) << response->body;
  EXPECT_EQ(label_of(*response), "INVALID_REQUEST_BODY") << response->body;
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, MalformedJsonTest,
    ::testing::Values(MalformedBody{"Truncated", R"({"currency_pair":"BTC_USDT","side":)"},
                      MalformedBody{"TrailingComma", R"({"currency_pair":"BTC_USDT",})"},
                      MalformedBody{"NotJson", "currency_pair=BTC_USDT&side=buy"},
                      MalformedBody{"Array", R"([{"currency_pair":"BTC_USDT"}])"},
                      MalformedBody{"BareString", R"("BTC_USDT")"},
                      MalformedBody{"InvalidUtf8", "{\"currency_pair\":\"BTC\xff\xfe\"}"}),
    [](::testing::TestParamInfo<MalformedBody> const& param) {
      return std::string(param.param.name);
    });

struct WrongType {
  std::string_view field;
  std::string_view body;
};

class WrongTypeTest : public BadInputTest, public ::testing::WithParamInterface<WrongType> {};

TEST_P(WrongTypeTest, IsInvalidParamValueNamingTheField) {
  auto const response = exchange(signed_order_request(GetParam().body));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 400u) << response->body;
  EXPECT_EQ(label_of(*response), "INVALID_PARAM_VALUE") << response->body;
  EXPECT_NE(message_of(*response).find(GetParam().field), std::string::npos) << response->body;
}

INSTANTIATE_TEST_SUITE_P(
    Fields, WrongTypeTest,
    ::testing::Values(
        WrongType{"currency_pair", R"({"currency_pair":42,"side":"buy","amount":"1","price":"1"})"},
        WrongType{"side", R"({"currency_pair":"BTC_USDT","side":true,"amount":"1","price":"1"})"},
        WrongType{"amount",
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":[1],"price":"30000"})"},
        WrongType{"amount",
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":"lots","price":"30000"})"},
        WrongType{"price",
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":{"v":1}})"}),
    [](::testing::TestParamInfo<WrongType> const& param) {
      return std::string(param.param.field) + std::to_string(param.index);
    });

TEST_F(BadInputTest, AbsentRequiredFieldIsMissingRequiredParam) {
  auto const response =
      exchange(signed_order_request(R"({"side":"buy","amount":"0.001","price":"30000"})"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 400u) << response->body;
  EXPECT_EQ(label_of(*response), "MISSING_REQUIRED_PARAM") << response->body;
  EXPECT_NE(message_of(*response).find("currency_pair"), std::string::npos) << response->body;
}

TEST_F(BadInputTest, TenMebibyteBodyIsRefusedBeforeItIsSentAndTheServerGoesOn) {
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.connected()) << connection.connect_error().message();
  std::size_t const ten_mebibytes = 10U * 1024U * 1024U;
  std::string const head = "POST " + std::string(spot_orders) +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Content-Length: " +
                           std::to_string(ten_mebibytes) + "\r\n\r\n";
  ASSERT_FALSE(connection.write(head));

  // Not one body byte has been sent: the answer can only come from the declared length.
  auto const response = connection.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413u) << response->body;
  EXPECT_FALSE(label_of(*response).empty()) << response->body;
  EXPECT_FALSE(response->keep_alive);

  // The server does not wait for the body: sending it fails or is met by a close.
  std::string const chunk(256U * 1024U, 'x');
  boost::system::error_code write_error;
  for (std::size_t sent = 0; sent < ten_mebibytes && !write_error; sent += chunk.size()) {
    write_error = connection.write(chunk);
  }
  EXPECT_TRUE(write_error || connection.closed_by_peer());

  EXPECT_TRUE(server_time_answered_on_new_connection());
}

TEST_F(BadInputTest, SlowlorisConnectionIsClosedWhileOthersAreServed) {
  RawConnection slow(server_->port());
  ASSERT_TRUE(slow.connected()) << slow.connect_error().message();
  RawConnection other(server_->port());
  ASSERT_TRUE(other.connected()) << other.connect_error().message();
  ASSERT_FALSE(slow.write("GET " + std::string(server_time) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"));

  // One header line per step, each step also serving a whole request on the other connection;
  // the header deadline (from accept) ends the slow one long before its headers could.
  int served_meanwhile = 0;
  bool slow_closed = false;
  for (int step = 0; step < 400 && !slow_closed; ++step) {
    if (slow.write("X-Trickle-" + std::to_string(step) + ": 1\r\n")) {
      slow_closed = true;
      break;
    }
    if (server_time_answered(other)) ++served_meanwhile;
    slow_closed = slow.closed_by_peer(std::chrono::milliseconds(250));
  }
  EXPECT_TRUE(slow_closed) << "the trickling connection was never closed";
  EXPECT_GT(served_meanwhile, 0);
  EXPECT_TRUE(server_time_answered(other));
}

/// Open files this process holds now.
std::size_t open_files() {
  std::size_t count = 0;
  for ([[maybe_unused]] auto const& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    ++count;
  }
  return count;
}

/// Raises the soft open-file limit to the hard one; returns the soft limit in force.
std::size_t raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return static_cast<std::size_t>(limit.rlim_cur);
}

TEST_F(BadInputTest, ServesARequestWhileTenThousandIdleConnectionsAreOpen) {
  // Client and server ends live in this one process: each idle connection costs two files.
  std::size_t const wanted = 10'000;
  std::size_t const limit = raise_open_file_limit();
  std::size_t const reserve = 64;
  std::size_t const in_use = open_files();
  std::size_t const budget = limit > in_use + reserve ? (limit - in_use - reserve) / 2 : 0;
  std::size_t const idle_count = std::min(wanted, budget);
  if (idle_count < wanted) {
    std::cout << "[          ] open-file limit " << limit << " allows " << idle_count
              << " idle connections in one process, not " << wanted << "\n";
  }
  ASSERT_GE(idle_count, 1000u) << "open-file limit " << limit << " is too low for this test";

  boost::asio::io_context io;
  boost::asio::ip::tcp::endpoint const server(boost::asio::ip::make_address_v4("127.0.0.1"),
                                              server_->port());
  std::vector<std::unique_ptr<boost::asio::ip::tcp::socket>> idle;
  idle.reserve(idle_count);
  for (std::size_t i = 0; i < idle_count; ++i) {
    auto socket = std::make_unique<boost::asio::ip::tcp::socket>(io);
    boost::system::error_code ec;
    socket->connect(server, ec);
    ASSERT_FALSE(ec) << "idle connection " << i << ": " << ec.message();
    idle.push_back(std::move(socket));
  }

  EXPECT_TRUE(server_time_answered_on_new_connection());
  auto const order = exchange(signed_order_request(
      R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"30000"})"));
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->status, 201u) << order->body;
}

}  // namespace
}  // namespace tradelink::sandbox::test
