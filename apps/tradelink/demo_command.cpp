#include "demo_command.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "demo_exchange.hpp"
#include "listen_address.hpp"
#include "platform_server.hpp"
#include "sandbox/service/sandbox_server.hpp"
#include "stop_signal.hpp"

namespace tradelink::cli {
namespace {

constexpr std::string_view demo_email = "demo@tradelink.local";
constexpr std::string_view demo_password = "demo-password-2026";

struct DemoArguments {
  DemoArguments() { platform.data_dir = "var/demo"; }

  PlatformSettings platform;
  ServeSettings serve;
  std::string sandbox_listen = "127.0.0.1:8765";
  std::uint64_t seed = 7;
  std::string keys_json;
};

// The demo starts from an empty platform database each time (the sandbox starts empty too, so
// bindings from an earlier run would point at keys that no longer exist).
void forget_previous_demo(std::filesystem::path const& data_dir) {
  std::error_code ignored;
  for (char const* name : {"tradelink.db", "tradelink.db-wal", "tradelink.db-shm"}) {
    std::filesystem::remove(data_dir / name, ignored);
  }
}

bool write_keys_json(std::string const& path, std::string const& url,
                     std::string const& sandbox_url, DemoExchange const& exchange) {
  boost::json::array keys;
  for (DemoKey const& key : exchange.keys) {
    keys.push_back(boost::json::object{{"name", key.name},
                                       {"expectation", key.expectation},
                                       {"key", key.key},
                                       {"secret", key.secret}});
  }
  std::ofstream out(path, std::ios::trunc);
  out << boost::json::serialize(boost::json::object{{"url", url},
                                                    {"email", demo_email},
                                                    {"password", demo_password},
                                                    {"sandbox_url", sandbox_url},
                                                    {"exchange_user_id", exchange.user_id},
                                                    {"keys", keys}});
  return static_cast<bool>(out);
}

void print_welcome(std::string const& url, std::string const& sandbox_url,
                   DemoExchange const& exchange) {
  fmt::print("\ntradelink demo\n\n");
  fmt::print("  open      {}\n", url);
  fmt::print("  log in    {} / {}\n", demo_email, demo_password);
  fmt::print(
      "  exchange  sandbox Gate.io APIv4 at {}/api/v4 (demo account {}: 10,000 USDT,\n"
      "            0.5 BTC and 4 ETH spot, 2,500 USDT futures)\n\n",
      sandbox_url, exchange.user_id);
  fmt::print("  demo keys (sandbox keys: paste them under API Management → Add key)\n");
  for (DemoKey const& key : exchange.keys) {
    fmt::print("    {:<17} {}\n", key.name, key.expectation);
    fmt::print("      API Key  {}\n      Secret   {}\n", key.key, key.secret);
  }
  fmt::print("\n  Ctrl-C stops the demo.\n");
  std::fflush(stdout);
}

int run_demo(DemoArguments arguments) {
  block_stop_signals();
  auto const sandbox_address = parse_listen_address(arguments.sandbox_listen);
  if (!sandbox_address) {
    fmt::print(stderr, "demo: --sandbox-listen wants HOST:PORT, got '{}'\n",
               arguments.sandbox_listen);
    return 2;
  }
  sandbox::SandboxOptions sandbox_options;
  sandbox_options.address = sandbox_address->host;
  sandbox_options.port = sandbox_address->port;
  sandbox_options.seed = arguments.seed;
  auto sandbox = sandbox::SandboxServer::start(sandbox_options);
  if (!sandbox) {
    fmt::print(stderr, "demo: the sandbox exchange cannot start: {}\n", sandbox.error().message);
    return 1;
  }
  std::string const sandbox_url = (*sandbox)->base_url();
  auto exchange = provision_demo_exchange(sandbox_url);
  if (!exchange) {
    fmt::print(stderr, "demo: {}\n", exchange.error().message);
    return 1;
  }

  PlatformSettings& platform = arguments.platform;
  platform.gate_url = sandbox_url + "/api/v4";
  if (platform.egress_ips.empty()) platform.egress_ips = {"127.0.0.1"};
  std::error_code ignored;
  std::filesystem::create_directories(platform.data_dir, ignored);
  forget_previous_demo(platform.data_dir);
  auto context = PlatformContext::open(platform);
  if (!context) {
    fmt::print(stderr, "demo: {}\n", context.error().message);
    return 1;
  }
  auto user = (*context)->users().sign_up(demo_email, demo_password, now_ms());
  if (!user) {
    fmt::print(stderr, "demo: cannot create the demo login: {}\n", user.error().message);
    return 1;
  }
  auto server = PlatformServer::start(**context, platform, arguments.serve);
  if (!server) {
    fmt::print(stderr, "demo: {}\n", server.error().message);
    return 1;
  }
  std::string const url = (*server)->base_url();
  if (!arguments.keys_json.empty() &&
      !write_keys_json(arguments.keys_json, url, sandbox_url, *exchange)) {
    fmt::print(stderr, "demo: cannot write {}\n", arguments.keys_json);
    return 1;
  }
  print_welcome(url, sandbox_url, *exchange);

  wait_for_stop_signal();
  fmt::print("tradelink demo: stopping\n");
  server->reset();
  (*sandbox)->stop();
  return 0;
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto arguments = std::make_shared<DemoArguments>();
  auto* command = app.add_subcommand(
      "demo", "Sandbox exchange with demo keys + the platform and its web UI, until Ctrl-C");
  add_platform_options(*command, arguments->platform);
  add_serve_options(*command, arguments->serve);
  command
      ->add_option("--sandbox-listen", arguments->sandbox_listen,
                   "HOST:PORT of the embedded sandbox exchange")
      ->capture_default_str();
  command->add_option("--seed", arguments->seed, "Seed of the sandbox market simulator")
      ->capture_default_str();
  command->add_option("--keys-json", arguments->keys_json,
                      "Also write the URL, the demo login and the demo keys to this JSON file");
  command->callback([arguments] { std::exit(run_demo(*arguments)); });
}

}  // namespace tradelink::cli
