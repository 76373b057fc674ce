// Sign-up, log-in (session cookie + CSRF token), log-out, who am I, and API tokens for scripts.

#include <boost/json/object.hpp>

#include <string>

#include "api/api_error.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "platform/users/user_errors.hpp"

namespace tradelink::api {
namespace {

namespace json = boost::json;

struct Credentials {
  std::string email;
  std::string password;
};

core::Result<Credentials> read_credentials(ApiRequest const& request) {
  auto body = JsonBody::parse(request.body);
  if (!body) return body.error();
  auto email = body->required_string("email");
  if (!email) return email.error();
  auto password = body->required_string("password");
  if (!password) return password.error();
  return Credentials{std::move(*email), std::move(*password)};
}

std::string session_cookie_header(ApiContext const& context, ApiRequest const& request,
                                  std::string_view token, std::int64_t max_age_seconds) {
  std::string cookie =
      std::string(session_cookie) + "=" + std::string(token) +
      "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
  if (request.tls || context.secure_cookies) cookie += "; Secure";
  return cookie;
}

json::object user_json(ApiContext& context, std::int64_t user_id) {
  auto user = context.store.find_user(user_id);
  json::object object{{"id", user_id}};
  object["email"] = user ? json::value(user->email) : json::value(nullptr);
  return object;
}

// Opens a session and answers with its cookie, the CSRF token and the user.
net::ServerResponse session_answer(ApiContext& context, ApiRequest const& request,
                                   platform::users::NewSession const& session, unsigned status) {
  std::int64_t const now = context.clock();
  std::int64_t const max_age = std::max<std::int64_t>(0, (session.expires_at - now) / 1000);
  net::ServerResponse response =
      json_response(status, json::object{{"user", user_json(context, session.user_id)},
                                         {"csrf_token", session.csrf_token},
                                         {"expires_at_ms", session.expires_at}});
  response.headers.push_back(
      {"Set-Cookie", session_cookie_header(context, request, session.token.reveal(), max_age)});
  return response;
}

net::ServerResponse sign_up(ApiContext& context, ApiRequest const& request) {
  auto credentials = read_credentials(request);
  if (!credentials) return error_response(credentials.error());
  std::int64_t const now = context.clock();
  auto user = context.users.sign_up(credentials->email, credentials->password, now);
  if (!user) return error_response(user.error());
  auto session = context.users.log_in(credentials->email, credentials->password, now);
  if (!session) return error_response(session.error());
  return session_answer(context, request, *session, 201);
}

net::ServerResponse log_in(ApiContext& context, ApiRequest const& request) {
  auto credentials = read_credentials(request);
  if (!credentials) return error_response(credentials.error());
  std::int64_t const now = context.clock();
  if (auto wait =
          context.login_limiter.retry_after(request.peer_address, credentials->email, now)) {
    net::ServerResponse response =
        error_response(429, error_code::rate_limited, "too many failed log-ins; try again later");
    response.headers.push_back({"Retry-After", std::to_string((wait->count() + 999) / 1000)});
    return response;
  }
  auto session = context.users.log_in(credentials->email, credentials->password, now);
  if (!session) {
    if (session.error().code == platform::users::error_code::bad_credentials) {
      context.login_limiter.record_failure(request.peer_address, credentials->email, now);
    }
    return error_response(session.error());
  }
  context.login_limiter.record_success(request.peer_address, credentials->email);
  return session_answer(context, request, *session, 200);
}

net::ServerResponse log_out(ApiContext& context, ApiRequest const& request, Caller const& caller) {
  net::ServerResponse response;
  response.status = 204;
  if (!caller.via_session) return response;
  auto done = context.users.log_out(cookie_value(request.cookie, session_cookie));
  if (!done) return error_response(done.error());
  response.headers.push_back({"Set-Cookie", session_cookie_header(context, request, "", 0)});
  return response;
}

net::ServerResponse me(ApiContext& context, Caller const& caller) {
  json::object body{{"user", user_json(context, caller.user_id)},
                    {"auth", caller.via_session ? "session" : "token"}};
  if (caller.via_session) body["csrf_token"] = caller.csrf_token;
  return json_response(200, body);
}

net::ServerResponse create_token(ApiContext& context, ApiRequest const& request,
                                 Caller const& caller) {
  auto body = JsonBody::parse(request.body);
  if (!body) return error_response(body.error());
  auto name = body->required_string("name");
  if (!name) return error_response(name.error());
  auto token = context.users.create_api_token(caller.user_id, *name, context.clock());
  if (!token) return error_response(token.error());
  // The one time the token's plaintext leaves the platform: its owner asked for it.
  return json_response(201, json::object{{"id", token->record.id},
                                         {"name", token->record.name},
                                         {"token", token->token.reveal()},
                                         {"created_at_ms", token->record.created_at}});
}

}  // namespace

void add_auth_routes(Router& router, ApiContext& context) {
  router.add(
      {"POST", "/api/v1/auth/signup", Access::anyone,
       [&context](ApiRequest const& request, Caller const&) { return sign_up(context, request); }});
  router.add(
      {"POST", "/api/v1/auth/login", Access::anyone,
       [&context](ApiRequest const& request, Caller const&) { return log_in(context, request); }});
  router.add({"POST", "/api/v1/auth/logout", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return log_out(context, request, caller);
              }});
  router.add({"GET", "/api/v1/auth/me", Access::user,
              [&context](ApiRequest const&, Caller const& caller) { return me(context, caller); }});
  router.add({"POST", "/api/v1/tokens", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return create_token(context, request, caller);
              }});
}

}  // namespace tradelink::api
