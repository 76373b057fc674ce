#pragma once
// One REST call as the client executes it: what to send, whether to sign it, which rate-limit
// bucket it draws from and whether it may be replayed after an ambiguous failure.

#include <string>

#include "net/http_types.hpp"
#include "venues/gateio/rest/rate_limiter.hpp"

namespace tradelink::gateio {

enum class Auth { public_call, signed_call };

/// Whether sending the request twice is harmless. Reads and cancels are; an order placement
/// is not: after a timeout or 5xx it may have been executed, so it is never replayed blindly.
enum class Replay { safe, unsafe };

struct Endpoint {
  net::Method method = net::Method::get;
  std::string path;   ///< below the base path, e.g. "/spot/orders/123"
  std::string query;  ///< unescaped, in URL order, sent byte-identical to what is signed
  std::string body;   ///< exact JSON bytes; empty for GET/DELETE
  Auth auth = Auth::public_call;
  EndpointGroup group = EndpointGroup::public_data;
  std::string limit_key;  ///< rate-limit bucket within the group (endpoint path or pair)
  Replay replay = Replay::safe;
};

}  // namespace tradelink::gateio
