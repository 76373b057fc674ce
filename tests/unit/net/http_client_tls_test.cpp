// HTTPS: the peer is verified (chain and host name) unless verification is explicitly off.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "net/http_client.hpp"
#include "support/temp_file.hpp"
#include "support/test_certificate.hpp"
#include "unit/net/http_test_helpers.hpp"

namespace tradelink::net {
namespace {

using namespace client_test;
using test::CertificateNames;
using test::LoopbackHttpServer;
using test::ServerOptions;
using test::TempFile;
using test::TestCertificate;

class HttpClientTls : public ::testing::Test {
 protected:
  static ServerOptions tls_with(TestCertificate const& certificate) {
    ServerOptions options;
    options.tls = certificate;
    return options;
  }

  static ClientOptions trusting(TempFile const& ca_file) {
    ClientOptions options = quick_options();
    options.ca_file = ca_file.path().string();
    return options;
  }

  static void expect_tls_error(core::Result<HttpResponse> const& result) {
    ASSERT_FALSE(result.has_value()) << "status " << result.value().status;
    EXPECT_EQ(result.error().code, "net.tls") << result.error().message;
    EXPECT_EQ(result.error().layer, core::ErrorLayer::transport);
    EXPECT_FALSE(result.error().retryable());
  }

  TestCertificate const localhost_and_ip_ =
      TestCertificate::self_signed(CertificateNames{{"localhost"}, {"127.0.0.1"}});
  boost::asio::io_context io_;
};

TEST_F(HttpClientTls, SucceedsWhenTheCertificateIsTrustedThroughCaFile) {
  LoopbackHttpServer server(echo_method_and_target, tls_with(localhost_and_ip_));
  TempFile const ca_file(localhost_and_ip_.certificate_pem, ".pem");
  HttpClient client(io_, trusting(ca_file));

  auto const first = client.send(origin_of(server), get("/secure"));
  auto const second = client.send(origin_of(server), post("/secure", "body"));

  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(first.value().body, "GET /secure");
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(second.value().body, "POST /secure");
  EXPECT_EQ(server.connection_count(), 1U);
  EXPECT_EQ(client.stats().requests_on_reused_connection, 1U);
  ASSERT_EQ(server.requests().size(), 2U);
  EXPECT_EQ(server.requests()[1].body, "body");
}

TEST_F(HttpClientTls, HostNameIsVerifiedByDnsName) {
  LoopbackHttpServer server(echo_method_and_target, tls_with(localhost_and_ip_));
  TempFile const ca_file(localhost_and_ip_.certificate_pem, ".pem");
  HttpClient client(io_, trusting(ca_file));

  auto const result = client.send(
      Origin::parse("https://localhost:" + std::to_string(server.port())).value(), get("/by-name"));

  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(server.requests().at(0).header("Host"), "localhost:" + std::to_string(server.port()));
}

TEST_F(HttpClientTls, FailsWithoutTrustInTheCertificate) {
  LoopbackHttpServer server(echo_method_and_target, tls_with(localhost_and_ip_));
  HttpClient client(io_, quick_options());

  auto const result = client.send(origin_of(server), get("/secure"));

  expect_tls_error(result);
  EXPECT_NE(result.error().message.find("certificate"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(server.request_count(), 0U);
}

TEST_F(HttpClientTls, FailsWhenTheIpAddressIsNotInTheCertificate) {
  TestCertificate const localhost_only =
      TestCertificate::self_signed(CertificateNames{{"localhost"}, {}});
  LoopbackHttpServer server(echo_method_and_target, tls_with(localhost_only));
  TempFile const ca_file(localhost_only.certificate_pem, ".pem");
  HttpClient client(io_, trusting(ca_file));

  auto const result = client.send(origin_of(server), get("/secure"));

  expect_tls_error(result);
  EXPECT_EQ(server.request_count(), 0U);
}

TEST_F(HttpClientTls, FailsWhenTheHostNameIsNotInTheCertificate) {
  TestCertificate const other_name =
      TestCertificate::self_signed(CertificateNames{{"other.example"}, {}});
  LoopbackHttpServer server(echo_method_and_target, tls_with(other_name));
  TempFile const ca_file(other_name.certificate_pem, ".pem");
  HttpClient client(io_, trusting(ca_file));

  auto const result = client.send(
      Origin::parse("https://localhost:" + std::to_string(server.port())).value(), get("/"));

  expect_tls_error(result);
  EXPECT_EQ(server.request_count(), 0U);
}

TEST_F(HttpClientTls, VerificationCanOnlyBeSkippedExplicitly) {
  LoopbackHttpServer server(echo_method_and_target, tls_with(localhost_and_ip_));
  ClientOptions options = quick_options();
  options.verify_peer = false;
  HttpClient client(io_, options);

  auto const result = client.send(origin_of(server), get("/unverified"));

  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result.value().body, "GET /unverified");
}

TEST_F(HttpClientTls, UnreadableCaFileIsATlsError) {
  LoopbackHttpServer server(echo_method_and_target, tls_with(localhost_and_ip_));
  ClientOptions options = quick_options();
  options.ca_file = "/nonexistent/tradelink-ca.pem";
  HttpClient client(io_, options);

  auto const result = client.send(origin_of(server), get("/"));

  expect_tls_error(result);
  EXPECT_NE(result.error().message.find("/nonexistent/tradelink-ca.pem"), std::string::npos);
  EXPECT_EQ(server.connection_count(), 0U);
}

TEST_F(HttpClientTls, PlainOriginsDoNotNeedTheTlsContext) {
  LoopbackHttpServer server(echo_method_and_target);
  ClientOptions options = quick_options();
  options.ca_file = "/nonexistent/tradelink-ca.pem";
  HttpClient client(io_, options);

  EXPECT_TRUE(client.send(origin_of(server), get("/plain")).has_value());
}

}  // namespace
}  // namespace tradelink::net
