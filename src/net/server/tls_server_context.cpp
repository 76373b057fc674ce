#include "net/server/tls_server_context.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/system/system_error.hpp>
#include <openssl/ssl.h>

#include <string>

#include "net/detail/transport_error.hpp"

namespace tradelink::net::detail {
namespace {

namespace ssl = boost::asio::ssl;

core::Error tls_setup_error(std::string message) {
  return transport_error(codes::tls, std::move(message));
}

}  // namespace

core::Result<std::shared_ptr<ssl::context>> make_tls_server_context(ServerTls const& identity) {
  std::shared_ptr<ssl::context> context;
  try {
    context = std::make_shared<ssl::context>(ssl::context::tls_server);
  } catch (boost::system::system_error const& error) {
    return tls_setup_error(std::string("cannot create the TLS server context: ") + error.what());
  }
  if (SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION) != 1) {
    return tls_setup_error("cannot require TLS 1.2 or later");
  }
  boost::system::error_code ec;
  context->set_options(ssl::context::default_workarounds | ssl::context::no_compression |
                           ssl::context::single_dh_use,
                       ec);
  if (ec) return tls_setup_error("cannot set TLS options: " + ec.message());
  context->use_certificate_chain(boost::asio::buffer(identity.certificate_chain_pem), ec);
  if (ec) return tls_setup_error("cannot load the server certificate chain: " + ec.message());
  context->use_private_key(boost::asio::buffer(identity.private_key_pem), ssl::context::pem, ec);
  if (ec) return tls_setup_error("cannot load the server private key: " + ec.message());
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    return tls_setup_error("the server private key does not match its certificate");
  }
  return context;
}

}  // namespace tradelink::net::detail
