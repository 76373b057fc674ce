#include "api/api_error.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <string>

namespace tradelink::api {
namespace {

namespace json = boost::json;

std::string error_json(std::string_view code, std::string_view message) {
  return json::serialize(
      json::object{{"error", json::object{{"code", code}, {"message", message}}}});
}

std::string_view code_for_server_status(unsigned status) {
  switch (status) {
    case 413: return error_code::body_too_large;
    case 503: return error_code::busy;
    case 500: return error_code::internal;
    default: return error_code::bad_request;
  }
}

}  // namespace

net::ServerResponse error_response(unsigned status, std::string_view code,
                                   std::string_view message) {
  return net::ServerResponse::json(status, error_json(code, message));
}

unsigned status_of(core::Error const& error) noexcept {
  std::string_view const code = error.code;
  if (code == "users.bad_credentials" || code == "users.unauthenticated" ||
      code == "users.session_expired") {
    return 401;
  }
  if (code == "users.email_taken" || code == "keys.already_bound" || code == "store.conflict" ||
      code == "store.version_conflict") {
    return 409;
  }
  if (code == "store.not_found" || code == "users.token_not_found" || code == "sync.not_found") {
    return 404;
  }
  if (code == "sync.not_synced") return 409;
  if (code == error_code::unauthenticated) return 401;
  if (code == error_code::csrf) return 403;
  if (code == error_code::not_found) return 404;
  if (code == error_code::rate_limited) return 429;
  if (code == "keys.rotation_refused") return 422;
  if (code == "keys.cancel_failed") return 502;
  if (code == "store.busy") return 503;
  switch (error.layer) {
    case core::ErrorLayer::validation: return 400;
    case core::ErrorLayer::transport:
    case core::ErrorLayer::venue: return 502;
    case core::ErrorLayer::store:
    case core::ErrorLayer::internal: return 500;
  }
  return 500;
}

net::ServerResponse error_response(core::Error const& error) {
  unsigned const status = status_of(error);
  // Internal and store failures keep their detail in the logs of the layer that made them; a
  // caller gets the code and a plain sentence.
  std::string_view const message =
      status == 500 ? std::string_view("internal error") : std::string_view(error.message);
  net::ServerResponse response = error_response(status, error.code, message);
  if (error.retry_after) {
    response.headers.push_back(
        {"Retry-After", std::to_string((error.retry_after->count() + 999) / 1000)});
  }
  return response;
}

net::ErrorBody server_error_body(unsigned status, std::string_view reason) {
  return net::ErrorBody{"application/json", error_json(code_for_server_status(status), reason)};
}

}  // namespace tradelink::api
