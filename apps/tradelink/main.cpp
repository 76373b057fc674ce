// tradelink command line.
#include <CLI/CLI.hpp>

#include "balances_command.hpp"
#include "demo_command.hpp"
#include "gate_commands.hpp"
#include "keys_command.hpp"
#include "sandbox_command.hpp"
#include "serve_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"tradelink: self-hosted crypto trading platform"};
  app.require_subcommand(1);
  tradelink::cli::add_gate_commands(app);
  tradelink::cli::add_sandbox_command(app);
  tradelink::cli::add_keys_command(app);
  tradelink::cli::add_users_command(app);
  tradelink::cli::add_balances_command(app);
  tradelink::cli::add_serve_command(app);
  tradelink::cli::add_demo_command(app);
  try {
    app.parse(argc, argv);
  } catch (CLI::ParseError const& error) {
    return app.exit(error);
  }
  return 0;
}
