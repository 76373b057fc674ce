#include "net/detail/request_preparation.hpp"

#include <gtest/gtest.h>

namespace tradelink::net::detail {
namespace {

Origin origin(std::string url) {
  return Origin::parse(url).value();
}

HttpRequest request_to(std::string target) {
  HttpRequest request;
  request.target = std::move(target);
  return request;
}

TEST(HostHeader, OmitsTheSchemesDefaultPort) {
  EXPECT_EQ(host_header_value(origin("https://api.gateio.ws")), "api.gateio.ws");
  EXPECT_EQ(host_header_value(origin("http://example.com:80")), "example.com");
  EXPECT_EQ(host_header_value(origin("http://127.0.0.1:8765")), "127.0.0.1:8765");
  EXPECT_EQ(host_header_value(origin("https://example.com:80")), "example.com:80");
  EXPECT_EQ(host_header_value(origin("http://[::1]:8080")), "[::1]:8080");
}

TEST(DefaultHeaders, AddsHostAndUserAgentWhenAbsent) {
  HttpRequest request = request_to("/x");
  add_default_headers(request, origin("http://127.0.0.1:9000"), "tradelink/test");
  ASSERT_EQ(request.headers.size(), 2U);
  EXPECT_EQ(request.headers[0].name, "Host");
  EXPECT_EQ(request.headers[0].value, "127.0.0.1:9000");
  EXPECT_EQ(request.headers[1].name, "User-Agent");
  EXPECT_EQ(request.headers[1].value, "tradelink/test");
}

TEST(DefaultHeaders, KeepsTheCallersOwnRegardlessOfCase) {
  HttpRequest request = request_to("/x");
  request.headers = {{"host", "override.example"}, {"USER-AGENT", "mine"}};
  add_default_headers(request, origin("http://127.0.0.1:9000"), "tradelink/test");
  ASSERT_EQ(request.headers.size(), 2U);
  EXPECT_EQ(request.headers[0].value, "override.example");
  EXPECT_EQ(request.headers[1].value, "mine");
}

TEST(ValidateRequest, AcceptsOriginFormTargetsAndOrdinaryHeaders) {
  HttpRequest request = request_to("/api/v4/spot/orders?currency_pair=BTC_USDT&limit=10");
  request.headers = {{"KEY", "abc"}, {"Timestamp", "1700000000"}, {"X-Empty", ""}};
  EXPECT_TRUE(validate_request(origin("https://api.gateio.ws"), request).has_value());
}

TEST(ValidateRequest, RejectsTargetsThatAreNotOriginForm) {
  for (char const* target : {"", "api/v4", "http://evil/x", "/a b", "/a\r\nX: y", "/\x01"}) {
    auto const valid = validate_request(origin("https://h"), request_to(target));
    ASSERT_FALSE(valid.has_value()) << target;
    EXPECT_EQ(valid.error().code, "net.invalid_request");
  }
}

TEST(ValidateRequest, RejectsHeaderInjectionWithoutEchoingTheValue) {
  HttpRequest request = request_to("/x");
  request.headers = {{"SIGN", "secret-signature\r\nX-Injected: 1"}};
  auto const valid = validate_request(origin("https://h"), request);
  ASSERT_FALSE(valid.has_value());
  EXPECT_EQ(valid.error().code, "net.invalid_request");
  EXPECT_EQ(valid.error().layer, core::ErrorLayer::validation);
  EXPECT_NE(valid.error().message.find("SIGN"), std::string::npos);
  EXPECT_EQ(valid.error().message.find("secret-signature"), std::string::npos);
}

TEST(ValidateRequest, RejectsHeaderNamesThatAreNotTokens) {
  for (char const* name : {"", "Bad Name", "Bad:Name", "Bad\nName"}) {
    HttpRequest request = request_to("/x");
    request.headers = {{name, "v"}};
    EXPECT_FALSE(validate_request(origin("https://h"), request).has_value()) << name;
  }
}

TEST(ValidateRequest, RejectsAnOriginWithoutHost) {
  auto const valid = validate_request(Origin{}, request_to("/x"));
  ASSERT_FALSE(valid.has_value());
  EXPECT_EQ(valid.error().code, "net.url");
}

}  // namespace
}  // namespace tradelink::net::detail
