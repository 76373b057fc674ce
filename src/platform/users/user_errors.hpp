#pragma once
// Stable error codes of the accounts service; the HTTP API maps them to responses.

#include <string_view>

namespace tradelink::platform::users::error_code {

inline constexpr std::string_view email_invalid = "users.email_invalid";
inline constexpr std::string_view email_taken = "users.email_taken";
inline constexpr std::string_view password_too_short = "users.password_too_short";
inline constexpr std::string_view password_too_long = "users.password_too_long";
/// Unknown email or wrong password: deliberately the same code and message for both.
inline constexpr std::string_view bad_credentials = "users.bad_credentials";
/// Unknown, malformed or revoked session or API token.
inline constexpr std::string_view unauthenticated = "users.unauthenticated";
inline constexpr std::string_view session_expired = "users.session_expired";
inline constexpr std::string_view token_name_invalid = "users.token_name_invalid";
inline constexpr std::string_view token_not_found = "users.token_not_found";

}  // namespace tradelink::platform::users::error_code
