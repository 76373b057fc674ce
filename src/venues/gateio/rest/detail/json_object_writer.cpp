#include "venues/gateio/rest/detail/json_object_writer.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "venues/gateio/rest/detail/byte_scan.hpp"

namespace tradelink::gateio::detail {
namespace {

/// Control characters, '"' and '\\'.
constexpr std::array<bool, 256> escaped_bytes = [] {
  std::array<bool, 256> escaped{};
  for (std::size_t byte = 0; byte < 0x20; ++byte) escaped[byte] = true;
  escaped['"'] = true;
  escaped['\\'] = true;
  return escaped;
}();

bool needs_escape(char c) noexcept {
  return escaped_bytes[static_cast<unsigned char>(c)];
}

/// Length of the start of `value` that JSON takes as it is.
std::size_t unescaped_prefix(std::string_view value) noexcept {
  std::size_t i = 0;
  while (i < value.size() && !needs_escape(value[i])) ++i;
  return i;
}

}  // namespace

void JsonObjectWriter::grow(std::size_t size) {
  bool const first_growth = !on_heap();
  heap_.resize(std::max(capacity_ * 2, length_ + size));
  if (first_growth) std::memcpy(heap_.data(), stack_.data(), length_);
  data_ = heap_.data();
  capacity_ = heap_.size();
}

void JsonObjectWriter::put_string(std::string_view opening, std::string_view value) {
  if (!has_json_escaped(value)) return put_plain_string(opening, value);
  put_escaped_string(opening, value, unescaped_prefix(value));
}

void JsonObjectWriter::put_plain_string(std::string_view opening, std::string_view value) {
  char* out = member(opening, value.size() + 2);
  *out++ = '"';
  out = copy_text(out, value);
  *out++ = '"';
  end_at(out);
}

void JsonObjectWriter::put_decimal(std::string_view opening, core::Decimal value) {
  char* out = member(opening, core::Decimal::max_text_length + 2);
  *out++ = '"';
  out += value.write(out);
  *out++ = '"';
  end_at(out);
}

void JsonObjectWriter::put_raw(std::string_view opening, std::string_view json) {
  end_at(copy_text(member(opening, json.size()), json));
}

void JsonObjectWriter::put_escaped_string(std::string_view opening, std::string_view value,
                                          std::size_t clean) {
  constexpr std::size_t longest_escape = 6;  // \u00XX
  constexpr char hex_digits[] = "0123456789abcdef";
  // Room for the worst case up front: every byte after the clean prefix escaped.
  char* out = member(opening, 2 + clean + (value.size() - clean) * longest_escape);
  *out++ = '"';
  out = copy_text(out, value.substr(0, clean));
  for (char const c : value.substr(clean)) {
    switch (c) {
      case '"': out = copy_text(out, "\\\""); break;
      case '\\': out = copy_text(out, "\\\\"); break;
      case '\b': out = copy_text(out, "\\b"); break;
      case '\f': out = copy_text(out, "\\f"); break;
      case '\n': out = copy_text(out, "\\n"); break;
      case '\r': out = copy_text(out, "\\r"); break;
      case '\t': out = copy_text(out, "\\t"); break;
      default:
        if (!needs_escape(c)) {
          *out++ = c;
          break;
        }
        auto const byte = static_cast<unsigned char>(c);
        out = copy_text(out, "\\u00");
        *out++ = hex_digits[byte >> 4U];
        *out++ = hex_digits[byte & 0x0FU];
    }
  }
  *out++ = '"';
  end_at(out);
}

}  // namespace tradelink::gateio::detail
