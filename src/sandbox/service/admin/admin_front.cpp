#include "sandbox/service/admin/admin_front.hpp"

#include <exception>

#include "sandbox/service/admin/admin_access.hpp"

namespace tradelink::sandbox::admin {

AdminFront::AdminFront(AdminContext context, std::string admin_token)
    : context_(context), admin_token_(std::move(admin_token)) {
  add_account_routes(router_);
  add_market_routes(router_);
  add_fault_routes(router_);
}

void AdminFront::handle(net::ServerRequest const& request, net::Responder responder) {
  responder.respond(answer(request));
}

net::ServerResponse AdminFront::answer(net::ServerRequest const& request) {
  if (!admin_allowed(request, admin_token_)) {
    return rest::refusal_response(rest::refusal(
        "FORBIDDEN",
        "The admin API answers loopback peers only; other peers need Authorization: Bearer "
        "<admin token>"));
  }
  if (!request.path.starts_with(admin_prefix)) {
    return rest::refusal_response(rest::refusal("NOT_FOUND", "Not found"));
  }
  auto match = router_.match(request.method, request.path.substr(admin_prefix.size()));
  if (match.handler == nullptr) {
    if (match.path_known) {
      return rest::refusal_response(rest::refusal(
          "METHOD_NOT_ALLOWED", "Method " + std::string(request.method) + " not allowed"));
    }
    return rest::refusal_response(
        rest::refusal("NOT_FOUND", "Not found: " + std::string(request.path)));
  }
  rest::Params const query = rest::parse_query(request.query);
  AdminCall const call{request, match.path, query, context_};
  try {
    rest::RestResult result = (*match.handler)(call);
    if (!result) return rest::refusal_response(result.error());
    net::ServerResponse response =
        result->status == 204 ? net::ServerResponse{204, {}, {}}
                              : net::ServerResponse::json(result->status, std::move(result->body));
    for (auto& header : result->headers) response.headers.push_back(std::move(header));
    return response;
  } catch (std::exception const&) {
    return rest::refusal_response(rest::refusal("SERVER_ERROR", "Internal server error"));
  }
}

}  // namespace tradelink::sandbox::admin
