// Scalar readers for the Gate.io REST parsers (gateio-v4.md §3: decimals as strings or numbers,
// times as strings or numbers, ids as strings or numbers).
#include "venues/gateio/rest/detail/json_read.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

namespace tradelink::gateio::detail {
namespace {

/// Raw token text of a scalar without the whitespace simdjson leaves after it.
std::string_view trimmed_token(ondemand::value& value) noexcept {
  std::string_view token = value.raw_json_token();
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                            token.back() == '\r')) {
    token.remove_suffix(1);
  }
  return token;
}

/// A short, printable quotation of server-provided text for error messages.
std::string excerpt(std::string_view text) {
  constexpr std::size_t limit = 40;
  std::string out = "\"";
  for (char const c : text.substr(0, limit)) {
    auto const byte = static_cast<unsigned char>(c);
    out += (byte >= 0x20 && byte < 0x7f) ? c : '?';
  }
  out += text.size() > limit ? "...\"" : "\"";
  return out;
}

Decoded parse_decimal(std::string_view text, core::Decimal& out) {
  auto parsed = core::Decimal::parse(text);
  if (!parsed) {
    return fail("has an invalid decimal " + excerpt(text) + " (" + parsed.error().code + ": " +
                parsed.error().message + ")");
  }
  out = *parsed;
  return {};
}

bool is_integer_text(std::string_view text) noexcept {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Decoded parse_int64(std::string_view text, std::int64_t& out) {
  std::int64_t value = 0;
  auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    return fail("has an integer outside the int64 range: " + excerpt(text));
  }
  if (error != std::errc{} || end != text.data() + text.size()) {
    return fail("is not an integer: " + excerpt(text));
  }
  out = value;
  return {};
}

/// Consumes a JSON null (validating its spelling) and reports whether the value was null.
Decoded take_null(ondemand::value& value, bool& was_null) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  was_null = false;
  if (type != ondemand::json_type::null) return {};
  bool is_null = false;
  if (auto const error = value.is_null().get(is_null)) return malformed(error);
  if (!is_null) return fail("has a malformed null token");
  was_null = true;
  return {};
}

/// Shared shape of the optional readers: null → nullopt, otherwise the required reader.
template <class T, class Reader>
Decoded read_optional(ondemand::value& value, std::optional<T>& out, Reader reader) {
  bool was_null = false;
  if (auto decoded = take_null(value, was_null); !decoded) return decoded;
  if (was_null) {
    out.reset();
    return {};
  }
  T item{};
  if (auto decoded = reader(value, item); !decoded) return decoded;
  out = std::move(item);
  return {};
}

}  // namespace

Decoded fail(std::string problem) {
  return Decoded(boost::system::in_place_error, FieldError{{}, std::move(problem)});
}

Decoded malformed(simdjson::error_code error) {
  return fail(std::string("is malformed JSON (") + simdjson::error_message(error) + ")");
}

FieldError prefixed(FieldError error, std::string_view key) {
  std::string path(key);
  if (!error.path.empty()) {
    if (error.path.front() != '[') path += '.';
    path += error.path;
  }
  error.path = std::move(path);
  return error;
}

Decoded read_type(ondemand::value& value, ondemand::json_type& type) {
  if (auto const error = value.type().get(type)) return malformed(error);
  return {};
}

std::string_view type_name(ondemand::json_type type) noexcept {
  switch (type) {
    case ondemand::json_type::array: return "array";
    case ondemand::json_type::object: return "object";
    case ondemand::json_type::number: return "number";
    case ondemand::json_type::string: return "string";
    case ondemand::json_type::boolean: return "boolean";
    case ondemand::json_type::null: return "null";
  }
  return "unknown";
}

Decoded wrong_type(std::string_view what, ondemand::json_type type) {
  std::string problem = "is not ";
  problem += what;
  problem += " (got ";
  problem += type_name(type);
  problem += ')';
  return fail(std::move(problem));
}

Decoded read(ondemand::value& value, core::Decimal& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  switch (type) {
    case ondemand::json_type::string: {
      std::string_view text;
      if (auto const error = value.get_string().get(text)) return malformed(error);
      return parse_decimal(text, out);
    }
    case ondemand::json_type::number: return parse_decimal(trimmed_token(value), out);
    case ondemand::json_type::null: return fail("is null");
    default: return wrong_type("a decimal string or number", type);
  }
}

Decoded read(ondemand::value& value, std::optional<core::Decimal>& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::string) {
    std::string_view text;
    if (auto const error = value.get_string().get(text)) return malformed(error);
    if (text.empty()) {
      out.reset();
      return {};
    }
    core::Decimal parsed;
    if (auto decoded = parse_decimal(text, parsed); !decoded) return decoded;
    out = parsed;
    return {};
  }
  return read_optional(value, out, [](ondemand::value& v, core::Decimal& d) { return read(v, d); });
}

Decoded read(ondemand::value& value, std::string& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::null) return fail("is null");
  if (type != ondemand::json_type::string) return wrong_type("a string", type);
  std::string_view text;
  if (auto const error = value.get_string().get(text)) return malformed(error);
  out.assign(text);
  return {};
}

Decoded read(ondemand::value& value, std::optional<std::string>& out) {
  return read_optional(value, out, [](ondemand::value& v, std::string& s) { return read(v, s); });
}

Decoded read(ondemand::value& value, std::int64_t& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  switch (type) {
    case ondemand::json_type::string: {
      std::string_view text;
      if (auto const error = value.get_string().get(text)) return malformed(error);
      return parse_int64(text, out);
    }
    case ondemand::json_type::number: return parse_int64(trimmed_token(value), out);
    case ondemand::json_type::null: return fail("is null");
    default: return wrong_type("an integer", type);
  }
}

Decoded read(ondemand::value& value, std::optional<std::int64_t>& out) {
  return read_optional(value, out, [](ondemand::value& v, std::int64_t& i) { return read(v, i); });
}

Decoded read(ondemand::value& value, bool& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::null) return fail("is null");
  if (type != ondemand::json_type::boolean) return wrong_type("a boolean", type);
  if (auto const error = value.get_bool().get(out)) return malformed(error);
  return {};
}

Decoded read(ondemand::value& value, std::optional<bool>& out) {
  return read_optional(value, out, [](ondemand::value& v, bool& b) { return read(v, b); });
}

Decoded read(ondemand::value& value, std::vector<std::string>& out) {
  bool was_null = false;
  if (auto decoded = take_null(value, was_null); !decoded) return decoded;
  out.clear();
  if (was_null) return {};
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type != ondemand::json_type::array) return wrong_type("an array of strings", type);
  ondemand::array array;
  if (auto const error = value.get_array().get(array)) return malformed(error);
  std::size_t index = 0;
  for (auto element : array) {
    ondemand::value item;
    if (auto const error = std::move(element).get(item)) return malformed(error);
    std::string text;
    if (auto decoded = read(item, text); !decoded) {
      return Decoded(boost::system::in_place_error,
                     prefixed(std::move(decoded.error()), "[" + std::to_string(index) + "]"));
    }
    out.push_back(std::move(text));
    ++index;
  }
  return {};
}

Decoded read(ondemand::value& value, std::optional<std::vector<std::string>>& out) {
  return read_optional(
      value, out, [](ondemand::value& v, std::vector<std::string>& list) { return read(v, list); });
}

Decoded read_id(ondemand::value& value, std::string& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::string) return read(value, out);
  if (type == ondemand::json_type::null) return fail("is null");
  if (type != ondemand::json_type::number) return wrong_type("an id string or integer", type);
  std::string_view const token = trimmed_token(value);
  if (!is_integer_text(token)) return fail("is not an integer id: " + excerpt(token));
  out.assign(token);
  return {};
}

Decoded read_id(ondemand::value& value, std::optional<std::string>& out) {
  return read_optional(value, out,
                       [](ondemand::value& v, std::string& s) { return read_id(v, s); });
}

}  // namespace tradelink::gateio::detail
