#include "sandbox/service/rest/rest_front.hpp"

#include <chrono>
#include <exception>
#include <memory>

#include "sandbox/service/rest/request_deadline.hpp"

namespace tradelink::sandbox::rest {
namespace {

std::optional<std::string_view> header_if_present(net::ServerRequest const& request,
                                                  std::string_view name) {
  if (!request.has_header(name)) return std::nullopt;
  return request.header(name);
}

/// Gate's gateway stamps every answer with when it received the request and sent the answer
/// (microseconds), so a client can see where the time went.
void stamp(net::ServerResponse& response, std::int64_t in_us, std::int64_t out_us) {
  response.headers.push_back({"X-In-Time", std::to_string(in_us)});
  response.headers.push_back({"X-Out-Time", std::to_string(out_us)});
}
/// Gate echoes a client's `X-Client-Request-Id` in every answer, refusals included, so the client
/// can match answers to requests.
void echo_request_id(net::ServerRequest const& request, net::ServerResponse& response) {
  constexpr std::string_view name = "X-Client-Request-Id";
  if (auto const id = header_if_present(request, name)) {
    response.headers.push_back({std::string(name), std::string(*id)});
  }
}

}  // namespace

net::ServerResponse refusal_response(Refusal const& refusal) {
  return net::ServerResponse::json(refusal.status, error_json(refusal.label, refusal.message));
}

RestFront::RestFront(Venue& venue, Faults& faults, Scheduler& scheduler, Router router)
    : venue_(venue), faults_(faults), scheduler_(scheduler), router_(std::move(router)) {}

void RestFront::set_rate_limits_enabled(bool enabled) {
  venue_.with([&](VenueState&) { rate_limits_.set_enabled(enabled); });
}

void RestFront::handle(net::ServerRequest const& request, net::Responder responder) {
  std::int64_t const in_us = venue_.clock().now_us();
  auto match = router_.match(request.method, request.path.substr(api_prefix.size()));
  RestFaultDecision fault;
  net::ServerResponse response;
  if (match.route == nullptr) {
    response = unmatched(request, match);
  } else {
    fault = faults_.on_rest(fault_group_name(match.route->rate_group));
    response =
        fault.refuse ? refusal_response(*fault.refuse) : serve(request, *match.route, match.path);
  }
  echo_request_id(request, response);
  // An injected latency is the gateway's time too: the answer goes out when it is due.
  std::int64_t const out_us =
      venue_.clock().now_us() +
      std::chrono::duration_cast<std::chrono::microseconds>(fault.delay).count();
  stamp(response, in_us, out_us);
  if (fault.delay.count() <= 0) {
    responder.respond(std::move(response));
    return;
  }
  auto pending = std::make_shared<std::pair<net::Responder, net::ServerResponse>>(
      std::move(responder), std::move(response));
  scheduler_.after(fault.delay, [pending] { pending->first.respond(std::move(pending->second)); });
}

net::ServerResponse RestFront::answer(net::ServerRequest const& request) {
  if (!request.path.starts_with(api_prefix)) {
    return refusal_response(refusal("NOT_FOUND", "Not found"));
  }
  auto match = router_.match(request.method, request.path.substr(api_prefix.size()));
  if (match.route == nullptr) return unmatched(request, match);
  return serve(request, *match.route, match.path);
}

net::ServerResponse RestFront::unmatched(net::ServerRequest const& request,
                                         Router::Match const& match) {
  if (match.path_known) {
    return refusal_response(
        refusal("METHOD_NOT_ALLOWED", "Method " + std::string(request.method) + " not allowed"));
  }
  return refusal_response(refusal("NOT_FOUND", "Not found: " + std::string(request.path)));
}

net::ServerResponse RestFront::serve(net::ServerRequest const& request, Route const& route,
                                     Params const& path) {
  std::int64_t const now_ms = venue_.clock().now_ms();
  return venue_.with([&](VenueState& state) -> net::ServerResponse {
    ApiKey const* key = nullptr;
    if (!route.is_public()) {
      SignedRequest const signed_request{
          .method = request.method,
          .path = request.path,
          .raw_query = request.query,
          .body = request.body,
          .key = header_if_present(request, "KEY"),
          .timestamp = header_if_present(request, "Timestamp"),
          .sign = header_if_present(request, "SIGN"),
          .peer_ip = request.peer_address,
      };
      auto authenticated = authenticate(state.keys, signed_request, now_ms);
      if (!authenticated) return refusal_response(authenticated.error());
      key = *authenticated;
    }
    return run_for_key(request, route, path, key, now_ms, state);
  });
}

RestFront::DelegatedAnswer RestFront::answer_for_key(net::ServerRequest const& request,
                                                     std::string_view api_key) {
  if (!request.path.starts_with(api_prefix)) {
    return {refusal_response(refusal("NOT_FOUND", "Not found")), {}};
  }
  auto match = router_.match(request.method, request.path.substr(api_prefix.size()));
  if (match.route == nullptr) return {unmatched(request, match), {}};
  if (match.route->is_public()) {
    return {refusal_response(refusal("NOT_FOUND", "Not found: " + std::string(request.path))), {}};
  }
  RestFaultDecision const fault = faults_.on_rest(fault_group_name(match.route->rate_group));
  if (fault.refuse) return {refusal_response(*fault.refuse), fault.delay};
  std::int64_t const now_ms = venue_.clock().now_ms();
  net::ServerResponse response = venue_.with([&](VenueState& state) -> net::ServerResponse {
    ApiKey* key = state.keys.find(api_key);
    if (key == nullptr) return refusal_response(refusal("INVALID_KEY", "Invalid key provided"));
    if (key->state != KeyState::normal) {
      return refusal_response(refusal("ACCOUNT_LOCKED", "API key is locked or frozen"));
    }
    key->last_access_ms = now_ms;
    return run_for_key(request, *match.route, match.path, key, now_ms, state);
  });
  return {std::move(response), fault.delay};
}

net::ServerResponse RestFront::run_for_key(net::ServerRequest const& request, Route const& route,
                                           Params const& path, ApiKey const* key,
                                           std::int64_t now_ms, VenueState& state) {
  Params const query = parse_query(request.query);
  if (key != nullptr && route.needs_group()) {
    if (auto refused =
            authorize(*key, Requirement{route.permission, request.method != "GET", {}})) {
      return refusal_response(*refused);
    }
  }
  if (auto const deadline = header_if_present(request, deadline_header);
      deadline && honours_deadline(route.rate_group)) {
    if (auto late = check_deadline(*deadline, now_ms)) return refusal_response(*late);
  }
  std::string const caller =
      key != nullptr ? std::to_string(key->user_id) : std::string(request.peer_address);
  RateVerdict const verdict = rate_limits_.admit(route, caller, now_ms);
  if (!verdict.allowed) {
    net::ServerResponse response =
        refusal_response(refusal("TOO_MANY_REQUESTS", "Request Rate limit Exceeded"));
    for (auto& header : verdict.headers()) response.headers.push_back(std::move(header));
    return response;
  }

  RestCall const call{request, path, query, key, now_ms, state};
  net::ServerResponse response;
  try {
    RestResult result = route.handler(call);
    if (!result) {
      response = refusal_response(result.error());
    } else {
      response = net::ServerResponse::json(result->status, std::move(result->body));
      for (auto& header : result->headers) response.headers.push_back(std::move(header));
    }
  } catch (std::exception const&) {
    response = refusal_response(refusal("SERVER_ERROR", "Internal server error"));
  }
  for (auto& header : verdict.headers()) response.headers.push_back(std::move(header));
  return response;
}

}  // namespace tradelink::sandbox::rest
