// Gate's optional request headers over loopback with signed raw HTTP: `x-gate-exptime` refuses an
// order placement, amendment or cancellation that reaches the sandbox after its deadline (judged
// by the sandbox clock) and changes nothing, while reads ignore it; `X-Client-Request-Id` comes
// back on every answer, refusals included, with the gateway's `X-In-Time` / `X-Out-Time`.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unit/sandbox/service/raw_gate_http.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"
#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

namespace json = boost::json;

constexpr std::string_view spot_order =
    R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"60000"})";

class RestRequestHeadersTest : public RawGateTest {
 protected:
  [[nodiscard]] std::int64_t now_ms() const { return server_->venue().clock().now_ms(); }
  /// The deadline header at `offset_ms` from the sandbox's now.
  [[nodiscard]] std::vector<net::Header> deadline_in(std::int64_t offset_ms) const {
    return {{"x-gate-exptime", std::to_string(now_ms() + offset_ms)}};
  }
  RawResponse place_spot(TestKey const& key, std::vector<net::Header> const& headers) {
    return raw_->call(key, "POST", "/spot/orders", {}, spot_order, Sizes::decimal, headers);
  }
  std::size_t open_spot_orders(TestKey const& key) {
    RawResponse const open = raw_->call(key, "GET", "/spot/open_orders");
    EXPECT_EQ(open.status, 200U) << open.body;
    return open.json.is_array() ? open.json.as_array().size() : 0;
  }
  static std::string label(RawResponse const& response) { return text_of(response.json, "label"); }
};

TEST_F(RestRequestHeadersTest, SpotOrderPastItsDeadlineIsRefusedAndNotPlaced) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");

  RawResponse const late = place_spot(key, deadline_in(-1));
  EXPECT_EQ(late.status, 401U) << late.body;
  EXPECT_EQ(label(late), "REQUEST_EXPIRED");
  EXPECT_EQ(open_spot_orders(key), 0U);
  RawResponse const balance = raw_->call(key, "GET", "/spot/accounts", "currency=USDT");
  EXPECT_EQ(text_of(balance.json.at(0), "locked"), "0");

  RawResponse const in_time = place_spot(key, deadline_in(5'000));
  EXPECT_EQ(in_time.status, 201U) << in_time.body;
  EXPECT_EQ(open_spot_orders(key), 1U);
}

TEST_F(RestRequestHeadersTest, TheSandboxClockJudgesTheDeadline) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  std::vector<net::Header> const deadline = deadline_in(10'000);
  server_->venue().clock().advance(10'001);  // the request now arrives 1 ms late

  RawResponse const late = place_spot(key, deadline);
  EXPECT_EQ(label(late), "REQUEST_EXPIRED") << late.body;
  EXPECT_EQ(open_spot_orders(key), 0U);
}

TEST_F(RestRequestHeadersTest, FuturesCancelAndAmendPastTheirDeadlineLeaveTheOrderAsItWas) {
  TestKey const key = make_user_key();
  fund_futures(*server_, key.user_id, "1000");
  RawResponse const placed = raw_->call(key, "POST", "/futures/usdt/orders", {},
                                        R"({"contract":"BTC_USDT","size":"10","price":"60000"})",
                                        Sizes::decimal, deadline_in(5'000));
  ASSERT_EQ(placed.status, 201U) << placed.body;
  std::string const id = std::to_string(placed.json.at("id").as_int64());

  RawResponse const late_amend = raw_->call(key, "PUT", "/futures/usdt/orders/" + id, {},
                                            R"({"size":"20"})", Sizes::decimal, deadline_in(-1));
  EXPECT_EQ(label(late_amend), "REQUEST_EXPIRED") << late_amend.body;
  RawResponse const late_cancel = raw_->call(key, "DELETE", "/futures/usdt/orders/" + id, {}, {},
                                             Sizes::decimal, deadline_in(-1));
  EXPECT_EQ(label(late_cancel), "REQUEST_EXPIRED") << late_cancel.body;

  RawResponse const order = raw_->call(key, "GET", "/futures/usdt/orders/" + id);
  ASSERT_EQ(order.status, 200U) << order.body;
  EXPECT_EQ(text_of(order.json, "status"), "open");
  EXPECT_EQ(text_of(order.json, "size"), "10");

  RawResponse const cancelled = raw_->call(key, "DELETE", "/futures/usdt/orders/" + id);
  ASSERT_EQ(cancelled.status, 200U) << cancelled.body;
  EXPECT_EQ(text_of(cancelled.json, "finish_as"), "cancelled");
}

TEST_F(RestRequestHeadersTest, ReadsIgnoreTheDeadlineAndAMalformedOneIsAnInvalidParameter) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");

  RawResponse const read =
      raw_->call(key, "GET", "/spot/accounts", {}, {}, Sizes::decimal, deadline_in(-60'000));
  EXPECT_EQ(read.status, 200U) << read.body;

  for (std::string const bad : {"soon", "", "1.5", "-3", "99999999999999999999"}) {
    RawResponse const refused = place_spot(key, std::vector<net::Header>{{"x-gate-exptime", bad}});
    EXPECT_EQ(refused.status, 400U) << bad << ": " << refused.body;
    EXPECT_EQ(label(refused), "INVALID_PARAM_VALUE") << bad;
  }
  EXPECT_EQ(open_spot_orders(key), 0U);
}

TEST_F(RestRequestHeadersTest, ClientRequestIdComesBackOnAnswersAndRefusals) {
  TestKey const key = make_user_key();
  std::vector<net::Header> const tagged{{"X-Client-Request-Id", "req-42"}};

  RawResponse const read = raw_->call(key, "GET", "/spot/accounts", {}, {}, Sizes::decimal, tagged);
  EXPECT_EQ(read.status, 200U);
  EXPECT_EQ(read.header("X-Client-Request-Id"), "req-42");

  RawResponse const refused =
      raw_->call(key, "POST", "/spot/orders", {}, "{broken", Sizes::decimal, tagged);
  EXPECT_EQ(refused.status, 400U);
  EXPECT_EQ(refused.header("X-Client-Request-Id"), "req-42");

  TestKey forged = key;
  forged.secret = "not-the-secret";
  RawResponse const unsigned_right =
      raw_->call(forged, "GET", "/spot/accounts", {}, {}, Sizes::decimal, tagged);
  EXPECT_EQ(label(unsigned_right), "INVALID_SIGNATURE");
  EXPECT_EQ(unsigned_right.header("X-Client-Request-Id"), "req-42");

  RawResponse const unknown =
      raw_->call(key, "GET", "/spot/no_such_thing", {}, {}, Sizes::decimal, tagged);
  EXPECT_EQ(unknown.status, 404U);
  EXPECT_EQ(unknown.header("X-Client-Request-Id"), "req-42");

  RawResponse const untagged = raw_->call(key, "GET", "/spot/accounts");
  EXPECT_EQ(untagged.header("X-Client-Request-Id"), "");
}

TEST_F(RestRequestHeadersTest, AnswersCarryTheGatewayTimesInMicroseconds) {
  auto const times = [](RawResponse const& response) {
    return std::pair{std::stoll(std::string(response.header("X-In-Time"))),
                     std::stoll(std::string(response.header("X-Out-Time")))};
  };
  std::int64_t const before_us = now_ms() * 1000;
  RawResponse const answered = raw_->get("/spot/time");
  ASSERT_EQ(answered.status, 200U);
  auto const [in_us, out_us] = times(answered);
  EXPECT_GE(in_us, before_us);
  EXPECT_LE(in_us, out_us);
  EXPECT_LE(out_us, now_ms() * 1000 + 1000);

  RawResponse const unknown = raw_->get("/spot/no_such_thing");
  EXPECT_EQ(unknown.status, 404U);
  auto const [unknown_in_us, unknown_out_us] = times(unknown);
  EXPECT_LE(unknown_in_us, unknown_out_us);

  // An injected latency is part of the gateway's time.
  RestFaultSpec slow;
  slow.latency = std::chrono::milliseconds(120);
  server_->faults().set_rest("public", slow);
  auto const [slow_in_us, slow_out_us] = times(raw_->get("/spot/time"));
  EXPECT_GE(slow_out_us - slow_in_us, 120'000);
}

}  // namespace
}  // namespace tradelink::sandbox::test
