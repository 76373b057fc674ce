#include "serve_command.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <memory>

#include "platform_server.hpp"
#include "stop_signal.hpp"

namespace tradelink::cli {
namespace {

struct ServeArguments {
  PlatformSettings platform;
  ServeSettings serve;
};

int run_serve(ServeArguments const& arguments) {
  block_stop_signals();
  auto context = PlatformContext::open(arguments.platform);
  if (!context) {
    fmt::print(stderr, "serve: {}\n", context.error().message);
    return 1;
  }
  auto server = PlatformServer::start(**context, arguments.platform, arguments.serve);
  if (!server) {
    fmt::print(stderr, "serve: {}\n", server.error().message);
    return 1;
  }
  fmt::print("tradelink: web UI and API at {} (data in {})\n", (*server)->base_url(),
             arguments.platform.data_dir);
  std::fflush(stdout);
  wait_for_stop_signal();
  fmt::print("tradelink: stopping\n");
  server->reset();
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto arguments = std::make_shared<ServeArguments>();
  auto* command = app.add_subcommand("serve", "Run the platform: HTTP API and web UI");
  add_platform_options(*command, arguments->platform);
  add_serve_options(*command, arguments->serve);
  command->callback([arguments] { std::exit(run_serve(*arguments)); });
}

}  // namespace tradelink::cli
