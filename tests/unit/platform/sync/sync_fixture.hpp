#pragma once
// Account sync against the real sandbox: a SandboxServer on an ephemeral loopback port (market
// simulator off, so only the test moves balances), a temporary SQLite store, a key service that
// binds keys through Gate's KeyChecker, and a SyncService whose feeds are Gate's, with short
// intervals so that recovery paths run within a test. Waits are on conditions with generous
// deadlines, never on durations.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/vault.hpp"
#include "platform/keys/key_service.hpp"
#include "platform/sync/sync_service.hpp"
#include "sandbox/service/sandbox_server.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"
#include "venues/gateio/keys/gate_key_checker.hpp"
#include "venues/gateio/ws/gate_account_feed.hpp"

namespace tradelink::platform::sync::test {

/// An exchange account with a trading key, bound and syncing on the platform.
struct SyncedAccount {
  std::int64_t exchange_user = 0;
  std::string api_key;
  std::string binding_id;
  core::Scope scope = core::Scope::both;
};

class SyncTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Sync timing short enough for recovery paths to run within a test.
  static SyncOptions fast_options();
  void start_service(SyncOptions options = fast_options());

  // --- sandbox side --------------------------------------------------------------------------
  std::int64_t new_exchange_user();
  void deposit(std::int64_t exchange_user, sandbox::Account account, std::string const& currency,
               std::string const& amount);
  void place_spot(std::int64_t exchange_user, std::string const& pair, sandbox::Side side,
                  std::string const& amount, std::string const& price);
  void place_futures(std::int64_t exchange_user, std::string const& contract,
                     std::string const& size, std::string const& price);
  void set_mark_price(std::string const& contract, std::string const& price);
  /// The sandbox's own numbers for the user, as platform balance lines (the scope's accounts,
  /// empty lines left out), sorted by account and currency name.
  std::vector<BalanceLine> sandbox_lines(std::int64_t exchange_user, core::Scope scope);

  // --- platform side -------------------------------------------------------------------------
  /// A funded exchange account whose key is bound (status connected) and syncing.
  SyncedAccount synced_account(core::Scope scope = core::Scope::both);
  /// Waits until `condition` holds (checked every few ms), at most `deadline`.
  [[nodiscard]] static bool eventually(std::function<bool()> const& condition,
                                       std::chrono::seconds deadline = std::chrono::seconds{30});
  /// The platform's view, or nullopt while not synced.
  std::optional<BindingBalances> view_of(std::string const& binding_id);
  /// Waits until the platform shows exactly the sandbox's balances and the stream is live.
  [[nodiscard]] bool converges(SyncedAccount const& account);

  static std::int64_t now_ms();

  tradelink::test::TempDir directory_;
  std::unique_ptr<sandbox::SandboxServer> server_;
  std::unique_ptr<store::SqliteStore> store_;
  std::optional<crypto::Vault> vault_;
  std::unique_ptr<gateio::GateKeyChecker> checker_;
  std::unique_ptr<keys::KeyService> keys_;
  std::unique_ptr<gateio::GateAccountFeedFactory> feeds_;
  std::unique_ptr<SyncService> service_;
  std::int64_t user_ = 0;
};

/// "spot USDT 10/0/10 | ..." for failure messages.
std::string describe(std::vector<BalanceLine> const& lines);

}  // namespace tradelink::platform::sync::test
