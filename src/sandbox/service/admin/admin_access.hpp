#pragma once
// Who may use the admin API (/sandbox/v1): a peer on this host's loopback address (127.0.0.1 or
// ::1 — other 127/8 addresses count as remote, which is also how tests play a remote peer), or
// any peer presenting `Authorization: Bearer <admin token>` when a token is configured.

#include <string_view>

#include "net/server_types.hpp"

namespace tradelink::sandbox::admin {

/// True for "127.0.0.1", "::1" and "::ffff:127.0.0.1".
[[nodiscard]] bool is_loopback_peer(std::string_view peer_address) noexcept;

/// True when `request` may use the admin API given `admin_token` (empty: loopback peers only).
/// The token is compared in constant time.
[[nodiscard]] bool admin_allowed(net::ServerRequest const& request,
                                 std::string_view admin_token) noexcept;

}  // namespace tradelink::sandbox::admin
