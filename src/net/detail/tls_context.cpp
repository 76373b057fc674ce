#include "net/detail/tls_context.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/system/system_error.hpp>
#include <openssl/ssl.h>

#include "net/detail/transport_error.hpp"

namespace tradelink::net::detail {
namespace {

namespace ssl = boost::asio::ssl;

core::Error tls_setup_error(std::string message) {
  return transport_error(codes::tls, std::move(message));
}

}  // namespace

core::Result<std::shared_ptr<ssl::context>> make_tls_client_context(ClientOptions const& options) {
  std::shared_ptr<ssl::context> context;
  try {
    context = std::make_shared<ssl::context>(ssl::context::tls_client);
  } catch (boost::system::system_error const& error) {
    return tls_setup_error(std::string("cannot create the TLS context: ") + error.what());
  }
  if (SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION) != 1) {
    return tls_setup_error("cannot require TLS 1.2 or later");
  }
  boost::system::error_code ec;
  context->set_options(ssl::context::default_workarounds | ssl::context::no_compression, ec);
  if (ec) return tls_setup_error("cannot set TLS options: " + ec.message());

  if (!options.verify_peer) {
    context->set_verify_mode(ssl::verify_none, ec);
    if (ec) return tls_setup_error("cannot set the TLS verify mode: " + ec.message());
    return context;
  }
  context->set_verify_mode(ssl::verify_peer, ec);
  if (ec) return tls_setup_error("cannot set the TLS verify mode: " + ec.message());
  context->set_default_verify_paths(ec);
  if (ec) return tls_setup_error("cannot load the system trust store: " + ec.message());
  if (options.ca_file) {
    context->load_verify_file(*options.ca_file, ec);
    if (ec) {
      return tls_setup_error("cannot load CA file '" + *options.ca_file + "': " + ec.message());
    }
  }
  return context;
}

}  // namespace tradelink::net::detail
