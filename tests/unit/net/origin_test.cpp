#include <gtest/gtest.h>

#include "net/http_types.hpp"

namespace tradelink::net {
namespace {

TEST(OriginParse, HttpsUsesPort443AndKeepsBasePath) {
  auto const origin = Origin::parse("https://api.gateio.ws/api/v4");
  ASSERT_TRUE(origin.has_value());
  EXPECT_TRUE(origin.value().tls);
  EXPECT_EQ(origin.value().host, "api.gateio.ws");
  EXPECT_EQ(origin.value().port, 443);
  EXPECT_EQ(origin.value().base_path, "/api/v4");
  EXPECT_EQ(origin.value().pool_key(), "https://api.gateio.ws:443");
}

TEST(OriginParse, HttpWithExplicitPortAndNoPath) {
  auto const origin = Origin::parse("http://127.0.0.1:8765");
  ASSERT_TRUE(origin.has_value());
  EXPECT_FALSE(origin.value().tls);
  EXPECT_EQ(origin.value().host, "127.0.0.1");
  EXPECT_EQ(origin.value().port, 8765);
  EXPECT_EQ(origin.value().base_path, "");
  EXPECT_EQ(origin.value().pool_key(), "http://127.0.0.1:8765");
}

TEST(OriginParse, HttpDefaultsToPort80) {
  auto const origin = Origin::parse("http://localhost");
  ASSERT_TRUE(origin.has_value());
  EXPECT_EQ(origin.value().port, 80);
}

TEST(OriginParse, TrailingSlashesOfBasePathAreDropped) {
  auto const origin = Origin::parse("https://api.gateio.ws/api/v4//");
  ASSERT_TRUE(origin.has_value());
  EXPECT_EQ(origin.value().base_path, "/api/v4");
  EXPECT_EQ(Origin::parse("https://api.gateio.ws/").value().base_path, "");
}

TEST(OriginParse, Ipv6LiteralKeepsBrackets) {
  auto const origin = Origin::parse("http://[::1]:8080/x");
  ASSERT_TRUE(origin.has_value());
  EXPECT_EQ(origin.value().host, "[::1]");
  EXPECT_EQ(origin.value().port, 8080);
  EXPECT_EQ(origin.value().pool_key(), "http://[::1]:8080");
}

TEST(OriginParse, SchemeSelectsPoolKeyEvenOnSamePort) {
  EXPECT_NE(Origin::parse("http://h:8443").value().pool_key(),
            Origin::parse("https://h:8443").value().pool_key());
}

class OriginParseRejects : public ::testing::TestWithParam<char const*> {};

TEST_P(OriginParseRejects, WithUrlCode) {
  auto const origin = Origin::parse(GetParam());
  ASSERT_FALSE(origin.has_value()) << GetParam();
  EXPECT_EQ(origin.error().code, "net.url");
  EXPECT_EQ(origin.error().layer, core::ErrorLayer::validation);
  EXPECT_FALSE(origin.error().retryable());
}

INSTANTIATE_TEST_SUITE_P(BadUrls, OriginParseRejects,
                         ::testing::Values("", "api.gateio.ws", "/api/v4", "ftp://example.com",
                                           "wss://api.gateio.ws/ws/v4/", "https://", "http:///path",
                                           "https://h:0", "https://h:65536",
                                           "https://h:99999999999", "https://h:12ab",
                                           "https://h/api?x=1", "https://h/api#frag",
                                           "https://h/a b"));

}  // namespace
}  // namespace tradelink::net
