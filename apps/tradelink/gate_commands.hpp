#pragma once
// `tradelink gate ...`: talk to a Gate.io API v4 endpoint (live, testnet or the sandbox) from
// the command line: sign a request, read the server time and clock offset, read balances.

namespace CLI {
class App;
}

namespace tradelink::cli {

/// Adds the `gate` subcommand tree to `app`.
void add_gate_commands(CLI::App& app);

}  // namespace tradelink::cli
