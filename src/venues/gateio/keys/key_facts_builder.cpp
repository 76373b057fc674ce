#include "venues/gateio/keys/key_facts_builder.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "venues/gateio/keys/permission_names.hpp"

namespace tradelink::gateio {
namespace {

using core::Access;
using core::Product;
using venues::AuthOutcome;
using venues::Known;

template <class T>
std::optional<GateError> error_of(GateResult<T> const& answer) {
  if (answer) return std::nullopt;
  return answer.error();
}

std::string_view outcome_text(ProbeVerdict verdict) noexcept {
  switch (verdict) {
    case ProbeVerdict::granted: return "granted";
    case ProbeVerdict::read_only: return "read only";
    case ProbeVerdict::denied: return "denied";
    case ProbeVerdict::not_opened: return "account not opened";
    case ProbeVerdict::auth_failed: return "authentication failed";
    case ProbeVerdict::inconclusive: return "inconclusive";
  }
  return "inconclusive";
}

std::string detail_of(std::optional<GateError> const& error) {
  if (!error) return {};
  std::string detail =
      error->label.empty() ? std::string(to_string(error->category)) : error->label;
  if (!error->message.empty()) detail += ": " + error->message;
  return detail;
}

/// A FORBIDDEN about the pair whitelist says nothing about the permission group.
bool about_pair_whitelist(GateError const& error) {
  return error.message.find("pair") != std::string::npos ||
         error.message.find("Pair") != std::string::npos;
}

std::optional<std::int64_t> seconds_to_ms(std::optional<core::Decimal> const& seconds) {
  if (!seconds) return std::nullopt;
  constexpr core::Decimal::Raw units_per_ms = 1'000'000'000'000'000;  // 10^(scale - 3)
  return static_cast<std::int64_t>(seconds->raw() / units_per_ms);
}

}  // namespace

ProbeVerdict verdict_of(std::optional<GateError> const& error) noexcept {
  if (!error) return ProbeVerdict::granted;
  switch (error->category) {
    case ErrorCategory::read_only: return ProbeVerdict::read_only;
    case ErrorCategory::permission_denied: return ProbeVerdict::denied;
    case ErrorCategory::account_not_opened: return ProbeVerdict::not_opened;
    // The request passed authentication and the permission check; the harmless probe was then
    // refused for what it asked, which is the point of it.
    case ErrorCategory::not_found:
    case ErrorCategory::insufficient_balance:
    case ErrorCategory::invalid_parameter:
    case ErrorCategory::invalid_symbol:
    case ErrorCategory::order_rejected:
    case ErrorCategory::order_finished: return ProbeVerdict::granted;
    case ErrorCategory::invalid_key:
    case ErrorCategory::invalid_signature:
    case ErrorCategory::invalid_credentials:
    case ErrorCategory::missing_header:
    case ErrorCategory::clock_skew:
    case ErrorCategory::ip_forbidden:
    case ErrorCategory::account_locked: return ProbeVerdict::auth_failed;
    case ErrorCategory::rate_limited:
    case ErrorCategory::exchange_unavailable:
    case ErrorCategory::transport:
    case ErrorCategory::protocol:
    case ErrorCategory::unknown: return ProbeVerdict::inconclusive;
  }
  return ProbeVerdict::inconclusive;
}

ProbeVerdict KeyFactsBuilder::record(std::string name, std::optional<GateError> const& error) {
  ProbeVerdict verdict = verdict_of(error);
  if (verdict == ProbeVerdict::denied && about_pair_whitelist(*error)) {
    verdict = ProbeVerdict::inconclusive;
  }
  if (verdict == ProbeVerdict::auth_failed) {
    note_auth_failure(*error);
  } else if (verdict != ProbeVerdict::inconclusive) {
    auth_passed_ = true;
  }
  facts_.probes.push_back({std::move(name), std::string(outcome_text(verdict)), detail_of(error)});
  return verdict;
}

void KeyFactsBuilder::note_auth_failure(GateError const& error) {
  AuthOutcome outcome = AuthOutcome::invalid_key;
  switch (error.category) {
    case ErrorCategory::invalid_key:
      outcome = error.message.find("expire") != std::string::npos ? AuthOutcome::expired
                                                                  : AuthOutcome::invalid_key;
      break;
    case ErrorCategory::invalid_signature:
    case ErrorCategory::invalid_credentials:
    case ErrorCategory::missing_header: outcome = AuthOutcome::invalid_signature; break;
    case ErrorCategory::clock_skew: outcome = AuthOutcome::clock_skew; break;
    case ErrorCategory::ip_forbidden:
      outcome = AuthOutcome::ip_forbidden;
      if (error.forbidden_ip) facts_.rejected_ip = error.forbidden_ip;
      break;
    case ErrorCategory::account_locked: outcome = AuthOutcome::locked; break;
    default: return;
  }
  if (!auth_failure_) {
    auth_failure_ = outcome;
    facts_.auth_detail = detail_of(error);
  }
}

void KeyFactsBuilder::apply(Level& level, ProbeVerdict verdict, bool write_probe) {
  switch (verdict) {
    case ProbeVerdict::granted:
    case ProbeVerdict::not_opened:
      if (write_probe) {
        level.write = Access::read_write;
      } else {
        level.read = Access::read;
      }
      break;
    case ProbeVerdict::read_only:
      if (write_probe) level.write = Access::read;
      break;
    case ProbeVerdict::denied:
      if (write_probe) {
        level.write = Access::none;
      } else {
        level.read = Access::none;
      }
      break;
    case ProbeVerdict::auth_failed:
    case ProbeVerdict::inconclusive: break;
  }
}

void KeyFactsBuilder::account_detail(GateResult<AccountDetail> const& answer) {
  record("account detail", error_of(answer));
  if (!answer) return;
  facts_.exchange_user_id = std::to_string(answer->user_id);
  if (answer->ip_whitelist) facts_.ip_whitelist = *answer->ip_whitelist;
  if (answer->currency_pairs) facts_.pair_whitelist = *answer->currency_pairs;
  key_mode_ = answer->key_mode;
}

void KeyFactsBuilder::main_keys(GateResult<std::vector<AccountKeyInfo>> const& answer) {
  record("key permissions", error_of(answer));
  if (!answer || answer->empty()) return;
  AccountKeyInfo const& key = answer->front();
  core::PermissionSet listed;
  for (AccountKeyPermission const& permission : key.perms) {
    auto const product = product_for_group(permission.name);
    if (!product) continue;
    listed.set(*product, permission.read_only.value_or(false) ? Access::read : Access::read_write);
    listed_products_.push_back(*product);
  }
  listed_ = listed;
  if (key.state && *key.state != 1 && !auth_failure_) {
    auth_failure_ = AuthOutcome::locked;
    facts_.auth_detail = "key state " + std::to_string(*key.state);
  }
  if (key.ip_whitelist && facts_.ip_whitelist.empty()) facts_.ip_whitelist = *key.ip_whitelist;
  if (key.user_id && !facts_.exchange_user_id)
    facts_.exchange_user_id = std::to_string(*key.user_id);
  facts_.key_created_at_ms = seconds_to_ms(key.created_at);
  if (!key_mode_) key_mode_ = key.key_mode ? key.key_mode : key.mode;
}

void KeyFactsBuilder::spot_read(GateResult<std::vector<SpotAccount>> const& answer) {
  apply(spot_, record("spot read", error_of(answer)), false);
}

void KeyFactsBuilder::spot_write(GateResult<SpotOrder> const& answer) {
  apply(spot_, record("spot write", error_of(answer)), true);
}

void KeyFactsBuilder::futures_read(GateResult<FuturesAccount> const& answer) {
  ProbeVerdict const verdict = record("futures read", error_of(answer));
  apply(futures_, verdict, false);
  if (verdict == ProbeVerdict::not_opened) facts_.futures_account_opened = Known::no;
  if (answer) {
    facts_.futures_account_opened = Known::yes;
    if (answer->position_mode) {
      facts_.futures_position_mode = answer->position_mode;
    } else if (answer->in_dual_mode) {
      facts_.futures_position_mode = *answer->in_dual_mode ? "dual" : "single";
    }
  }
}

void KeyFactsBuilder::futures_write(GateResult<FuturesOrder> const& answer) {
  ProbeVerdict const verdict = record("futures write", error_of(answer));
  apply(futures_, verdict, true);
  if (verdict == ProbeVerdict::not_opened) facts_.futures_account_opened = Known::no;
}

void KeyFactsBuilder::wallet_read(GateResult<TotalBalance> const& answer) {
  apply(wallet_, record("wallet read", error_of(answer)), false);
}

void KeyFactsBuilder::wallet_write(GateResult<WalletTransfer> const& answer) {
  apply(wallet_, record("wallet write", error_of(answer)), true);
}

void KeyFactsBuilder::withdraw(GateResult<Withdrawal> const& answer) {
  switch (record("withdrawal", error_of(answer))) {
    case ProbeVerdict::granted:
    case ProbeVerdict::read_only: facts_.withdraw_enabled = Known::yes; break;
    case ProbeVerdict::denied: facts_.withdraw_enabled = Known::no; break;
    default: break;
  }
}

void KeyFactsBuilder::unified_mode(GateResult<UnifiedMode> const& answer) {
  ProbeVerdict const verdict = record("account mode", error_of(answer));
  apply(unified_, verdict, false);
  if (answer) {
    facts_.account_mode =
        answer->mode == "classic" ? venues::AccountMode::classic : venues::AccountMode::unified;
  }
}

void KeyFactsBuilder::clock(GateResult<std::int64_t> const& offset_ms) {
  if (offset_ms) {
    facts_.clock_offset = std::chrono::milliseconds(*offset_ms);
    facts_.probes.push_back({"server time", "measured", std::to_string(*offset_ms) + " ms"});
  } else {
    facts_.probes.push_back({"server time", "inconclusive", detail_of(offset_ms.error())});
  }
}

venues::KeyFacts KeyFactsBuilder::finish(int round_trips) {
  facts_.sequential_round_trips = round_trips;
  if (auth_failure_ && (!auth_passed_ || *auth_failure_ == AuthOutcome::locked)) {
    facts_.auth = *auth_failure_;
  } else if (auth_passed_) {
    facts_.auth = AuthOutcome::ok;
  } else {
    facts_.auth = AuthOutcome::unavailable;
  }
  if (facts_.auth != AuthOutcome::ok) return std::move(facts_);
  // A key limited to some pairs is refused FORBIDDEN for the probe's pair (in words Gate does
  // not document): the refusal says nothing about the spot group then.
  if (!facts_.pair_whitelist.empty() && spot_.write == Access::none) spot_.write.reset();

  auto settle = [this](Product product, Level const& level) {
    // A write probe decides when it proves write or read-only; otherwise the read probe does.
    std::optional<Access> decided;
    if (level.write && *level.write != Access::none) {
      decided = level.write;
    } else if (level.read) {
      decided = level.read;
      // A granted read proves read, not the absence of write (the write probe may have been
      // refused for its pair or not answered): the key's own listing may know more.
      if (!level.write && *level.read == Access::read && listed_ &&
          listed_->access(product) == Access::read_write) {
        decided = Access::read_write;
      }
    } else if (level.write) {
      decided = level.write;
    }
    if (!decided && listed_) decided = listed_->access(product);
    if (decided) {
      facts_.permissions.set(product, *decided);
    } else {
      facts_.undetermined.push_back(product);
    }
  };
  settle(Product::spot, spot_);
  settle(Product::futures, futures_);
  settle(Product::wallet, wallet_);
  settle(Product::unified, unified_);
  if (listed_) {
    for (Product const product : listed_products_) {
      if (product == Product::spot || product == Product::futures || product == Product::wallet ||
          product == Product::unified) {
        continue;
      }
      facts_.permissions.set(product, listed_->access(product));
    }
  }
  if (facts_.account_mode == venues::AccountMode::unknown && key_mode_) {
    facts_.account_mode =
        *key_mode_ == 2 ? venues::AccountMode::unified : venues::AccountMode::classic;
  }
  return std::move(facts_);
}

}  // namespace tradelink::gateio
