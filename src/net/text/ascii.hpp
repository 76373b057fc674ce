#pragma once
// ASCII helpers for protocol text (header names, tokens), where case folding is ASCII-only by
// definition and locale-dependent std::tolower would be wrong as well as slow.

#include <algorithm>
#include <string_view>

namespace tradelink::net::detail {

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Equal ignoring ASCII case ("Content-Type" == "content-type").
[[nodiscard]] constexpr bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

/// An RFC 9110 token (header field names, methods): non-empty, tchar only.
[[nodiscard]] constexpr bool is_http_token(std::string_view text) noexcept {
  constexpr std::string_view punctuation = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           punctuation.find(c) != std::string_view::npos;
  });
}

/// A header field value that cannot break HTTP framing: no CR, LF or NUL.
[[nodiscard]] constexpr bool is_safe_field_value(std::string_view text) noexcept {
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

}  // namespace tradelink::net::detail
