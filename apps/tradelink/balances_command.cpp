#include "balances_command.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api/json_views.hpp"
#include "platform/sync/sync_service.hpp"
#include "platform_context.hpp"
#include "secret_input.hpp"
#include "stop_signal.hpp"
#include "venues/gateio/ws/gate_account_feed.hpp"

namespace tradelink::cli {
namespace {

namespace json = boost::json;
using platform::sync::BindingBalances;

/// Exit codes for scripts: 3 when a binding could not be synced (not connected, key refused,
/// or no snapshot within --timeout).
enum Exit : int { ok = 0, failed = 1, usage = 2, not_synced = 3 };

struct BalancesArguments {
  PlatformSettings platform;
  std::string user;
  std::string binding_id;  ///< empty: every connected binding of the user
  bool watch = false;
  bool json = false;
  int timeout_s = 30;
};

int fail(core::Error const& error) {
  fmt::print(stderr, "error: {}\n  {}\n", error.code, error.message);
  return error.layer == core::ErrorLayer::validation ? usage : failed;
}

/// The acting user: an API token from $TRADELINK_TOKEN, else --user with a password.
core::Result<std::int64_t> acting_user(PlatformContext& context, std::string const& email) {
  if (char const* token = std::getenv("TRADELINK_TOKEN"); token != nullptr && *token != '\0') {
    auto identity = context.users().authenticate_api_token(token, now_ms());
    if (!identity) return identity.error();
    return identity->user_id;
  }
  if (email.empty()) {
    return core::validation_error("cli.unauthenticated",
                                  "set TRADELINK_TOKEN to an API token or pass --user EMAIL");
  }
  auto password = read_secret("TRADELINK_PASSWORD", "Password: ");
  if (!password) return core::validation_error("cli.password", "no password given");
  auto login = context.users().log_in(email, password->reveal(), now_ms());
  if (!login) return login.error();
  (void)context.users().log_out(login->token.reveal());
  return login->user_id;
}

std::string human_balances(BindingBalances const& balances) {
  auto const& health = balances.health;
  std::string out = fmt::format("{}  {}  synced {} ms ago  lag {} ms  drift {}  reconnects {}\n",
                                balances.binding_id, health.socket_state,
                                health.synced_at_ms ? now_ms() - *health.synced_at_ms : -1,
                                health.lag_ms, health.drift_count, health.reconnects);
  if (health.last_error) out += fmt::format("  last error: {}\n", *health.last_error);
  out += fmt::format("  {:<8} {:<8} {:>24} {:>24} {:>24}\n", "account", "currency", "available",
                     "locked", "total");
  for (auto const& line : balances.lines) {
    out += fmt::format("  {:<8} {:<8} {:>24} {:>24} {:>24}\n", line.account, line.currency,
                       line.available.to_string(), line.locked.to_string(), line.total.to_string());
  }
  return out;
}

/// Waits for each binding's first snapshot (or a refusal) up to the deadline.
std::vector<core::Result<BindingBalances>> wait_synced(platform::sync::SyncService const& sync,
                                                       std::int64_t user_id,
                                                       std::vector<std::string> const& ids,
                                                       std::chrono::seconds timeout) {
  auto const deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<core::Result<BindingBalances>> results;
  for (std::string const& id : ids) {
    for (;;) {
      auto balances = sync.balances(user_id, id);
      bool const settled = balances && balances->health.socket_state != "connecting";
      if (settled || std::chrono::steady_clock::now() >= deadline) {
        results.push_back(std::move(balances));
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
  }
  return results;
}

int run(BalancesArguments const& arguments) {
  if (arguments.watch) block_stop_signals();  // before the sync threads start
  auto context = PlatformContext::open(arguments.platform);
  if (!context) return fail(context.error());
  auto user_id = acting_user(**context, arguments.user);
  if (!user_id) return fail(user_id.error());

  gateio::AccountFeedOptions feed_options;
  feed_options.base_url = resolved_gate_url(arguments.platform);
  auto feeds = gateio::GateAccountFeedFactory::create(std::move(feed_options));
  if (!feeds) return fail(feeds.error());
  platform::sync::SyncService sync((*context)->store(), (*context)->keys(),
                                   platform::sync::FeedDirectory{{"gateio", feeds->get()}},
                                   platform::sync::SyncOptions{}, now_ms);

  std::vector<std::string> ids;
  if (!arguments.binding_id.empty()) {
    ids.push_back(arguments.binding_id);
  } else {
    auto bindings = (*context)->keys().list(*user_id);
    if (!bindings) return fail(bindings.error());
    for (auto const& binding : *bindings) {
      if (binding.status == platform::keys::BindingStatus::connected) ids.push_back(binding.id);
    }
  }
  for (std::string const& id : ids) {
    if (auto started = sync.start(*user_id, id); !started) return fail(started.error());
  }

  int code = ok;
  json::array all;
  auto const results =
      wait_synced(sync, *user_id, ids, std::chrono::seconds{std::max(1, arguments.timeout_s)});
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i]) {
      fmt::print(stderr, "{}: {}\n", ids[i], results[i].error().message);
      code = not_synced;
      continue;
    }
    if (results[i]->health.socket_state == "auth_failed") code = not_synced;
    if (arguments.json) {
      all.push_back(api::balances_json(*results[i]));
    } else {
      fmt::print("{}", human_balances(*results[i]));
    }
  }
  if (arguments.json) fmt::print("{}\n", json::serialize(all));
  std::fflush(stdout);
  if (!arguments.watch) return code;

  std::mutex output;
  auto watch = sync.watch(*user_id, [&](BindingBalances const& balances) {
    std::lock_guard const lock(output);
    if (arguments.json) {
      fmt::print("{}\n", json::serialize(api::balances_json(balances)));
    } else {
      fmt::print("{}", human_balances(balances));
    }
    std::fflush(stdout);
  });
  wait_for_stop_signal();
  watch.reset();
  return code;
}

}  // namespace

void add_balances_command(CLI::App& app) {
  auto arguments = std::make_shared<BalancesArguments>();
  auto* command = app.add_subcommand(
      "balances", "Balances of your key bindings, synced live with the exchange");
  add_platform_options(*command, arguments->platform);
  command->add_option("id", arguments->binding_id, "One binding (default: every connected one)");
  command->add_option("--user", arguments->user,
                      "Act as this user (password from $TRADELINK_PASSWORD or a prompt); "
                      "default: $TRADELINK_TOKEN");
  command->add_flag("--watch", arguments->watch, "Keep printing every change until Ctrl-C");
  command->add_flag("--json", arguments->json, "JSON output (one object per change with --watch)");
  command
      ->add_option("--timeout", arguments->timeout_s,
                   "Seconds to wait for the first snapshot of each binding")
      ->capture_default_str();
  command->callback([arguments] {
    int const code = run(*arguments);
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace tradelink::cli
