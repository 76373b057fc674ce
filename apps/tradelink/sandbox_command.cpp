#include "sandbox_command.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <charconv>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <string>

#include "net/tls_identity.hpp"
#include "sandbox/service/sandbox_server.hpp"

namespace tradelink::cli {
namespace {

struct SandboxArguments {
  std::string listen = "127.0.0.1:8765";
  std::uint64_t seed = 1;
  std::string state_file;
  std::size_t threads = 2;
  bool tls = false;
  bool no_market = false;
  std::string admin_token;
};

// "HOST:PORT" with an IPv4 literal or "[v6]:PORT".
bool split_listen(std::string const& listen, sandbox::SandboxOptions& options) {
  auto const colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string_view const port_text = std::string_view(listen).substr(colon + 1);
  unsigned port = 0;
  auto const [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc{} || end != port_text.data() + port_text.size() || port > 65535) return false;
  options.address = host;
  options.port = static_cast<std::uint16_t>(port);
  return true;
}

int run_sandbox(SandboxArguments const& arguments) {
  sandbox::SandboxOptions options;
  if (!split_listen(arguments.listen, options)) {
    fmt::print(stderr, "sandbox: --listen wants HOST:PORT, got '{}'\n", arguments.listen);
    return 2;
  }
  options.seed = arguments.seed;
  options.threads = arguments.threads;
  options.simulate_market = !arguments.no_market;
  options.admin_token = arguments.admin_token;
  if (!arguments.state_file.empty()) options.state_file = arguments.state_file;
  if (arguments.tls) {
    auto identity = net::make_self_signed_identity(options.address);
    if (!identity) {
      fmt::print(stderr, "sandbox: cannot make a TLS certificate: {}\n", identity.error().message);
      return 1;
    }
    options.tls = std::move(*identity);
  }

  // Block the stop signals before any thread starts, so only sigwait() below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = sandbox::SandboxServer::start(options);
  if (!server) {
    fmt::print(stderr, "sandbox: {}\n", server.error().message);
    return 1;
  }
  std::string const base = (*server)->base_url();
  std::string const websocket = (options.tls ? "wss" : "ws") + base.substr(base.find("://"));
  fmt::print("sandbox: Gate.io APIv4 at {}/api/v4, WebSocket {}/ws/v4/ and {}/v4/ws/usdt, admin "
             "{}/sandbox/v1 (seed {})\n",
             base, websocket, websocket, base, options.seed);
  std::fflush(stdout);

  int signal = 0;
  sigwait(&stop_signals, &signal);
  fmt::print("sandbox: stopping\n");
  (*server)->stop();
  return 0;
}

}  // namespace

void add_sandbox_command(CLI::App& app) {
  auto arguments = std::make_shared<SandboxArguments>();
  auto* command = app.add_subcommand("sandbox", "Run the Gate.io APIv4 sandbox exchange");
  command->add_option("--listen", arguments->listen, "HOST:PORT to listen on")
      ->capture_default_str();
  command->add_option("--seed", arguments->seed, "Seed of the market simulator")->capture_default_str();
  command->add_option("--state", arguments->state_file,
                      "State file: loaded at start when present, written at shutdown");
  command->add_option("--threads", arguments->threads, "Server threads")->capture_default_str();
  command->add_flag("--tls", arguments->tls, "Serve HTTPS/WSS with a generated self-signed certificate");
  command->add_flag("--no-market", arguments->no_market, "Do not run the market simulator");
  command->add_option("--admin-token", arguments->admin_token,
                      "Token that lets non-loopback peers use the admin API");
  command->callback([arguments] { std::exit(run_sandbox(*arguments)); });
}

}  // namespace tradelink::cli
