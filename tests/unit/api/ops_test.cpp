// Health, readiness, Prometheus metrics and the web UI's files.

#include "unit/api/api_fixture.hpp"

namespace tradelink::api::test {
namespace {

TEST_F(ApiTest, HealthAndReadiness) {
  Reply const health = get("/healthz");
  EXPECT_EQ(health.status, 200u);
  EXPECT_EQ(health.json.at("status").as_string(), "ok");
  Reply const ready = get("/readyz");
  EXPECT_EQ(ready.status, 200u);
  EXPECT_EQ(ready.json.at("store").as_string(), "ok");
  EXPECT_EQ(ready.json.at("sync").as_string(), "unavailable");
}

TEST_F(ApiTest, MetricsCountRequestsPerRouteAndBindingsPerStatus) {
  Auth const alice = sign_up("alice@example.com");
  ASSERT_EQ(bind(alice, good_key()).status, 201u);
  get("/api/v1/bindings", &alice);
  get("/api/v1/bindings", &alice);
  Reply const metrics = get("/metrics");
  ASSERT_EQ(metrics.status, 200u);
  EXPECT_NE(metrics.header("Content-Type").find("text/plain"), std::string::npos);
  std::string const& text = metrics.body;
  EXPECT_NE(
      text.find(
          R"(tradelink_http_requests_total{route="/api/v1/bindings",method="GET",status="200"} 2)"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          R"(tradelink_http_requests_total{route="/api/v1/bindings",method="POST",status="201"} 1)"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          R"(tradelink_http_request_duration_seconds_bucket{route="/api/v1/bindings",le="+Inf"} 3)"),
      std::string::npos);
  EXPECT_NE(text.find(R"(tradelink_bindings{status="connected"} 1)"), std::string::npos);
  EXPECT_NE(text.find("tradelink_event_streams 0"), std::string::npos);
}

TEST_F(ApiTest, ServesTheWebUiWithItsSecurityHeaders) {
  Reply const index = get("/");
  EXPECT_EQ(index.status, 200u);
  EXPECT_NE(index.body.find("tradelink"), std::string::npos);
  EXPECT_NE(index.header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(index.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(get("/keys").status, 200u) << "client-side pages load the app";
  EXPECT_EQ(get("/missing.js").status, 404u);
  EXPECT_EQ(get("/../../etc/passwd").status, 404u);
}

}  // namespace
}  // namespace tradelink::api::test
