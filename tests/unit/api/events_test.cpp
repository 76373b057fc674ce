// The live event stream: a WebSocket at /api/v1/events, authenticated by the session cookie,
// refused to other origins and to strangers, carrying the user's binding changes only.

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <string>
#include <vector>

#include "net/websocket_client.hpp"
#include "support/run_until.hpp"
#include "unit/api/api_fixture.hpp"

namespace tradelink::api::test {
namespace {

namespace json = boost::json;

/// One event stream client and what it received.
struct Stream {
  std::unique_ptr<net::WebSocketClient> client;
  std::vector<std::string> messages;
  bool connected = false;
  bool closed = false;
  std::uint16_t close_code = 0;
};

class EventsTest : public ApiTest {
 protected:
  std::unique_ptr<Stream> open(Auth const* auth, std::string origin = {}) {
    auto stream = std::make_unique<Stream>();
    net::WebSocketClientOptions options;
    if (auth != nullptr) options.headers.push_back({"Cookie", auth->cookie});
    if (origin.empty()) origin = api_->base_url();
    options.headers.push_back({"Origin", origin});
    stream->client = std::make_unique<net::WebSocketClient>(io_, options);
    Stream* raw = stream.get();
    std::string const url = "ws" + api_->base_url().substr(4) + "/api/v1/events";
    stream->client->connect(
        url,
        {[raw](std::string_view message) { raw->messages.emplace_back(message); },
         [raw](net::WebSocketCloseInfo const& info) {
           raw->closed = true;
           raw->close_code = info.code;
         }},
        [raw](core::Result<void> result) { raw->connected = result.has_value(); });
    return stream;
  }

  bool has_type(Stream const& stream, std::string const& type) {
    for (std::string const& message : stream.messages) {
      if (json::parse(message).at("type").as_string() == type) return true;
    }
    return false;
  }

  void close(std::unique_ptr<Stream>& stream) {
    stream->client->close();
    tradelink::test::run_until(io_, [&] { return stream->closed; });
    stream.reset();
  }
};

TEST_F(EventsTest, SessionStreamsGetTheirOwnBindingChanges) {
  Auth const alice = sign_up("alice@example.com");
  Auth const bob = sign_up("bob@example.com");
  auto alice_stream = open(&alice);
  auto bob_stream = open(&bob);
  ASSERT_TRUE(tradelink::test::run_until(
      io_, [&] { return has_type(*alice_stream, "ready") && has_type(*bob_stream, "ready"); }));

  Reply const bound = bind(alice, good_key());
  ASSERT_EQ(bound.status, 201u);
  ASSERT_TRUE(tradelink::test::run_until(io_, [&] { return has_type(*alice_stream, "binding"); }));
  std::string const id = json::value_to<std::string>(bound.json.at("id"));
  bool found = false;
  for (std::string const& message : alice_stream->messages) {
    found = found || message.find(id) != std::string::npos;
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(get("/metrics").body.find("tradelink_event_streams 2") != std::string::npos, true);

  call(net::Method::delete_, "/api/v1/bindings/" + id, {}, &alice);
  ASSERT_TRUE(
      tradelink::test::run_until(io_, [&] { return has_type(*alice_stream, "binding_removed"); }));
  EXPECT_FALSE(has_type(*bob_stream, "binding"));
  EXPECT_FALSE(has_type(*bob_stream, "binding_removed"));
  for (std::string const& message : alice_stream->messages) transcript_ += message;
  close(alice_stream);
  close(bob_stream);
}

TEST_F(EventsTest, StrangersAndOtherOriginsAreTurnedAway) {
  auto anonymous = open(nullptr);
  ASSERT_TRUE(tradelink::test::run_until(io_, [&] { return anonymous->closed; }));
  EXPECT_EQ(anonymous->close_code, net::close_code::policy_violation);
  EXPECT_TRUE(anonymous->messages.empty());

  Auth const alice = sign_up("alice@example.com");
  auto cross_site = open(&alice, "http://evil.example");
  ASSERT_TRUE(tradelink::test::run_until(io_, [&] { return cross_site->closed; }));
  EXPECT_EQ(cross_site->close_code, net::close_code::policy_violation);
  EXPECT_TRUE(cross_site->messages.empty());
}

TEST_F(EventsTest, PlainGetOfTheStreamAsksForAnUpgrade) {
  Reply const reply = get("/api/v1/events");
  EXPECT_EQ(reply.status, 426u);
  EXPECT_EQ(reply.error_code(), "api.upgrade_required");
}

}  // namespace
}  // namespace tradelink::api::test
