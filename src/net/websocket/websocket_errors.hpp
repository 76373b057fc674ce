#pragma once
// The transport errors of WebSocket connections (both sides): the codes that HttpClient does not
// already define, and one place that turns Beast / Asio / OpenSSL error codes met on an open
// WebSocket into them.

#include <boost/system/error_code.hpp>

#include <string_view>

#include "core/error.hpp"

namespace tradelink::net::detail {

/// Codes specific to WebSocket connections; the others come from transport_error.hpp.
namespace websocket_codes {
inline constexpr std::string_view message_too_large = "net.message_too_large";
inline constexpr std::string_view send_queue_full = "net.send_queue_full";
inline constexpr std::string_view closed_locally = "net.closed_locally";
inline constexpr std::string_view upgrade_rejected = "net.upgrade_rejected";
}  // namespace websocket_codes

/// The error for `ec` met on an open WebSocket connection with `peer` ("wss://host:443" or
/// "127.0.0.2:51234"): `net.timeout`, `net.message_too_large`, `net.protocol`, `net.tls` or, for
/// everything else (end of stream, reset, ...), `net.reset`.
[[nodiscard]] core::Error websocket_failure(boost::system::error_code const& ec,
                                            std::string_view peer);

}  // namespace tradelink::net::detail
