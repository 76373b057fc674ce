#pragma once
// Serving HTTP/1.1 on one accepted connection (plain or TLS): keep-alive request after request,
// each one read within the limits, handed to the owner's handler and answered through a
// Responder; upgrade requests on a WebSocket route are handed to a WebSocket session.

#include <memory>

#include "net/server/server_core.hpp"

namespace tradelink::net::detail {

/// Registers the connection with the server (closing it at once when the server is full or
/// stopping) and starts serving it on `strand`, which `socket` is bound to.
void serve_http(std::shared_ptr<ServerCore> const& server, AcceptedSocket socket, Strand strand,
                ConnectionInfo info);

}  // namespace tradelink::net::detail
