#pragma once
// Cleaning what a user pasted as key, secret and passphrase: copy-paste brings spaces, tabs,
// line breaks, no-break spaces and zero-width characters along. They are removed and the user is
// told; what cannot be a credential at all (empty, oversized, control characters) is refused.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crypto/secret_string.hpp"

namespace tradelink::platform::keys {

/// Longest key, secret or passphrase accepted (Gate's are 32/64 characters).
inline constexpr std::size_t max_credential_length = 256;

/// One cleaned field and what was removed from it.
struct CleanField {
  crypto::SecretString value;
  std::size_t removed_whitespace = 0;  ///< spaces, tabs, line breaks, no-break spaces
  std::size_t removed_invisible = 0;   ///< zero-width characters and byte-order marks
};

/// Removes whitespace and invisible characters anywhere in `pasted` (`field` names it in errors:
/// "API key", "secret"). Errors (validation): `keys.empty` (nothing left), `keys.too_long`,
/// `keys.not_printable` (control characters or bytes that are not UTF-8 text). The error
/// message never contains the value.
[[nodiscard]] core::Result<CleanField> clean_field(std::string_view pasted, std::string_view field);

/// "removed 2 spaces and 1 zero-width character from the secret", or "" when nothing was removed.
[[nodiscard]] std::string describe_cleaning(CleanField const& field, std::string_view name);

}  // namespace tradelink::platform::keys
