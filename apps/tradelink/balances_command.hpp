#pragma once
// `tradelink balances [ID] [--watch] [--json]`: the acting user's key bindings synced with their
// exchange accounts (REST snapshot, then the private streams), printed once they are synced, or
// followed live until Ctrl-C.

namespace CLI {
class App;
}

namespace tradelink::cli {

void add_balances_command(CLI::App& app);

}  // namespace tradelink::cli
