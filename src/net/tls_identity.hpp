#pragma once
// Self-signed TLS identities made at run time (OpenSSL 3): a P-256 key and an X.509 v3
// certificate naming the given DNS names and IP addresses, for the sandbox's --tls mode and
// for tests, so no key is ever checked in.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "net/server_types.hpp"

namespace tradelink::net {

/// Who a certificate speaks for (its subjectAltName entries).
struct CertificateNames {
  std::vector<std::string> dns_names;     ///< e.g. {"localhost"}
  std::vector<std::string> ip_addresses;  ///< e.g. {"127.0.0.1"}
};

/// A fresh key and a certificate valid from an hour ago for a day. The certificate is its own
/// issuer and a CA, so a client that trusts it (ClientOptions::ca_file) accepts a server
/// presenting it. Errors: `net.tls` when OpenSSL fails.
[[nodiscard]] core::Result<ServerTls> make_self_signed(CertificateNames const& names);

/// An identity for a server bound to `host`: localhost, 127.0.0.1 and ::1, plus `host` itself
/// unless it is a wildcard or loopback address.
[[nodiscard]] core::Result<ServerTls> make_self_signed_identity(std::string_view host);

}  // namespace tradelink::net
