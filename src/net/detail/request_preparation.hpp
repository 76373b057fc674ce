#pragma once
// What HttpClient checks and adds to a caller's request before it goes on the wire: nothing that
// could split the request (CR/LF in a header, a space in the target) gets through, and the
// Host and User-Agent headers are present. Pure functions on the value types; no I/O.

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "net/http_types.hpp"

namespace tradelink::net::detail {

/// Checks that `request` can be sent to `origin` as HTTP/1.1 verbatim: an origin with a host,
/// a target in origin form ("/path?query", visible ASCII only), header names that are HTTP
/// tokens and header values without CR, LF or NUL.
/// Errors: `net.url` (origin without host), `net.invalid_request` (validation layer). Messages
/// name the offending header, never its value (values may be secrets).
[[nodiscard]] core::Result<void> validate_request(Origin const& origin, HttpRequest const& request);

/// The Host header value for `origin`: "host" for the scheme's default port, "host:port"
/// otherwise (an IPv6 literal keeps its brackets).
[[nodiscard]] std::string host_header_value(Origin const& origin);

/// Appends Host and User-Agent to `request` when the caller did not set them (case-insensitive).
void add_default_headers(HttpRequest& request, Origin const& origin, std::string_view user_agent);

/// True when `request` carries a header `name` (case-insensitive).
[[nodiscard]] bool has_header(HttpRequest const& request, std::string_view name) noexcept;

}  // namespace tradelink::net::detail
