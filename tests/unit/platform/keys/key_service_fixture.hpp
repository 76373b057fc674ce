#pragma once
// Key bindings against the real sandbox: a SandboxServer on an ephemeral loopback port, a
// temporary SQLite store, a fresh vault, Gate's KeyChecker pointed at the sandbox's /api/v4 and
// a KeyService whose clock the test can move together with the sandbox's.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/scope.hpp"
#include "crypto/vault.hpp"
#include "platform/keys/key_service.hpp"
#include "sandbox/service/sandbox_server.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"
#include "venues/gateio/keys/gate_key_checker.hpp"

namespace tradelink::platform::keys::test {

inline constexpr std::int64_t day_ms = 24LL * 3600 * 1000;

/// A key created directly in the sandbox, with its secret and owner.
struct SandboxKey {
  std::string key;
  std::string secret;
  std::int64_t exchange_user_id = 0;
};

/// What a sandbox key should allow (the sandbox's KeySpec minus the owner).
struct KeyOptions {
  std::vector<sandbox::KeyPermission> perms = trading_perms();
  bool withdraw_enabled = false;
  std::vector<std::string> ip_whitelist;
  std::vector<std::string> currency_pairs;
  std::optional<std::string> key;
  std::optional<std::string> secret;

  /// Spot and futures read & write, wallet read only, account: what tradelink asks users for.
  static std::vector<sandbox::KeyPermission> trading_perms() {
    return {{"spot", false}, {"futures", false}, {"wallet", true}, {"account", false}};
  }
};

class KeyServiceTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // --- sandbox side ------------------------------------------------------------------------

  /// A new exchange account.
  std::int64_t new_exchange_user();
  /// A key of `exchange_user` in the sandbox.
  SandboxKey make_key(std::int64_t exchange_user, KeyOptions options = {});
  /// A new exchange account with an opened futures account and a trading key.
  SandboxKey trading_key(KeyOptions options = {});
  /// Credits the exchange account's spot or futures account (futures: opens it).
  void deposit(std::int64_t exchange_user, sandbox::Account account, std::string const& currency,
               std::string const& amount);
  /// Changes a sandbox key's mutable fields (perms, whitelists, state, ...).
  void update_key(std::string const& key, std::function<void(sandbox::KeySpec&)> const& change);
  void delete_key(std::string const& key);
  /// Moves the sandbox clock and the key service's clock forward together.
  void advance_clocks(std::int64_t ms);

  // --- platform side -----------------------------------------------------------------------

  /// A tradelink user.
  std::int64_t new_platform_user(std::string const& email);
  /// Binds `key` for `user` through the service under test.
  core::Result<BindingView> bind(std::int64_t user, SandboxKey const& key,
                                 core::Scope scope = core::Scope::both,
                                 std::string label = "test key");
  /// Rebuilds the service with another policy (same store, vault and checker).
  void use_policy(KeyPolicy policy);
  /// The audit events of `binding` (all of the user's when empty), newest first.
  std::vector<store::AuditRecord> audit_of(std::int64_t user, std::string const& binding);
  std::vector<std::string> audit_events(std::int64_t user, std::string const& binding);

  [[nodiscard]] std::int64_t now_ms() const;
  [[nodiscard]] std::filesystem::path database_path() const { return directory_ / "tradelink.db"; }

  /// The policy the service runs with: egress IPs shown in fixes.
  static KeyPolicy default_policy();

  std::unique_ptr<sandbox::SandboxServer> server_;
  tradelink::test::TempDir directory_;
  std::unique_ptr<store::SqliteStore> store_;
  std::optional<crypto::Vault> vault_;
  std::unique_ptr<gateio::GateKeyChecker> checker_;
  std::unique_ptr<KeyService> service_;
  std::atomic<std::int64_t> clock_offset_ms_{0};
  std::int64_t user_ = 0;  ///< a platform user made in SetUp
};

/// The first checklist item named `name`, or nullptr.
CheckItem const* find_check(VerificationReport const& report, std::string const& name);
/// All strings of a report joined (message, fix, notes, checklist details).
std::string all_text(VerificationReport const& report);

}  // namespace tradelink::platform::keys::test
