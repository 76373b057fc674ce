#include "keys_command.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

#include "binding_output.hpp"
#include "crypto/master_key.hpp"
#include "platform/keys/reseal.hpp"
#include "platform_context.hpp"
#include "secret_input.hpp"

namespace tradelink::cli {
namespace {

/// Exit codes for scripts.
enum Exit : int { ok = 0, failed = 1, usage = 2, not_connected = 3 };

constexpr char const* token_env = "TRADELINK_TOKEN";
constexpr char const* password_env = "TRADELINK_PASSWORD";
constexpr char const* secret_env = "TRADELINK_KEY_SECRET";
constexpr char const* passphrase_env = "TRADELINK_KEY_PASSPHRASE";

int fail(core::Error const& error) {
  fmt::print(stderr, "error: {}\n  {}\n", error.code, error.message);
  return error.layer == core::ErrorLayer::validation ? usage : failed;
}

/// Reads a whole file as a secret (keeps inner characters: the service cleans them and says so).
std::optional<crypto::SecretString> read_secret_file(std::string const& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  crypto::SecretString secret(content);
  crypto::secure_wipe(content.data(), content.size());
  return secret;
}

struct CommonArguments {
  PlatformSettings platform;
  std::string user;  ///< email; with a password from $TRADELINK_PASSWORD or the prompt
  bool json = false;
};

/// Opens the platform and finds the acting user: an API token from $TRADELINK_TOKEN, else
/// --user with a password.
struct Session {
  std::unique_ptr<PlatformContext> context;
  std::int64_t user_id = 0;
};

core::Result<Session> open_session(CommonArguments const& arguments) {
  auto context = PlatformContext::open(arguments.platform);
  if (!context) return context.error();
  Session session{std::move(*context), 0};
  if (char const* token = std::getenv(token_env); token != nullptr && *token != '\0') {
    auto identity = session.context->users().authenticate_api_token(token, now_ms());
    if (!identity) return identity.error();
    session.user_id = identity->user_id;
    return session;
  }
  if (arguments.user.empty()) {
    return core::validation_error(
        "cli.unauthenticated",
        std::string("set ") + token_env + " to an API token or pass --user EMAIL");
  }
  auto password = read_secret(password_env, "Password: ");
  if (!password) return core::validation_error("cli.password", "no password given");
  auto login = session.context->users().log_in(arguments.user, password->reveal(), now_ms());
  if (!login) return login.error();
  session.user_id = login->user_id;
  (void)session.context->users().log_out(login->token.reveal());
  return session;
}

int print_binding(platform::keys::BindingView const& binding, bool json) {
  if (json) {
    fmt::print("{}\n", json_binding(binding));
  } else {
    fmt::print("{}", human_binding(binding));
  }
  return binding.status == platform::keys::BindingStatus::connected ? ok : not_connected;
}

struct KeyInput {
  std::string key;
  std::string secret_file;
  std::string passphrase_file;
};

core::Result<crypto::SecretString> secret_of(KeyInput const& input) {
  auto secret = input.secret_file.empty() ? read_secret(secret_env, "API secret: ")
                                          : read_secret_file(input.secret_file);
  if (!secret) {
    return core::validation_error("cli.secret",
                                  std::string("no secret: use --secret-file, set ") + secret_env +
                                      ", pipe it on standard input or type it at the prompt");
  }
  return std::move(*secret);
}

std::optional<crypto::SecretString> passphrase_of(KeyInput const& input) {
  if (!input.passphrase_file.empty()) return read_secret_file(input.passphrase_file);
  if (char const* value = std::getenv(passphrase_env); value != nullptr && *value != '\0') {
    return crypto::SecretString(value);
  }
  return std::nullopt;
}

void add_key_input(CLI::App& command, KeyInput& input) {
  command.add_option("--key", input.key, "API key (the public half)")->required();
  command.add_option("--secret-file", input.secret_file,
                     "File holding the secret (else $TRADELINK_KEY_SECRET, stdin or a prompt)");
  command.add_option("--passphrase-file", input.passphrase_file,
                     "File holding the passphrase, for venues that use one");
}

/// Everything the keys subcommands parse into; shared by their callbacks, so it lives as long
/// as the command line does.
struct KeysArguments {
  CommonArguments common;
  KeyInput add_input;
  std::string label;
  std::string scope_text = "both";
  std::string venue = "gateio";
  std::string id;
  KeyInput rotate_input;
  bool cancel_orders = false;
  std::string audit_id;
  std::size_t limit = 50;
  std::string new_key_file;
  std::int64_t interval_minutes = 24 * 60;
};

template <class Action>
void on_run(CLI::App& command, std::shared_ptr<KeysArguments> const& arguments, Action action) {
  command.callback([arguments, action] {
    auto session = open_session(arguments->common);
    int const code = session ? action(*arguments, *session) : fail(session.error());
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

int rotate_master_key(PlatformSettings const& settings, std::string const& new_key_file) {
  auto context = PlatformContext::open(settings);
  if (!context) return fail(context.error());
  std::filesystem::path const data(settings.data_dir);
  bool const from_env =
      std::getenv(std::string(crypto::master_key_environment_variable).c_str()) != nullptr;
  std::filesystem::path const target =
      new_key_file.empty() ? data / "master.key" : std::filesystem::path(new_key_file);
  if (from_env && new_key_file.empty()) {
    fmt::print(stderr, "error: the master key comes from {}; give --new-key-file for the new one\n",
               crypto::master_key_environment_variable);
    return usage;
  }
  // The new key is written next to the target first, so a crash leaves both keys on disk.
  std::filesystem::path const staged = target.string() + ".new";
  std::filesystem::remove(staged);
  auto next_key = crypto::load_or_create_master_key(staged);
  if (!next_key) return fail(next_key.error());
  crypto::Vault const next(std::move(*next_key));
  auto current_key = from_env ? crypto::master_key_from_text(std::getenv(
                                    std::string(crypto::master_key_environment_variable).c_str()))
                              : crypto::load_or_create_master_key(data / "master.key");
  if (!current_key) return fail(current_key.error());
  crypto::Vault const current(std::move(*current_key));
  auto resealed = platform::keys::reseal_all((*context)->store(), current, next, now_ms());
  if (!resealed) {
    std::filesystem::remove(staged);
    return fail(resealed.error());
  }
  std::filesystem::rename(staged, target);
  fmt::print("re-sealed {} binding(s) under the new master key in {}\n", *resealed,
             target.string());
  return ok;
}

}  // namespace

void add_keys_command(CLI::App& app) {
  auto* keys = app.add_subcommand("keys", "Exchange API key bindings");
  keys->require_subcommand(1);
  auto const arguments = std::make_shared<KeysArguments>();
  KeysArguments& parsed = *arguments;
  CommonArguments& common = parsed.common;
  add_platform_options(*keys, common.platform);
  keys->add_option("--user", common.user,
                   "Act as this user (password from $TRADELINK_PASSWORD or a prompt); default: "
                   "$TRADELINK_TOKEN");
  keys->add_flag("--json", parsed.common.json, "JSON output");

  auto* add = keys->add_subcommand("add", "Bind a key: clean, verify, seal and store it");
  add_key_input(*add, parsed.add_input);
  add->add_option("--label", parsed.label, "A name for the binding");
  add->add_option("--scope", parsed.scope_text, "spot, futures or both")->capture_default_str();
  add->add_option("--venue", parsed.venue, "Exchange")->capture_default_str();
  on_run(*add, arguments, [](KeysArguments& a, Session& session) {
    auto scope = core::parse_scope(a.scope_text);
    if (!scope) return fail(scope.error());
    auto secret = secret_of(a.add_input);
    if (!secret) return fail(secret.error());
    platform::keys::BindRequest request;
    request.venue = a.venue;
    request.label = a.label;
    request.api_key = a.add_input.key;
    request.secret = std::move(*secret);
    request.passphrase = passphrase_of(a.add_input);
    request.scope = *scope;
    auto bound = session.context->keys().bind(session.user_id, std::move(request));
    if (!bound) return fail(bound.error());
    return print_binding(*bound, a.common.json);
  });

  auto* verify = keys->add_subcommand("verify", "Verify a binding against the exchange again");
  verify->add_option("id", parsed.id, "Binding id")->required();
  on_run(*verify, arguments, [](KeysArguments& a, Session& session) {
    auto verified = session.context->keys().verify(session.user_id, a.id);
    if (!verified) return fail(verified.error());
    return print_binding(*verified, a.common.json);
  });

  auto* list = keys->add_subcommand("list", "List your bindings");
  on_run(*list, arguments, [](KeysArguments& a, Session& session) {
    auto bindings = session.context->keys().list(session.user_id);
    if (!bindings) return fail(bindings.error());
    if (a.common.json) {
      fmt::print("{}\n", json_bindings(*bindings));
    } else {
      for (auto const& binding : *bindings) fmt::print("{}\n", human_binding_line(binding));
    }
    return static_cast<int>(ok);
  });

  auto* show = keys->add_subcommand("show", "Show a binding and its last verification");
  show->add_option("id", parsed.id, "Binding id")->required();
  on_run(*show, arguments, [](KeysArguments& a, Session& session) {
    auto binding = session.context->keys().show(session.user_id, a.id);
    if (!binding) return fail(binding.error());
    print_binding(*binding, a.common.json);
    return static_cast<int>(ok);
  });

  auto* rotate = keys->add_subcommand("rotate", "Replace a binding's key with a new, verified one");
  rotate->add_option("id", parsed.id, "Binding id")->required();
  add_key_input(*rotate, parsed.rotate_input);
  on_run(*rotate, arguments, [](KeysArguments& a, Session& session) {
    auto secret = secret_of(a.rotate_input);
    if (!secret) return fail(secret.error());
    platform::keys::RotateRequest request{a.rotate_input.key, std::move(*secret),
                                          passphrase_of(a.rotate_input)};
    auto rotated = session.context->keys().rotate(session.user_id, a.id, std::move(request));
    if (!rotated) return fail(rotated.error());
    return print_binding(*rotated, a.common.json);
  });

  auto* remove = keys->add_subcommand("rm", "Delete a binding (its secret is purged)");
  remove->add_option("id", parsed.id, "Binding id")->required();
  remove->add_flag("--cancel-orders", parsed.cancel_orders,
                   "Cancel the key's open orders on the exchange first");
  on_run(*remove, arguments, [](KeysArguments& a, Session& session) {
    auto removed = session.context->keys().remove(session.user_id, a.id, a.cancel_orders);
    if (!removed) return fail(removed.error());
    if (a.common.json) {
      fmt::print("{{\"id\":\"{}\",\"deleted\":true,\"cancelled_orders\":{}}}\n", removed->id,
                 removed->cancelled_orders);
    } else {
      fmt::print("deleted {} (secret purged; {} open order(s) cancelled)\n", removed->id,
                 removed->cancelled_orders);
    }
    return static_cast<int>(ok);
  });

  auto* audit = keys->add_subcommand("audit", "The audit log of your key events");
  audit->add_option("id", parsed.audit_id, "Only this binding's events");
  audit->add_option("--limit", parsed.limit, "Most recent entries")->capture_default_str();
  on_run(*audit, arguments, [](KeysArguments& a, Session& session) {
    std::optional<std::string_view> filter;
    if (!a.audit_id.empty()) filter = a.audit_id;
    auto records = session.context->keys().audit_log(session.user_id, filter, a.limit);
    if (!records) return fail(records.error());
    fmt::print("{}", a.common.json ? json_audit(*records) + "\n" : human_audit(*records));
    return static_cast<int>(ok);
  });

  auto* due = keys->add_subcommand(
      "reverify-due",
      "Verify again every user's bindings last verified longer ago than --interval (for cron)");
  due->add_option("--interval", parsed.interval_minutes, "Minutes")->capture_default_str();
  due->callback([arguments] {
    auto context = PlatformContext::open(arguments->common.platform);
    if (!context) throw CLI::RuntimeError(fail(context.error()));
    auto verified = (*context)->keys().reverify_due(arguments->interval_minutes * 60'000);
    if (!verified) throw CLI::RuntimeError(fail(verified.error()));
    fmt::print("verified {} binding(s)\n", *verified);
  });

  auto* reseal = keys->add_subcommand("reseal", "Re-seal every secret under a new master key");
  reseal->add_option("--new-key-file", parsed.new_key_file,
                     "Where to write the new master key (default: replace <data>/master.key)");
  reseal->callback([arguments] {
    int const code = rotate_master_key(arguments->common.platform, arguments->new_key_file);
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

void add_users_command(CLI::App& app) {
  auto* users = app.add_subcommand("users", "Platform accounts");
  users->require_subcommand(1);
  struct UsersArguments {
    PlatformSettings platform;
    std::string email;
    std::string token_name = "cli";
  };
  auto const arguments = std::make_shared<UsersArguments>();
  add_platform_options(*users, arguments->platform);
  auto* add = users->add_subcommand(
      "add", "Create an account (password from $TRADELINK_PASSWORD or a prompt)");
  add->add_option("email", arguments->email, "E-mail address")->required();
  add->callback([arguments] {
    auto context = PlatformContext::open(arguments->platform);
    if (!context) throw CLI::RuntimeError(fail(context.error()));
    auto password = read_secret(password_env, "New password: ");
    if (!password)
      throw CLI::RuntimeError(fail(core::validation_error("cli.password", "no password given")));
    auto user = (*context)->users().sign_up(arguments->email, password->reveal(), now_ms());
    if (!user) throw CLI::RuntimeError(fail(user.error()));
    fmt::print("created user {} ({})\n", user->id, user->email);
  });

  auto* token = users->add_subcommand("token", "Log in and create an API token for scripts");
  token->add_option("email", arguments->email, "E-mail address")->required();
  token->add_option("--name", arguments->token_name, "Token name")->capture_default_str();
  token->callback([arguments] {
    auto context = PlatformContext::open(arguments->platform);
    if (!context) throw CLI::RuntimeError(fail(context.error()));
    auto password = read_secret(password_env, "Password: ");
    if (!password)
      throw CLI::RuntimeError(fail(core::validation_error("cli.password", "no password given")));
    auto login = (*context)->users().log_in(arguments->email, password->reveal(), now_ms());
    if (!login) throw CLI::RuntimeError(fail(login.error()));
    (void)(*context)->users().log_out(login->token.reveal());
    auto created =
        (*context)->users().create_api_token(login->user_id, arguments->token_name, now_ms());
    if (!created) throw CLI::RuntimeError(fail(created.error()));
    fmt::print("{}\n", created->token.reveal());
  });
}

}  // namespace tradelink::cli
