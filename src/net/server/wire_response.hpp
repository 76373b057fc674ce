#pragma once
// Turning an owner's ServerResponse into the HTTP/1.1 message written on the wire, refusing what
// would corrupt the stream (bad status, header names that are not tokens, CR/LF in values).

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>

#include "net/server_types.hpp"

namespace tradelink::net::detail {

using WireResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// A response ready to write, and whether the connection stays open after it.
struct PreparedResponse {
  WireResponse message;
  bool keep_alive = false;
};

/// Builds the wire response for a request of HTTP `version` (10 or 11). `head`: the request was
/// HEAD (Content-Length of the body, no body). `keep_alive`: the connection may stay open; an
/// owner's "Connection: close" turns it off. Content-Length is computed (none for 204/304);
/// owners' Content-Length, Transfer-Encoding and Connection fields are not copied. nullopt when
/// the status is outside 200..999 or a header would break the framing.
[[nodiscard]] std::optional<PreparedResponse> prepare_response(ServerResponse&& response,
                                                               unsigned version, bool head,
                                                               bool keep_alive);

}  // namespace tradelink::net::detail
