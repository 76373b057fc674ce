#pragma once
// Shared bits of the HttpClient tests: origins of loopback servers, request shorthands and
// short timeouts so failing tests fail fast.

#include <chrono>
#include <string>
#include <utility>

#include "net/http_types.hpp"
#include "support/loopback_http_server.hpp"

namespace tradelink::net::client_test {

using namespace std::chrono_literals;

inline Origin origin_of(test::LoopbackHttpServer const& server) {
  return Origin::parse(server.base_url()).value();
}

inline HttpRequest get(std::string target) {
  HttpRequest request;
  request.method = Method::get;
  request.target = std::move(target);
  return request;
}

inline HttpRequest post(std::string target, std::string body) {
  HttpRequest request;
  request.method = Method::post;
  request.target = std::move(target);
  request.body = std::move(body);
  return request;
}

/// Defaults with timeouts short enough that a hung test fails within seconds.
inline ClientOptions quick_options() {
  ClientOptions options;
  options.connect_timeout = 3s;
  options.read_timeout = 3s;
  options.total_timeout = 6s;
  return options;
}

/// Answers every request with "<METHOD> <target>" so responses can be told apart.
inline test::Reply echo_method_and_target(test::RecordedRequest const& request) {
  return test::Reply::text(200, request.method + " " + request.target);
}

}  // namespace tradelink::net::client_test
