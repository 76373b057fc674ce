#pragma once
// Self-signed TLS identities made at test time (OpenSSL 3), so TLS tests need no checked-in
// keys: a P-256 key and an X.509 v3 certificate naming the given DNS names and IP addresses.

#include <string>
#include <vector>

namespace tradelink::test {

/// Who a certificate speaks for (its subjectAltName entries).
struct CertificateNames {
  std::vector<std::string> dns_names;     ///< e.g. {"localhost"}
  std::vector<std::string> ip_addresses;  ///< e.g. {"127.0.0.1"}
};

/// A certificate and its private key, both PEM. The certificate is its own issuer and a CA, so
/// a client that trusts it (ClientOptions::ca_file) accepts a server presenting it.
struct TestCertificate {
  std::string certificate_pem;
  std::string private_key_pem;

  /// Generates a fresh key and a certificate valid from an hour ago for a day.
  /// Throws std::runtime_error when OpenSSL fails (tests only).
  static TestCertificate self_signed(CertificateNames const& names);
};

}  // namespace tradelink::test
