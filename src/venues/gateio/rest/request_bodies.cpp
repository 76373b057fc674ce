// Gate.io API v4: "Spot / Create an order", "Futures / Create a futures order", countdown
// cancel-all (gateio-v4.md §11), the `text` rule (§3.3) and unescaped query signing (§2.1).
#include "venues/gateio/rest/request_bodies.hpp"

#include <simdjson.h>

#include <array>
#include <initializer_list>

namespace tradelink::gateio {
namespace {

core::Error request_error(std::string message) {
  return core::validation_error("gateio.request", std::move(message));
}

constexpr std::array<bool, 256> json_escape_table = [] {
  std::array<bool, 256> table{};
  for (std::size_t byte = 0; byte < 0x20; ++byte) table[byte] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

bool needs_json_escape(char c) noexcept {
  return json_escape_table[static_cast<unsigned char>(c)];
}

void append_json_escape(std::string& out, char c) {
  constexpr char hex_digits[] = "0123456789abcdef";
  auto const byte = static_cast<unsigned char>(c);
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      out += "\\u00";
      out += hex_digits[byte >> 4];
      out += hex_digits[byte & 0x0f];
  }
}

/// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped,
/// everything else (UTF-8 included) copied as is, in runs rather than byte by byte.
void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!needs_json_escape(text[i])) continue;
    out.append(text, run_start, i - run_start);
    append_json_escape(out, text[i]);
    run_start = i + 1;
  }
  out.append(text, run_start, text.size() - run_start);
  out += '"';
}

/// Writes one compact JSON object member by member, in call order.
class JsonObjectWriter {
 public:
  JsonObjectWriter() {
    out_.reserve(initial_capacity);
    out_ += '{';
  }

  void string(std::string_view key, std::string_view value) {
    start_member(key);
    append_json_string(out_, value);
  }
  void decimal(std::string_view key, core::Decimal value) {
    std::array<char, core::Decimal::max_text_length> text{};
    std::size_t const size = value.write(text.data());
    string(key, std::string_view(text.data(), size));
  }
  void raw(std::string_view key, std::string_view json) {
    start_member(key);
    out_ += json;
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
  template <class Enum>
  void optional_enum(std::string_view key, std::optional<Enum> value) {
    if (value) string(key, to_string(*value));
  }

  std::string finish() && {
    out_ += '}';
    return std::move(out_);
  }

 private:
  void start_member(std::string_view key) {
    if (out_.size() > 1) out_ += ',';
    append_json_string(out_, key);
    out_ += ':';
  }

  static constexpr std::size_t initial_capacity = 256;  // an order body fits: one allocation
  std::string out_;
};

core::Result<void> check_utf8(std::string_view field, std::string_view value) {
  if (simdjson::validate_utf8(value.data(), value.size())) return core::ok();
  return request_error("field `" + std::string(field) + "` is not valid UTF-8");
}

core::Result<void> check_not_empty(std::string_view field, std::string_view value) {
  if (!value.empty()) return core::ok();
  return request_error("field `" + std::string(field) + "` must not be empty");
}

core::Result<void> check_client_order_id(std::string_view text);

core::Result<void> check_text(std::optional<std::string> const& text) {
  if (!text) return core::ok();
  return check_client_order_id(*text);
}

/// The first failure among `checks`, or success.
core::Result<void> first_failure(std::initializer_list<core::Result<void>> checks) {
  for (auto const& check : checks) {
    if (!check) return check.error();
  }
  return core::ok();
}

bool is_query_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ',' || c == '-';
}

core::Result<void> check_query_part(std::string_view what, std::string_view name,
                                    std::string_view text) {
  if (text.empty()) {
    return core::validation_error("gateio.query", "query parameter `" + std::string(name) +
                                                      "` has an empty " + std::string(what));
  }
  for (char const c : text) {
    if (!is_query_char(c)) {
      return core::validation_error(
          "gateio.query", "query parameter `" + std::string(name) + "` has a " + std::string(what) +
                              " with a character outside [A-Za-z0-9_.,-]");
    }
  }
  return core::ok();
}

}  // namespace

namespace {

core::Result<void> check_client_order_id(std::string_view text) {
  constexpr std::string_view prefix = "t-";
  if (text.substr(0, prefix.size()) != prefix) {
    return core::validation_error("gateio.client_order_id",
                                  "client order id must start with \"t-\"");
  }
  std::string_view const suffix = text.substr(prefix.size());
  if (suffix.empty() || suffix.size() > max_client_order_id_suffix) {
    return core::validation_error("gateio.client_order_id",
                                  "client order id must have 1 to 28 bytes after \"t-\", got " +
                                      std::to_string(suffix.size()));
  }
  for (std::size_t index = 0; index < suffix.size(); ++index) {
    char const c = suffix[index];
    bool const allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!allowed) {
      return core::validation_error("gateio.client_order_id",
                                    "client order id byte " +
                                        std::to_string(index + prefix.size()) +
                                        " is outside [0-9A-Za-z_.-]");
    }
  }
  return core::ok();
}

}  // namespace

core::Result<std::string> validate_client_order_id(std::string_view text) {
  auto checked = check_client_order_id(text);
  if (!checked) return checked.error();
  return std::string(text);
}

core::Result<std::string> serialize_spot_order(SpotOrderRequest const& request) {
  auto const checked = first_failure({
      check_not_empty("currency_pair", request.currency_pair),
      check_utf8("currency_pair", request.currency_pair),
      check_text(request.text),
  });
  if (!checked) return checked.error();
  if (!request.amount.is_positive()) return request_error("field `amount` must be positive");
  if (request.price && !request.price->is_positive()) {
    return request_error("field `price` must be positive when set");
  }

  JsonObjectWriter json;
  json.optional_string("text", request.text);
  json.string("currency_pair", request.currency_pair);
  json.optional_enum("type", request.type);
  json.optional_enum("account", request.account);
  json.string("side", to_string(request.side));
  json.decimal("amount", request.amount);
  json.optional_decimal("price", request.price);
  json.optional_enum("time_in_force", request.time_in_force);
  json.optional_decimal("iceberg", request.iceberg);
  json.optional_boolean("auto_borrow", request.auto_borrow);
  json.optional_boolean("auto_repay", request.auto_repay);
  json.optional_enum("stp_act", request.stp_act);
  json.optional_enum("action_mode", request.action_mode);
  json.optional_decimal("slippage", request.slippage);
  return std::move(json).finish();
}

core::Result<std::string> serialize_futures_order(FuturesOrderRequest const& request,
                                                  FuturesSizeEncoding size_encoding) {
  auto const checked = first_failure({
      check_not_empty("contract", request.contract),
      check_utf8("contract", request.contract),
      check_text(request.text),
  });
  if (!checked) return checked.error();
  if (request.price.is_negative()) return request_error("field `price` must not be negative");

  bool const integer_sizes = size_encoding == FuturesSizeEncoding::integer;
  if (integer_sizes && (request.size.fractional_digits() != 0 ||
                        (request.iceberg && request.iceberg->fractional_digits() != 0))) {
    return request_error(
        "fractional futures sizes need the decimal size encoding (X-Gate-Size-Decimal: 1)");
  }

  JsonObjectWriter json;
  json.string("contract", request.contract);
  if (integer_sizes) {
    json.raw("size", request.size.to_string());
    if (request.iceberg) json.raw("iceberg", request.iceberg->to_string());
  } else {
    json.decimal("size", request.size);
    json.optional_decimal("iceberg", request.iceberg);
  }
  json.decimal("price", request.price);
  json.optional_enum("tif", request.tif);
  json.optional_string("text", request.text);
  json.optional_boolean("reduce_only", request.reduce_only);
  json.optional_boolean("close", request.close);
  json.optional_enum("auto_size", request.auto_size);
  json.optional_enum("stp_act", request.stp_act);
  json.optional_decimal("market_order_slip_ratio", request.market_order_slip_ratio);
  json.optional_enum("pos_margin_mode", request.pos_margin_mode);
  json.optional_enum("action_mode", request.action_mode);
  return std::move(json).finish();
}

namespace {

core::Result<std::string> countdown_body(std::chrono::seconds timeout, std::string_view scope_key,
                                         std::optional<std::string> const& scope) {
  if (timeout.count() < 0) return request_error("field `timeout` must not be negative");
  if (scope) {
    auto const checked =
        first_failure({check_not_empty(scope_key, *scope), check_utf8(scope_key, *scope)});
    if (!checked) return checked.error();
  }
  JsonObjectWriter json;
  json.raw("timeout", std::to_string(timeout.count()));
  json.optional_string(scope_key, scope);
  return std::move(json).finish();
}

}  // namespace

core::Result<std::string> serialize_countdown_cancel(SpotCountdownCancelRequest const& request) {
  return countdown_body(request.timeout, "currency_pair", request.currency_pair);
}

core::Result<std::string> serialize_countdown_cancel(FuturesCountdownCancelRequest const& request) {
  return countdown_body(request.timeout, "contract", request.contract);
}

core::Result<std::string> build_query(std::span<QueryParam const> params) {
  std::string query;
  for (QueryParam const& param : params) {
    auto const checked = first_failure({check_query_part("name", param.name, param.name),
                                        check_query_part("value", param.name, param.value)});
    if (!checked) return checked.error();
    if (!query.empty()) query += '&';
    query += param.name;
    query += '=';
    query += param.value;
  }
  return query;
}

}  // namespace tradelink::gateio
