// HttpServer over TLS with a self-signed certificate made at test time.

#include <gtest/gtest.h>

#include <string>

#include "net/http_server.hpp"
#include "server_test_support.hpp"
#include "support/temp_file.hpp"
#include "support/test_certificate.hpp"

namespace tradelink::net {
namespace {

using namespace std::chrono_literals;
using test::get_request;
using test::RawClient;
using test::start_server;
using test::test_server_options;
using TestCertificate = ::tradelink::test::TestCertificate;

class ServerTlsTest : public ::testing::Test {
 protected:
  ServerTlsTest() : identity_(TestCertificate::self_signed({{"localhost"}, {"127.0.0.1"}})) {}

  std::unique_ptr<HttpServer> start_tls_server(ServerOptions options) {
    options.tls = ServerTls{identity_.certificate_pem, identity_.private_key_pem};
    ServerHandlers handlers;
    handlers.on_request = [](ServerRequest const& request, Responder responder) {
      responder.respond(ServerResponse::text(
          200, std::string(request.path) + (request.tls ? " over tls from " : " plain from ") +
                   std::string(request.peer_address)));
    };
    return start_server(std::move(options), std::move(handlers));
  }

  TestCertificate identity_;
};

TEST_F(ServerTlsTest, ServesKeptAliveRequestsOverTls) {
  auto server = start_tls_server(test_server_options());
  RawClient client(server->port(), "127.0.0.3", identity_.certificate_pem);
  for (std::string const path : {"/one", "/two"}) {
    auto response = client.exchange(get_request(path));
    ASSERT_TRUE(response.has_value()) << path;
    EXPECT_EQ(response->body(), path + " over tls from 127.0.0.3");
  }
  EXPECT_EQ(server->connection_count(), 1U);
}

TEST_F(ServerTlsTest, CertificateFilesCanBeLoaded) {
  ::tradelink::test::TempFile certificate(identity_.certificate_pem, ".pem");
  ::tradelink::test::TempFile key(identity_.private_key_pem, ".pem");
  auto loaded = ServerTls::from_files(certificate.path(), key.path());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->certificate_chain_pem, identity_.certificate_pem);
  EXPECT_EQ(loaded->private_key_pem, identity_.private_key_pem);
  auto missing = ServerTls::from_files("/nonexistent/cert.pem", key.path());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, "net.tls");
}

TEST_F(ServerTlsTest, PeerThatNeverCompletesTheHandshakeIsCut) {
  ServerOptions options = test_server_options();
  options.header_timeout = 300ms;
  auto server = start_tls_server(options);
  RawClient silent(server->port());  // plain TCP: no ClientHello ever
  EXPECT_TRUE(silent.wait_closed(5s));
}

TEST_F(ServerTlsTest, PlaintextRequestToTheTlsPortIsDropped) {
  auto server = start_tls_server(test_server_options());
  RawClient plain(server->port());
  ASSERT_TRUE(plain.write(get_request("/")));
  EXPECT_TRUE(plain.wait_closed(5s));
  // The server still serves TLS clients afterwards.
  RawClient client(server->port(), "127.0.0.1", identity_.certificate_pem);
  auto response = client.exchange(get_request("/after"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body(), "/after over tls from 127.0.0.1");
}

}  // namespace
}  // namespace tradelink::net
