// Who may use the admin API: loopback peers, and remote peers only with the admin token.
#include "sandbox/service/admin/admin_access.hpp"

#include <gtest/gtest.h>

#include "unit/sandbox/service/admin_client.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

TEST(AdminAccess, OnlyTheLoopbackAddressesCountAsLocal) {
  EXPECT_TRUE(admin::is_loopback_peer("127.0.0.1"));
  EXPECT_TRUE(admin::is_loopback_peer("::1"));
  EXPECT_TRUE(admin::is_loopback_peer("::ffff:127.0.0.1"));
  EXPECT_FALSE(admin::is_loopback_peer("127.0.0.2"));
  EXPECT_FALSE(admin::is_loopback_peer("10.0.0.1"));
  EXPECT_FALSE(admin::is_loopback_peer(""));
}

class AdminAccessTest : public SandboxTest {};

TEST_F(AdminAccessTest, LoopbackPeerIsServed) {
  auto reply = call_from("127.0.0.1", server_->port(), "GET", "/sandbox/v1/health");
  EXPECT_EQ(reply.status, 200U) << reply.body;
  EXPECT_EQ(reply.text("status"), "ok");
}

TEST_F(AdminAccessTest, RemotePeerWithoutTokenIsRefused) {
  auto reply = call_from("127.0.0.2", server_->port(), "GET", "/sandbox/v1/health");
  EXPECT_EQ(reply.status, 403U) << reply.body;
  EXPECT_EQ(reply.label(), "FORBIDDEN");
  // A bearer token means nothing while the server has none configured.
  reply = call_from("127.0.0.2", server_->port(), "GET", "/sandbox/v1/health",
                    {{"Authorization", "Bearer "}});
  EXPECT_EQ(reply.status, 403U) << reply.body;
}

TEST_F(AdminAccessTest, GateApiStaysOpenToRemotePeers) {
  auto reply = call_from("127.0.0.2", server_->port(), "GET", "/api/v4/spot/time");
  EXPECT_EQ(reply.status, 200U) << reply.body;
}

class AdminTokenTest : public SandboxTest {
 protected:
  AdminTokenTest() { options_.admin_token = "s3cret-admin-token"; }
};

TEST_F(AdminTokenTest, RemotePeerWithTheTokenIsServed) {
  auto reply = call_from("127.0.0.2", server_->port(), "GET", "/sandbox/v1/health",
                         {{"Authorization", "Bearer s3cret-admin-token"}});
  EXPECT_EQ(reply.status, 200U) << reply.body;
}

TEST_F(AdminTokenTest, RemotePeerWithAWrongTokenIsRefused) {
  for (std::string const authorization : {"Bearer s3cret-admin-tokem", "Bearer s3cret-admin-token2",
                                          "s3cret-admin-token", "Basic s3cret-admin-token"}) {
    auto reply = call_from("127.0.0.2", server_->port(), "GET", "/sandbox/v1/health",
                           {{"Authorization", authorization}});
    EXPECT_EQ(reply.status, 403U) << authorization;
    EXPECT_EQ(reply.label(), "FORBIDDEN");
  }
}

}  // namespace
}  // namespace tradelink::sandbox::test
