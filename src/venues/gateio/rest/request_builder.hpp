#pragma once
// Turns an Endpoint into the HTTP request sent to Gate.io, signed when it needs to be
// (gateio-v4.md §2.1): the query and body that are signed are exactly the bytes sent.

#include <string_view>

#include "net/http_types.hpp"
#include "venues/gateio/rest/endpoint.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::gateio {

struct RequestBuildOptions {
  std::string_view base_path;  ///< "/api/v4" (from the base URL)
  bool size_decimal = true;    ///< add `X-Gate-Size-Decimal: 1`
};

/// Builds the request for `endpoint`. Signed endpoints get KEY/Timestamp/SIGN when `signer` is
/// given, with `timestamp` (integer seconds of server time) as both header and signed field.
[[nodiscard]] net::HttpRequest build_request(Endpoint const& endpoint, RequestBuildOptions options,
                                             Signer const* signer, std::string_view timestamp);
/// The same for an endpoint used once: its body moves into the request instead of being copied.
[[nodiscard]] net::HttpRequest build_request(Endpoint&& endpoint, RequestBuildOptions options,
                                             Signer const* signer, std::string_view timestamp);

}  // namespace tradelink::gateio
