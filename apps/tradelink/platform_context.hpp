#pragma once
// The platform's services assembled for one process: the SQLite store and master key under the
// data directory, the vault, the Gate.io key checker and the user and key services.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "crypto/vault.hpp"
#include "platform/keys/key_service.hpp"
#include "platform/users/user_service.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "venues/gateio/keys/gate_key_checker.hpp"

namespace tradelink::cli {

/// Where the platform keeps its data and how it reaches the exchange.
struct PlatformSettings {
  std::string data_dir = "var";
  std::string gate_url;  ///< empty: $TRADELINK_GATE_URL, else Gate.io itself
  std::vector<std::string> egress_ips;
  bool allow_withdraw_with_ip_whitelist = false;
};

/// The Gate.io REST base URL: --gate-url, else $TRADELINK_GATE_URL, else Gate.io itself.
[[nodiscard]] std::string resolved_gate_url(PlatformSettings const& settings);

/// Adds --data, --gate-url, --egress-ip and --allow-withdraw-with-ip-whitelist to `command`.
void add_platform_options(CLI::App& command, PlatformSettings& settings);

class PlatformContext {
 public:
  /// Opens (creating when absent) `<data>/tradelink.db` and `<data>/master.key` (or uses
  /// $TRADELINK_MASTER_KEY), and starts the key checker.
  static core::Result<std::unique_ptr<PlatformContext>> open(PlatformSettings const& settings);

  [[nodiscard]] store::Store& store() noexcept { return *store_; }
  [[nodiscard]] platform::users::UserService& users() noexcept { return *users_; }
  [[nodiscard]] platform::keys::KeyService& keys() noexcept { return *keys_; }

 private:
  PlatformContext() = default;

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<crypto::Vault> vault_;
  std::unique_ptr<gateio::GateKeyChecker> gate_;
  std::unique_ptr<platform::users::UserService> users_;
  std::unique_ptr<platform::keys::KeyService> keys_;
};

/// Unix milliseconds now.
[[nodiscard]] std::int64_t now_ms();

}  // namespace tradelink::cli
