#pragma once
// Turning an owner's ServerResponse into the HTTP/1.1 message written on the wire, refusing what
// would corrupt the stream (bad status, header names that are not tokens, CR/LF in values).

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>
#include <string>

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

/// Appends `message` to `out` as the bytes Beast's serializer writes for it (status line, fields
/// in order, blank line, body), so that it goes out as one buffer: the serializer's buffer
/// sequences cost more than the copy for the small answers a server mostly gives.
void append_wire_bytes(WireResponse const& message, std::string& out);

}  // namespace tradelink::net::detail
