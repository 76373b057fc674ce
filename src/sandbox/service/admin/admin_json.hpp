#pragma once
// JSON of the admin API: key and user objects out, key specifications and small typed reads in
// (on top of rest/json_body.hpp, with the same refusal labels).

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sandbox/auth/key_store.hpp"
#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/rest_types.hpp"
#include "sandbox/service/user_directory.hpp"

namespace tradelink::sandbox::admin {

/// A key as the admin API shows it: key, user_id, name, perms, withdraw, ip_whitelist,
/// currency_pairs, state, mode, created_at / updated_at / last_access (Unix seconds) and
/// expires_at (Unix seconds when 90-day expiry applies, else 0); the secret only when asked.
[[nodiscard]] boost::json::object key_json(ApiKey const& key, bool with_secret);
/// {"user_id","name"}.
[[nodiscard]] boost::json::object user_json(User const& user);

/// A reply with status and serialized JSON body.
[[nodiscard]] rest::RestReply json_reply(unsigned status, boost::json::value const& body);

/// Fills `spec` from the fields present in `body` (name, perms, withdraw, ip_whitelist,
/// currency_pairs, state, mode; key and secret when `with_credentials`); absent fields keep
/// their value. INVALID_PARAM_VALUE naming a field of the wrong type or range.
[[nodiscard]] Checked<KeySpec> read_key_spec(rest::BodyReader const& body, KeySpec spec,
                                             bool with_credentials);

/// An optional array of strings. INVALID_PARAM_VALUE when not an array of strings.
[[nodiscard]] Checked<std::optional<std::vector<std::string>>> optional_strings(
    rest::BodyReader const& body, std::string_view name);

/// 404 USER_NOT_FOUND.
[[nodiscard]] Refusal user_not_found(std::int64_t user_id);

}  // namespace tradelink::sandbox::admin
