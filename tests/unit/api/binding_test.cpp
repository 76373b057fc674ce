// Key bindings through the API against the sandbox: bind, the guide's problem keys, verify,
// rotate, delete, audit. The fixture checks that no sandbox secret ever comes back.

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "unit/api/api_fixture.hpp"

namespace tradelink::api::test {
namespace {

namespace json = boost::json;

std::string text(json::value const& value) {
  return json::value_to<std::string>(value);
}

bool mentions(json::value const& report, std::string const& needle) {
  return json::serialize(report).find(needle) != std::string::npos;
}

TEST_F(ApiTest, BindingAGoodKeyConnectsAndShowsItMasked) {
  Auth const alice = sign_up("alice@example.com");
  SandboxKey const key = good_key();
  Reply const bound = bind(alice, key, "both", "UFOX-GateIO-API");
  ASSERT_EQ(bound.status, 201u) << bound.body;
  EXPECT_EQ(bound.json.at("status").as_string(), "connected");
  EXPECT_EQ(bound.json.at("headline").as_string(), "API Status: Connected");
  EXPECT_EQ(bound.json.at("label").as_string(), "UFOX-GateIO-API");
  EXPECT_EQ(text(bound.json.at("api_key")),
            key.key.substr(0, 4) + "…" + key.key.substr(key.key.size() - 4));
  EXPECT_EQ(bound.body.find(key.key), std::string::npos) << "the full key is never shown";
  EXPECT_FALSE(bound.json.at("report").at("checklist").as_array().empty());
  EXPECT_FALSE(bound.json.at("expires_at_ms").is_null()) << "no IP whitelist: the key expires";

  std::string const id = text(bound.json.at("id"));
  Reply const list = get("/api/v1/bindings", &alice);
  ASSERT_EQ(list.json.at("bindings").as_array().size(), 1u);
  EXPECT_EQ(text(list.json.at("bindings").as_array()[0].at("id")), id);
  Reply const shown = get("/api/v1/bindings/" + id, &alice);
  EXPECT_EQ(shown.status, 200u);
  EXPECT_EQ(text(shown.json.at("scope")), "both");
}

TEST_F(ApiTest, SpacesPastedWithTheKeyAreRemovedAndReported) {
  Auth const alice = sign_up("alice@example.com");
  SandboxKey key = good_key();
  key.key = " " + key.key + "\t";
  key.secret = key.secret + "\u200b\n";
  Reply const bound = bind(alice, key);
  ASSERT_EQ(bound.status, 201u) << bound.body;
  EXPECT_EQ(bound.json.at("status").as_string(), "connected");
  EXPECT_FALSE(bound.json.at("report").at("notes").as_array().empty());
}

TEST_F(ApiTest, ProblemKeysShowTheGuidesErrorAndFix) {
  Auth const alice = sign_up("alice@example.com");
  std::int64_t const account = new_exchange_user();

  Reply const read_only =
      bind(alice, make_key(account, {{"spot", true}, {"wallet", true}}), "spot", "read only");
  ASSERT_EQ(read_only.status, 201u) << read_only.body;
  EXPECT_EQ(read_only.json.at("status").as_string(), "permission_denied");
  EXPECT_FALSE(read_only.json.at("report").at("fix").as_array().empty());
  EXPECT_TRUE(mentions(read_only.json.at("report"), "Spot"));

  Reply const spot_only =
      bind(alice, make_key(account, {{"spot", false}, {"wallet", true}}), "futures", "spot only");
  EXPECT_EQ(spot_only.json.at("status").as_string(), "permission_denied");
  EXPECT_TRUE(mentions(spot_only.json.at("report"), "Perpetual Futures"));

  Reply const restricted =
      bind(alice, make_key(account, {}, {"10.1.2.3"}), "both", "ip restricted");
  EXPECT_EQ(restricted.json.at("status").as_string(), "ip_restricted");
  EXPECT_TRUE(mentions(restricted.json.at("report"), "203.0.113.7")) << "our egress IP is shown";
  EXPECT_EQ(text(restricted.json.at("report").at("rejected_ip")), "127.0.0.1");

  Reply const withdraw = bind(alice, make_key(account, {}, {}, true), "both", "withdraw");
  EXPECT_EQ(withdraw.json.at("status").as_string(), "withdraw_enabled_refused");

  SandboxKey wrong_secret = make_key(account);
  wrong_secret.secret.back() = wrong_secret.secret.back() == 'a' ? 'b' : 'a';
  Reply const invalid = bind(alice, wrong_secret, "both", "wrong secret");
  EXPECT_EQ(invalid.json.at("status").as_string(), "invalid_credentials");
}

TEST_F(ApiTest, VerifyRotateAndDeleteWithTheirAuditTrail) {
  Auth const alice = sign_up("alice@example.com");
  std::int64_t const account = new_exchange_user();
  Reply const bound = bind(alice, make_key(account));
  ASSERT_EQ(bound.status, 201u) << bound.body;
  std::string const id = text(bound.json.at("id"));

  Reply const verified = post("/api/v1/bindings/" + id + "/verify", {}, &alice);
  EXPECT_EQ(verified.status, 200u) << verified.body;
  EXPECT_EQ(verified.json.at("status").as_string(), "connected");

  SandboxKey const other_account = good_key();
  Reply const refused = post("/api/v1/bindings/" + id + "/rotate",
                             json::serialize(json::object{{"api_key", other_account.key},
                                                          {"secret", other_account.secret}}),
                             &alice);
  EXPECT_EQ(refused.status, 422u) << refused.body;
  EXPECT_EQ(refused.error_code(), "keys.rotation_refused");

  SandboxKey const next = make_key(account);
  Reply const rotated =
      post("/api/v1/bindings/" + id + "/rotate",
           json::serialize(json::object{{"api_key", next.key}, {"secret", next.secret}}), &alice);
  ASSERT_EQ(rotated.status, 200u) << rotated.body;
  EXPECT_EQ(text(rotated.json.at("api_key")),
            next.key.substr(0, 4) + "…" + next.key.substr(next.key.size() - 4));

  Reply const bad_flag = call(net::Method::delete_,
                              "/api/v1/bindings/" + id + "?cancel_open_orders=maybe", {}, &alice);
  EXPECT_EQ(bad_flag.status, 400u);
  Reply const removed =
      call(net::Method::delete_, "/api/v1/bindings/" + id + "?cancel_open_orders=true", {}, &alice);
  ASSERT_EQ(removed.status, 200u) << removed.body;
  EXPECT_EQ(text(removed.json.at("id")), id);
  EXPECT_EQ(get("/api/v1/bindings/" + id, &alice).status, 404u);
  EXPECT_TRUE(get("/api/v1/bindings", &alice).json.at("bindings").as_array().empty());

  Reply const audit = get("/api/v1/audit?limit=50", &alice);
  ASSERT_EQ(audit.status, 200u);
  std::vector<std::string> events;
  for (auto const& entry : audit.json.at("entries").as_array())
    events.push_back(text(entry.at("event")));
  ASSERT_FALSE(events.empty());
  EXPECT_NE(std::find(events.begin(), events.end(), "binding.created"), events.end());
  EXPECT_EQ(get("/api/v1/audit?limit=0", &alice).status, 400u);
}

TEST_F(ApiTest, OneBindingsAuditLog) {
  Auth const alice = sign_up("alice@example.com");
  std::string const first = text(bind(alice, good_key(), "spot", "first").json.at("id"));
  std::string const second = text(bind(alice, good_key(), "spot", "second").json.at("id"));
  Reply const audit = get("/api/v1/bindings/" + first + "/audit", &alice);
  ASSERT_EQ(audit.status, 200u) << audit.body;
  ASSERT_FALSE(audit.json.at("entries").as_array().empty());
  for (auto const& entry : audit.json.at("entries").as_array()) {
    EXPECT_EQ(text(entry.at("binding_id")), first);
  }
  EXPECT_EQ(audit.body.find(second), std::string::npos);
}

TEST_F(ApiTest, ObserversHearOfEveryBindingChange) {
  Auth const alice = sign_up("alice@example.com");
  std::string const id = text(bind(alice, good_key()).json.at("id"));
  post("/api/v1/bindings/" + id + "/verify", {}, &alice);
  call(net::Method::delete_, "/api/v1/bindings/" + id, {}, &alice);
  EXPECT_EQ(observed(),
            (std::vector<std::string>{"changed " + id + " connected",
                                      "changed " + id + " connected", "removed " + id}));
}

TEST_F(ApiTest, BearerTokensManageBindingsToo) {
  Auth const session = sign_up("alice@example.com");
  Auth const token = token_for(session);
  Reply const bound = bind(token, good_key());
  ASSERT_EQ(bound.status, 201u) << bound.body;
  EXPECT_EQ(get("/api/v1/bindings", &session).json.at("bindings").as_array().size(), 1u);
}

}  // namespace
}  // namespace tradelink::api::test
