#pragma once
// The OpenSSL context an HttpServer shares between its TLS connections.

#include <memory>

#include "core/result.hpp"
#include "net/server_types.hpp"

namespace boost::asio::ssl {
class context;
}

namespace tradelink::net::detail {

/// A TLS 1.2+ server context presenting `identity`. Errors: `net.tls` when OpenSSL rejects the
/// certificate chain or the key, or the key does not match the certificate.
[[nodiscard]] core::Result<std::shared_ptr<boost::asio::ssl::context>> make_tls_server_context(
    ServerTls const& identity);

}  // namespace tradelink::net::detail
