#include "platform_context.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "crypto/master_key.hpp"

namespace tradelink::cli {
namespace {

std::string env_or(char const* name, std::string fallback) {
  char const* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : std::move(fallback);
}

core::Result<crypto::MasterKey> master_key(std::filesystem::path const& data_dir) {
  if (char const* text = std::getenv(std::string(crypto::master_key_environment_variable).c_str());
      text != nullptr && *text != '\0') {
    return crypto::master_key_from_text(text);
  }
  return crypto::load_or_create_master_key(data_dir / "master.key");
}

}  // namespace

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string resolved_gate_url(PlatformSettings const& settings) {
  return settings.gate_url.empty() ? env_or("TRADELINK_GATE_URL", gateio::live_rest_base_url)
                                   : settings.gate_url;
}

void add_platform_options(CLI::App& command, PlatformSettings& settings) {
  command.add_option("--data", settings.data_dir, "Data directory (database, master key)")
      ->capture_default_str();
  command.add_option("--gate-url", settings.gate_url,
                     "Gate.io API v4 base URL (default: $TRADELINK_GATE_URL, else Gate.io)");
  command.add_option("--egress-ip", settings.egress_ips,
                     "This platform's public address, shown for IP whitelists (repeatable)");
  command.add_flag("--allow-withdraw-with-ip-whitelist", settings.allow_withdraw_with_ip_whitelist,
                   "Accept keys that can withdraw when they are bound to IP addresses");
}

core::Result<std::unique_ptr<PlatformContext>> PlatformContext::open(
    PlatformSettings const& settings) {
  std::filesystem::path const data_dir(settings.data_dir);
  std::error_code error;
  std::filesystem::create_directories(data_dir, error);
  if (error) {
    return core::validation_error(
        "platform.data_dir",
        "cannot create the data directory " + data_dir.string() + ": " + error.message());
  }
  std::unique_ptr<PlatformContext> context(new PlatformContext());
  auto store = store::SqliteStore::open(data_dir / "tradelink.db");
  if (!store) return store.error();
  context->store_ = std::move(*store);
  auto key = master_key(data_dir);
  if (!key) return key.error();
  context->vault_ = std::make_unique<crypto::Vault>(std::move(*key));

  gateio::KeyCheckerOptions gate;
  gate.base_url = resolved_gate_url(settings);
  auto checker = gateio::GateKeyChecker::create(std::move(gate));
  if (!checker) return checker.error();
  context->gate_ = std::move(*checker);

  platform::keys::KeyPolicy policy;
  policy.egress_ips = settings.egress_ips;
  policy.allow_withdraw_with_ip_whitelist = settings.allow_withdraw_with_ip_whitelist;
  context->users_ = std::make_unique<platform::users::UserService>(*context->store_);
  context->keys_ = std::make_unique<platform::keys::KeyService>(
      *context->store_, *context->vault_,
      platform::keys::CheckerDirectory{{"gateio", context->gate_.get()}}, std::move(policy),
      now_ms);
  return context;
}

}  // namespace tradelink::cli
