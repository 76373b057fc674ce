#pragma once
// `tradelink keys add|verify|list|show|rotate|rm|audit|reseal` and `tradelink users add|token`:
// key bindings and platform accounts from the command line, on the local data directory.

namespace CLI {
class App;
}

namespace tradelink::cli {

void add_keys_command(CLI::App& app);
void add_users_command(CLI::App& app);

}  // namespace tradelink::cli
