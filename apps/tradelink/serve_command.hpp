#pragma once
// `tradelink serve`: the platform API and web UI until Ctrl-C.

#include <CLI/CLI.hpp>

namespace tradelink::cli {

void add_serve_command(CLI::App& app);

}  // namespace tradelink::cli
