#pragma once
// Internal to the Gate.io request bodies: one compact JSON object written member by member, in
// call order, into a stack buffer and copied into the returned string once (an order body costs
// one allocation of its own size, or none when written into a recycled string).
// Member names are compile-time text: each member's opening `,"name":` is built by the compiler
// (the first member's comma becomes the `{`). String values are escaped where JSON requires it;
// decimals, booleans and enum names go in as they are.

#include <array>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.hpp"
#include "venues/gateio/rest/detail/short_text.hpp"

namespace tradelink::gateio::detail {

/// A member's opening, `,"name":`, from the string literal `name` (plain ASCII, nothing to
/// escape). A structural type, so that names are template arguments: `json.string<"side">(…)`.
template <std::size_t N>
struct MemberName {
  static constexpr std::size_t size = N + 3;  // N - 1 name bytes, the comma, two quotes, colon
  // NOLINTNEXTLINE(google-explicit-constructor): literals convert as template arguments
  consteval MemberName(char const (&name)[N]) {
    text[0] = ',';
    text[1] = '"';
    for (std::size_t i = 0; i + 1 < N; ++i) text[i + 2] = name[i];
    text[N + 1] = '"';
    text[N + 2] = ':';
  }
  /// `,"name":` as written into the object.
  [[nodiscard]] constexpr std::string_view opening() const noexcept { return {text.data(), size}; }
  /// The name itself, without the punctuation around it.
  [[nodiscard]] constexpr std::string_view name() const noexcept {
    return {text.data() + 2, size - 4};
  }

  std::array<char, size> text{};
};

class JsonObjectWriter {
 public:
  JsonObjectWriter() = default;
  JsonObjectWriter(JsonObjectWriter const&) = delete;
  JsonObjectWriter& operator=(JsonObjectWriter const&) = delete;

  /// `value` as a JSON string: quotes, backslashes and control characters escaped, everything
  /// else (UTF-8 included) copied as is.
  template <MemberName name>
  void string(std::string_view value) {
    put_string(name.opening(), value);
  }
  /// `value` quoted as is: for tradelink's own text that holds nothing JSON escapes.
  template <MemberName name>
  void plain_string(std::string_view value) {
    put_plain_string(name.opening(), value);
  }
  /// A decimal as a JSON string, the way Gate sends and accepts amounts and prices.
  template <MemberName name>
  void decimal(core::Decimal value) {
    put_decimal(name.opening(), value);
  }
  /// `json` is already valid JSON (a number, a literal).
  template <MemberName name>
  void raw(std::string_view json) {
    put_raw(name.opening(), json);
  }
  template <MemberName name>
  void boolean(bool value) {
    raw<name>(value ? "true" : "false");
  }

  template <MemberName name, class T>
  void optional_decimal(std::optional<T> const& value) {
    if (value) decimal<name>(*value);
  }
  template <MemberName name>
  void optional_string(std::optional<std::string> const& value) {
    if (value) string<name>(*value);
  }
  template <MemberName name>
  void optional_boolean(std::optional<bool> value) {
    if (value) boolean<name>(*value);
  }
  /// A client order id that passed validate_client_order_id: [0-9A-Za-z_.-] after "t-",
  /// nothing to escape.
  template <MemberName name>
  void optional_client_order_id(std::optional<std::string> const& value) {
    if (value) plain_string<name>(*value);
  }
  /// Enum names are tradelink's own lowercase identifiers: nothing to escape.
  template <MemberName name, class Enum>
  void optional_enum(std::optional<Enum> value) {
    if (value) plain_string<name>(to_string(*value));
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
    out.resize(length_);  // no more than a length change for a body the size of the last one
    std::memcpy(out.data(), data_, length_);
  }

 private:
  /// Where the next `size` bytes go: in the stack buffer while the object fits (an order body
  /// does), else in `heap_`, kept at its full size. `length_` marks the end of what was written.
  char* room(std::size_t size) {
    if (capacity_ - length_ < size) grow(size);
    return data_ + length_;
  }
  [[gnu::cold, gnu::noinline]] void grow(std::size_t size);
  /// The first member's comma becomes the opening brace; an object without members is "{}".
  void close() {
    char* out = room(2);
    if (length_ == 0) *out++ = '{';
    *out++ = '}';
    end_at(out);
    data_[0] = '{';
  }
  [[nodiscard]] bool on_heap() const noexcept { return data_ != stack_.data(); }
  void end_at(char const* out) noexcept { length_ = static_cast<std::size_t>(out - data_); }

  // The writers are out of line and shared by every member: an order body runs through the
  // same few lines of code for each of its members, which keeps the signing path's code small
  // next to the SHA-512 code it runs with. `opening` is a member's `,"name":`.
  void put_string(std::string_view opening, std::string_view value);
  void put_plain_string(std::string_view opening, std::string_view value);
  void put_decimal(std::string_view opening, core::Decimal value);
  void put_raw(std::string_view opening, std::string_view json);
  void put_escaped_string(std::string_view opening, std::string_view value, std::size_t clean);
  /// Writes `opening` with room for `value_size` more bytes after it, and returns where the
  /// value goes.
  char* member(std::string_view opening, std::size_t value_size) {
    char* out = room(opening.size() + value_size);
    return copy_text(out, opening);
  }

  static constexpr std::size_t stack_capacity = 512;
  // Left uninitialised on purpose: only the first length_ bytes are ever read.
  std::array<char, stack_capacity> stack_;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::string heap_;
  char* data_ = stack_.data();
  std::size_t capacity_ = stack_capacity;
  std::size_t length_ = 0;
};

}  // namespace tradelink::gateio::detail
