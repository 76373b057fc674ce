#include "platform/keys/verdict.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace tradelink::platform::keys {
namespace {

using core::Access;
using core::Product;
using venues::AuthOutcome;
using venues::Known;
using State = CheckItem::State;

constexpr std::int64_t day_ms = 24LL * 3600 * 1000;

std::string join(std::vector<std::string> const& items, std::string_view separator) {
  std::string text;
  for (std::string const& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string seconds_text(std::int64_t ms) {
  std::int64_t const tenths = (std::llabs(ms) + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

class Judgement {
 public:
  Judgement(venues::KeyFacts const& facts, VerdictContext const& context)
      : facts_(facts), context_(context), policy_(*context.policy), page_(*context.page) {
    report_.checked_at_ms = context.now_ms;
    report_.notes = context.notes;
    report_.egress_ips = policy_.egress_ips;
    report_.clock_skew_ms = facts.clock_offset.count();
    report_.round_trips = facts.sequential_round_trips;
    report_.probes = facts.probes;
    report_.rejected_ip = facts.rejected_ip;
  }

  VerificationReport run() {
    if (context_.unusual_shape) {
      report_.notes.push_back(
          "The key or secret does not have the usual shape of this exchange's API keys.");
    }
    if (facts_.auth != AuthOutcome::ok) {
      judge_authentication_failure();
      return std::move(report_);
    }
    copy_account_facts();
    check(State::passed, "credentials", "the exchange accepted the key and signature");
    judge_clock();
    judge_ip_whitelist();
    // The first verdict reached stands: an expired key, then a key that can withdraw, then
    // missing permissions.
    judge_expiry();
    judge_withdrawal();
    judge_permissions();
    judge_account_mode();
    connected();
    return std::move(report_);
  }

 private:
  void check(State state, std::string name, std::string detail) {
    report_.checklist.push_back({std::move(name), state, std::move(detail)});
  }

  void verdict(BindingStatus status, std::string message, std::vector<std::string> fix) {
    if (decided_) return;
    decided_ = true;
    report_.status = status;
    report_.message = std::move(message);
    report_.fix = std::move(fix);
  }

  std::string egress_list() const {
    return policy_.egress_ips.empty() ? std::string("the address of this tradelink server")
                                      : join(policy_.egress_ips, ", ");
  }

  void judge_authentication_failure() {
    std::string const seen =
        facts_.auth_detail.empty() ? "" : " (exchange said: " + facts_.auth_detail + ")";
    switch (facts_.auth) {
      case AuthOutcome::invalid_key:
        if (context_.previously_connected) {
          check(State::failed, "credentials", "the exchange no longer knows the key");
          verdict(BindingStatus::revoked,
                  "The exchange no longer accepts this key: it was deleted or revoked" + seen + ".",
                  {"Create a new API key at " + page_.key_page + ".",
                   "Rotate this binding to the new key (Security → Rotate key)."});
          return;
        }
        [[fallthrough]];
      case AuthOutcome::invalid_signature: {
        check(State::failed, "credentials", "the exchange refused the key or its signature");
        std::vector<std::string> fix{
            "Copy the API Key and the Secret again from " + page_.key_page +
                ", without spaces or line breaks.",
            "Make sure it is an API v4 key and that Key and Secret belong to the same key.",
            "If the secret was not saved when the key was created, delete the key and create a new "
            "one: the secret is shown only once."};
        std::string message = facts_.auth == AuthOutcome::invalid_key
                                  ? "The exchange does not know this API key" + seen + "."
                                  : "The secret does not match the API key" + seen + ".";
        if (context_.unusual_shape) {
          message += " It is most likely not an API v4 key. " + context_.wrong_kind_hint;
        }
        verdict(BindingStatus::invalid_credentials, std::move(message), std::move(fix));
        return;
      }
      case AuthOutcome::expired:
        check(State::failed, "credentials", "the key has expired");
        verdict(BindingStatus::expired,
                "The key has expired" + seen +
                    ". Keys without an IP whitelist stop working after 90 days.",
                {"Create a new API key at " + page_.key_page + " and bind it to " + egress_list() +
                     " (" + page_.ip_whitelist_setting + ") so that it does not expire.",
                 "Rotate this binding to the new key."});
        return;
      case AuthOutcome::ip_forbidden: {
        check(State::passed, "credentials", "key and secret are valid");
        std::string const ip = facts_.rejected_ip.value_or("this server's address");
        check(State::failed, "ip whitelist", "the exchange refused requests from " + ip);
        verdict(BindingStatus::ip_restricted,
                "The key is restricted to other IP addresses: the exchange refused requests from " +
                    ip + ".",
                {"Open " + page_.key_page + ", edit the key and add " + egress_list() + " under " +
                     page_.ip_whitelist_setting + ".",
                 "Changes can take up to 5 minutes to apply; then verify again."});
        return;
      }
      case AuthOutcome::clock_skew:
        check(State::failed, "clock",
              "timestamps refused even after measuring the exchange's clock");
        verdict(BindingStatus::clock_skew,
                "The exchange refuses our request timestamps and the difference could not be "
                "corrected" +
                    seen + ".",
                {"Synchronise this server's clock (enable NTP: timedatectl set-ntp true).",
                 "Verify the key again."});
        return;
      case AuthOutcome::locked:
        check(State::failed, "credentials", "the key or account is locked");
        verdict(
            BindingStatus::locked,
            "The key or the exchange account is locked or frozen" + seen + ".",
            {"Check the key's state at " + page_.key_page + " and the account's security messages.",
             "Unlock it there (or contact the exchange's support), then verify again."});
        return;
      case AuthOutcome::unavailable:
      case AuthOutcome::ok:
        check(State::skipped, "credentials", "no decisive answer from the exchange");
        verdict(BindingStatus::exchange_unavailable,
                "The exchange could not be reached or did not answer decisively" + seen + ".",
                {"Check this server's network connection to the exchange.",
                 "Verify again in a few minutes; nothing was changed."});
        return;
    }
  }

  void copy_account_facts() {
    report_.permissions = facts_.permissions;
    report_.withdraw_enabled = facts_.withdraw_enabled;
    report_.account_mode = facts_.account_mode;
    report_.futures_account_opened = facts_.futures_account_opened;
    report_.futures_position_mode = facts_.futures_position_mode;
    report_.ip_whitelist = facts_.ip_whitelist;
    report_.pair_whitelist = facts_.pair_whitelist;
    report_.exchange_user_id = facts_.exchange_user_id;
  }

  void judge_clock() {
    std::int64_t const skew = facts_.clock_offset.count();
    if (std::llabs(skew) >= policy_.skew_note_ms) {
      std::string const direction = skew > 0 ? "behind" : "ahead of";
      check(State::warning, "clock",
            "this server's clock is " + seconds_text(skew) + " " + direction +
                " the exchange's; corrected automatically");
      report_.notes.push_back(
          "This server's clock is " + seconds_text(skew) + " " + direction +
          " the exchange's. tradelink corrects for it, but enabling NTP is wise.");
    } else {
      check(State::passed, "clock", "in sync (" + std::to_string(skew) + " ms)");
    }
  }

  void judge_ip_whitelist() {
    if (!facts_.ip_whitelist.empty()) {
      check(State::passed, "ip whitelist", "bound to " + join(facts_.ip_whitelist, ", "));
      return;
    }
    check(State::warning, "ip whitelist", "the key is not bound to IP addresses");
    report_.notes.push_back(
        "The key has no IP whitelist, so it expires after about 90 days. Bind it to " +
        egress_list() + " (" + page_.ip_whitelist_setting + ").");
  }

  void judge_expiry() {
    if (!facts_.ip_whitelist.empty()) return;
    std::int64_t const start = facts_.key_created_at_ms.value_or(context_.first_seen_ms);
    std::int64_t const expires_at = start + unbound_key_lifetime_ms;
    report_.expires_at_ms = expires_at;
    std::int64_t const left = expires_at - context_.now_ms;
    if (left <= 0) {
      check(State::failed, "expiry", "expired");
      verdict(BindingStatus::expired,
              "The key has passed its 90-day lifetime (it has no IP whitelist).",
              {"Create a new API key at " + page_.key_page + " bound to " + egress_list() + ".",
               "Rotate this binding to the new key."});
    } else if (left <= policy_.expiry_warning_ms) {
      std::int64_t const days = (left + day_ms - 1) / day_ms;
      check(State::warning, "expiry", "expires in " + std::to_string(days) + " days");
      report_.notes.push_back("The key expires in " + std::to_string(days) +
                              " days. Create a key bound to " + egress_list() +
                              " and rotate to it.");
    } else {
      check(State::passed, "expiry",
            "expires in " + std::to_string((left + day_ms / 2) / day_ms) + " days");
    }
  }

  /// Adds what `product` lacks for `needed` to the missing list; true when it is there.
  bool require(Product product, Access needed, std::vector<std::string>& problems) {
    if (std::find(facts_.undetermined.begin(), facts_.undetermined.end(), product) !=
        facts_.undetermined.end()) {
      undetermined_.push_back(std::string(core::to_string(product)));
      return false;
    }
    if (facts_.permissions.grants(product, needed)) return true;
    report_.missing.push_back(page_.permission_checkbox(product, needed));
    problems.push_back(std::string(core::to_string(product)) +
                       (needed == Access::read_write ? " read & write" : " read"));
    return false;
  }

  bool judge_permissions() {
    std::vector<std::string> problems;
    bool ok = true;
    if (core::includes_spot(context_.scope)) {
      bool const spot = require(Product::spot, Access::read_write, problems);
      bool const wallet = require(Product::wallet, Access::read, problems);
      check(spot && wallet ? State::passed : State::failed, "spot permissions",
            spot && wallet ? "spot read & write, wallet read" : "missing for spot trading");
      ok = ok && spot && wallet;
    }
    bool futures_opened = true;
    if (core::includes_futures(context_.scope)) {
      bool const futures = require(Product::futures, Access::read_write, problems);
      futures_opened = facts_.futures_account_opened != Known::no;
      check(futures && futures_opened ? State::passed : State::failed, "futures permissions",
            futures
                ? (futures_opened ? "perpetual futures read & write" : "futures account not opened")
                : "missing for futures trading");
      ok = ok && futures && futures_opened;
    }
    if (ok) return true;
    if (!undetermined_.empty() && report_.missing.empty() && futures_opened) {
      verdict(BindingStatus::exchange_unavailable,
              "The exchange did not answer the permission checks for " + join(undetermined_, ", ") +
                  ".",
              {"Verify again in a few minutes; nothing was changed."});
      return false;
    }
    std::vector<std::string> fix;
    std::string message;
    if (!report_.missing.empty()) {
      std::string const what = context_.scope == core::Scope::both   ? "Spot and futures strategies"
                               : context_.scope == core::Scope::spot ? "Spot strategies"
                                                                     : "Futures strategies";
      message = what + " need permissions this key lacks: " + join(report_.missing, ", ") + ".";
      fix.push_back("Open " + page_.key_page + ", edit the key and enable " +
                    join(report_.missing, ", ") + ".");
      fix.push_back(
          "Permissions can be changed later on the same page; changes take up to 5 minutes. Then "
          "verify again.");
    }
    if (!futures_opened) {
      if (!message.empty()) message += " ";
      message += "The futures account has never been opened.";
      fix.push_back(page_.open_futures_account);
    }
    verdict(BindingStatus::permission_denied, std::move(message), std::move(fix));
    return false;
  }

  bool judge_withdrawal() {
    bool const withdraw = facts_.withdraw_enabled == Known::yes;
    bool const wallet_write = facts_.permissions.grants(Product::wallet, Access::read_write);
    if (!withdraw && !wallet_write) {
      check(facts_.withdraw_enabled == Known::no ? State::passed : State::warning, "withdrawal",
            facts_.withdraw_enabled == Known::no ? "disabled" : "could not be checked");
      return true;
    }
    std::string const what = withdraw ? "withdraw funds" : "move funds between wallets";
    bool const allowed = policy_.allow_withdraw_with_ip_whitelist && !facts_.ip_whitelist.empty();
    if (allowed) {
      check(State::warning, "withdrawal", "enabled; allowed by policy because the key is IP-bound");
      report_.notes.push_back("This key can " + what +
                              ". The policy allows it because the key is bound to IP addresses.");
      return true;
    }
    check(State::failed, "withdrawal",
          withdraw ? "withdrawal is enabled" : "wallet write is enabled");
    std::vector<std::string> settings;
    if (withdraw)
      settings.push_back(page_.permission_checkbox(Product::withdraw, Access::read_write));
    if (wallet_write)
      settings.push_back(page_.permission_checkbox(Product::wallet, Access::read_write));
    verdict(BindingStatus::withdraw_enabled_refused,
            "This key can " + what +
                ". tradelink never needs that, and a leaked key with it can empty the account.",
            {"Open " + page_.key_page + ", edit the key and turn off " + join(settings, " and ") +
                 " (keep Wallet – Read Only).",
             "Verify again."});
    return false;
  }

  void judge_account_mode() {
    switch (facts_.account_mode) {
      case venues::AccountMode::classic: check(State::passed, "account mode", "classic"); break;
      case venues::AccountMode::unified:
        check(State::passed, "account mode", "unified: balances are read from the unified account");
        break;
      case venues::AccountMode::unknown: check(State::warning, "account mode", "unknown"); break;
    }
  }

  void connected() {
    std::string scope = context_.scope == core::Scope::both   ? "spot and futures"
                        : context_.scope == core::Scope::spot ? "spot"
                                                              : "futures";
    verdict(
        BindingStatus::connected,
        "The key works for " + scope + " trading" +
            (facts_.exchange_user_id ? " on exchange account " + *facts_.exchange_user_id : "") +
            ".",
        {});
  }

  venues::KeyFacts const& facts_;
  VerdictContext const& context_;
  KeyPolicy const& policy_;
  venues::KeyPageNames const& page_;
  std::vector<std::string> undetermined_;
  bool decided_ = false;
  VerificationReport report_;
};

}  // namespace

VerificationReport judge(venues::KeyFacts const& facts, VerdictContext const& context) {
  return Judgement(facts, context).run();
}

}  // namespace tradelink::platform::keys
