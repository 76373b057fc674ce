#include "gate_commands.hpp"

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "secret_input.hpp"
#include "venues/gateio/rest/blocking.hpp"
#include "venues/gateio/rest/rest_client.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::cli {
namespace {

constexpr char const* secret_env = "TRADELINK_GATE_SECRET";

/// Exit codes for scripts.
enum Exit : int { ok = 0, usage = 2, exchange_error = 3, transport_error = 4 };

std::string default_base_url() {
  char const* from_env = std::getenv("TRADELINK_GATE_URL");
  return from_env != nullptr && *from_env != '\0' ? from_env : gateio::live_rest_base_url;
}

int report(gateio::GateError const& error) {
  core::Error const core_error = error.to_core();
  fmt::print(stderr, "error: {}\n  {}\n", core_error.code, core_error.message);
  return error.category == gateio::ErrorCategory::transport ? transport_error : exchange_error;
}

struct SignOptions {
  std::string key;
  std::string method = "GET";
  std::string path;
  std::string query;
  std::string body;
  std::optional<std::string> timestamp;
};

int run_sign(SignOptions const& options) {
  auto secret = read_secret(secret_env, "API secret: ");
  if (!secret) {
    fmt::print(stderr, "error: no secret (set {} or pipe it on standard input)\n", secret_env);
    return usage;
  }
  gateio::Signer const signer(gateio::Credential(options.key, std::move(*secret)));
  std::string const timestamp =
      options.timestamp.value_or(std::to_string(gateio::system_now_ms() / 1000));
  gateio::RestRequestParts const parts{options.method, options.path, options.query, options.body,
                                       timestamp};
  gateio::RestSignature const signature = signer.sign_rest(parts);
  std::string signature_string = gateio::Signer::rest_signature_string(parts);
  fmt::print("signature string (fields joined by \\n):\n");
  for (std::size_t start = 0;;) {
    auto const end = signature_string.find('\n', start);
    fmt::print("  {}\n", std::string_view(signature_string).substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  fmt::print("headers:\n  KEY: {}\n  Timestamp: {}\n  SIGN: {}\n", signature.key,
             signature.timestamp, gateio::view(signature.sign));
  return ok;
}

std::unique_ptr<gateio::RestClient> make_client(boost::asio::io_context& io, std::string const& base_url,
                                                std::optional<gateio::Credential> credential) {
  gateio::TransportOptions options;
  options.base_url = base_url;
  auto client = gateio::RestClient::create(io, std::move(options), std::move(credential));
  if (!client) {
    fmt::print(stderr, "error: {}: {}\n", client.error().code, client.error().message);
    return nullptr;
  }
  return std::move(*client);
}

int run_time(std::string const& base_url) {
  boost::asio::io_context io;
  auto client = make_client(io, base_url, std::nullopt);
  if (!client) return usage;
  auto offset = gateio::wait_for<std::int64_t>(
      io, [&](auto done) { client->transport().sync_clock(std::move(done)); });
  if (!offset) return report(offset.error());
  auto const& clock = client->transport().clock();
  fmt::print("server time: {} ms\nlocal clock offset: {:+} ms (server minus local, round trip {} ms)\n",
             clock.server_now_ms(), *offset, clock.last_round_trip_ms());
  if (*offset > 60'000 || *offset < -60'000) {
    fmt::print("warning: the local clock is off by more than 60 s; tradelink corrects it when signing\n");
  }
  return ok;
}

int run_balances(std::string const& base_url, std::string const& key) {
  auto secret = read_secret(secret_env, "API secret: ");
  if (!secret) {
    fmt::print(stderr, "error: no secret (set {} or pipe it on standard input)\n", secret_env);
    return usage;
  }
  boost::asio::io_context io;
  auto client = make_client(io, base_url, gateio::Credential(key, std::move(*secret)));
  if (!client) return usage;

  auto spot = gateio::wait_for<std::vector<gateio::SpotAccount>>(
      io, [&](auto done) { client->spot_accounts(std::nullopt, std::move(done)); });
  if (!spot) return report(spot.error());
  fmt::print("spot ({} currencies)\n", spot->size());
  for (auto const& account : *spot) {
    if (account.available.is_zero() && account.locked.is_zero()) continue;
    fmt::print("  {:<10} available {:>24}  locked {:>24}\n", account.currency,
               account.available.to_string(), account.locked.to_string());
  }

  auto futures = gateio::wait_for<gateio::FuturesAccount>(
      io, [&](auto done) { client->futures_accounts(std::move(done)); });
  if (futures) {
    fmt::print("futures (USDT)\n  total {}  available {}  unrealised PnL {}\n",
               futures->total.to_string(), futures->available.to_string(),
               futures->unrealised_pnl.to_string());
  } else {
    fmt::print("futures (USDT): {}\n", futures.error().to_core().message);
  }

  auto total = gateio::wait_for<gateio::TotalBalance>(
      io, [&](auto done) { client->wallet_total_balance("USDT", std::move(done)); });
  if (total) {
    fmt::print("total: {} {}\n", total->total.amount.to_string(), total->total.currency);
  } else {
    fmt::print("total: {}\n", total.error().to_core().message);
  }
  return ok;
}

}  // namespace

void add_gate_commands(CLI::App& app) {
  auto* gate = app.add_subcommand("gate", "Talk to a Gate.io API v4 endpoint (live, testnet or sandbox)");
  gate->require_subcommand(1);

  auto sign_options = std::make_shared<SignOptions>();
  auto* sign = gate->add_subcommand("sign", "Sign a REST request and print the signature string and headers");
  sign->add_option("--key", sign_options->key, "API key")->required();
  sign->add_option("--method", sign_options->method, "HTTP method")->capture_default_str()
      ->check(CLI::IsMember({"GET", "POST", "PUT", "PATCH", "DELETE"}));
  sign->add_option("--path", sign_options->path, "path starting at /api/v4")->required();
  sign->add_option("--query", sign_options->query, "query string as sent, without '?'");
  sign->add_option("--body", sign_options->body, "exact body bytes");
  sign->add_option("--timestamp", sign_options->timestamp, "Unix seconds (default: now)");
  sign->final_callback([sign_options] { throw CLI::RuntimeError(run_sign(*sign_options)); });

  auto base_url = std::make_shared<std::string>(default_base_url());
  auto* time = gate->add_subcommand("time", "Read the server time and the local clock offset");
  time->add_option("--base-url", *base_url, "REST base URL (env TRADELINK_GATE_URL)")->capture_default_str();
  time->final_callback([base_url] { throw CLI::RuntimeError(run_time(*base_url)); });

  auto key = std::make_shared<std::string>();
  auto* balances = gate->add_subcommand("balances", "Read spot, futures and total balances of a key");
  balances->add_option("--base-url", *base_url, "REST base URL (env TRADELINK_GATE_URL)")->capture_default_str();
  balances->add_option("--key", *key, "API key (secret from TRADELINK_GATE_SECRET or stdin)")->required();
  balances->final_callback([base_url, key] { throw CLI::RuntimeError(run_balances(*base_url, *key)); });
}

}  // namespace tradelink::cli
