#include "venues/gateio/rest/detail/json_object_writer.hpp"

#include <algorithm>
#include <cstring>

namespace tradelink::gateio::detail {

void JsonObjectWriter::grow(std::size_t size) {
  bool const first_growth = !on_heap();
  heap_.resize(std::max(capacity_ * 2, length_ + size));
  if (first_growth) std::memcpy(heap_.data(), stack_.data(), length_);
  data_ = heap_.data();
  capacity_ = heap_.size();
}

void JsonObjectWriter::escaped_string(std::string_view key, std::string_view value,
                                      std::size_t clean) {
  constexpr std::size_t longest_escape = 6;  // \u00XX
  constexpr char hex_digits[] = "0123456789abcdef";
  // Room for the worst case up front: every byte after the clean prefix escaped.
  char* out = member(key, 2 + clean + (value.size() - clean) * longest_escape);
  *out++ = '"';
  out = copy(out, value.substr(0, clean));
  for (char const c : value.substr(clean)) {
    switch (c) {
      case '"': out = copy(out, "\\\""); break;
      case '\\': out = copy(out, "\\\\"); break;
      case '\b': out = copy(out, "\\b"); break;
      case '\f': out = copy(out, "\\f"); break;
      case '\n': out = copy(out, "\\n"); break;
      case '\r': out = copy(out, "\\r"); break;
      case '\t': out = copy(out, "\\t"); break;
      default:
        if (!needs_escape(c)) {
          *out++ = c;
          break;
        }
        auto const byte = static_cast<unsigned char>(c);
        out = copy(out, "\\u00");
        *out++ = hex_digits[byte >> 4U];
        *out++ = hex_digits[byte & 0x0FU];
    }
  }
  *out++ = '"';
  end_at(out);
}

}  // namespace tradelink::gateio::detail
