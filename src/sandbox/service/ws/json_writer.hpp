#pragma once
// A small append-only JSON text builder for the WebSocket pushes: the channel renderers write
// Gate's field order directly into one string (no DOM, one allocation per message in steady
// state). Keys are written as given (callers pass literal ASCII names); string values are
// escaped.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/decimal.hpp"

namespace tradelink::sandbox::ws {

class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve = 256) { text_.reserve(reserve); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// Starts a member: `"name":` (with the comma before it when needed).
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view value);
  JsonWriter& integer(std::int64_t value);
  JsonWriter& unsigned_integer(std::uint64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  /// A decimal as a JSON string: "65000.5" (Gate's usual form for prices and amounts).
  JsonWriter& decimal_string(core::Decimal value);
  /// A decimal as a JSON number: 65000.5 (Gate's form in futures balance and position pushes).
  JsonWriter& decimal_number(core::Decimal value);
  /// An integer as a JSON string: "1700000000".
  JsonWriter& integer_string(std::int64_t value);
  /// Already valid JSON text, inserted as one value.
  JsonWriter& raw(std::string_view json);

  [[nodiscard]] std::string const& text() const noexcept { return text_; }
  [[nodiscard]] std::string take() noexcept { return std::move(text_); }

 private:
  void value_prefix();

  std::string text_;
  /// True when the next value in the current container needs a comma first.
  bool need_comma_ = false;
  /// True right after key(): the value follows without a comma.
  bool after_key_ = false;
};

/// Appends `value` to `out` as a quoted, escaped JSON string.
void append_json_string(std::string& out, std::string_view value);

}  // namespace tradelink::sandbox::ws
