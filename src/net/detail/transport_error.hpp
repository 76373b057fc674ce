#pragma once
// The transport-layer errors HttpClient reports: one place that turns Asio, Beast and OpenSSL
// error codes met during a call into the stable `net.*` codes documented on HttpClient, with
// their retry class. Messages name the origin and the failing step, never request headers.

#include <boost/system/error_code.hpp>

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace tradelink::net::detail {

/// Stable codes of the transport layer (see HttpClient).
namespace codes {
inline constexpr std::string_view resolve = "net.resolve";
inline constexpr std::string_view connect = "net.connect";
inline constexpr std::string_view tls = "net.tls";
inline constexpr std::string_view timeout = "net.timeout";
inline constexpr std::string_view reset = "net.reset";
inline constexpr std::string_view response_too_large = "net.response_too_large";
inline constexpr std::string_view redirect_refused = "net.redirect_refused";
inline constexpr std::string_view protocol = "net.protocol";
}  // namespace codes

/// The steps of one request on one connection, in order.
enum class Phase { resolve, connect, handshake, write, read };

/// A transport error carrying `code`; timeouts, connect failures and resets are retryable,
/// everything else is not.
[[nodiscard]] core::Error transport_error(std::string_view code, std::string message);

/// The error for `ec` met during `phase` while talking to `origin` ("https://host:443").
/// `timed_out` marks an operation aborted by a deadline and yields `net.timeout`; `detail`
/// (may be empty) is appended, e.g. the certificate verification result of a TLS handshake.
[[nodiscard]] core::Error phase_error(Phase phase, boost::system::error_code const& ec,
                                      std::string_view origin, bool timed_out,
                                      std::string_view detail = {});

/// True when `ec` is one of Beast's size limits (header, body, read buffer) being hit.
[[nodiscard]] bool is_size_limit(boost::system::error_code const& ec) noexcept;

/// True when `ec` says the peer closed or reset the connection (end of stream, reset, broken
/// pipe, TLS stream truncated): the signature of a kept-alive connection the server dropped.
[[nodiscard]] bool is_peer_hang_up(boost::system::error_code const& ec) noexcept;

}  // namespace tradelink::net::detail
