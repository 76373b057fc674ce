#include "platform/keys/key_service.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <utility>

#include "crypto/random_token.hpp"
#include "platform/keys/sanitize.hpp"

namespace tradelink::platform::keys {
namespace {

namespace json = boost::json;

constexpr std::size_t max_label_length = 64;

/// The stored scope; the store only ever holds what to_string(Scope) wrote.
core::Scope scope_of(store::KeyBindingRecord const& record) {
  auto const scope = core::parse_scope(record.scope);
  return scope ? *scope : core::Scope::both;
}

/// Statuses reached only after the exchange accepted the key at least once.
bool authenticated_once(store::KeyBindingRecord const& record) {
  return record.exchange_user_id.has_value();
}

std::string new_binding_id() {
  return "kb_" + crypto::random_token(8, crypto::TokenEncoding::hex);
}

core::Result<std::string> clean_label(std::string_view label, std::string_view venue,
                                      std::string_view masked_key) {
  auto const first = label.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::string(venue) + " " + std::string(masked_key);
  label = label.substr(first, label.find_last_not_of(" \t\r\n") - first + 1);
  if (label.size() > max_label_length) {
    return core::validation_error(
        "keys.label_too_long",
        "The label is longer than " + std::to_string(max_label_length) + " characters.");
  }
  bool const printable = std::all_of(label.begin(), label.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && c != 0x7F;
  });
  if (!printable) {
    return core::validation_error("keys.label_invalid", "The label contains control characters.");
  }
  return std::string(label);
}

bool hex_of_length(std::string_view text, std::size_t length) {
  return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

BindingView view_of(store::KeyBindingRecord const& record) {
  BindingView view;
  view.id = record.id;
  view.venue = record.venue;
  view.label = record.label;
  view.masked_key = crypto::mask(record.api_key);
  view.scope = scope_of(record);
  view.status = parse_binding_status(record.status).value_or(BindingStatus::exchange_unavailable);
  if (auto report = report_from_json(record.report_json)) view.report = std::move(*report);
  view.exchange_user_id = record.exchange_user_id;
  view.ip_bound = record.ip_bound;
  view.verified_at = record.verified_at;
  view.expires_at = record.expires_at;
  view.created_at = record.created_at;
  view.updated_at = record.updated_at;
  view.has_passphrase = record.passphrase_ct.has_value() && !record.passphrase_ct->empty();
  return view;
}

void apply_report(store::KeyBindingRecord& record, VerificationReport const& report) {
  record.status = std::string(to_string(report.status));
  record.report_json = to_json(report);
  if (report.exchange_user_id) record.exchange_user_id = report.exchange_user_id;
  if (report.account_mode != venues::AccountMode::unknown || record.account_mode.empty()) {
    record.account_mode = std::string(venues::to_string(report.account_mode));
  }
  // Whitelist and expiry are only known when the exchange accepted the key; a failed or
  // unanswered verification keeps the last known ones.
  if (report.exchange_user_id) {
    record.ip_bound = !report.ip_whitelist.empty();
    record.expires_at = report.expires_at_ms;
  }
  record.verified_at = report.checked_at_ms;
}

}  // namespace

struct KeyService::Cleaned {
  venues::KeyMaterial key;
  std::optional<crypto::SecretString> passphrase;
  bool unusual_shape = false;
  std::vector<std::string> notes;
};

KeyService::KeyService(store::Store& store, crypto::Vault const& vault, CheckerDirectory checkers,
                       KeyPolicy policy, Clock clock)
    : store_(store),
      vault_(vault),
      checkers_(std::move(checkers)),
      policy_(std::move(policy)),
      clock_(std::move(clock)) {}

core::Result<venues::KeyChecker*> KeyService::checker_for(std::string_view venue) const {
  auto const found = checkers_.find(venue);
  if (found == checkers_.end()) {
    std::string known;
    for (auto const& [name, checker] : checkers_) known += (known.empty() ? "" : ", ") + name;
    return core::validation_error("keys.unknown_venue", "Unknown exchange \"" + std::string(venue) +
                                                            "\"; supported: " + known + ".");
  }
  return found->second;
}

core::Result<KeyService::Cleaned> KeyService::clean(
    venues::KeyChecker const& checker, std::string_view api_key, crypto::SecretString const& secret,
    std::optional<crypto::SecretString> const& passphrase) const {
  auto key = clean_field(api_key, "API key");
  if (!key) return key.error();
  auto clean_secret = clean_field(secret.reveal(), "secret");
  if (!clean_secret) return clean_secret.error();

  Cleaned cleaned;
  cleaned.key.api_key = std::string(key->value.reveal());
  cleaned.key.secret = std::move(clean_secret->value);
  for (auto const& note :
       {describe_cleaning(*key, "API key"), describe_cleaning(*clean_secret, "secret")}) {
    if (!note.empty()) cleaned.notes.push_back("Pasted input cleaned: " + note + ".");
  }
  venues::KeyShape const& shape = checker.key_shape();
  if (passphrase && !passphrase->empty()) {
    auto clean_passphrase = clean_field(passphrase->reveal(), "passphrase");
    if (!clean_passphrase) return clean_passphrase.error();
    cleaned.passphrase = std::move(clean_passphrase->value);
    if (!shape.uses_passphrase) {
      cleaned.notes.push_back(
          "This exchange's API keys have no passphrase: the one given is stored sealed but not "
          "used.");
    }
  }
  if (shape.hex) {
    cleaned.unusual_shape = !hex_of_length(cleaned.key.api_key, shape.key_length) ||
                            !hex_of_length(cleaned.key.secret.reveal(), shape.secret_length);
  }
  return cleaned;
}

VerificationReport KeyService::check(venues::KeyChecker& checker, Cleaned const& key,
                                     core::Scope scope, bool previously_connected,
                                     std::int64_t first_seen_ms) {
  venues::KeyFacts const facts = checker.check(key.key);
  VerdictContext context;
  context.scope = scope;
  context.policy = &policy_;
  context.page = &checker.key_page_names();
  context.unusual_shape = key.unusual_shape;
  context.wrong_kind_hint = checker.key_shape().wrong_kind_hint;
  context.previously_connected = previously_connected;
  context.first_seen_ms = first_seen_ms;
  context.now_ms = clock_();
  context.notes = key.notes;
  return judge(facts, context);
}

core::Result<void> KeyService::seal_into(store::KeyBindingRecord& record,
                                         Cleaned const& key) const {
  auto secret = vault_.seal(key.key.secret.reveal(), crypto::binding_associated_data(
                                                         record.id, record.venue, key.key.api_key));
  if (!secret) return secret.error();
  record.api_key = key.key.api_key;
  record.secret_ct = std::move(*secret);
  record.passphrase_ct.reset();
  if (key.passphrase) {
    auto passphrase =
        vault_.seal(key.passphrase->reveal(),
                    crypto::binding_associated_data(record.id, record.venue, key.key.api_key,
                                                    crypto::BindingSecretField::passphrase));
    if (!passphrase) return passphrase.error();
    record.passphrase_ct = std::move(*passphrase);
  }
  return core::ok();
}

core::Result<venues::KeyMaterial> KeyService::unseal(store::KeyBindingRecord const& record) const {
  auto secret = vault_.open(
      record.secret_ct, crypto::binding_associated_data(record.id, record.venue, record.api_key));
  if (!secret) return secret.error();
  return venues::KeyMaterial{record.api_key, crypto::SecretString(secret->view())};
}

void KeyService::audit(store::KeyBindingRecord const& record, std::string event,
                       std::string detail_json) {
  // The audit log is best effort: a failure to append must not undo what already happened.
  (void)store_.append_audit(store::AuditRecord{
      .id = 0,
      .user_id = record.user_id,
      .binding_id = record.id,
      .event = std::move(event),
      .detail_json = std::move(detail_json),
      .at = clock_(),
  });
}

core::Result<BindingView> KeyService::bind(std::int64_t user_id, BindRequest request) {
  auto checker = checker_for(request.venue);
  if (!checker) return checker.error();
  auto cleaned = clean(**checker, request.api_key, request.secret, request.passphrase);
  if (!cleaned) return cleaned.error();
  auto label = clean_label(request.label, request.venue, crypto::mask(cleaned->key.api_key));
  if (!label) return label.error();
  auto existing = store_.list_bindings(user_id);
  if (!existing) return existing.error();
  for (store::KeyBindingRecord const& other : *existing) {
    if (other.venue == request.venue && other.api_key == cleaned->key.api_key) {
      return core::validation_error("keys.already_bound",
                                    "This API key is already bound as \"" + other.label +
                                        "\"; verify or rotate that binding instead.");
    }
  }

  std::int64_t const now = clock_();
  store::KeyBindingRecord record;
  record.id = new_binding_id();
  record.user_id = user_id;
  record.venue = request.venue;
  record.label = std::move(*label);
  record.scope = std::string(core::to_string(request.scope));
  record.created_at = now;
  record.updated_at = now;
  if (auto sealed = seal_into(record, *cleaned); !sealed) return sealed.error();

  VerificationReport const report = check(**checker, *cleaned, request.scope, false, now);
  apply_report(record, report);
  auto stored = store_.insert_binding(record);
  if (!stored) return stored.error();
  audit(*stored, "binding.created",
        json::serialize(json::object{{"label", stored->label},
                                     {"key", crypto::mask(stored->api_key)},
                                     {"scope", stored->scope},
                                     {"status", stored->status},
                                     {"permissions", report.permissions.to_string()}}));
  return view_of(*stored);
}

core::Result<BindingView> KeyService::reverify(store::KeyBindingRecord record) {
  auto checker = checker_for(record.venue);
  if (!checker) return checker.error();
  auto material = unseal(record);
  if (!material) return material.error();
  Cleaned key{std::move(*material), std::nullopt, false, {}};
  auto const scope = scope_of(record);
  auto const previous = report_from_json(record.report_json);
  VerificationReport const report =
      check(**checker, key, scope, authenticated_once(record), record.created_at);

  std::string const old_status = record.status;
  std::string const old_permissions = previous ? previous->permissions.to_string() : "";
  apply_report(record, report);
  record.updated_at = clock_();
  auto stored = store_.update_binding(record);
  if (!stored) return stored.error();
  std::string const new_permissions = report.permissions.to_string();
  if (old_status != stored->status || old_permissions != new_permissions) {
    audit(*stored, "binding.changed",
          json::serialize(json::object{
              {"status", json::object{{"old", old_status}, {"new", stored->status}}},
              {"permissions", json::object{{"old", old_permissions}, {"new", new_permissions}}}}));
  } else {
    audit(*stored, "binding.verified", json::serialize(json::object{{"status", stored->status}}));
  }
  return view_of(*stored);
}

core::Result<BindingView> KeyService::mark_status(std::int64_t user_id, std::string_view id,
                                                  BindingStatus status, std::string source,
                                                  std::string detail) {
  auto record = store_.find_binding(user_id, id);
  if (!record) return record.error();
  std::string const old_status = record->status;
  std::string const new_status(to_string(status));
  if (old_status == new_status) return view_of(*record);
  auto report = report_from_json(record->report_json);
  if (report) {
    report->status = status;
    report->message = std::string(headline(status)) + ": " + detail;
    record->report_json = to_json(*report);
  }
  record->status = new_status;
  record->updated_at = clock_();
  auto stored = store_.update_binding(*record);
  if (!stored) return stored.error();
  audit(*stored, "binding.status_changed",
        json::serialize(json::object{{"old", old_status},
                                     {"new", new_status},
                                     {"source", std::move(source)},
                                     {"detail", std::move(detail)}}));
  return view_of(*stored);
}

core::Result<BindingView> KeyService::verify(std::int64_t user_id, std::string_view id) {
  auto record = store_.find_binding(user_id, id);
  if (!record) return record.error();
  return reverify(std::move(*record));
}

core::Result<std::vector<BindingView>> KeyService::list(std::int64_t user_id) {
  auto records = store_.list_bindings(user_id);
  if (!records) return records.error();
  std::vector<BindingView> views;
  views.reserve(records->size());
  for (store::KeyBindingRecord const& record : *records) views.push_back(view_of(record));
  return views;
}

core::Result<BindingView> KeyService::show(std::int64_t user_id, std::string_view id) {
  auto record = store_.find_binding(user_id, id);
  if (!record) return record.error();
  return view_of(*record);
}

core::Result<BindingView> KeyService::rotate(std::int64_t user_id, std::string_view id,
                                             RotateRequest request) {
  auto record = store_.find_binding(user_id, id);
  if (!record) return record.error();
  auto checker = checker_for(record->venue);
  if (!checker) return checker.error();
  auto cleaned = clean(**checker, request.api_key, request.secret, request.passphrase);
  if (!cleaned) return cleaned.error();
  if (cleaned->key.api_key == record->api_key) {
    return core::validation_error(
        "keys.rotation_refused",
        "The new key is the key already bound; create a new key on the exchange first.");
  }
  auto const scope = scope_of(*record);
  VerificationReport const report = check(**checker, *cleaned, scope, false, clock_());
  if (report.status != BindingStatus::connected) {
    return core::validation_error("keys.rotation_refused",
                                  "The new key was not accepted: " +
                                      std::string(headline(report.status)) + ". " + report.message);
  }
  if (record->exchange_user_id && report.exchange_user_id != record->exchange_user_id) {
    return core::validation_error("keys.rotation_refused",
                                  "The new key belongs to another exchange account than the bound "
                                  "one; a binding can only rotate to a key of the same account.");
  }
  std::string const old_key = crypto::mask(record->api_key);
  if (auto sealed = seal_into(*record, *cleaned); !sealed) return sealed.error();
  apply_report(*record, report);
  record->updated_at = clock_();
  auto stored = store_.update_binding(*record);
  if (!stored) return stored.error();
  audit(*stored, "binding.rotated",
        json::serialize(json::object{{"old_key", old_key},
                                     {"new_key", crypto::mask(stored->api_key)},
                                     {"status", stored->status}}));
  return view_of(*stored);
}

core::Result<RemovalOutcome> KeyService::remove(std::int64_t user_id, std::string_view id,
                                                bool cancel_open_orders) {
  auto record = store_.find_binding(user_id, id);
  if (!record) return record.error();
  RemovalOutcome outcome{record->id, 0};
  if (cancel_open_orders) {
    auto checker = checker_for(record->venue);
    if (!checker) return checker.error();
    auto material = unseal(*record);
    if (!material) return material.error();
    auto const scope = scope_of(*record);
    auto cancelled = (*checker)->cancel_open_orders(*material, scope);
    if (!cancelled) {
      core::Error error = cancelled.error();
      error.code = "keys.cancel_failed";
      error.message = "Open orders could not be cancelled, so the key was kept: " + error.message;
      return error;
    }
    outcome.cancelled_orders = *cancelled;
  }
  if (auto purged = store_.purge_binding_secret(user_id, id, clock_()); !purged) {
    return purged.error();
  }
  audit(*record, "binding.deleted",
        json::serialize(json::object{{"key", crypto::mask(record->api_key)},
                                     {"label", record->label},
                                     {"cancelled_orders", outcome.cancelled_orders}}));
  return outcome;
}

core::Result<std::vector<store::AuditRecord>> KeyService::audit_log(
    std::int64_t user_id, std::optional<std::string_view> id, std::size_t limit) {
  return store_.list_audit(user_id, id, limit);
}

core::Result<std::size_t> KeyService::reverify_due(std::int64_t interval_ms) {
  auto records = store_.list_active_bindings();
  if (!records) return records.error();
  std::int64_t const now = clock_();
  std::size_t verified = 0;
  for (store::KeyBindingRecord& record : *records) {
    if (record.verified_at && now - *record.verified_at < interval_ms) continue;
    if (reverify(std::move(record))) ++verified;
  }
  return verified;
}

core::Result<venues::KeyMaterial> KeyService::credentials(std::int64_t user_id,
                                                          std::string_view id) {
  auto record = store_.find_binding(user_id, id);
  if (!record) return record.error();
  return unseal(*record);
}

}  // namespace tradelink::platform::keys
