#include "platform/keys/sanitize.hpp"

#include <cstdint>
#include <optional>

namespace tradelink::platform::keys {
namespace {

enum class CharClass { keep, whitespace, invisible, control, invalid };

struct Decoded {
  char32_t code = 0;
  std::size_t length = 0;
};

/// One UTF-8 code point at the front of `text`; nullopt for malformed UTF-8.
std::optional<Decoded> decode(std::string_view text) {
  auto const byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  std::uint8_t const lead = byte(0);
  if (lead < 0x80) return Decoded{lead, 1};
  std::size_t length = 0;
  char32_t code = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  } else {
    return std::nullopt;
  }
  if (text.size() < length) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return std::nullopt;
    code = (code << 6) | (byte(i) & 0x3F);
  }
  return Decoded{code, length};
}

CharClass classify(char32_t code) {
  switch (code) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case U'\u00A0':  // no-break space
    case U'\u2007':  // figure space
    case U'\u202F':  // narrow no-break space
    case U'\u3000': return CharClass::whitespace;
    case U'\u200B':                               // zero-width space
    case U'\u200C':                               // zero-width non-joiner
    case U'\u200D':                               // zero-width joiner
    case U'\u2060':                               // word joiner
    case U'\uFEFF':                               // byte-order mark / zero-width no-break space
    case U'\u00AD': return CharClass::invisible;  // soft hyphen
    default: break;
  }
  if (code >= U'\u2000' && code <= U'\u200A') return CharClass::whitespace;  // en/em spaces
  if (code < 0x20 || code == 0x7F || (code >= 0x80 && code < 0xA0)) return CharClass::control;
  return CharClass::keep;
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace

core::Result<CleanField> clean_field(std::string_view pasted, std::string_view field) {
  std::string kept;
  kept.reserve(pasted.size());
  CleanField result;
  while (!pasted.empty()) {
    auto const decoded = decode(pasted);
    if (!decoded) {
      crypto::secure_wipe(kept.data(), kept.size());
      return core::validation_error(
          "keys.not_printable",
          "The " + std::string(field) +
              " contains bytes that are not text; paste it again from the exchange's page.");
    }
    std::string_view const bytes = pasted.substr(0, decoded->length);
    switch (classify(decoded->code)) {
      case CharClass::keep: kept.append(bytes); break;
      case CharClass::whitespace: ++result.removed_whitespace; break;
      case CharClass::invisible: ++result.removed_invisible; break;
      case CharClass::control:
      case CharClass::invalid:
        crypto::secure_wipe(kept.data(), kept.size());
        return core::validation_error(
            "keys.not_printable",
            "The " + std::string(field) +
                " contains control characters; paste it again from the exchange's page.");
    }
    pasted.remove_prefix(decoded->length);
  }
  if (kept.empty()) {
    return core::validation_error("keys.empty", "The " + std::string(field) + " is empty.");
  }
  if (kept.size() > max_credential_length) {
    crypto::secure_wipe(kept.data(), kept.size());
    return core::validation_error("keys.too_long",
                                  "The " + std::string(field) + " is longer than " +
                                      std::to_string(max_credential_length) +
                                      " characters; it cannot be an API credential.");
  }
  result.value = crypto::SecretString(kept);
  crypto::secure_wipe(kept.data(), kept.size());
  return result;
}

std::string describe_cleaning(CleanField const& field, std::string_view name) {
  if (field.removed_whitespace == 0 && field.removed_invisible == 0) return {};
  std::string text = "removed ";
  if (field.removed_whitespace > 0) {
    text += plural(field.removed_whitespace, "space or line break", "spaces and line breaks");
  }
  if (field.removed_invisible > 0) {
    if (field.removed_whitespace > 0) text += " and ";
    text += plural(field.removed_invisible, "invisible (zero-width) character",
                   "invisible (zero-width) characters");
  }
  return text + " from the " + std::string(name);
}

}  // namespace tradelink::platform::keys
