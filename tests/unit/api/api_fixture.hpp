#pragma once
// The platform API against the real sandbox: a SandboxServer on an ephemeral loopback port, a
// temporary SQLite store, the user and key services, and an ApiServer on another loopback port,
// called over real HTTP. Every response body the test receives is kept, so a test can assert
// that no planted secret ever came back.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "api/api_server.hpp"
#include "crypto/vault.hpp"
#include "net/http_client.hpp"
#include "platform/keys/key_service.hpp"
#include "platform/users/user_service.hpp"
#include "sandbox/service/sandbox_server.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"
#include "venues/gateio/keys/gate_key_checker.hpp"

namespace tradelink::api::test {

/// A key made in the sandbox, with its secret and its exchange account.
struct SandboxKey {
  std::string key;
  std::string secret;
  std::int64_t exchange_user_id = 0;
};

/// How the test authenticates: a browser session (cookie + CSRF token) or a bearer token.
struct Auth {
  std::string cookie;  ///< "tl_session=…"
  std::string csrf;
  std::string bearer;  ///< "tl_…"
  std::int64_t user_id = 0;
};

struct Reply {
  unsigned status = 0;
  std::vector<net::Header> headers;
  std::string body;
  boost::json::value json;  ///< null when the body is not JSON

  [[nodiscard]] std::string header(std::string_view name) const;
  /// json["error"]["code"], or empty.
  [[nodiscard]] std::string error_code() const;
};

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Sends a request to the API. `auth` adds the cookie (and CSRF token unless `with_csrf` is
  /// false) or the bearer token.
  Reply call(net::Method method, std::string const& target, std::string body = {},
             Auth const* auth = nullptr, bool with_csrf = true,
             std::vector<net::Header> extra_headers = {});
  Reply get(std::string const& target, Auth const* auth = nullptr) {
    return call(net::Method::get, target, {}, auth);
  }
  Reply post(std::string const& target, std::string body, Auth const* auth = nullptr) {
    return call(net::Method::post, target, std::move(body), auth);
  }

  /// Signs a user up through the API and returns their session.
  Auth sign_up(std::string const& email);
  /// A bearer token for `session`'s user, made through the API.
  Auth token_for(Auth const& session);
  /// Binds `key` through the API; returns the reply.
  Reply bind(Auth const& auth, SandboxKey const& key, std::string const& scope = "both",
             std::string const& label = "test key");

  /// A new exchange account with funded spot and futures accounts.
  std::int64_t new_exchange_user();
  /// A key of `exchange_user`: spot + futures read & write, wallet read (what tradelink asks).
  SandboxKey make_key(std::int64_t exchange_user, std::vector<sandbox::KeyPermission> perms = {},
                      std::vector<std::string> ip_whitelist = {}, bool withdraw = false);
  SandboxKey good_key() { return make_key(new_exchange_user()); }

  /// What the API's binding observers were told: "changed <id> <status>", "removed <id>".
  std::vector<std::string> observed();

  /// What the API reads balances from; a fixture sets it before SetUp (null: no sync).
  platform::sync::BalanceView* balance_view_ = nullptr;
  /// Every secret the sandbox handed out in this test.
  std::vector<std::string> planted_secrets_;
  /// Every response body this test received.
  std::string transcript_;

  tradelink::test::TempDir directory_;
  std::unique_ptr<sandbox::SandboxServer> sandbox_;
  std::unique_ptr<store::SqliteStore> store_;
  std::optional<crypto::Vault> vault_;
  std::unique_ptr<gateio::GateKeyChecker> checker_;
  std::unique_ptr<platform::users::UserService> users_;
  std::unique_ptr<platform::keys::KeyService> keys_;
  std::unique_ptr<ApiServer> api_;
  boost::asio::io_context io_;
  std::unique_ptr<net::HttpClient> client_;
  net::Origin origin_;
  std::mutex observed_mutex_;
  std::vector<std::string> observed_;
};

}  // namespace tradelink::api::test
