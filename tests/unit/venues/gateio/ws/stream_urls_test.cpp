// Private stream URLs derived from the REST base URL (gateio-v4.md §1).
#include "venues/gateio/ws/stream_urls.hpp"

#include <gtest/gtest.h>

namespace tradelink::gateio {
namespace {

TEST(StreamUrls, LiveTestnetAndSandbox) {
  auto live = stream_urls_for("https://api.gateio.ws/api/v4");
  ASSERT_TRUE(live.has_value());
  EXPECT_EQ(live->spot, "wss://api.gateio.ws/ws/v4/");
  EXPECT_EQ(live->futures, "wss://fx-ws.gateio.ws/v4/ws/usdt");

  auto testnet = stream_urls_for("https://api-testnet.gateapi.io/api/v4");
  ASSERT_TRUE(testnet.has_value());
  EXPECT_EQ(testnet->spot, "wss://ws-testnet.gate.com/v4/ws/spot");
  EXPECT_EQ(testnet->futures, "wss://ws-testnet.gate.com/v4/ws/futures/usdt");

  auto sandbox = stream_urls_for("http://127.0.0.1:8765/api/v4");
  ASSERT_TRUE(sandbox.has_value());
  EXPECT_EQ(sandbox->spot, "ws://127.0.0.1:8765/ws/v4/");
  EXPECT_EQ(sandbox->futures, "ws://127.0.0.1:8765/v4/ws/usdt");
}

TEST(StreamUrls, NotAnHttpUrl) {
  for (std::string_view url : {"ftp://x/api/v4", "http:///api/v4", "api.gateio.ws"}) {
    auto urls = stream_urls_for(url);
    ASSERT_FALSE(urls.has_value()) << url;
    EXPECT_EQ(urls.error().code, "net.url");
  }
}

}  // namespace
}  // namespace tradelink::gateio
