// What every endpoint must refuse: no authentication, a missing CSRF token, bad JSON, bodies
// over the limit, another user's bindings, unknown paths and methods.

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "unit/api/api_fixture.hpp"

namespace tradelink::api::test {
namespace {

namespace json = boost::json;

struct Endpoint {
  net::Method method;
  std::string target;
};

std::vector<Endpoint> user_endpoints(std::string const& id) {
  return {
      {net::Method::post, "/api/v1/auth/logout"},
      {net::Method::get, "/api/v1/auth/me"},
      {net::Method::post, "/api/v1/tokens"},
      {net::Method::post, "/api/v1/bindings"},
      {net::Method::get, "/api/v1/bindings"},
      {net::Method::get, "/api/v1/bindings/" + id},
      {net::Method::post, "/api/v1/bindings/" + id + "/verify"},
      {net::Method::post, "/api/v1/bindings/" + id + "/rotate"},
      {net::Method::delete_, "/api/v1/bindings/" + id},
      {net::Method::get, "/api/v1/bindings/" + id + "/audit"},
      {net::Method::get, "/api/v1/audit"},
      {net::Method::get, "/api/v1/bindings/" + id + "/balances"},
      {net::Method::get, "/api/v1/bindings/" + id + "/balances/history"},
  };
}

TEST_F(ApiTest, EveryUserEndpointNeedsAuthentication) {
  for (Endpoint const& endpoint : user_endpoints("kb_0123456789abcdef")) {
    Reply const reply = call(endpoint.method, endpoint.target, "{}");
    EXPECT_EQ(reply.status, 401u) << endpoint.target;
    EXPECT_EQ(reply.error_code(), "api.unauthenticated") << endpoint.target;
  }
  Auth bogus;
  bogus.cookie = "tl_session=not-a-session";
  EXPECT_EQ(get("/api/v1/bindings", &bogus).error_code(), "users.unauthenticated");
}

TEST_F(ApiTest, EveryChangeBySessionNeedsTheCsrfToken) {
  Auth const alice = sign_up("alice@example.com");
  Reply const bound = bind(alice, good_key());
  ASSERT_EQ(bound.status, 201u) << bound.body;
  std::string const id = json::value_to<std::string>(bound.json.at("id"));
  Auth wrong = alice;
  wrong.csrf = std::string(alice.csrf.size(), 'x');
  for (Endpoint const& endpoint : user_endpoints(id)) {
    if (endpoint.method == net::Method::get) continue;
    Reply const missing = call(endpoint.method, endpoint.target, "{}", &alice, false);
    EXPECT_EQ(missing.status, 403u) << endpoint.target;
    EXPECT_EQ(missing.error_code(), "api.csrf") << endpoint.target;
    Reply const forged = call(endpoint.method, endpoint.target, "{}", &wrong);
    EXPECT_EQ(forged.status, 403u) << endpoint.target;
  }
  // Nothing was changed by the refused calls.
  Reply const still = get("/api/v1/bindings/" + id, &alice);
  EXPECT_EQ(still.status, 200u);
  EXPECT_EQ(get("/api/v1/auth/me", &alice).status, 200u);
}

TEST_F(ApiTest, BadJsonIsRefusedWithACode) {
  Auth const alice = sign_up("alice@example.com");
  Reply const bound = bind(alice, good_key());
  std::string const id = json::value_to<std::string>(bound.json.at("id"));
  std::vector<std::string> const targets{"/api/v1/auth/signup", "/api/v1/auth/login",
                                         "/api/v1/tokens", "/api/v1/bindings",
                                         "/api/v1/bindings/" + id + "/rotate"};
  for (std::string const& target : targets) {
    for (std::string const body : {"{not json", "[1,2]", "\"text\""}) {
      Reply const reply = post(target, body, &alice);
      EXPECT_EQ(reply.status, 400u) << target << " " << body;
      EXPECT_EQ(reply.error_code(), "api.bad_json") << target << " " << body;
    }
  }
  Reply const missing = post("/api/v1/bindings", R"({"label":"x","scope":"spot"})", &alice);
  EXPECT_EQ(missing.status, 400u);
  EXPECT_EQ(missing.error_code(), "api.invalid_field");
  EXPECT_NE(missing.body.find("api_key"), std::string::npos);
  Reply const wrong_type = post("/api/v1/auth/login", R"({"email":1,"password":"x"})");
  EXPECT_EQ(wrong_type.error_code(), "api.invalid_field");
  Reply const bad_scope = post(
      "/api/v1/bindings", R"({"label":"x","api_key":"k","secret":"s","scope":"margin"})", &alice);
  EXPECT_EQ(bad_scope.status, 400u);
  EXPECT_EQ(bad_scope.error_code(), "scope.parse");
}

TEST_F(ApiTest, BodiesOverTheLimitAreRefusedUnread) {
  Auth const alice = sign_up("alice@example.com");
  std::string const huge = R"({"label":")" + std::string(70 * 1024, 'a') + R"("})";
  Reply const reply = post("/api/v1/bindings", huge, &alice);
  EXPECT_EQ(reply.status, 413u);
  EXPECT_EQ(reply.error_code(), "api.body_too_large");
}

TEST_F(ApiTest, UsersCannotSeeOrTouchEachOthersBindings) {
  Auth const alice = sign_up("alice@example.com");
  Auth const bob = sign_up("bob@example.com");
  Reply const bound = bind(alice, good_key());
  ASSERT_EQ(bound.status, 201u) << bound.body;
  std::string const id = json::value_to<std::string>(bound.json.at("id"));

  Reply const list = get("/api/v1/bindings", &bob);
  ASSERT_EQ(list.status, 200u);
  EXPECT_TRUE(list.json.at("bindings").as_array().empty());
  EXPECT_EQ(list.body.find(id), std::string::npos);
  Reply const audit = get("/api/v1/audit", &bob);
  EXPECT_EQ(audit.body.find(id), std::string::npos);

  SandboxKey const fresh = good_key();
  std::string const rotate_body =
      json::serialize(json::object{{"api_key", fresh.key}, {"secret", fresh.secret}});
  for (Endpoint const& endpoint : user_endpoints(id)) {
    if (endpoint.target.find(id) == std::string::npos) continue;
    if (endpoint.target.find("/balances") != std::string::npos) continue;  // needs sync
    Reply const reply = call(endpoint.method, endpoint.target,
                             endpoint.target.ends_with("/rotate") ? rotate_body : "{}", &bob);
    EXPECT_EQ(reply.status, 404u) << endpoint.target << " " << reply.body;
  }
  EXPECT_EQ(get("/api/v1/bindings/" + id, &alice).json.at("status").as_string(), "connected");
}

TEST_F(ApiTest, UnknownPathsAndMethods) {
  Auth const alice = sign_up("alice@example.com");
  Reply const unknown = get("/api/v1/nothing-here", &alice);
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_EQ(unknown.error_code(), "api.not_found");
  Reply const method = call(net::Method::put, "/api/v1/bindings", "{}", &alice);
  EXPECT_EQ(method.status, 405u);
  EXPECT_EQ(method.error_code(), "api.method_not_allowed");
}

TEST_F(ApiTest, BalancesWithoutSyncAnswerUnavailable) {
  Auth const alice = sign_up("alice@example.com");
  Reply const reply = get("/api/v1/bindings/kb_0123456789abcdef/balances", &alice);
  EXPECT_EQ(reply.status, 503u);
  EXPECT_EQ(reply.error_code(), "sync.unavailable");
  EXPECT_EQ(get("/api/v1/bindings/kb_0123456789abcdef/balances/history", &alice).error_code(),
            "sync.unavailable");
}

}  // namespace
}  // namespace tradelink::api::test
