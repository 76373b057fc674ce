#pragma once
// Turns an Endpoint into the HTTP request sent to Gate.io, signed when it needs to be
// (gateio-v4.md §2.1): the query and body that are signed are exactly the bytes sent.

#include <optional>
#include <string>
#include <string_view>

#include "net/http_types.hpp"
#include "venues/gateio/rest/endpoint.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::gateio {

struct RequestBuildOptions {
  std::string_view base_path;  ///< "/api/v4" (from the base URL)
  bool size_decimal = true;    ///< add `X-Gate-Size-Decimal: 1`
};

/// Builds one REST client's requests. It overwrites a caller-kept request in place, so the
/// strings of a request reused for the next call (the HTTP client hands back the buffers of
/// finished calls) are refilled without allocating, and it signs with its own SigningContext.
/// Not thread-safe: one per client, used on the client's thread.
class RequestBuilder {
 public:
  /// `signer` must outlive the builder. It may be null for a public-only client: signed
  /// endpoints are then built without auth headers (the transport refuses them first).
  RequestBuilder(RequestBuildOptions options, Signer const* signer);

  /// Replaces every field of `request` with `endpoint`'s request. Signed endpoints get KEY,
  /// Timestamp and SIGN, with `timestamp` (integer seconds of server time) as both header and
  /// signed field.
  void build(Endpoint const& endpoint, std::string_view timestamp, net::HttpRequest& request);

 private:
  std::string base_path_;
  bool size_decimal_;
  std::optional<SigningContext> signing_;
};

}  // namespace tradelink::gateio
