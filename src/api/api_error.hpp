#pragma once
// The API's error answers: {"error":{"code","message"}} with a stable code, and the HTTP status
// each service error code maps to.

#include <string_view>

#include "core/error.hpp"
#include "net/server_types.hpp"

namespace tradelink::api {

/// Codes the API itself gives (service errors keep their own codes: users.*, keys.*, store.*).
namespace error_code {
inline constexpr std::string_view bad_json = "api.bad_json";
inline constexpr std::string_view invalid_field = "api.invalid_field";
inline constexpr std::string_view not_found = "api.not_found";
inline constexpr std::string_view method_not_allowed = "api.method_not_allowed";
inline constexpr std::string_view unauthenticated = "api.unauthenticated";
inline constexpr std::string_view csrf = "api.csrf";
inline constexpr std::string_view rate_limited = "api.rate_limited";
inline constexpr std::string_view busy = "api.busy";
inline constexpr std::string_view body_too_large = "api.body_too_large";
inline constexpr std::string_view bad_request = "api.bad_request";
inline constexpr std::string_view upgrade_required = "api.upgrade_required";
inline constexpr std::string_view internal = "api.internal";
inline constexpr std::string_view sync_unavailable = "sync.unavailable";
}  // namespace error_code

/// `{"error":{"code":…,"message":…}}` with `status`.
[[nodiscard]] net::ServerResponse error_response(unsigned status, std::string_view code,
                                                 std::string_view message);
/// A service error as an answer: status chosen from its code and layer.
[[nodiscard]] net::ServerResponse error_response(core::Error const& error);
/// The HTTP status of a service error.
[[nodiscard]] unsigned status_of(core::Error const& error) noexcept;
/// The server's own failures (400, 408, 413, 431, 500, 503) in the API's error shape.
[[nodiscard]] net::ErrorBody server_error_body(unsigned status, std::string_view reason);

}  // namespace tradelink::api
