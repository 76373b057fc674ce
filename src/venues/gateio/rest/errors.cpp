// Gate.io API v4 docs "Error handling" and "Label list" (v4.75.0), as summarised in
// gateio-v4.md §4; rate-limit reset header from §6.
#include "venues/gateio/rest/errors.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>
#include <utility>

#include "venues/gateio/rest/error_details.hpp"
#include "venues/gateio/rest/parsers.hpp"

namespace tradelink::gateio {
namespace {

using std::chrono::milliseconds;

struct LabelCategory {
  std::string_view label;
  ErrorCategory category;
};

// Every label of gateio-v4.md §4: the table, then the "other request-format", futures, spot and
// wallet lists. Labels not listed here keep category unknown.
constexpr LabelCategory label_categories[] = {
    {"INVALID_KEY", ErrorCategory::invalid_key},
    {"INVALID_SIGNATURE", ErrorCategory::invalid_signature},
    {"INVALID_CREDENTIALS", ErrorCategory::invalid_credentials},
    {"MISSING_REQUIRED_HEADER", ErrorCategory::missing_header},
    {"REQUEST_EXPIRED", ErrorCategory::clock_skew},
    {"IP_FORBIDDEN", ErrorCategory::ip_forbidden},
    {"READ_ONLY", ErrorCategory::read_only},
    {"FORBIDDEN", ErrorCategory::permission_denied},
    {"ACCOUNT_LOCKED", ErrorCategory::account_locked},
    {"SUB_ACCOUNT_LOCKED", ErrorCategory::account_locked},
    {"USER_NOT_FOUND", ErrorCategory::account_not_opened},
    {"TOO_MANY_REQUESTS", ErrorCategory::rate_limited},
    {"TOO_FAST", ErrorCategory::rate_limited},
    {"ORDER_NOT_FOUND", ErrorCategory::not_found},
    {"CLIENT_ID_NOT_FOUND", ErrorCategory::not_found},
    {"BALANCE_NOT_ENOUGH", ErrorCategory::insufficient_balance},
    {"INSUFFICIENT_AVAILABLE", ErrorCategory::insufficient_balance},
    {"INVALID_PARAM_VALUE", ErrorCategory::invalid_parameter},
    {"INVALID_CURRENCY_PAIR", ErrorCategory::invalid_symbol},
    {"INVALID_CURRENCY", ErrorCategory::invalid_symbol},
    {"CONTRACT_NOT_FOUND", ErrorCategory::invalid_symbol},
    {"INVALID_PRECISION", ErrorCategory::invalid_parameter},
    {"AMOUNT_TOO_LITTLE", ErrorCategory::invalid_parameter},
    {"AMOUNT_TOO_MUCH", ErrorCategory::invalid_parameter},
    {"SIZE_TOO_SMALL", ErrorCategory::invalid_parameter},
    {"SIZE_TOO_LARGE", ErrorCategory::invalid_parameter},
    {"PRICE_TOO_DEVIATED", ErrorCategory::invalid_parameter},
    {"POC_FILL_IMMEDIATELY", ErrorCategory::order_rejected},
    {"ORDER_POC_IMMEDIATE", ErrorCategory::order_rejected},
    {"ORDER_CLOSED", ErrorCategory::order_finished},
    {"ORDER_CANCELLED", ErrorCategory::order_finished},
    {"ORDER_FINISHED", ErrorCategory::order_finished},
    {"SERVER_ERROR", ErrorCategory::exchange_unavailable},
    {"INTERNAL", ErrorCategory::exchange_unavailable},
    {"TOO_BUSY", ErrorCategory::exchange_unavailable},
    // Other request-format labels.
    {"INVALID_PROTOCOL", ErrorCategory::invalid_parameter},
    {"INVALID_ARGUMENT", ErrorCategory::invalid_parameter},
    {"INVALID_REQUEST_BODY", ErrorCategory::invalid_parameter},
    {"MISSING_REQUIRED_PARAM", ErrorCategory::invalid_parameter},
    {"BAD_REQUEST", ErrorCategory::invalid_parameter},
    {"INVALID_CONTENT_TYPE", ErrorCategory::invalid_parameter},
    {"NOT_ACCEPTABLE", ErrorCategory::invalid_parameter},
    {"METHOD_NOT_ALLOWED", ErrorCategory::invalid_parameter},
    {"NOT_FOUND", ErrorCategory::not_found},
    // Futures.
    {"RISK_LIMIT_EXCEEDED", ErrorCategory::order_rejected},
    {"LIQUIDATE_IMMEDIATELY", ErrorCategory::order_rejected},
    {"LEVERAGE_TOO_HIGH", ErrorCategory::invalid_parameter},
    {"LEVERAGE_TOO_LOW", ErrorCategory::invalid_parameter},
    {"POSITION_DUAL_MODE", ErrorCategory::order_rejected},
    {"POSITION_EMPTY", ErrorCategory::order_rejected},
    {"REDUCE_EXCEEDED", ErrorCategory::order_rejected},
    {"INCREASE_POSITION", ErrorCategory::order_rejected},
    {"CONTRACT_IN_DELISTING", ErrorCategory::order_rejected},
    {"TOO_MANY_ORDERS", ErrorCategory::order_rejected},
    {"ORDER_FOK", ErrorCategory::order_rejected},
    // Spot.
    {"QUANTITY_NOT_ENOUGH", ErrorCategory::insufficient_balance},
    {"MARGIN_NOT_SUPPORTED", ErrorCategory::order_rejected},
    {"TRADE_RESTRICTED", ErrorCategory::order_rejected},
    {"FOK_NOT_FILL", ErrorCategory::order_rejected},
    {"REPEATED_CREATION", ErrorCategory::order_rejected},
    {"CANCEL_FAIL", ErrorCategory::order_rejected},
    {"DUPLICATE_REQUEST", ErrorCategory::order_rejected},
    {"ORDER_EXISTS", ErrorCategory::order_rejected},
    // Wallet.
    {"SUB_ACCOUNT_NOT_FOUND", ErrorCategory::not_found},
    {"WITHDRAWAL_OVER_LIMIT", ErrorCategory::order_rejected},
    {"API_WITHDRAW_DISABLED", ErrorCategory::permission_denied},
    {"ADDRESS_NOT_USED", ErrorCategory::invalid_parameter},
    // In ccxt 4.5's Gate exceptions map (margin account variant of BALANCE_NOT_ENOUGH).
    {"MARGIN_BALANCE_NOT_ENOUGH", ErrorCategory::insufficient_balance},
};

constexpr milliseconds default_rate_limit_wait{1'000};
constexpr milliseconds max_rate_limit_wait{30'000};

bool is_server_fault(unsigned status) noexcept { return status >= 500 && status < 600; }

/// Category for a JSON error body without a label.
ErrorCategory category_for_status(unsigned status) noexcept {
  if (status == 429) return ErrorCategory::rate_limited;
  if (is_server_fault(status)) return ErrorCategory::exchange_unavailable;
  switch (status) {
    case 401: return ErrorCategory::invalid_credentials;
    case 403: return ErrorCategory::permission_denied;
    case 404: return ErrorCategory::not_found;
    default: return ErrorCategory::unknown;
  }
}

/// X-Gate-RateLimit-Reset-Timestamp as Unix ms: integer or decimal; above 10^12 it already is
/// ms, otherwise seconds (milliseconds of a fraction kept).
std::optional<std::int64_t> reset_timestamp_ms(std::string_view header) noexcept {
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
  std::string_view const whole = header.substr(0, header.find('.'));
  std::string_view fraction =
      whole.size() < header.size() ? header.substr(whole.size() + 1) : std::string_view{};
  std::int64_t value = 0;
  auto const [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
  if (whole.empty() || error != std::errc{} || end != whole.data() + whole.size() || value <= 0) {
    return std::nullopt;
  }
  if (!std::all_of(fraction.begin(), fraction.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  if (value > 1'000'000'000'000) return value;
  std::int64_t millis = 0;
  for (std::size_t digit = 0; digit < 3; ++digit) {
    millis = millis * 10 + (digit < fraction.size() ? fraction[digit] - '0' : 0);
  }
  return value * 1000 + millis;
}

milliseconds rate_limit_wait(std::string_view header, std::int64_t now_ms) noexcept {
  auto const reset_ms = reset_timestamp_ms(header);
  if (!reset_ms || *reset_ms <= now_ms) return default_rate_limit_wait;
  return std::min(milliseconds{*reset_ms - now_ms}, max_rate_limit_wait);
}

/// Up to 80 bytes of a body for a message: printable ASCII kept, anything else as '?', line
/// breaks and tabs as spaces.
std::string sanitized_prefix(std::string_view body) {
  constexpr std::size_t limit = 80;
  if (body.empty()) return "(empty body)";
  std::string out;
  for (char const c : body.substr(0, limit)) {
    auto const byte = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else {
      out += (byte >= 0x20 && byte < 0x7f) ? c : '?';
    }
  }
  if (body.size() > limit) out += "...";
  return out;
}

char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) noexcept {
  auto const it = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                              [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
  return it != text.end();
}

/// Whether a FORBIDDEN-style message is about the key's IP whitelist rather than permissions.
bool mentions_ip_whitelist(std::string_view message) noexcept {
  return contains_ignoring_case(message, "whitelist") ||
         contains_ignoring_case(message, "white list") ||
         contains_ignoring_case(message, "ip not") || contains_ignoring_case(message, "ip address");
}

void add_details(GateError& error) {
  switch (error.category) {
    case ErrorCategory::ip_forbidden: error.forbidden_ip = find_ip_address(error.message); break;
    case ErrorCategory::permission_denied:
      // Gate has also been seen answering a whitelist miss with FORBIDDEN
      // ("Request IP not in whitelist: 34.47.67.181").
      if (mentions_ip_whitelist(error.message)) {
        if (auto ip = find_ip_address(error.message)) {
          error.category = ErrorCategory::ip_forbidden;
          error.forbidden_ip = std::move(ip);
          break;
        }
      }
      error.missing_permission = error.label == "API_WITHDRAW_DISABLED"
                                     ? std::optional<std::string>("withdraw")
                                     : find_permission_group(error.message);
      break;
    case ErrorCategory::read_only:
      error.missing_permission = find_permission_group(error.message);
      break;
    default: break;
  }
}

GateError non_json_error(unsigned http_status, std::string_view body) {
  GateError error;
  error.http_status = http_status;
  if (http_status == 429) {
    error.category = ErrorCategory::rate_limited;
  } else if (is_server_fault(http_status)) {
    error.category = ErrorCategory::exchange_unavailable;
  } else {
    error.category = ErrorCategory::protocol;
  }
  error.message = "HTTP " + std::to_string(http_status) +
                  " with a body that is not a Gate error: " + sanitized_prefix(body);
  return error;
}

}  // namespace

bool GateError::retryable() const noexcept {
  switch (category) {
    case ErrorCategory::rate_limited:
    case ErrorCategory::exchange_unavailable: return true;
    case ErrorCategory::transport: return transport_retryable;
    default: return false;
  }
}

core::Error GateError::to_core() const {
  core::Error out;
  out.layer =
      category == ErrorCategory::transport ? core::ErrorLayer::transport : core::ErrorLayer::venue;
  out.code = "gateio.";
  out.code += label.empty() ? to_string(category) : std::string_view(label);
  switch (category) {
    case ErrorCategory::invalid_key:
    case ErrorCategory::invalid_signature:
    case ErrorCategory::invalid_credentials:
    case ErrorCategory::account_locked:
    case ErrorCategory::ip_forbidden: out.retry = core::Retry::fatal; break;
    default: out.retry = retryable() ? core::Retry::retryable : core::Retry::never; break;
  }
  out.retry_after = retry_after;

  out.message = label.empty() ? std::string(to_string(category)) : label;
  if (!message.empty()) out.message += ": " + message;
  if (http_status != 0) out.message += " (HTTP " + std::to_string(http_status) + ")";
  if (forbidden_ip) out.message += "; rejected IP " + *forbidden_ip;
  if (missing_permission) out.message += "; permission group " + *missing_permission;
  return out;
}

void throw_exception_from_error(GateError const& error,
                                boost::source_location const& /*location*/) {
  core::Error const core_error = error.to_core();
  throw std::runtime_error(core_error.code + ": " + core_error.message);
}

ErrorCategory category_for_label(std::string_view label) noexcept {
  for (auto const& [candidate, category] : label_categories) {
    if (candidate == label) return category;
  }
  return ErrorCategory::unknown;
}

GateError map_error_response(unsigned http_status, std::string_view body,
                             std::string_view rate_limit_reset_header, std::int64_t now_ms) {
  auto parsed = parse_error_body(body);
  if (!parsed) {
    GateError error = non_json_error(http_status, body);
    if (error.category == ErrorCategory::rate_limited) {
      error.retry_after = rate_limit_wait(rate_limit_reset_header, now_ms);
    }
    return error;
  }
  ErrorBody& fields = parsed.value();

  GateError error;
  error.http_status = http_status;
  error.label = std::move(fields.label).value_or("");
  if (fields.message && !fields.message->empty()) {
    error.message = std::move(*fields.message);
  } else if (fields.detail) {
    error.message = std::move(*fields.detail);
  }

  error.category =
      error.label.empty() ? category_for_status(http_status) : category_for_label(error.label);
  if (error.category == ErrorCategory::unknown) {
    if (http_status == 429) error.category = ErrorCategory::rate_limited;
    if (is_server_fault(http_status)) error.category = ErrorCategory::exchange_unavailable;
  }
  add_details(error);
  if (error.category == ErrorCategory::rate_limited) {
    error.retry_after = rate_limit_wait(rate_limit_reset_header, now_ms);
  }
  return error;
}

GateError from_transport(core::Error const& error) {
  GateError out;
  out.category = ErrorCategory::transport;
  out.message = error.code + ": " + error.message;
  out.transport_retryable = error.retry == core::Retry::retryable;
  out.retry_after = error.retry_after;
  return out;
}

GateError from_parse(core::Error const& error) {
  GateError out;
  out.category = ErrorCategory::protocol;
  out.message = error.message;
  return out;
}

std::string_view to_string(ErrorCategory category) noexcept {
  switch (category) {
    case ErrorCategory::invalid_key: return "invalid_key";
    case ErrorCategory::invalid_signature: return "invalid_signature";
    case ErrorCategory::invalid_credentials: return "invalid_credentials";
    case ErrorCategory::missing_header: return "missing_header";
    case ErrorCategory::clock_skew: return "clock_skew";
    case ErrorCategory::ip_forbidden: return "ip_forbidden";
    case ErrorCategory::permission_denied: return "permission_denied";
    case ErrorCategory::read_only: return "read_only";
    case ErrorCategory::account_locked: return "account_locked";
    case ErrorCategory::account_not_opened: return "account_not_opened";
    case ErrorCategory::rate_limited: return "rate_limited";
    case ErrorCategory::not_found: return "not_found";
    case ErrorCategory::insufficient_balance: return "insufficient_balance";
    case ErrorCategory::invalid_parameter: return "invalid_parameter";
    case ErrorCategory::invalid_symbol: return "invalid_symbol";
    case ErrorCategory::order_rejected: return "order_rejected";
    case ErrorCategory::order_finished: return "order_finished";
    case ErrorCategory::exchange_unavailable: return "exchange_unavailable";
    case ErrorCategory::transport: return "transport";
    case ErrorCategory::protocol: return "protocol";
    case ErrorCategory::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace tradelink::gateio
