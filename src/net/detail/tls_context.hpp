#pragma once
// The OpenSSL client context HttpClient shares between its TLS connections: TLS 1.2+, peer
// verification against the system trust store plus an optional CA file.

#include <memory>

#include "core/result.hpp"
#include "net/http_types.hpp"

namespace boost::asio::ssl {
class context;
}

namespace tradelink::net::detail {

/// Builds the client context for `options`. With `verify_peer` (the default) the peer's chain
/// must lead to a system trust anchor or to a certificate in `ca_file`; host names are checked
/// per connection (see Connection). `verify_peer == false` disables both checks, and only then.
/// Errors: `net.tls` when OpenSSL cannot create the context or `ca_file` cannot be loaded.
[[nodiscard]] core::Result<std::shared_ptr<boost::asio::ssl::context>> make_tls_client_context(
    ClientOptions const& options);

}  // namespace tradelink::net::detail
