// The API's parts on their own: the log-in limiter's window, routing, header parsing, the
// metrics exposition and the static site.

#include <gtest/gtest.h>

#include <chrono>
#include <variant>

#include "api/api_request.hpp"
#include "api/login_limiter.hpp"
#include "api/metrics.hpp"
#include "api/router.hpp"
#include "api/static_site.hpp"

namespace tradelink::api {
namespace {

using namespace std::chrono_literals;

TEST(LoginLimiter, HoldsAPairBackUntilItsOldestFailureLeavesTheWindow) {
  LoginLimiter limiter({.max_failures = 3, .window = 60s, .max_tracked = 100});
  for (std::int64_t at : {0, 10'000, 20'000}) limiter.record_failure("10.0.0.1", "a@x.io", at);
  auto const wait = limiter.retry_after("10.0.0.1", "A@X.IO", 30'000);
  ASSERT_TRUE(wait.has_value()) << "emails compare without case";
  EXPECT_EQ(*wait, 30s);
  EXPECT_FALSE(limiter.retry_after("10.0.0.2", "a@x.io", 30'000)) << "another address";
  EXPECT_FALSE(limiter.retry_after("10.0.0.1", "b@x.io", 30'000)) << "another email";
  EXPECT_FALSE(limiter.retry_after("10.0.0.1", "a@x.io", 60'000)) << "oldest failure expired";
}

TEST(LoginLimiter, SuccessClearsThePairAndMemoryStaysBounded) {
  LoginLimiter limiter({.max_failures = 2, .window = 60s, .max_tracked = 4});
  limiter.record_failure("ip", "a", 0);
  limiter.record_failure("ip", "a", 1);
  EXPECT_TRUE(limiter.retry_after("ip", "a", 2));
  limiter.record_success("ip", "a");
  EXPECT_FALSE(limiter.retry_after("ip", "a", 2));
  for (int i = 0; i < 50; ++i) {
    limiter.record_failure("ip", "user" + std::to_string(i), 10 + i);
  }
  // Only the most recently active pairs are remembered; the newest is still held back.
  limiter.record_failure("ip", "user49", 100);
  EXPECT_TRUE(limiter.retry_after("ip", "user49", 101));
  EXPECT_FALSE(limiter.retry_after("ip", "user48", 101)) << "one failure only";
}

TEST(Router, MatchesPatternsAndTellsNotFoundFromMethodNotAllowed) {
  Router router;
  auto handler = [](ApiRequest const&, Caller const&) { return net::ServerResponse{}; };
  router.add({"GET", "/api/v1/bindings/{id}", Access::user, handler});
  router.add({"POST", "/api/v1/bindings/{id}/verify", Access::user, handler});

  auto found = router.match("GET", "/api/v1/bindings/kb%5F12");
  ASSERT_TRUE(std::holds_alternative<Router::Match>(found));
  auto const& match = std::get<Router::Match>(found);
  EXPECT_EQ(match.route->pattern, "/api/v1/bindings/{id}");
  EXPECT_EQ(match.params.at("id"), "kb_12");

  EXPECT_EQ(std::get<Router::Miss>(router.match("DELETE", "/api/v1/bindings/kb_12")),
            Router::Miss::method_not_allowed);
  EXPECT_EQ(std::get<Router::Miss>(router.match("GET", "/api/v1/bindings/")),
            Router::Miss::not_found);
  EXPECT_EQ(std::get<Router::Miss>(router.match("GET", "/api/v1/bindings/a/b")),
            Router::Miss::not_found);
  EXPECT_EQ(std::get<Router::Miss>(router.match("GET", "/api/v1/bindings/%zz")),
            Router::Miss::not_found);
}

TEST(RequestParsing, CookiesBearerTokensAndQueryParameters) {
  EXPECT_EQ(cookie_value("a=1; tl_session=abc; b=2", "tl_session"), "abc");
  EXPECT_EQ(cookie_value("tl_session_x=1", "tl_session"), "");
  EXPECT_EQ(bearer_token("Bearer tl_xyz"), "tl_xyz");
  EXPECT_EQ(bearer_token("bearer   tl_xyz "), "tl_xyz");
  EXPECT_EQ(bearer_token("Basic dXNlcjpwYXNz"), "");
  ApiRequest request;
  request.query = "limit=5&cancel_open_orders&label=a%20b+c";
  EXPECT_EQ(request.query_param("limit"), "5");
  EXPECT_EQ(request.query_param("cancel_open_orders"), "");
  EXPECT_EQ(request.query_param("label"), "a b c");
  EXPECT_FALSE(request.query_param("missing"));
  EXPECT_FALSE(percent_decode("%4"));
  EXPECT_FALSE(percent_decode("%g0"));
}

TEST(Metrics, RendersCumulativeHistogramsAndGauges) {
  Metrics metrics;
  metrics.observe("/api/v1/bindings", "GET", 200, 300us);
  metrics.observe("/api/v1/bindings", "GET", 200, 2ms);
  metrics.observe("/api/v1/bindings", "POST", 400, 7s);
  metrics.observe("unmatched", "BREW", 405, 1ms);
  std::string const text =
      metrics.render({{"tradelink_bindings", "Bindings.", {{{{"status", "connected"}}, 3}}}});
  EXPECT_NE(
      text.find(
          R"(tradelink_http_requests_total{route="/api/v1/bindings",method="GET",status="200"} 2)"),
      std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/api/v1/bindings",le="0.000250"} 0)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/api/v1/bindings",le="0.000500"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/api/v1/bindings",le="0.002500"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/api/v1/bindings",le="5.000000"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/api/v1/bindings",le="+Inf"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(_sum{route="/api/v1/bindings"} 7.002300)"), std::string::npos);
  EXPECT_NE(text.find(R"(tradelink_bindings{status="connected"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(route="unmatched",method="other",status="405"} 1)"), std::string::npos);
  EXPECT_EQ(escape_label("a\"b\\c\nd"), R"(a\"b\\c\nd)");
}

TEST(StaticSite, ServesFilesByPathAndTheAppForPages) {
  StaticSite const site(std::vector<SiteFile>{{"index.html", "<html>"}, {"js/app.js", "x()"}});
  auto const script = site.serve("/js/app.js");
  EXPECT_EQ(script.status, 200u);
  EXPECT_EQ(script.body, "x()");
  EXPECT_EQ(site.serve("/").body, "<html>");
  EXPECT_EQ(site.serve("/keys/add").body, "<html>");
  EXPECT_EQ(site.serve("/js/other.js").status, 404u);
  EXPECT_EQ(content_type_of("a/b.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticSite().serve("/").status, 404u);
}

}  // namespace
}  // namespace tradelink::api
