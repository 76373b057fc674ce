#pragma once
// `tradelink demo`: the sandbox exchange in-process, a funded demo exchange account with five
// demo keys, a demo platform login, and the platform serving the web UI, until Ctrl-C.

#include <CLI/CLI.hpp>

namespace tradelink::cli {

void add_demo_command(CLI::App& app);

}  // namespace tradelink::cli
