// Key bindings: add (verify + seal), list, show, verify again, rotate, delete, audit log. Every
// change is also pushed to the user's live event streams.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <optional>
#include <string>

#include "api/api_error.hpp"
#include "api/json_body.hpp"
#include "api/json_views.hpp"
#include "api/routes.hpp"

namespace tradelink::api {
namespace {

namespace json = boost::json;
using platform::keys::BindingView;

core::Error invalid_query(std::string_view name, std::string_view what) {
  return core::validation_error(
      std::string(error_code::invalid_field),
      "query parameter \"" + std::string(name) + "\" " + std::string(what));
}

core::Result<std::size_t> read_limit(ApiRequest const& request) {
  auto const text = request.query_param("limit");
  if (!text) return std::size_t{100};
  std::size_t limit = 0;
  auto const [end, error] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (error != std::errc{} || end != text->data() + text->size() || limit == 0 || limit > 1000) {
    return invalid_query("limit", "must be a whole number from 1 to 1000");
  }
  return limit;
}

core::Result<bool> read_flag(ApiRequest const& request, std::string_view name) {
  auto const text = request.query_param(name);
  if (!text || *text == "false" || *text == "0") return false;
  if (*text == "true" || *text == "1" || text->empty()) return true;
  return invalid_query(name, "must be true or false");
}

/// Key, secret and optional passphrase as pasted into "Add key" or "Rotate"; the plaintext
/// copies the JSON reader made are wiped as soon as they are sealed into SecretStrings.
struct PastedKey {
  std::string api_key;
  crypto::SecretString secret;
  std::optional<crypto::SecretString> passphrase;
};

crypto::SecretString take_secret(std::string& text) {
  crypto::SecretString secret(text);
  crypto::secure_wipe(text.data(), text.size());
  return secret;
}

core::Result<PastedKey> read_pasted_key(JsonBody const& body) {
  auto api_key = body.required_string("api_key");
  if (!api_key) return api_key.error();
  auto secret = body.required_string("secret");
  if (!secret) return secret.error();
  PastedKey key{std::move(*api_key), take_secret(*secret), std::nullopt};
  auto passphrase = body.optional_string("passphrase");
  if (!passphrase) return passphrase.error();
  if (*passphrase && !(*passphrase)->empty()) key.passphrase = take_secret(**passphrase);
  return key;
}

// Announces a binding's new state to the user's open streams and answers with it.
net::ServerResponse binding_answer(ApiContext& context, std::int64_t user_id,
                                   BindingView const& binding, unsigned status) {
  if (context.observers.changed) context.observers.changed(user_id, binding);
  json::value body = binding_json(binding);
  context.events.publish(user_id, "binding", json::serialize(body));
  return json_response(status, body);
}

net::ServerResponse add_binding(ApiContext& context, ApiRequest const& request,
                                Caller const& caller) {
  auto body = JsonBody::parse(request.body);
  if (!body) return error_response(body.error());
  auto venue = body->optional_string("venue");
  if (!venue) return error_response(venue.error());
  auto label = body->required_string("label");
  if (!label) return error_response(label.error());
  auto key = read_pasted_key(*body);
  if (!key) return error_response(key.error());
  auto scope_text = body->required_string("scope");
  if (!scope_text) return error_response(scope_text.error());
  auto scope = core::parse_scope(*scope_text);
  if (!scope) return error_response(scope.error());

  platform::keys::BindRequest bind;
  if (*venue) bind.venue = std::move(**venue);
  bind.label = std::move(*label);
  bind.api_key = std::move(key->api_key);
  bind.secret = std::move(key->secret);
  bind.passphrase = std::move(key->passphrase);
  bind.scope = *scope;
  auto bound = context.keys.bind(caller.user_id, std::move(bind));
  if (!bound) return error_response(bound.error());
  return binding_answer(context, caller.user_id, *bound, 201);
}

net::ServerResponse list_bindings(ApiContext& context, Caller const& caller) {
  auto bindings = context.keys.list(caller.user_id);
  if (!bindings) return error_response(bindings.error());
  json::array array;
  for (BindingView const& binding : *bindings) array.push_back(binding_json(binding));
  return json_response(200, json::object{{"bindings", std::move(array)}});
}

net::ServerResponse show_binding(ApiContext& context, ApiRequest const& request,
                                 Caller const& caller) {
  auto binding = context.keys.show(caller.user_id, request.param("id"));
  if (!binding) return error_response(binding.error());
  return json_response(200, binding_json(*binding));
}

net::ServerResponse verify_binding(ApiContext& context, ApiRequest const& request,
                                   Caller const& caller) {
  auto binding = context.keys.verify(caller.user_id, request.param("id"));
  if (!binding) return error_response(binding.error());
  return binding_answer(context, caller.user_id, *binding, 200);
}

net::ServerResponse rotate_binding(ApiContext& context, ApiRequest const& request,
                                   Caller const& caller) {
  auto body = JsonBody::parse(request.body);
  if (!body) return error_response(body.error());
  auto key = read_pasted_key(*body);
  if (!key) return error_response(key.error());

  platform::keys::RotateRequest rotate{std::move(key->api_key), std::move(key->secret),
                                       std::move(key->passphrase)};
  auto rotated = context.keys.rotate(caller.user_id, request.param("id"), std::move(rotate));
  if (!rotated) return error_response(rotated.error());
  return binding_answer(context, caller.user_id, *rotated, 200);
}

net::ServerResponse remove_binding(ApiContext& context, ApiRequest const& request,
                                   Caller const& caller) {
  auto cancel = read_flag(request, "cancel_open_orders");
  if (!cancel) return error_response(cancel.error());
  auto removed = context.keys.remove(caller.user_id, request.param("id"), *cancel);
  if (!removed) return error_response(removed.error());
  if (context.observers.removed) context.observers.removed(caller.user_id, removed->id);
  json::object body{{"id", removed->id}, {"cancelled_orders", removed->cancelled_orders}};
  context.events.publish(caller.user_id, "binding_removed", json::serialize(body));
  return json_response(200, body);
}

net::ServerResponse audit(ApiContext& context, ApiRequest const& request, Caller const& caller,
                          bool one_binding) {
  auto limit = read_limit(request);
  if (!limit) return error_response(limit.error());
  std::optional<std::string_view> id;
  if (one_binding) {
    // An unknown (or another user's) binding is a 404, not an empty log.
    auto binding = context.keys.show(caller.user_id, request.param("id"));
    if (!binding) return error_response(binding.error());
    id = request.param("id");
  }
  auto records = context.keys.audit_log(caller.user_id, id, *limit);
  if (!records) return error_response(records.error());
  return json_response(200, audit_json(*records));
}

}  // namespace

void add_binding_routes(Router& router, ApiContext& context) {
  router.add({"POST", "/api/v1/bindings", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return add_binding(context, request, caller);
              }});
  router.add({"GET", "/api/v1/bindings", Access::user,
              [&context](ApiRequest const&, Caller const& caller) {
                return list_bindings(context, caller);
              }});
  router.add({"GET", "/api/v1/bindings/{id}", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return show_binding(context, request, caller);
              }});
  router.add({"DELETE", "/api/v1/bindings/{id}", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return remove_binding(context, request, caller);
              }});
  router.add({"POST", "/api/v1/bindings/{id}/verify", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return verify_binding(context, request, caller);
              }});
  router.add({"POST", "/api/v1/bindings/{id}/rotate", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return rotate_binding(context, request, caller);
              }});
  router.add({"GET", "/api/v1/bindings/{id}/audit", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return audit(context, request, caller, true);
              }});
  router.add({"GET", "/api/v1/audit", Access::user,
              [&context](ApiRequest const& request, Caller const& caller) {
                return audit(context, request, caller, false);
              }});
}

}  // namespace tradelink::api
