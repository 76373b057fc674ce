// Gate's WebSocket trading API over loopback (gateio-v4.md §2.3, §2.4): login with each
// req_param form clients sign, refusals with REST's labels, order placement acknowledged then
// answered with the REST JSON, cancel / status / list / cancel-all for spot and USDT
// perpetuals, and malformed requests answered without losing the connection.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "crypto/hmac_sha512.hpp"
#include "sandbox/service/ws/ws_api_auth.hpp"
#include "unit/sandbox/service/raw_gate_http.hpp"
#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

namespace json = boost::json;

/// How a login signs req_param: the docs' empty string (req_param left out), "{}" as gatews
/// Python and CCXT send it, or "null" as gatews Go sends it.
enum class LoginForm { empty, braces, null };

class WsApiTest : public SandboxTest {
 protected:
  [[nodiscard]] std::int64_t now_s() const { return server_->venue().clock().now_ms() / 1000; }

  /// Sends a WS API request; `req_param` is JSON text (left out when nullopt).
  static void send_api(WsTestClient& client, std::string const& channel, std::string const& req_id,
                       std::optional<std::string> const& req_param, std::string const& extra = {}) {
    std::string text = R"({"time":1700000000,"channel":")" + channel +
                       R"(","event":"api","payload":{"req_id":")" + req_id + "\"";
    if (req_param) text += ",\"req_param\":" + *req_param;
    text += extra + "}}";
    client.send(text);
  }

  /// Logs in on `channel` with `key`, signing as `form` does, at `time` (now by default).
  void send_login(WsTestClient& client, std::string const& channel, TestKey const& key,
                  LoginForm form, std::string const& req_id = "login",
                  std::optional<std::int64_t> time = std::nullopt) {
    std::string const timestamp = std::to_string(time.value_or(now_s()));
    std::string const param = form == LoginForm::braces ? "{}"
                              : form == LoginForm::null ? "null"
                                                        : "";
    std::string const sign =
        crypto::HmacSha512(key.secret).mac_hex("api\n" + channel + "\n" + param + "\n" + timestamp);
    std::string text = R"({"time":)" + timestamp + R"(,"channel":")" + channel +
                       R"(","event":"api","payload":{"api_key":")" + key.key +
                       R"(","signature":")" + sign + R"(","timestamp":")" + timestamp +
                       R"(","req_id":")" + req_id + "\"";
    if (!param.empty()) text += ",\"req_param\":" + param;
    client.send(text + "}}");
  }

  /// Sends a WS API request and returns the message answering it (for placements, the ack).
  static std::optional<json::value> call(WsTestClient& client, std::string const& channel,
                                         std::string const& req_id,
                                         std::optional<std::string> const& req_param,
                                         std::string const& extra = {}) {
    send_api(client, channel, req_id, req_param, extra);
    return answer(client, req_id);
  }

  /// The next WS API message answering `req_id`.
  static std::optional<json::value> answer(
      WsTestClient& client, std::string const& req_id,
      std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    return client.next_matching(
        [&](json::value const& message) { return text_of(message, "request_id") == req_id; },
        limit);
  }

  /// Logs in and expects success.
  void login(WsTestClient& client, std::string const& channel, TestKey const& key) {
    send_login(client, channel, key, LoginForm::braces);
    auto reply = answer(client, "login");
    ASSERT_TRUE(reply);
    ASSERT_EQ(status(*reply), "200") << json::serialize(*reply);
  }

  static std::string status(json::value const& reply) {
    return text_of(reply.at("header"), "status");
  }
  static std::string label(json::value const& reply) {
    auto const* errs = reply.at("data").get_object().if_contains("errs");
    return errs != nullptr ? text_of(*errs, "label") : std::string();
  }
  static json::value const& result(json::value const& reply) {
    return reply.at("data").at("result");
  }

  static bool is_ack(json::value const& reply) {
    auto const* ack = reply.get_object().if_contains("ack");
    return ack != nullptr && ack->is_bool() && ack->get_bool();
  }
};

TEST_F(WsApiTest, SignatureStringReproducesTheSharedVectors) {
  std::ifstream file(TRADELINK_VECTORS_FILE, std::ios::binary);
  ASSERT_TRUE(file) << "cannot read " TRADELINK_VECTORS_FILE;
  std::stringstream text;
  text << file.rdbuf();
  auto const vectors = json::parse(text.str());
  int checked = 0;
  for (auto const& vector : vectors.at("ws_api").as_array()) {
    std::string const message =
        ws::api_signature_string(text_of(vector, "channel"), text_of(vector, "req_param"),
                                 std::to_string(vector.at("time").as_int64()));
    EXPECT_EQ(message, text_of(vector, "signature_string")) << text_of(vector, "id");
    EXPECT_EQ(crypto::HmacSha512(text_of(vector, "secret")).mac_hex(message),
              text_of(vector, "expected_sign"))
        << text_of(vector, "id");
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

TEST_F(WsApiTest, LoginAcceptsEveryReqParamFormClientsSign) {
  TestKey const key = make_user_key();
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  for (auto const& [form, id] :
       {std::pair{LoginForm::empty, "login-docs"}, std::pair{LoginForm::braces, "login-braces"},
        std::pair{LoginForm::null, "login-null"}}) {
    send_login(client, "spot.login", key, form, id);
    auto reply = answer(client, id);
    ASSERT_TRUE(reply) << id;
    EXPECT_EQ(status(*reply), "200") << json::serialize(*reply);
    EXPECT_EQ(text_of(reply->at("header"), "channel"), "spot.login");
    EXPECT_EQ(text_of(reply->at("header"), "event"), "api");
    EXPECT_FALSE(text_of(reply->at("header"), "conn_id").empty());
    EXPECT_EQ(text_of(reply->at("header"), "trace_id").size(), 32U);
    EXPECT_EQ(text_of(result(*reply), "api_key"), key.key);
    EXPECT_EQ(text_of(result(*reply), "uid"), std::to_string(key.user_id));
    EXPECT_FALSE(reply->get_object().contains("ack"));
  }

  WsTestClient futures(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(futures.connected());
  send_login(futures, "futures.login", key, LoginForm::empty);
  auto reply = answer(futures, "login");
  ASSERT_TRUE(reply);
  EXPECT_EQ(status(*reply), "200");
  EXPECT_EQ(text_of(reply->at("header"), "channel"), "futures.login");
}

TEST_F(WsApiTest, LoginRefusalsCarryRestLabels) {
  TestKey const key = make_user_key();
  TestKey const fenced = make_user_key({}, {"10.9.8.7"});
  TestKey const futures_only = make_user_key({{"futures", false}});
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());

  TestKey forged = key;
  forged.secret = std::string(64, 'a');
  send_login(client, "spot.login", forged, LoginForm::braces, "forged");
  auto bad_sign = answer(client, "forged");
  ASSERT_TRUE(bad_sign);
  EXPECT_EQ(status(*bad_sign), "401");
  EXPECT_EQ(label(*bad_sign), "INVALID_SIGNATURE");
  EXPECT_FALSE(bad_sign->at("data").get_object().contains("result"));

  TestKey unknown = key;
  unknown.key = std::string(32, 'f');
  send_login(client, "spot.login", unknown, LoginForm::braces, "unknown");
  auto bad_key = answer(client, "unknown");
  ASSERT_TRUE(bad_key);
  EXPECT_EQ(status(*bad_key), "401");
  EXPECT_EQ(label(*bad_key), "INVALID_KEY");

  send_login(client, "spot.login", key, LoginForm::braces, "stale", now_s() - 120);
  auto stale = answer(client, "stale");
  ASSERT_TRUE(stale);
  EXPECT_EQ(label(*stale), "REQUEST_EXPIRED");

  send_login(client, "spot.login", fenced, LoginForm::braces, "fenced");
  auto fenced_reply = answer(client, "fenced");
  ASSERT_TRUE(fenced_reply);
  EXPECT_EQ(status(*fenced_reply), "403");
  EXPECT_EQ(label(*fenced_reply), "IP_FORBIDDEN");

  send_login(client, "spot.login", futures_only, LoginForm::braces, "no-spot");
  auto no_spot = answer(client, "no-spot");
  ASSERT_TRUE(no_spot);
  EXPECT_EQ(label(*no_spot), "FORBIDDEN");

  // None of these logged the connection in.
  auto not_logged_in =
      call(client, "spot.order_status", "after", R"({"order_id":"1","currency_pair":"BTC_USDT"})");
  ASSERT_TRUE(not_logged_in);
  EXPECT_EQ(label(*not_logged_in), "AUTHENTICATION_FAILED");
}

TEST_F(WsApiTest, ReadOnlyKeyPlacingAnOrderIsRefusedReadOnly) {
  TestKey const key = make_user_key({{"spot", true}});
  deposit(key.user_id, "USDT", "1000");
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  login(client, "spot.login", key);

  auto ack = call(client, "spot.order_place", "place",
                  R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"60000"})");
  ASSERT_TRUE(ack);
  EXPECT_TRUE(is_ack(*ack));
  auto refused = answer(client, "place");
  ASSERT_TRUE(refused);
  EXPECT_FALSE(is_ack(*refused));
  EXPECT_EQ(status(*refused), "403");
  EXPECT_EQ(label(*refused), "READ_ONLY");

  // Reading is allowed with the read-only key.
  auto listed =
      call(client, "spot.order_list", "list", R"({"currency_pair":"BTC_USDT","status":"open"})");
  ASSERT_TRUE(listed);
  EXPECT_EQ(status(*listed), "200");
  EXPECT_TRUE(result(*listed).is_array());
}

TEST_F(WsApiTest, OrderPlacePastItsReqHeaderDeadlineIsRefused) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  login(client, "spot.login", key);
  std::string const order =
      R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"60000"})";
  auto const deadline = [&](std::int64_t offset_ms) {
    return R"(,"req_header":{"x-gate-exptime":")" +
           std::to_string(server_->venue().clock().now_ms() + offset_ms) + "\"}";
  };

  auto ack = call(client, "spot.order_place", "late", order, deadline(-1));
  ASSERT_TRUE(ack);
  auto refused = answer(client, "late");
  ASSERT_TRUE(refused);
  EXPECT_EQ(status(*refused), "401") << json::serialize(*refused);
  EXPECT_EQ(label(*refused), "REQUEST_EXPIRED");

  auto in_time_ack = call(client, "spot.order_place", "in-time", order, deadline(5'000));
  ASSERT_TRUE(in_time_ack);
  auto placed = answer(client, "in-time");
  ASSERT_TRUE(placed);
  EXPECT_EQ(status(*placed), "200") << json::serialize(*placed);

  auto listed =
      call(client, "spot.order_list", "list", R"({"currency_pair":"BTC_USDT","status":"open"})");
  ASSERT_TRUE(listed);
  EXPECT_EQ(result(*listed).as_array().size(), 1U);

  auto malformed =
      call(client, "spot.order_place", "bad", order, R"(,"req_header":{"x-gate-exptime":[1]})");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(label(*malformed), "INVALID_PARAM_VALUE") << json::serialize(*malformed);
}

TEST_F(WsApiTest, SpotOrderLifecycleMatchesRest) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  login(client, "spot.login", key);
  client.request("spot.orders", "subscribe", {"BTC_USDT"}, 5, &key);
  auto subscribed = client.next_on("spot.orders", "subscribe");
  ASSERT_TRUE(subscribed);
  ASSERT_TRUE(subscribed->at("error").is_null());

  std::string const order =
      R"({"text":"t-ws-1","currency_pair":"BTC_USDT","type":"limit","account":"spot",)"
      R"("side":"buy","amount":"0.001","price":"60000"})";
  auto ack = call(client, "spot.order_place", "place-1", order);
  ASSERT_TRUE(ack);
  EXPECT_TRUE(is_ack(*ack));
  EXPECT_EQ(status(*ack), "200");
  EXPECT_EQ(text_of(result(*ack), "req_id"), "place-1");
  EXPECT_EQ(result(*ack).at("req_param"), json::parse(order));
  EXPECT_EQ(text_of(result(*ack), "api_key"), "");

  // The result, and the private push of the same connection (in either order).
  std::optional<json::value> placed;
  std::optional<json::value> pushed;
  while (!placed || !pushed) {
    auto message = client.next();
    ASSERT_TRUE(message) << "result or push missing";
    if (text_of(*message, "request_id") == "place-1")
      placed = std::move(message);
    else if (text_of(*message, "channel") == "spot.orders")
      pushed = std::move(message);
  }
  EXPECT_FALSE(is_ack(*placed));
  ASSERT_EQ(status(*placed), "200") << json::serialize(*placed);
  auto const& header = placed->at("header").as_object();
  EXPECT_EQ(header.at("x_gate_ratelimit_limit").as_int64(), 10);
  EXPECT_EQ(header.at("x_gate_ratelimit_requests_remain").as_int64(), 9);
  EXPECT_TRUE(header.contains("x_gate_ratelimit_reset_timestamp"));
  std::string const id = text_of(result(*placed), "id");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(text_of(result(*placed), "text"), "t-ws-1");
  EXPECT_EQ(text_of(result(*placed), "status"), "open");

  RawGate rest(server_->base_url(), server_->venue());
  auto const by_rest = rest.call(key, "GET", "/spot/orders/" + id, "currency_pair=BTC_USDT");
  ASSERT_EQ(by_rest.status, 200U) << by_rest.body;
  EXPECT_EQ(result(*placed), by_rest.json);

  // The private channel of the same connection saw the order.
  EXPECT_EQ(text_of(*pushed, "event"), "update");
  EXPECT_EQ(text_of(pushed->at("result").at(0), "id"), id);
  EXPECT_EQ(text_of(pushed->at("result").at(0), "event"), "put");

  auto status_reply = call(client, "spot.order_status", "status-1",
                           R"({"order_id":"t-ws-1","currency_pair":"BTC_USDT"})");
  ASSERT_TRUE(status_reply);
  EXPECT_FALSE(is_ack(*status_reply));
  EXPECT_EQ(result(*status_reply), by_rest.json);
  EXPECT_FALSE(status_reply->at("header").as_object().contains("x_gate_ratelimit_limit"));

  auto listed = call(client, "spot.order_list", "list-1",
                     R"({"currency_pair":"BTC_USDT","status":"open","page":1,"limit":10})");
  ASSERT_TRUE(listed);
  ASSERT_EQ(result(*listed).as_array().size(), 1U);
  EXPECT_EQ(text_of(result(*listed).at(0), "id"), id);

  auto cancelled =
      call(client, "spot.order_cancel", "cancel-1",
           R"({"order_id":")" + id + R"(","currency_pair":"BTC_USDT","account":"spot"})");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(status(*cancelled), "200");
  EXPECT_EQ(text_of(result(*cancelled), "status"), "cancelled");
  EXPECT_EQ(text_of(result(*cancelled), "finish_as"), "cancelled");

  auto again = call(client, "spot.order_cancel", "cancel-again",
                    R"({"order_id":")" + id + R"(","currency_pair":"BTC_USDT"})");
  ASSERT_TRUE(again);
  EXPECT_EQ(status(*again), "400");
  EXPECT_FALSE(label(*again).empty());

  // Cancel-all of one pair and side.
  for (std::string const price : {"50000", "51000"}) {
    send_api(
        client, "spot.order_place", "p" + price,
        R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":")" + price + "\"}");
    ASSERT_TRUE(answer(client, "p" + price));  // ack
    auto done = answer(client, "p" + price);
    ASSERT_TRUE(done);
    ASSERT_EQ(status(*done), "200") << json::serialize(*done);
  }
  auto all =
      call(client, "spot.order_cancel_cp", "cp", R"({"currency_pair":"BTC_USDT","side":"buy"})");
  ASSERT_TRUE(all);
  EXPECT_EQ(status(*all), "200");
  ASSERT_EQ(result(*all).as_array().size(), 2U);
  for (auto const& item : result(*all).as_array()) {
    EXPECT_EQ(text_of(item, "status"), "cancelled");
  }
  auto empty =
      call(client, "spot.order_list", "list-2", R"({"currency_pair":"BTC_USDT","status":"open"})");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(result(*empty).as_array().empty());
}

TEST_F(WsApiTest, SpotOrderAmendAnswersTheOrderAndPushesTheUpdate) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  login(client, "spot.login", key);
  client.request("spot.orders", "subscribe", {"BTC_USDT"}, 5, &key);
  auto subscribed = client.next_on("spot.orders", "subscribe");
  ASSERT_TRUE(subscribed);

  // Each call's result and the private push it causes, in whichever order they arrive.
  auto result_and_push = [&](std::string const& req_id) {
    std::optional<json::value> reply;
    std::optional<json::value> push;
    while (!reply || !push) {
      auto message = client.next();
      if (!message) break;
      if (text_of(*message, "request_id") == req_id && !is_ack(*message)) {
        reply = std::move(message);
      } else if (text_of(*message, "channel") == "spot.orders" &&
                 text_of(*message, "event") == "update") {
        push = std::move(message);
      }
    }
    return std::pair{reply, push};
  };
  send_api(client, "spot.order_place", "place",
           R"({"text":"t-ws-a","currency_pair":"BTC_USDT","side":"buy","amount":"0.001",)"
           R"("price":"60000"})");
  auto const [placed, put] = result_and_push("place");
  ASSERT_TRUE(placed && put) << "result or push missing";
  std::string const id = text_of(result(*placed), "id");
  ASSERT_FALSE(id.empty()) << json::serialize(*placed);

  // CCXT's editOrderWs req_param: the order, the pair, the account and the new values.
  send_api(client, "spot.order_amend", "amend",
           R"({"order_id":")" + id +
               R"(","currency_pair":"BTC_USDT","account":"spot","amount":"0.002",)"
               R"("price":"59000","amend_text":"t-ws-amend"})");
  auto const [amended, pushed] = result_and_push("amend");
  ASSERT_TRUE(amended && pushed) << "result or push missing";
  ASSERT_EQ(status(*amended), "200") << json::serialize(*amended);
  EXPECT_EQ(text_of(amended->at("header"), "channel"), "spot.order_amend");
  EXPECT_EQ(amended->at("header").at("x_gate_ratelimit_limit").as_int64(), 10);
  EXPECT_EQ(text_of(result(*amended), "id"), id);
  EXPECT_EQ(text_of(result(*amended), "amount"), "0.002");
  EXPECT_EQ(text_of(result(*amended), "price"), "59000");
  EXPECT_EQ(text_of(result(*amended), "amend_text"), "t-ws-amend");

  json::value const& order = pushed->at("result").at(0);
  EXPECT_EQ(text_of(order, "id"), id);
  EXPECT_EQ(text_of(order, "event"), "update");
  EXPECT_EQ(text_of(order, "price"), "59000");
  EXPECT_EQ(text_of(order, "amount"), "0.002");
  EXPECT_EQ(text_of(order, "amend_text"), "t-ws-amend");

  RawGate rest(server_->base_url(), server_->venue());
  auto const by_rest = rest.call(key, "GET", "/spot/orders/" + id, "currency_pair=BTC_USDT");
  ASSERT_EQ(by_rest.status, 200U);
  EXPECT_EQ(result(*amended), by_rest.json);
  auto const balance = rest.call(key, "GET", "/spot/accounts", "currency=USDT");
  EXPECT_EQ(text_of(balance.json.at(0), "locked"), "118");
}

TEST_F(WsApiTest, FuturesOrderAmendChangesSizeAndPrice) {
  TestKey const key = make_user_key();
  fund_futures(*server_, key.user_id, "100000");
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(client.connected());
  login(client, "futures.login", key);
  send_api(client, "futures.order_place", "place",
           R"({"contract":"BTC_USDT","size":"-2","price":"60000"})");
  ASSERT_TRUE(answer(client, "place"));  // the ack
  auto placed = answer(client, "place");
  ASSERT_TRUE(placed);
  std::string const id = std::to_string(result(*placed).at("id").as_int64());

  auto amended = call(client, "futures.order_amend", "amend",
                      R"({"order_id":")" + id + R"(","settle":"usdt","size":-5,"price":"61000"})");
  ASSERT_TRUE(amended);
  ASSERT_EQ(status(*amended), "200") << json::serialize(*amended);
  EXPECT_EQ(amended->at("header").at("x_gate_ratelimit_limit").as_int64(), 100);
  EXPECT_EQ(result(*amended).at("size").as_int64(), -5);
  EXPECT_EQ(text_of(result(*amended), "price"), "61000");

  auto wrong_side =
      call(client, "futures.order_amend", "flip", R"({"order_id":")" + id + R"(","size":5})");
  ASSERT_TRUE(wrong_side);
  EXPECT_EQ(label(*wrong_side), "INVALID_PARAM_VALUE");
}

TEST_F(WsApiTest, FuturesOrderLifecycle) {
  TestKey const key = make_user_key();
  fund_futures(*server_, key.user_id, "100000");
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(client.connected());
  login(client, "futures.login", key);

  auto ack =
      call(client, "futures.order_place", "f-place",
           R"({"contract":"BTC_USDT","size":"2","price":"60000","tif":"gtc","text":"t-ws-f"})");
  ASSERT_TRUE(ack);
  EXPECT_TRUE(is_ack(*ack));
  auto placed = answer(client, "f-place");
  ASSERT_TRUE(placed);
  ASSERT_EQ(status(*placed), "200") << json::serialize(*placed);
  EXPECT_EQ(placed->at("header").at("x_gate_ratelimit_limit").as_int64(), 100);
  json::value const& order = result(*placed);
  ASSERT_TRUE(order.at("id").is_int64()) << json::serialize(order);
  std::string const id = std::to_string(order.at("id").as_int64());
  EXPECT_EQ(text_of(order, "contract"), "BTC_USDT");
  EXPECT_EQ(text_of(order, "status"), "open");
  EXPECT_EQ(text_of(order, "text"), "t-ws-f");

  RawGate rest(server_->base_url(), server_->venue());
  auto const by_rest = rest.call(key, "GET", "/futures/usdt/orders/" + id, "", "", Sizes::integer);
  ASSERT_EQ(by_rest.status, 200U) << by_rest.body;
  EXPECT_EQ(order, by_rest.json);

  auto status_reply =
      call(client, "futures.order_status", "f-status", R"({"order_id":")" + id + "\"}");
  ASSERT_TRUE(status_reply);
  EXPECT_EQ(result(*status_reply), by_rest.json);

  auto listed = call(client, "futures.order_list", "f-list",
                     R"({"contract":"BTC_USDT","status":"open","settle":"usdt"})");
  ASSERT_TRUE(listed);
  ASSERT_EQ(status(*listed), "200") << json::serialize(*listed);
  ASSERT_EQ(result(*listed).as_array().size(), 1U);

  auto cancelled =
      call(client, "futures.order_cancel", "f-cancel", R"({"order_id":")" + id + "\"}");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(status(*cancelled), "200");
  EXPECT_EQ(text_of(result(*cancelled), "status"), "finished");
  EXPECT_EQ(text_of(result(*cancelled), "finish_as"), "cancelled");

  for (std::string const price : {"59000", "58000"}) {
    send_api(client, "futures.order_place", "fp" + price,
             R"({"contract":"BTC_USDT","size":1,"price":")" + price + "\"}");
    ASSERT_TRUE(answer(client, "fp" + price));
    auto done = answer(client, "fp" + price);
    ASSERT_TRUE(done);
    ASSERT_EQ(status(*done), "200") << json::serialize(*done);
  }
  auto all =
      call(client, "futures.order_cancel_cp", "f-cp", R"({"contract":"BTC_USDT","side":"bid"})");
  ASSERT_TRUE(all);
  ASSERT_EQ(status(*all), "200") << json::serialize(*all);
  EXPECT_EQ(result(*all).as_array().size(), 2U);

  auto missing = call(client, "futures.order_status", "f-missing", R"({"order_id":"999999999"})");
  ASSERT_TRUE(missing);
  EXPECT_EQ(label(*missing), "ORDER_NOT_FOUND");

  // Spot calls are not served on the futures endpoint.
  auto wrong = call(client, "spot.order_status", "wrong-endpoint", R"({"order_id":"1"})");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(status(*wrong), "400");
  EXPECT_EQ(label(*wrong), "INVALID_ARGUMENT");
}

TEST_F(WsApiTest, FuturesSizesFollowTheConnectionsDecimalHeader) {
  TestKey const key = make_user_key();
  fund_futures(*server_, key.user_id, "100000");
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt", {{"X-Gate-Size-Decimal", "1"}});
  ASSERT_TRUE(client.connected());
  login(client, "futures.login", key);
  send_api(client, "futures.order_place", "decimal",
           R"({"contract":"BTC_USDT","size":"3","price":"60000"})");
  ASSERT_TRUE(answer(client, "decimal"));  // ack
  auto placed = answer(client, "decimal");
  ASSERT_TRUE(placed);
  ASSERT_EQ(status(*placed), "200") << json::serialize(*placed);
  EXPECT_EQ(result(*placed).at("size"), json::value("3"));
  EXPECT_EQ(result(*placed).at("left"), json::value("3"));
}

TEST_F(WsApiTest, BatchPlacementAndCancellationByIdsAnswerPerItem) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  fund_futures(*server_, key.user_id, "100000");

  WsTestClient spot(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(spot.connected());
  login(spot, "spot.login", key);
  send_api(spot, "spot.order_place", "batch",
           R"([{"text":"t-b1","currency_pair":"BTC_USDT","side":"buy","amount":"0.001",)"
           R"("price":"40000"},{"text":"t-b2","currency_pair":"BTC_USDT","side":"buy",)"
           R"("amount":"1","price":"40000"}])");
  auto ack = answer(spot, "batch");
  ASSERT_TRUE(ack);
  EXPECT_TRUE(is_ack(*ack));
  EXPECT_TRUE(result(*ack).at("req_param").is_array());
  auto placed = answer(spot, "batch");
  ASSERT_TRUE(placed);
  ASSERT_EQ(status(*placed), "200") << json::serialize(*placed);
  auto const& orders = result(*placed).as_array();
  ASSERT_EQ(orders.size(), 2U);
  EXPECT_EQ(orders[0].at("succeeded"), json::value(true));
  EXPECT_EQ(text_of(orders[0], "text"), "t-b1");
  EXPECT_EQ(text_of(orders[0], "status"), "open");
  std::string const id = text_of(orders[0], "id");
  EXPECT_EQ(orders[1].at("succeeded"), json::value(false));
  EXPECT_EQ(text_of(orders[1], "text"), "t-b2");
  EXPECT_EQ(text_of(orders[1], "label"), "BALANCE_NOT_ENOUGH");

  send_api(spot, "spot.order_cancel_ids", "ids",
           R"([{"currency_pair":"BTC_USDT","id":")" + id +
               R"("},{"currency_pair":"BTC_USDT","id":"424242"}])");
  auto cancelled = answer(spot, "ids");
  ASSERT_TRUE(cancelled);
  ASSERT_EQ(status(*cancelled), "200") << json::serialize(*cancelled);
  auto const& outcomes = result(*cancelled).as_array();
  ASSERT_EQ(outcomes.size(), 2U);
  EXPECT_EQ(text_of(outcomes[0], "id"), id);
  EXPECT_EQ(text_of(outcomes[0], "currency_pair"), "BTC_USDT");
  EXPECT_EQ(outcomes[0].at("succeeded"), json::value(true));
  EXPECT_EQ(outcomes[1].at("succeeded"), json::value(false));
  EXPECT_EQ(text_of(outcomes[1], "label"), "ORDER_NOT_FOUND");

  WsTestClient futures(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(futures.connected());
  login(futures, "futures.login", key);
  send_api(futures, "futures.order_batch_place", "f-batch",
           R"([{"contract":"BTC_USDT","size":1,"price":"50000","text":"t-fb1"},)"
           R"({"contract":"NOPE_USDT","size":1,"price":"1"}])");
  ASSERT_TRUE(answer(futures, "f-batch"));  // ack
  auto batch = answer(futures, "f-batch");
  ASSERT_TRUE(batch);
  ASSERT_EQ(status(*batch), "200") << json::serialize(*batch);
  auto const& futures_orders = result(*batch).as_array();
  ASSERT_EQ(futures_orders.size(), 2U);
  EXPECT_EQ(futures_orders[0].at("succeeded"), json::value(true));
  std::string const futures_id = std::to_string(futures_orders[0].at("id").as_int64());
  EXPECT_EQ(futures_orders[1].at("succeeded"), json::value(false));
  EXPECT_EQ(text_of(futures_orders[1], "contract"), "NOPE_USDT");
  EXPECT_FALSE(text_of(futures_orders[1], "label").empty());

  send_api(futures, "futures.order_cancel_ids", "f-ids", R"([")" + futures_id + R"(","77"])");
  auto futures_cancelled = answer(futures, "f-ids");
  ASSERT_TRUE(futures_cancelled);
  auto const& futures_outcomes = result(*futures_cancelled).as_array();
  ASSERT_EQ(futures_outcomes.size(), 2U);
  EXPECT_EQ(text_of(futures_outcomes[0], "id"), futures_id);
  EXPECT_EQ(futures_outcomes[0].at("user_id").as_int64(), key.user_id);
  EXPECT_EQ(futures_outcomes[0].at("succeeded"), json::value(true));
  EXPECT_EQ(futures_outcomes[1].at("succeeded"), json::value(false));
  EXPECT_EQ(text_of(futures_outcomes[1], "message"), "ORDER_NOT_FOUND");
}

TEST_F(WsApiTest, MalformedRequestsAreAnsweredAndTheConnectionStaysUsable) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "1000");
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  login(client, "spot.login", key);

  client.send(R"({"channel":"spot.order_place","event":"api","payload":{"req_id":"x",)");
  auto broken = client.next();
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->at("error").at("code").as_int64(), 1);

  auto no_param = call(client, "spot.order_place", "no-param", std::nullopt);
  ASSERT_TRUE(no_param);
  EXPECT_EQ(status(*no_param), "400");
  EXPECT_EQ(label(*no_param), "MISSING_REQUIRED_PARAM");

  auto string_param = call(client, "spot.order_place", "string-param", R"("BTC_USDT")");
  ASSERT_TRUE(string_param);
  EXPECT_EQ(label(*string_param), "INVALID_PARAM_VALUE");

  send_api(client, "spot.order_place", "bad-amount",
           R"({"currency_pair":"BTC_USDT","side":"buy","amount":true,"price":"60000"})");
  ASSERT_TRUE(answer(client, "bad-amount"));  // ack
  auto bad_amount = answer(client, "bad-amount");
  ASSERT_TRUE(bad_amount);
  EXPECT_EQ(label(*bad_amount), "INVALID_PARAM_VALUE");

  auto nested = call(client, "spot.order_status", "nested",
                     R"({"order_id":"1","currency_pair":{"id":"BTC_USDT"}})");
  ASSERT_TRUE(nested);
  EXPECT_EQ(label(*nested), "INVALID_PARAM_VALUE");

  auto no_id = call(client, "spot.order_status", "no-id", R"({"currency_pair":"BTC_USDT"})");
  ASSERT_TRUE(no_id);
  EXPECT_EQ(label(*no_id), "MISSING_REQUIRED_PARAM");

  client.send(R"({"time":1,"channel":"spot.order_status","event":"api","payload":[1,2]})");
  auto array_payload = client.next();
  ASSERT_TRUE(array_payload);
  EXPECT_EQ(label(*array_payload), "INVALID_REQUEST_BODY");

  auto unknown = call(client, "spot.order_frobnicate", "unknown", "{}");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(label(*unknown), "INVALID_ARGUMENT");

  auto amend = call(client, "spot.order_amend", "amend",
                    R"({"order_id":"1","currency_pair":"BTC_USDT","price":"1"})");
  ASSERT_TRUE(amend);
  EXPECT_EQ(status(*amend), "400");
  EXPECT_EQ(label(*amend), "ORDER_NOT_FOUND");
  auto amend_without_id =
      call(client, "spot.order_amend", "amend-no-id", R"({"currency_pair":"BTC_USDT"})");
  ASSERT_TRUE(amend_without_id);
  EXPECT_EQ(label(*amend_without_id), "MISSING_REQUIRED_PARAM");

  std::string eleven = "[";
  for (int i = 0; i < 11; ++i) {
    eleven += std::string(i == 0 ? "" : ",") +
              R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"1"})";
  }
  auto batch = call(client, "spot.order_place", "batch", eleven + "]");
  ASSERT_TRUE(batch);
  EXPECT_EQ(label(*batch), "INVALID_PARAM_VALUE");

  auto ids_object = call(client, "spot.order_cancel_ids", "ids-object", R"({"id":"1"})");
  ASSERT_TRUE(ids_object);
  EXPECT_EQ(label(*ids_object), "INVALID_PARAM_VALUE");

  // Still logged in and serving.
  send_api(client, "spot.order_place", "good",
           R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"60000"})");
  ASSERT_TRUE(answer(client, "good"));
  auto good = answer(client, "good");
  ASSERT_TRUE(good);
  EXPECT_EQ(status(*good), "200") << json::serialize(*good);
  client.send(R"({"time": 1, "channel": "spot.ping"})");
  auto pong = client.next_on("spot.pong", "");
  EXPECT_TRUE(pong);
}

TEST_F(WsApiTest, PlacementIsRateLimitedAndSilenceFaultMutesReplies) {
  TestKey const key = make_user_key();
  deposit(key.user_id, "USDT", "100000");
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  login(client, "spot.login", key);

  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    std::string const id = "rl-" + std::to_string(i);
    send_api(client, "spot.order_place", id,
             R"({"currency_pair":"BTC_USDT","side":"buy","amount":"0.001","price":"50000"})");
  }
  for (int i = 0; i < 12; ++i) {
    std::string const id = "rl-" + std::to_string(i);
    ASSERT_TRUE(answer(client, id));  // ack
    auto reply = answer(client, id);
    ASSERT_TRUE(reply);
    if (status(*reply) == "429") {
      ++limited;
      EXPECT_EQ(label(*reply), "TOO_MANY_REQUESTS");
      EXPECT_EQ(reply->at("header").at("x_gate_ratelimit_limit").as_int64(), 10);
    }
  }
  EXPECT_GE(limited, 1);

  server_->faults().set_ws(WsFaultSpec{0, true, 0});
  send_api(client, "spot.order_list", "quiet", R"({"currency_pair":"BTC_USDT","status":"open"})");
  EXPECT_FALSE(answer(client, "quiet", std::chrono::milliseconds(300)));
  server_->faults().clear_all();
  send_api(client, "spot.order_list", "loud", R"({"currency_pair":"BTC_USDT","status":"open"})");
  EXPECT_TRUE(answer(client, "loud"));
}

}  // namespace
}  // namespace tradelink::sandbox::test
