#pragma once
// Rules for what a user may sign up with.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::platform::users {

inline constexpr std::size_t min_password_length = 10;   ///< in characters (UTF-8 code points)
inline constexpr std::size_t max_password_length = 256;  ///< in characters (UTF-8 code points)
inline constexpr std::size_t max_token_name_length = 64;

/// `email` trimmed and lower-cased (ASCII letters), if it has a plausible shape: one '@', a
/// non-empty local part of at most 64 bytes, a dotted domain without empty labels, no spaces,
/// control or quoting characters, at most 254 bytes. Error users.email_invalid.
[[nodiscard]] core::Result<std::string> normalise_email(std::string_view email);

/// users.password_too_short / users.password_too_long.
[[nodiscard]] core::Result<void> check_password(std::string_view password);

/// A token name is 1..64 bytes without control characters. Error users.token_name_invalid.
[[nodiscard]] core::Result<void> check_token_name(std::string_view name);

}  // namespace tradelink::platform::users
