#include "venues/gateio/rest/request_builder.hpp"

#include <utility>

namespace tradelink::gateio {

namespace {

// Everything but the body, which the two overloads copy or move.
net::HttpRequest build_head(Endpoint const& endpoint, RequestBuildOptions options,
                            Signer const* signer, std::string_view timestamp) {
  net::HttpRequest request;
  request.method = endpoint.method;
  request.target.reserve(options.base_path.size() + endpoint.path.size() + 1 + endpoint.query.size());
  request.target.append(options.base_path).append(endpoint.path);
  std::string_view const signed_path{request.target};
  request.headers.reserve(6);
  request.headers.push_back({"Accept", "application/json"});
  if (!endpoint.body.empty()) request.headers.push_back({"Content-Type", "application/json"});
  if (options.size_decimal) request.headers.push_back({"X-Gate-Size-Decimal", "1"});
  if (endpoint.auth == Auth::signed_call && signer != nullptr) {
    RestSignature const signature = signer->sign_rest(
        {net::to_string(endpoint.method), signed_path, endpoint.query, endpoint.body, timestamp});
    request.headers.push_back({"KEY", std::string(signature.key)});
    request.headers.push_back({"Timestamp", std::string(timestamp)});
    request.headers.push_back({"SIGN", std::string(view(signature.sign))});
  }
  if (!endpoint.query.empty()) request.target.append("?").append(endpoint.query);
  return request;
}

}  // namespace

net::HttpRequest build_request(Endpoint const& endpoint, RequestBuildOptions options,
                               Signer const* signer, std::string_view timestamp) {
  net::HttpRequest request = build_head(endpoint, options, signer, timestamp);
  request.body = endpoint.body;
  return request;
}

net::HttpRequest build_request(Endpoint&& endpoint, RequestBuildOptions options,
                               Signer const* signer, std::string_view timestamp) {
  net::HttpRequest request = build_head(endpoint, options, signer, timestamp);
  request.body = std::move(endpoint.body);
  return request;
}

}  // namespace tradelink::gateio
