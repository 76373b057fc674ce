#include "core/symbol.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tradelink::core {
namespace {

constexpr bool is_symbol_character(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Error symbol_error(std::string_view text, std::string_view reason) {
  // Long garbage (a pasted document) is cut so the message stays readable.
  constexpr std::size_t shown = 40;
  std::string_view const ellipsis = text.size() > shown ? "…" : "";
  return validation_error("symbol.parse", fmt::format("\"{}{}\" is not a symbol: {}",
                                                      text.substr(0, shown), ellipsis, reason));
}

/// Why `c` at `offset` cannot be part of a symbol.
std::string describe_bad_character(char c, std::size_t offset) {
  if (c >= 'a' && c <= 'z') {
    return fmt::format("lower-case '{}' at offset {} (symbols are upper case, e.g. BTC_USDT)", c,
                       offset);
  }
  auto const byte = static_cast<unsigned char>(c);
  std::string shown =
      byte > 0x20 && byte < 0x7f ? fmt::format("'{}'", c) : fmt::format("byte 0x{:02x}", byte);
  return fmt::format("unexpected {} at offset {} (only A-Z, 0-9 and one '_' are allowed)", shown,
                     offset);
}

}  // namespace

Result<Symbol> Symbol::parse(std::string_view text) {
  if (text.empty()) return symbol_error(text, "expected BASE_QUOTE such as BTC_USDT");
  if (text.size() > max_length) {
    return symbol_error(text, fmt::format("longer than {} characters", max_length));
  }
  std::size_t separator = std::string_view::npos;
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    char const c = text[offset];
    if (c == '_') {
      if (separator != std::string_view::npos) {
        return symbol_error(text, fmt::format("a second '_' at offset {}", offset));
      }
      separator = offset;
    } else if (!is_symbol_character(c)) {
      return symbol_error(text, describe_bad_character(c, offset));
    }
  }
  if (separator == std::string_view::npos) {
    return symbol_error(text, "missing the '_' between base and quote (e.g. BTC_USDT)");
  }
  if (separator == 0) return symbol_error(text, "the base currency before '_' is empty");
  if (separator + 1 == text.size()) {
    return symbol_error(text, "the quote currency after '_' is empty");
  }

  Symbol symbol;
  std::copy(text.begin(), text.end(), symbol.characters_.begin());
  symbol.length_ = static_cast<std::uint8_t>(text.size());
  symbol.separator_ = static_cast<std::uint8_t>(separator);
  return symbol;
}

Result<Symbol> Symbol::from_parts(std::string_view base, std::string_view quote) {
  std::string joined;
  joined.reserve(base.size() + 1 + quote.size());
  joined.append(base).append("_").append(quote);
  // A '_' inside either part would shift the split, so it is caught here with a part-level message.
  if (base.find('_') != std::string_view::npos || quote.find('_') != std::string_view::npos) {
    return symbol_error(joined, "a currency code cannot contain '_'");
  }
  return parse(joined);
}

}  // namespace tradelink::core
