#include "support/test_certificate.hpp"

#include <stdexcept>

#include "net/tls_identity.hpp"

namespace tradelink::test {

TestCertificate TestCertificate::self_signed(CertificateNames const& names) {
  auto identity = net::make_self_signed({names.dns_names, names.ip_addresses});
  if (!identity) throw std::runtime_error("test certificate: " + identity.error().message);
  return TestCertificate{std::move(identity->certificate_chain_pem),
                         std::move(identity->private_key_pem)};
}

}  // namespace tradelink::test
