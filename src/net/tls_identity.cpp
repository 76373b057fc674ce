#include "net/tls_identity.hpp"

#include <boost/asio/ip/address.hpp>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace tradelink::net {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
struct X509Free {
  void operator()(X509* certificate) const noexcept { X509_free(certificate); }
};
struct ExtensionFree {
  void operator()(X509_EXTENSION* extension) const noexcept { X509_EXTENSION_free(extension); }
};
struct BioFree {
  void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};

void require(bool ok, char const* what) {
  if (!ok) throw std::runtime_error(std::string(what) + " failed");
}

std::string subject_alt_names(CertificateNames const& names) {
  std::string list;
  auto const append = [&list](std::string_view kind, std::string const& value) {
    if (!list.empty()) list += ',';
    list += kind;
    list += value;
  };
  for (auto const& dns : names.dns_names) append("DNS:", dns);
  for (auto const& ip : names.ip_addresses) append("IP:", ip);
  return list;
}

void add_extension(X509* certificate, int nid, std::string const& value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
  std::unique_ptr<X509_EXTENSION, ExtensionFree> extension(
      X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
  require(extension != nullptr, "X509V3_EXT_conf_nid");
  require(X509_add_ext(certificate, extension.get(), -1) == 1, "X509_add_ext");
}

template <class Write>
std::string to_pem(Write&& write) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  require(bio != nullptr, "BIO_new");
  require(write(bio.get()) == 1, "PEM write");
  char* data = nullptr;
  long const size = BIO_get_mem_data(bio.get(), &data);
  require(size > 0 && data != nullptr, "BIO_get_mem_data");
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

namespace {

ServerTls generate(CertificateNames const& names) {
  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
  require(key != nullptr, "EVP_EC_gen");
  std::unique_ptr<X509, X509Free> certificate(X509_new());
  require(certificate != nullptr, "X509_new");

  require(X509_set_version(certificate.get(), X509_VERSION_3) == 1, "X509_set_version");
  unsigned char serial_bytes[8];
  require(RAND_bytes(serial_bytes, sizeof serial_bytes) == 1, "RAND_bytes");
  long serial = 0;
  for (unsigned char const byte : serial_bytes) serial = (serial << 8 | byte) & 0x3fffffffffffffff;
  require(ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), serial + 1) == 1, "serial");
  require(X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) != nullptr, "notBefore");
  require(X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 24 * 3600) != nullptr, "notAfter");
  require(X509_set_pubkey(certificate.get(), key.get()) == 1, "X509_set_pubkey");

  X509_NAME* const subject = X509_get_subject_name(certificate.get());
  auto const* common_name = reinterpret_cast<unsigned char const*>("tradelink sandbox");
  require(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, common_name, -1, -1, 0) == 1,
          "subject CN");
  require(X509_set_issuer_name(certificate.get(), subject) == 1, "X509_set_issuer_name");

  add_extension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE");
  add_extension(certificate.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
  add_extension(certificate.get(), NID_ext_key_usage, "serverAuth");
  add_extension(certificate.get(), NID_subject_key_identifier, "hash");
  std::string const alt_names = subject_alt_names(names);
  if (!alt_names.empty()) add_extension(certificate.get(), NID_subject_alt_name, alt_names);

  require(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0, "X509_sign");

  ServerTls result;
  result.certificate_chain_pem =
      to_pem([&](BIO* bio) { return PEM_write_bio_X509(bio, certificate.get()); });
  result.private_key_pem = to_pem([&](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  return result;
}

}  // namespace

core::Result<ServerTls> make_self_signed(CertificateNames const& names) {
  try {
    return generate(names);
  } catch (std::exception const& error) {
    core::Error failure;
    failure.layer = core::ErrorLayer::transport;
    failure.code = "net.tls";
    failure.message = std::string("cannot make a self-signed certificate: ") + error.what();
    return failure;
  }
}

core::Result<ServerTls> make_self_signed_identity(std::string_view host) {
  CertificateNames names{{"localhost"}, {"127.0.0.1", "::1"}};
  boost::system::error_code error;
  auto const address = boost::asio::ip::make_address(std::string(host), error);
  if (error) {
    names.dns_names.emplace_back(host);
  } else if (!address.is_unspecified() && !address.is_loopback()) {
    names.ip_addresses.emplace_back(host);
  }
  return make_self_signed(names);
}

}  // namespace tradelink::net
