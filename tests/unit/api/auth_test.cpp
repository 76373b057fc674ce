// Sign-up, log-in, log-out, who-am-I, API tokens and the log-in rate limit, over HTTP.

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "unit/api/api_fixture.hpp"

namespace tradelink::api::test {
namespace {

namespace json = boost::json;

std::string credentials(std::string const& email, std::string const& password) {
  return json::serialize(json::object{{"email", email}, {"password", password}});
}

TEST_F(ApiTest, SignUpOpensASessionWithAStrictHttpOnlyCookie) {
  Reply const reply =
      post("/api/v1/auth/signup", credentials("alice@example.com", "correct horse battery"));
  ASSERT_EQ(reply.status, 201u) << reply.body;
  std::string const cookie = reply.header("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("tl_session=")) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP: no Secure flag";
  EXPECT_EQ(reply.json.at("user").at("email").as_string(), "alice@example.com");
  EXPECT_FALSE(reply.json.at("csrf_token").as_string().empty());
  EXPECT_EQ(reply.json.as_object().if_contains("password"), nullptr);
}

TEST_F(ApiTest, SignUpRefusesATakenEmailAndAShortPassword) {
  sign_up("bob@example.com");
  Reply const taken =
      post("/api/v1/auth/signup", credentials("bob@example.com", "another long password"));
  EXPECT_EQ(taken.status, 409u);
  EXPECT_EQ(taken.error_code(), "users.email_taken");
  Reply const short_password =
      post("/api/v1/auth/signup", credentials("carol@example.com", "short"));
  EXPECT_EQ(short_password.status, 400u);
  EXPECT_EQ(short_password.error_code(), "users.password_too_short");
}

TEST_F(ApiTest, LogInMeAndLogOut) {
  sign_up("dave@example.com");
  Reply const login =
      post("/api/v1/auth/login", credentials("dave@example.com", "correct horse battery"));
  ASSERT_EQ(login.status, 200u) << login.body;
  Auth session;
  std::string const cookie = login.header("Set-Cookie");
  session.cookie = cookie.substr(0, cookie.find(';'));
  session.csrf = json::value_to<std::string>(login.json.at("csrf_token"));

  Reply const me = get("/api/v1/auth/me", &session);
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(me.json.at("user").at("email").as_string(), "dave@example.com");
  EXPECT_EQ(me.json.at("csrf_token").as_string(), session.csrf);
  EXPECT_EQ(me.json.at("auth").as_string(), "session");

  Reply const logout = call(net::Method::post, "/api/v1/auth/logout", {}, &session);
  EXPECT_EQ(logout.status, 204u);
  EXPECT_NE(logout.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(get("/api/v1/auth/me", &session).status, 401u);
}

TEST_F(ApiTest, WrongPasswordAndUnknownEmailLookTheSame) {
  sign_up("erin@example.com");
  Reply const wrong =
      post("/api/v1/auth/login", credentials("erin@example.com", "not the password"));
  Reply const unknown =
      post("/api/v1/auth/login", credentials("nobody@example.com", "not the password"));
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.error_code(), "users.bad_credentials");
}

TEST_F(ApiTest, LogInIsRateLimitedPerAddressAndEmail) {
  sign_up("frank@example.com");
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(
        post("/api/v1/auth/login", credentials("frank@example.com", "guess guess guess")).status,
        401u);
  }
  Reply const limited =
      post("/api/v1/auth/login", credentials("frank@example.com", "correct horse battery"));
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(limited.error_code(), "api.rate_limited");
  EXPECT_FALSE(limited.header("Retry-After").empty());
  // Another email from the same address is not held back.
  sign_up("grace@example.com");
  EXPECT_EQ(
      post("/api/v1/auth/login", credentials("grace@example.com", "correct horse battery")).status,
      200u);
}

TEST_F(ApiTest, ApiTokensAuthenticateScriptsWithoutCsrf) {
  Auth const session = sign_up("heidi@example.com");
  Auth const token = token_for(session);
  ASSERT_TRUE(token.bearer.starts_with("tl_")) << token.bearer;
  Reply const me = get("/api/v1/auth/me", &token);
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(me.json.at("auth").as_string(), "token");
  EXPECT_EQ(me.json.as_object().if_contains("csrf_token"), nullptr);
  // A change without any CSRF header: bearer tokens do not need one.
  Reply const made = post("/api/v1/tokens", R"({"name":"second"})", &token);
  EXPECT_EQ(made.status, 201u) << made.body;

  Auth forged;
  forged.bearer = "tl_" + std::string(40, 'a');
  Reply const refused = get("/api/v1/auth/me", &forged);
  EXPECT_EQ(refused.status, 401u);
  EXPECT_EQ(refused.error_code(), "users.unauthenticated");
}

TEST_F(ApiTest, TokenNamesAreValidated) {
  Auth const session = sign_up("ivan@example.com");
  Reply const reply = post("/api/v1/tokens", R"({"name":""})", &session);
  EXPECT_EQ(reply.status, 400u);
  EXPECT_EQ(reply.error_code(), "users.token_name_invalid");
}

}  // namespace
}  // namespace tradelink::api::test
