#pragma once
// Internal to the Gate.io request bodies: one compact JSON object written member by member, in
// call order, into a stack buffer and copied into the returned string once (an order body costs
// one allocation of its own size, or none when written into a recycled string). Each member
// reserves its room once and is copied in whole pieces.
// Keys are the caller's field names, plain ASCII written as given; string values are escaped
// where JSON requires it; decimals, booleans and enum names go in as they are.

#include <array>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.hpp"
#include "venues/gateio/rest/detail/byte_scan.hpp"

namespace tradelink::gateio::detail {

class JsonObjectWriter {
 public:
  JsonObjectWriter() { stack_[0] = '{'; }
  JsonObjectWriter(JsonObjectWriter const&) = delete;
  JsonObjectWriter& operator=(JsonObjectWriter const&) = delete;

  /// `value` as a JSON string: quotes, backslashes and control characters escaped, everything
  /// else (UTF-8 included) copied as is.
  void string(std::string_view key, std::string_view value) {
    if (!has_json_escaped(value)) return plain_string(key, value);
    escaped_string(key, value, unescaped_prefix(value));
  }
  /// `value` quoted as is: for tradelink's own text that holds nothing JSON escapes.
  void plain_string(std::string_view key, std::string_view value) {
    char* out = member(key, value.size() + 2);
    *out++ = '"';
    out = copy(out, value);
    *out++ = '"';
    end_at(out);
  }
  /// A decimal as a JSON string, the way Gate sends and accepts amounts and prices.
  void decimal(std::string_view key, core::Decimal value) {
    char* out = member(key, core::Decimal::max_text_length + 2);
    *out++ = '"';
    out += value.write(out);
    *out++ = '"';
    end_at(out);
  }
  /// `json` is already valid JSON (a number, a literal).
  void raw(std::string_view key, std::string_view json) {
    end_at(copy(member(key, json.size()), json));
  }
  void boolean(std::string_view key, bool value) { raw(key, value ? "true" : "false"); }

  template <class T>
  void optional_decimal(std::string_view key, std::optional<T> const& value) {
    if (value) decimal(key, *value);
  }
  void optional_string(std::string_view key, std::optional<std::string> const& value) {
    if (value) string(key, *value);
  }
  void optional_boolean(std::string_view key, std::optional<bool> value) {
    if (value) boolean(key, *value);
  }
  /// A client order id that passed validate_client_order_id: [0-9A-Za-z_.-] after "t-",
  /// nothing to escape.
  void optional_client_order_id(std::string_view key, std::optional<std::string> const& value) {
    if (value) plain_string(key, *value);
  }
  /// Enum names are tradelink's own lowercase identifiers: nothing to escape.
  template <class Enum>
  void optional_enum(std::string_view key, std::optional<Enum> value) {
    if (value) plain_string(key, to_string(*value));
  }

  [[nodiscard]] std::string finish() && {
    close();
    if (on_heap()) {
      heap_.resize(length_);
      return std::move(heap_);
    }
    return {stack_.data(), length_};
  }
  /// Replaces `out` with the object: a recycled string that held an earlier body keeps its
  /// buffer, so a steady sender writes its bodies without allocating.
  void finish_into(std::string& out) && {
    close();
    out.assign(data_, length_);
  }

 private:
  /// Length of the start of `value` that JSON takes as it is.
  static std::size_t unescaped_prefix(std::string_view value) noexcept {
    std::size_t i = 0;
    while (i < value.size() && !needs_escape(value[i])) ++i;
    return i;
  }
  static bool needs_escape(char c) noexcept { return escaped_bytes[static_cast<unsigned char>(c)]; }
  /// Control characters, '"' and '\\'.
  static constexpr std::array<bool, 256> escaped_bytes = [] {
    std::array<bool, 256> escaped{};
    for (std::size_t byte = 0; byte < 0x20; ++byte) escaped[byte] = true;
    escaped['"'] = true;
    escaped['\\'] = true;
    return escaped;
  }();
  static char* copy(char* out, std::string_view text) noexcept {
    std::memcpy(out, text.data(), text.size());
    return out + text.size();
  }

  /// Where the next `size` bytes go: in the stack buffer while the object fits (an order body
  /// does), else in `heap_`, kept at its full size. `length_` marks the end of what was written.
  char* room(std::size_t size) {
    if (capacity_ - length_ < size) grow(size);
    return data_ + length_;
  }
  void grow(std::size_t size);
  void close() {
    char* out = room(1);
    *out++ = '}';
    end_at(out);
  }
  [[nodiscard]] bool on_heap() const noexcept { return data_ != stack_.data(); }
  void end_at(char const* out) noexcept { length_ = static_cast<std::size_t>(out - data_); }

  /// Writes `,"key":` (no comma before the first member) with room for `value_size` more bytes
  /// after it, and returns where the value goes.
  char* member(std::string_view key, std::size_t value_size) {
    char* out = room(key.size() + 4 + value_size);
    if (length_ > 1) *out++ = ',';
    *out++ = '"';
    out = copy(out, key);
    *out++ = '"';
    *out++ = ':';
    return out;
  }
  void escaped_string(std::string_view key, std::string_view value, std::size_t clean);

  static constexpr std::size_t stack_capacity = 512;
  // Left uninitialised on purpose: only the first length_ bytes are ever read.
  std::array<char, stack_capacity> stack_;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::string heap_;
  char* data_ = stack_.data();
  std::size_t capacity_ = stack_capacity;
  std::size_t length_ = 1;
};

}  // namespace tradelink::gateio::detail
