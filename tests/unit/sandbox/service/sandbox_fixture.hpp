#pragma once
// A sandbox started on an ephemeral loopback port, with a user, funds and keys made through the
// venue, and tradelink's own Gate REST client pointed at it over real sockets.

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "sandbox/service/sandbox_server.hpp"
#include "venues/gateio/rest/blocking.hpp"
#include "venues/gateio/rest/rest_client.hpp"

namespace tradelink::sandbox::test {

/// A key created directly in the venue, with its secret.
struct TestKey {
  std::string key;
  std::string secret;
  std::int64_t user_id = 0;
};

class SandboxTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// A new user with a key holding `perms` (name, read_only); full spot/futures/wallet/account
  /// read-write when empty.
  TestKey make_user_key(std::vector<KeyPermission> perms = {}, std::vector<std::string> ip_whitelist = {});
  /// Credits the user's spot account.
  void deposit(std::int64_t user_id, std::string const& currency, std::string const& amount);

  /// Our REST client for `key` (public calls only when null).
  std::unique_ptr<gateio::RestClient> client(TestKey const* key);

  template <class T, class Start>
  gateio::GateResult<T> run(Start&& start) {
    return gateio::wait_for<T>(io_, std::forward<Start>(start));
  }

  /// Options for the server before SetUp starts it (tests may change them in their constructor).
  SandboxOptions options_;
  std::unique_ptr<SandboxServer> server_;
  boost::asio::io_context io_;
};

}  // namespace tradelink::sandbox::test
