#pragma once
// What the platform benchmarks stand on: an in-process sandbox exchange (market simulator off,
// rate limits off), a temporary SQLite store, a vault, Gate's key checker pointed at the sandbox
// over loopback, a KeyService and one platform user. The benchmark, not a user, binds and syncs
// hundreds of keys a second from one address: with Gate's limits on, the sandbox would answer
// part of the calls with TOO_MANY_REQUESTS and the figures would measure the limiter.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "crypto/vault.hpp"
#include "platform/keys/key_service.hpp"
#include "sandbox/service/sandbox_server.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "venues/gateio/keys/gate_key_checker.hpp"

namespace tradelink::bench {

/// Unix ms, the platform services' clock.
[[nodiscard]] std::int64_t wall_now_ms();

class PlatformOnSandbox {
 public:
  /// Throws when any part cannot start (a benchmark set-up failure, not a measured path).
  explicit PlatformOnSandbox(std::string const& name);
  ~PlatformOnSandbox();
  PlatformOnSandbox(PlatformOnSandbox const&) = delete;
  PlatformOnSandbox& operator=(PlatformOnSandbox const&) = delete;

  [[nodiscard]] sandbox::SandboxServer& sandbox() { return *sandbox_; }
  [[nodiscard]] std::string rest_url() const { return sandbox_->base_url() + "/api/v4"; }
  [[nodiscard]] store::SqliteStore& store() { return *store_; }
  [[nodiscard]] crypto::Vault const& vault() const { return *vault_; }
  [[nodiscard]] platform::keys::KeyService& keys() { return *keys_; }
  [[nodiscard]] std::int64_t user_id() const { return user_id_; }

 private:
  void turn_off_rate_limits();

  std::filesystem::path directory_;
  std::unique_ptr<sandbox::SandboxServer> sandbox_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<crypto::Vault> vault_;
  std::unique_ptr<gateio::GateKeyChecker> checker_;
  std::unique_ptr<platform::keys::KeyService> keys_;
  std::int64_t user_id_ = 0;
};

}  // namespace tradelink::bench
