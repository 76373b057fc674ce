#pragma once
// Gate.io API v4 error handling (gateio-v4.md §4, rate-limit headers §6): every error label Gate
// documents mapped to a category that decides retries and the key-binding verdict, plus the
// details a user needs to fix it (rejected IP, missing permission group, when to retry).
// Gate's labels stay inside venues/gateio; the platform sees ErrorCategory or core::Error.

#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace tradelink::gateio {

/// What went wrong, as far as the caller has to act on it.
enum class ErrorCategory {
  invalid_key,           ///< INVALID_KEY: unknown, deleted, expired or other environment's key
  invalid_signature,     ///< INVALID_SIGNATURE: wrong secret (or a signing bug)
  invalid_credentials,   ///< INVALID_CREDENTIALS, or no credential configured
  missing_header,        ///< MISSING_REQUIRED_HEADER: KEY/Timestamp/SIGN not sent
  clock_skew,            ///< REQUEST_EXPIRED: Timestamp more than 60 s off server time
  ip_forbidden,          ///< IP_FORBIDDEN, or FORBIDDEN naming a non-whitelisted IP
  permission_denied,     ///< FORBIDDEN and friends: the key lacks a permission group
  read_only,             ///< READ_ONLY: the group is read-only, a write was attempted
  account_locked,        ///< ACCOUNT_LOCKED, SUB_ACCOUNT_LOCKED
  account_not_opened,    ///< USER_NOT_FOUND: e.g. futures account of that settle never opened
  rate_limited,          ///< HTTP 429, TOO_MANY_REQUESTS, TOO_FAST
  not_found,             ///< ORDER_NOT_FOUND, CLIENT_ID_NOT_FOUND, NOT_FOUND, ...
  insufficient_balance,  ///< BALANCE_NOT_ENOUGH, INSUFFICIENT_AVAILABLE, ...
  invalid_parameter,     ///< malformed request or value outside the market's rules
  invalid_symbol,        ///< INVALID_CURRENCY_PAIR, INVALID_CURRENCY, CONTRACT_NOT_FOUND
  order_rejected,        ///< the request was valid but refused in the current state
  order_finished,        ///< ORDER_CLOSED, ORDER_CANCELLED, ORDER_FINISHED
  exchange_unavailable,  ///< 5xx, SERVER_ERROR, INTERNAL, TOO_BUSY, non-JSON 5xx bodies
  transport,             ///< no HTTP answer: resolve, connect, TLS, timeout, reset
  protocol,              ///< an answer tradelink cannot understand (unparseable response)
  unknown,               ///< a label this code does not know (kept verbatim)
};

/// A Gate.io failure with everything needed to decide and explain. Default-constructible
/// aggregate; never contains credentials.
struct GateError {
  ErrorCategory category = ErrorCategory::unknown;
  std::string label;         ///< Gate's label verbatim ("INVALID_KEY"); empty when Gate sent none
  std::string message;       ///< Gate's message (or `detail`) verbatim, or tradelink's explanation
  unsigned http_status = 0;  ///< 0 when there was no HTTP response
  std::optional<std::string> forbidden_ip;        ///< the rejected caller IP, when Gate names it
  std::optional<std::string> missing_permission;  ///< permission group ("futures", "wallet", ...)
  std::optional<std::chrono::milliseconds> retry_after;  ///< rate_limited: wait this long
  /// Only meaningful for category transport: whether the network layer classified the failure
  /// as transient (timeout, connect failure, reset) rather than permanent (TLS, bad URL).
  bool transport_retryable = false;

  /// True when sending the same request again later may succeed without any change:
  /// rate_limited, exchange_unavailable, and transient transport failures.
  [[nodiscard]] bool retryable() const noexcept;

  /// The platform-facing form: code "gateio.<LABEL>" (or "gateio.<category>" without a label),
  /// layer venue (transport for transport failures), Retry::retryable per retryable(),
  /// Retry::fatal for unusable credentials (invalid key/signature/credentials, locked account,
  /// forbidden IP), Retry::never otherwise; the message names the label, Gate's text, the HTTP
  /// status and the extracted IP/permission.
  [[nodiscard]] core::Error to_core() const;
};

/// Value-or-GateError result of the Gate.io REST layer.
template <class T>
using GateResult = boost::system::result<T, GateError>;

/// Throwing hook found by ADL when `GateResult<T>::value()` is called on an error (tests and
/// tools only): raises std::runtime_error with the core code and message.
[[noreturn]] void throw_exception_from_error(GateError const& error,
                                             boost::source_location const& location);

/// Maps a non-2xx response to a GateError.
/// - JSON bodies: category from `label` (every label of gateio-v4.md §4); `message`, else
///   `detail`, is kept verbatim. Unknown labels stay category unknown, except on HTTP 429
///   (rate_limited) and 5xx (exchange_unavailable). A JSON body without a label is classified by
///   status (401 invalid_credentials, 403 permission_denied, 404 not_found, 429, 5xx).
/// - Non-JSON bodies (proxies, gateways): 429 → rate_limited, 5xx → exchange_unavailable,
///   anything else → protocol; the message has the status and a short sanitised body prefix.
/// - rate_limited gets `retry_after` from `rate_limit_reset_header`
///   (X-Gate-RateLimit-Reset-Timestamp: values above 10^12 are ms, else seconds) relative to
///   `now_ms` (Unix ms, server clock), capped at 30 s; 1 s when absent, unparseable or past.
/// - IP_FORBIDDEN (and FORBIDDEN messages about the IP whitelist) get `forbidden_ip`: the first
///   IPv4/IPv6 address in the message. FORBIDDEN / READ_ONLY get `missing_permission` when the
///   message names a permission group.
/// Allocates (a parser for the body); meant for the error path, not the hot path.
[[nodiscard]] GateError map_error_response(unsigned http_status, std::string_view body,
                                           std::string_view rate_limit_reset_header,
                                           std::int64_t now_ms);

/// A transport failure (core::Error of layer transport from net::HttpClient): category
/// transport, the net code and message in `message`, transport_retryable from its Retry.
[[nodiscard]] GateError from_transport(core::Error const& error);

/// A response body that could not be parsed (code `gateio.parse`): category protocol.
[[nodiscard]] GateError from_parse(core::Error const& error);

/// Category for a Gate label; ErrorCategory::unknown for labels not in gateio-v4.md §4.
[[nodiscard]] ErrorCategory category_for_label(std::string_view label) noexcept;

/// snake_case name of a category ("rate_limited"), as used in codes and logs.
[[nodiscard]] std::string_view to_string(ErrorCategory category) noexcept;

}  // namespace tradelink::gateio
