#include "sandbox/service/ws/json_writer.hpp"

#include <array>
#include <charconv>

namespace tradelink::sandbox::ws {

void append_json_string(std::string& out, std::string_view value) {
  static constexpr std::string_view hex = "0123456789abcdef";
  out.push_back('"');
  for (char const c : value) {
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          auto const byte = static_cast<std::size_t>(static_cast<unsigned char>(c));
          out.append("\\u00");
          out.push_back(hex[byte >> 4U]);
          out.push_back(hex[byte & 0x0FU]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void JsonWriter::value_prefix() {
  if (after_key_) {
    after_key_ = false;
  } else if (need_comma_) {
    text_.push_back(',');
  }
  need_comma_ = true;
}

JsonWriter& JsonWriter::begin_object() {
  value_prefix();
  text_.push_back('{');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  text_.push_back('}');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  value_prefix();
  text_.push_back('[');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  text_.push_back(']');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (need_comma_) text_.push_back(',');
  text_.push_back('"');
  text_.append(name);
  text_.append("\":");
  after_key_ = true;
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
  value_prefix();
  append_json_string(text_, value);
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t value) {
  value_prefix();
  std::array<char, 24> buffer{};
  auto const [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)error;  // 24 bytes always fit an int64
  text_.append(buffer.data(), end);
  return *this;
}

JsonWriter& JsonWriter::unsigned_integer(std::uint64_t value) {
  value_prefix();
  std::array<char, 24> buffer{};
  auto const [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)error;
  text_.append(buffer.data(), end);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  value_prefix();
  text_.append(value ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  value_prefix();
  text_.append("null");
  return *this;
}

JsonWriter& JsonWriter::decimal_string(core::Decimal value) {
  value_prefix();
  std::array<char, core::Decimal::max_text_length> buffer{};
  std::size_t const length = value.write(buffer.data());
  text_.push_back('"');
  text_.append(buffer.data(), length);
  text_.push_back('"');
  return *this;
}

JsonWriter& JsonWriter::decimal_number(core::Decimal value) {
  value_prefix();
  std::array<char, core::Decimal::max_text_length> buffer{};
  text_.append(buffer.data(), value.write(buffer.data()));
  return *this;
}

JsonWriter& JsonWriter::integer_string(std::int64_t value) {
  value_prefix();
  std::array<char, 24> buffer{};
  auto const [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)error;
  text_.push_back('"');
  text_.append(buffer.data(), end);
  text_.push_back('"');
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  value_prefix();
  text_.append(json);
  return *this;
}

}  // namespace tradelink::sandbox::ws
