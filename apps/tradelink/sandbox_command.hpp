#pragma once
// `tradelink sandbox`: runs the Gate.io-v4-compatible sandbox exchange until SIGINT/SIGTERM.

namespace CLI {
class App;
}

namespace tradelink::cli {

void add_sandbox_command(CLI::App& app);

}  // namespace tradelink::cli
