#pragma once
// Reads an API secret without putting it on the command line (where `ps` shows it): from an
// environment variable, from standard input when piped, or from the terminal with echo off.

#include <optional>
#include <string_view>

#include "crypto/secret_string.hpp"

namespace tradelink::cli {

/// The secret from `$env_name`, else one line of standard input (prompting with echo off when
/// it is a terminal). Surrounding whitespace is dropped. nullopt when nothing was given.
std::optional<crypto::SecretString> read_secret(std::string_view env_name, std::string_view prompt);

}  // namespace tradelink::cli
