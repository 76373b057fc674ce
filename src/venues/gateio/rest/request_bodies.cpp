// Gate.io API v4: "Spot / Create an order", "Futures / Create a futures order", countdown
// cancel-all (gateio-v4.md §11), the `text` rule (§3.3) and unescaped query signing (§2.1).
#include "venues/gateio/rest/request_bodies.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <initializer_list>

#include "venues/gateio/rest/detail/byte_scan.hpp"
#include "venues/gateio/rest/detail/json_object_writer.hpp"

namespace tradelink::gateio {
namespace {

core::Error request_error(std::string message) {
  return core::validation_error("gateio.request", std::move(message));
}

using detail::JsonObjectWriter;

// The errors are built out of line, so that the checks stay small enough to inline on the
// order path.
[[gnu::cold, gnu::noinline]] core::Error field_error(std::string_view field,
                                                     std::string_view problem) {
  return request_error("field `" + std::string(field) + "` " + std::string(problem));
}

core::Result<void> check_utf8(std::string_view field, std::string_view value) {
  // ASCII (symbols, client order ids) is UTF-8 already; only other text needs the full check.
  if (!detail::has_non_ascii(value) || simdjson::validate_utf8(value.data(), value.size())) {
    return core::ok();
  }
  return field_error(field, "is not valid UTF-8");
}

core::Result<void> check_not_empty(std::string_view field, std::string_view value) {
  if (!value.empty()) return core::ok();
  return field_error(field, "must not be empty");
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

/// [0-9A-Za-z_.-], the bytes Gate allows after "t-".
constexpr std::array<bool, 256> client_order_id_chars = [] {
  std::array<bool, 256> allowed{};
  for (char c = '0'; c <= '9'; ++c) allowed[static_cast<unsigned char>(c)] = true;
  for (char c = 'A'; c <= 'Z'; ++c) allowed[static_cast<unsigned char>(c)] = true;
  for (char c = 'a'; c <= 'z'; ++c) allowed[static_cast<unsigned char>(c)] = true;
  for (char const c : {'_', '.', '-'}) allowed[static_cast<unsigned char>(c)] = true;
  return allowed;
}();

constexpr std::string_view client_order_id_prefix = "t-";

/// What is wrong with a client order id that failed the checks below.
[[gnu::cold, gnu::noinline]] core::Error client_order_id_error(std::string_view text) {
  auto error = [](std::string message) {
    return core::validation_error("gateio.client_order_id", std::move(message));
  };
  if (text.substr(0, client_order_id_prefix.size()) != client_order_id_prefix) {
    return error("client order id must start with \"t-\"");
  }
  std::string_view const suffix = text.substr(client_order_id_prefix.size());
  if (suffix.empty() || suffix.size() > max_client_order_id_suffix) {
    return error("client order id must have 1 to 28 bytes after \"t-\", got " +
                 std::to_string(suffix.size()));
  }
  auto const bad = std::find_if(suffix.begin(), suffix.end(), [](char c) {
    return !client_order_id_chars[static_cast<unsigned char>(c)];
  });
  return error("client order id byte " +
               std::to_string(client_order_id_prefix.size() +
                              static_cast<std::size_t>(bad - suffix.begin())) +
               " is outside [0-9A-Za-z_.-]");
}

core::Result<void> check_client_order_id(std::string_view text) {
  std::string_view const suffix = text.substr(std::min(text.size(), client_order_id_prefix.size()));
  bool valid = text.starts_with(client_order_id_prefix) && !suffix.empty() &&
               suffix.size() <= max_client_order_id_suffix;
  for (char const c : suffix) valid &= client_order_id_chars[static_cast<unsigned char>(c)];
  if (valid) return core::ok();
  return client_order_id_error(text);
}

}  // namespace

core::Result<std::string> validate_client_order_id(std::string_view text) {
  auto checked = check_client_order_id(text);
  if (!checked) return checked.error();
  return std::string(text);
}

core::Result<void> serialize_spot_order(SpotOrderRequest const& request, std::string& body) {
  // Checked one after the other: on the order path, building every outcome first costs more
  // than writing the body.
  if (auto checked = check_not_empty("currency_pair", request.currency_pair); !checked) {
    return checked.error();
  }
  if (auto checked = check_utf8("currency_pair", request.currency_pair); !checked) {
    return checked.error();
  }
  if (auto checked = check_text(request.text); !checked) return checked.error();
  if (!request.amount.is_positive()) return request_error("field `amount` must be positive");
  if (request.price && !request.price->is_positive()) {
    return request_error("field `price` must be positive when set");
  }

  JsonObjectWriter json;
  json.optional_client_order_id<"text">(request.text);
  json.string<"currency_pair">(request.currency_pair);
  json.optional_enum<"type">(request.type);
  json.optional_enum<"account">(request.account);
  json.plain_string<"side">(to_string(request.side));
  json.decimal<"amount">(request.amount);
  json.optional_decimal<"price">(request.price);
  json.optional_enum<"time_in_force">(request.time_in_force);
  json.optional_decimal<"iceberg">(request.iceberg);
  json.optional_boolean<"auto_borrow">(request.auto_borrow);
  json.optional_boolean<"auto_repay">(request.auto_repay);
  json.optional_enum<"stp_act">(request.stp_act);
  json.optional_enum<"action_mode">(request.action_mode);
  json.optional_decimal<"slippage">(request.slippage);
  std::move(json).finish_into(body);
  return core::ok();
}

core::Result<void> serialize_futures_order(FuturesOrderRequest const& request,
                                           FuturesSizeEncoding size_encoding, std::string& body) {
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
  json.string<"contract">(request.contract);
  if (integer_sizes) {
    json.raw<"size">(request.size.to_string());
    if (request.iceberg) json.raw<"iceberg">(request.iceberg->to_string());
  } else {
    json.decimal<"size">(request.size);
    json.optional_decimal<"iceberg">(request.iceberg);
  }
  json.decimal<"price">(request.price);
  json.optional_enum<"tif">(request.tif);
  json.optional_client_order_id<"text">(request.text);
  json.optional_boolean<"reduce_only">(request.reduce_only);
  json.optional_boolean<"close">(request.close);
  json.optional_enum<"auto_size">(request.auto_size);
  json.optional_enum<"stp_act">(request.stp_act);
  json.optional_decimal<"market_order_slip_ratio">(request.market_order_slip_ratio);
  json.optional_enum<"pos_margin_mode">(request.pos_margin_mode);
  json.optional_enum<"action_mode">(request.action_mode);
  std::move(json).finish_into(body);
  return core::ok();
}

core::Result<std::string> serialize_spot_order(SpotOrderRequest const& request) {
  std::string body;
  if (auto written = serialize_spot_order(request, body); !written) return written.error();
  return body;
}

core::Result<std::string> serialize_futures_order(FuturesOrderRequest const& request,
                                                  FuturesSizeEncoding size_encoding) {
  std::string body;
  if (auto written = serialize_futures_order(request, size_encoding, body); !written) {
    return written.error();
  }
  return body;
}

namespace {

/// `scope_key` names the optional pair or contract the countdown is limited to.
template <detail::MemberName scope_key>
core::Result<std::string> countdown_body(std::chrono::seconds timeout,
                                         std::optional<std::string> const& scope) {
  constexpr std::string_view scope_name = scope_key.name();
  if (timeout.count() < 0) return request_error("field `timeout` must not be negative");
  if (scope) {
    auto const checked =
        first_failure({check_not_empty(scope_name, *scope), check_utf8(scope_name, *scope)});
    if (!checked) return checked.error();
  }
  JsonObjectWriter json;
  json.raw<"timeout">(std::to_string(timeout.count()));
  json.optional_string<scope_key>(scope);
  return std::move(json).finish();
}

}  // namespace

core::Result<std::string> serialize_countdown_cancel(SpotCountdownCancelRequest const& request) {
  return countdown_body<"currency_pair">(request.timeout, request.currency_pair);
}

core::Result<std::string> serialize_countdown_cancel(FuturesCountdownCancelRequest const& request) {
  return countdown_body<"contract">(request.timeout, request.contract);
}

core::Result<std::string> serialize_wallet_transfer(WalletTransferRequest const& request) {
  auto const checked = first_failure(
      {check_not_empty("currency", request.currency), check_not_empty("from", request.from),
       check_not_empty("to", request.to), check_utf8("currency", request.currency),
       check_utf8("from", request.from), check_utf8("to", request.to)});
  if (!checked) return checked.error();
  JsonObjectWriter json;
  json.string<"currency">(request.currency);
  json.string<"from">(request.from);
  json.string<"to">(request.to);
  json.decimal<"amount">(request.amount);
  json.optional_string<"settle">(request.settle);
  json.optional_string<"currency_pair">(request.currency_pair);
  return std::move(json).finish();
}

core::Result<std::string> serialize_withdrawal(WithdrawalRequest const& request) {
  auto const checked = first_failure(
      {check_not_empty("currency", request.currency), check_not_empty("chain", request.chain),
       check_utf8("currency", request.currency), check_utf8("address", request.address),
       check_utf8("chain", request.chain)});
  if (!checked) return checked.error();
  JsonObjectWriter json;
  json.string<"currency">(request.currency);
  json.decimal<"amount">(request.amount);
  json.string<"address">(request.address);
  json.string<"chain">(request.chain);
  json.optional_string<"memo">(request.memo);
  json.optional_string<"withdraw_order_id">(request.withdraw_order_id);
  return std::move(json).finish();
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
