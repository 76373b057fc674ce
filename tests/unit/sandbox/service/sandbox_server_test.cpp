// The sandbox server end to end over loopback sockets: routing, Gate's error shapes and the
// signature checks, driven by tradelink's own Gate REST client.
#include <gtest/gtest.h>

#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

class SandboxServerTest : public SandboxTest {};

TEST_F(SandboxServerTest, ServesServerTimeOnTheSandboxClock) {
  auto rest = client(nullptr);
  std::int64_t const before = server_->venue().clock().now_ms();
  auto time = run<gateio::ServerTime>([&](auto done) { rest->server_time(done); });
  ASSERT_TRUE(time.has_value()) << time.error().message;
  EXPECT_GE(time->server_time_ms, before);
  EXPECT_LE(time->server_time_ms, server_->venue().clock().now_ms());
}

}  // namespace
}  // namespace tradelink::sandbox::test
