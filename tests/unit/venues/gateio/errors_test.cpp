// Gate.io error mapping (gateio-v4.md §4, §6): every documented label, status fallbacks,
// non-JSON bodies, rate-limit waits, and the IP / permission details pulled out of messages.
#include "venues/gateio/rest/errors.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "venues/gateio/rest/error_details.hpp"

namespace tradelink::gateio {
namespace {

using std::chrono::milliseconds;

constexpr std::int64_t now_ms = 1'700'000'000'000;

GateError map_json(unsigned status, std::string const& label, std::string const& message = "m") {
  std::string const body = R"({"label": ")" + label + R"(", "message": ")" + message + R"("})";
  return map_error_response(status, body, "", now_ms);
}

// --- every label ---------------------------------------------------------------------------------

struct LabelCase {
  char const* label;
  ErrorCategory category;
};

// The expected category of every label listed in gateio-v4.md §4 (table and lists).
std::vector<LabelCase> const documented_labels{
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
    {"INVALID_PROTOCOL", ErrorCategory::invalid_parameter},
    {"INVALID_ARGUMENT", ErrorCategory::invalid_parameter},
    {"INVALID_REQUEST_BODY", ErrorCategory::invalid_parameter},
    {"MISSING_REQUIRED_PARAM", ErrorCategory::invalid_parameter},
    {"BAD_REQUEST", ErrorCategory::invalid_parameter},
    {"INVALID_CONTENT_TYPE", ErrorCategory::invalid_parameter},
    {"NOT_ACCEPTABLE", ErrorCategory::invalid_parameter},
    {"METHOD_NOT_ALLOWED", ErrorCategory::invalid_parameter},
    {"NOT_FOUND", ErrorCategory::not_found},
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
    {"QUANTITY_NOT_ENOUGH", ErrorCategory::insufficient_balance},
    {"MARGIN_NOT_SUPPORTED", ErrorCategory::order_rejected},
    {"TRADE_RESTRICTED", ErrorCategory::order_rejected},
    {"FOK_NOT_FILL", ErrorCategory::order_rejected},
    {"REPEATED_CREATION", ErrorCategory::order_rejected},
    {"CANCEL_FAIL", ErrorCategory::order_rejected},
    {"DUPLICATE_REQUEST", ErrorCategory::order_rejected},
    {"ORDER_EXISTS", ErrorCategory::order_rejected},
    {"SUB_ACCOUNT_NOT_FOUND", ErrorCategory::not_found},
    {"WITHDRAWAL_OVER_LIMIT", ErrorCategory::order_rejected},
    {"API_WITHDRAW_DISABLED", ErrorCategory::permission_denied},
    {"ADDRESS_NOT_USED", ErrorCategory::invalid_parameter},
};

TEST(ErrorsTest, EveryDocumentedLabelHasItsCategory) {
  for (auto const& [label, category] : documented_labels) {
    EXPECT_EQ(category_for_label(label), category) << label;
    GateError const error = map_json(400, label, "free text");
    EXPECT_EQ(error.category, category) << label;
    EXPECT_EQ(error.label, label);
    EXPECT_EQ(error.message, "free text");
    EXPECT_EQ(error.http_status, 400U);
    EXPECT_EQ(error.to_core().code, std::string("gateio.") + label);
  }
}

TEST(ErrorsTest, LabelsAreCaseSensitiveAndUnknownOnesKeptVerbatim) {
  EXPECT_EQ(category_for_label("invalid_key"), ErrorCategory::unknown);
  GateError const error = map_json(400, "SOMETHING_NEW", "A brand new refusal");
  EXPECT_EQ(error.category, ErrorCategory::unknown);
  EXPECT_EQ(error.label, "SOMETHING_NEW");
  EXPECT_EQ(error.message, "A brand new refusal");
  EXPECT_FALSE(error.retryable());
  EXPECT_EQ(error.to_core().code, "gateio.SOMETHING_NEW");
}

TEST(ErrorsTest, UnknownLabelFallsBackToStatusOnlyFor429And5xx) {
  EXPECT_EQ(map_json(429, "SLOW_DOWN").category, ErrorCategory::rate_limited);
  EXPECT_EQ(map_json(503, "MAINTENANCE").category, ErrorCategory::exchange_unavailable);
  EXPECT_EQ(map_json(403, "SOMETHING_NEW").category, ErrorCategory::unknown);
  // A known label wins over the status.
  EXPECT_EQ(map_json(500, "INVALID_KEY").category, ErrorCategory::invalid_key);
}

TEST(ErrorsTest, DetailReplacesAMissingMessage) {
  GateError const detail = map_error_response(
      400, R"({"label": "INVALID_ARGUMENT", "detail": "bad settle"})", "", now_ms);
  EXPECT_EQ(detail.message, "bad settle");
  GateError const both = map_error_response(
      400, R"({"label": "INVALID_ARGUMENT", "message": "msg", "detail": "det"})", "", now_ms);
  EXPECT_EQ(both.message, "msg");
  GateError const none = map_error_response(400, R"({"label": "INVALID_ARGUMENT"})", "", now_ms);
  EXPECT_TRUE(none.message.empty());
}

TEST(ErrorsTest, JsonBodyWithoutLabelIsClassifiedByStatus) {
  auto map = [](unsigned status) {
    return map_error_response(status, R"({"message": "no label here"})", "", now_ms);
  };
  EXPECT_EQ(map(401).category, ErrorCategory::invalid_credentials);
  EXPECT_EQ(map(403).category, ErrorCategory::permission_denied);
  EXPECT_EQ(map(404).category, ErrorCategory::not_found);
  EXPECT_EQ(map(429).category, ErrorCategory::rate_limited);
  EXPECT_EQ(map(500).category, ErrorCategory::exchange_unavailable);
  EXPECT_EQ(map(418).category, ErrorCategory::unknown);
  EXPECT_EQ(map(418).message, "no label here");
  EXPECT_EQ(map(500).to_core().code, "gateio.exchange_unavailable");
}

// --- non-JSON bodies -----------------------------------------------------------------------------

TEST(ErrorsTest, NonJsonServerErrorsMeanExchangeUnavailable) {
  for (unsigned const status : {500U, 502U, 503U, 504U}) {
    GateError const error =
        map_error_response(status, "<html><body>502 Bad Gateway</body></html>", "", now_ms);
    EXPECT_EQ(error.category, ErrorCategory::exchange_unavailable) << status;
    EXPECT_TRUE(error.retryable());
    EXPECT_TRUE(error.label.empty());
    EXPECT_NE(error.message.find(std::to_string(status)), std::string::npos);
  }
  EXPECT_EQ(map_error_response(503, "", "", now_ms).category, ErrorCategory::exchange_unavailable);
}

TEST(ErrorsTest, NonJsonOtherStatusesAreProtocolErrorsWithASanitisedPrefix) {
  std::string body = "Forbidden\r\n\x01\x7f\xc3\xa9";
  body += std::string(200, 'x');
  GateError const error = map_error_response(403, body, "", now_ms);
  EXPECT_EQ(error.category, ErrorCategory::protocol);
  EXPECT_FALSE(error.retryable());
  EXPECT_EQ(error.http_status, 403U);
  EXPECT_NE(error.message.find("HTTP 403"), std::string::npos);
  EXPECT_NE(error.message.find("Forbidden  ??"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("..."), std::string::npos);
  EXPECT_LT(error.message.size(), 200U);
  for (char const c : error.message) {
    auto const byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 && byte < 0x7f) << "unsanitised byte " << int{byte};
  }
  EXPECT_EQ(error.to_core().code, "gateio.protocol");

  GateError const empty = map_error_response(400, "", "", now_ms);
  EXPECT_EQ(empty.category, ErrorCategory::protocol);
  EXPECT_NE(empty.message.find("(empty body)"), std::string::npos);

  // JSON, but not an error object.
  EXPECT_EQ(map_error_response(400, "[1, 2]", "", now_ms).category, ErrorCategory::protocol);
  EXPECT_EQ(map_error_response(400, R"({"label": 5})", "", now_ms).category,
            ErrorCategory::protocol);
}

// --- rate limits ---------------------------------------------------------------------------------

GateError too_many(std::string_view reset_header) {
  return map_error_response(
      429, R"({"label": "TOO_MANY_REQUESTS", "message": "Request Rate limit Exceeded"})",
      reset_header, now_ms);
}

TEST(ErrorsTest, RateLimitWaitComesFromTheResetHeader) {
  EXPECT_EQ(too_many("1700000005").retry_after, milliseconds{5'000});     // seconds
  EXPECT_EQ(too_many("1700000002500").retry_after, milliseconds{2'500});  // milliseconds
  EXPECT_EQ(too_many("1700000001.25").retry_after, milliseconds{1'250});  // fractional s
  EXPECT_EQ(too_many(" 1700000003 ").retry_after, milliseconds{3'000});
  EXPECT_EQ(too_many("1700000100").retry_after, milliseconds{30'000});     // capped
  EXPECT_EQ(too_many("1700999999999").retry_after, milliseconds{30'000});  // capped
}

TEST(ErrorsTest, RateLimitWaitDefaultsToOneSecond) {
  for (std::string_view const header : {"", "soon", "-5", "0", "1699999999", "1700000000000",
                                        "17e8", "1.2.3", "99999999999999999999999"}) {
    EXPECT_EQ(too_many(header).retry_after, milliseconds{1'000}) << "header " << header;
  }
}

TEST(ErrorsTest, RateLimitedIsRetryableWithRetryAfterInCoreError) {
  GateError const error = too_many("1700000004");
  EXPECT_EQ(error.category, ErrorCategory::rate_limited);
  EXPECT_TRUE(error.retryable());
  core::Error const core_error = error.to_core();
  EXPECT_EQ(core_error.code, "gateio.TOO_MANY_REQUESTS");
  EXPECT_EQ(core_error.retry, core::Retry::retryable);
  EXPECT_EQ(core_error.retry_after, milliseconds{4'000});

  GateError const too_fast = map_error_response(
      429, R"({"label": "TOO_FAST", "message": "Withdrawal frequency"})", "1700000002", now_ms);
  EXPECT_EQ(too_fast.retry_after, milliseconds{2'000});
  GateError const bare_429 =
      map_error_response(429, "<html>Too Many Requests</html>", "1700000002", now_ms);
  EXPECT_EQ(bare_429.category, ErrorCategory::rate_limited);  // from a proxy, not JSON
  EXPECT_EQ(bare_429.retry_after, milliseconds{2'000});
  EXPECT_FALSE(map_json(400, "INVALID_KEY").retry_after.has_value());
}

// --- IP and permission details -------------------------------------------------------------------

TEST(ErrorsTest, IpForbiddenNamesTheRejectedAddress) {
  std::vector<std::pair<std::string, std::string>> const cases{
      {"Request IP not in whitelist: 203.0.113.7", "203.0.113.7"},
      {"IP 198.51.100.23 is not allowed", "198.51.100.23"},
      {"ip [2001:db8::42] forbidden", "2001:db8::42"},
      {"Your IP address 2001:db8:0:0:1::1 is not in the IP whitelist of this key",
       "2001:db8:0:0:1::1"},
      {"forbidden ip:192.0.2.1.", "192.0.2.1"},
      {"remote 192.0.2.9:51544 rejected", "192.0.2.9"},
      {"client ip ::ffff:192.0.2.128 denied", "::ffff:192.0.2.128"},
  };
  for (auto const& [message, ip] : cases) {
    GateError const error = map_json(403, "IP_FORBIDDEN", message);
    EXPECT_EQ(error.category, ErrorCategory::ip_forbidden) << message;
    EXPECT_EQ(error.forbidden_ip, ip) << message;
    EXPECT_FALSE(error.retryable());
    EXPECT_EQ(error.to_core().retry, core::Retry::fatal);
    EXPECT_NE(error.to_core().message.find(ip), std::string::npos);
  }
  GateError const vague = map_json(403, "IP_FORBIDDEN", "IP forbidden at 12:30:45, version 1.2");
  EXPECT_EQ(vague.category, ErrorCategory::ip_forbidden);
  EXPECT_FALSE(vague.forbidden_ip.has_value());
}

TEST(ErrorsTest, ForbiddenAboutTheWhitelistIsAnIpRestriction) {
  // Shape seen from Gate in third-party test fixtures.
  GateError const error = map_error_response(
      403, R"({"message":"Request IP not in whitelist: 34.47.67.181","label":"FORBIDDEN"})", "",
      now_ms);
  EXPECT_EQ(error.category, ErrorCategory::ip_forbidden);
  EXPECT_EQ(error.label, "FORBIDDEN");
  EXPECT_EQ(error.forbidden_ip, "34.47.67.181");
  EXPECT_FALSE(error.missing_permission.has_value());
}

TEST(ErrorsTest, ForbiddenAndReadOnlyNameTheMissingPermission) {
  struct Case {
    char const* label;
    char const* message;
    ErrorCategory category;
    std::optional<std::string> permission;
  };
  std::vector<Case> const cases{
      {"FORBIDDEN", "Request API key does not have wallet permission",
       ErrorCategory::permission_denied, "wallet"},
      {"FORBIDDEN", "Your account has no futures permission", ErrorCategory::permission_denied,
       "futures"},
      {"FORBIDDEN", "API key lacks Perpetual Futures permission", ErrorCategory::permission_denied,
       "futures"},
      {"FORBIDDEN", "No permission for Unified account", ErrorCategory::permission_denied,
       "unified"},
      {"FORBIDDEN", "account permission required", ErrorCategory::permission_denied, "account"},
      {"FORBIDDEN", "Forbidden", ErrorCategory::permission_denied, std::nullopt},
      {"READ_ONLY", "API key is read-only for spot trading", ErrorCategory::read_only, "spot"},
      {"READ_ONLY", "Your margin permission is read only", ErrorCategory::read_only, "margin"},
      {"READ_ONLY", "read only", ErrorCategory::read_only, std::nullopt},
      {"API_WITHDRAW_DISABLED", "Withdrawal via API is disabled", ErrorCategory::permission_denied,
       "withdraw"},
  };
  for (Case const& c : cases) {
    GateError const error = map_json(403, c.label, c.message);
    EXPECT_EQ(error.category, c.category) << c.message;
    EXPECT_EQ(error.missing_permission, c.permission) << c.message;
    EXPECT_FALSE(error.forbidden_ip.has_value());
    EXPECT_EQ(error.to_core().retry, core::Retry::never);
  }
}

TEST(ErrorDetailsTest, FindIpAddress) {
  EXPECT_EQ(find_ip_address("1.2.3.4"), "1.2.3.4");
  EXPECT_EQ(find_ip_address("first 10.0.0.1 then 10.0.0.2"), "10.0.0.1");
  EXPECT_EQ(find_ip_address("deadbeef cafe 10.1.2.3"), "10.1.2.3");
  EXPECT_EQ(find_ip_address("::1 is loopback"), "::1");
  EXPECT_FALSE(find_ip_address("").has_value());
  EXPECT_FALSE(find_ip_address("256.1.1.1 and 1.2.3").has_value());
  EXPECT_FALSE(find_ip_address("at 12:30:45 on 2024.01.02").has_value());
}

TEST(ErrorDetailsTest, FindPermissionGroup) {
  EXPECT_EQ(find_permission_group("missing WALLET permission"), "wallet");
  EXPECT_EQ(find_permission_group("withdrawal not enabled"), "withdraw");
  EXPECT_EQ(find_permission_group("spot account: options permission denied"), "options");
  EXPECT_EQ(find_permission_group("the delivery contract"), "delivery");
  EXPECT_FALSE(find_permission_group("spotless record").has_value());
  EXPECT_FALSE(find_permission_group("").has_value());
}

// --- conversions
// -----------------------------------------------------------------------------------

TEST(ErrorsTest, ToCoreCarriesCodeLayerRetryAndMessage) {
  core::Error const invalid_key = map_json(401, "INVALID_KEY", "Invalid key provided").to_core();
  EXPECT_EQ(invalid_key.code, "gateio.INVALID_KEY");
  EXPECT_EQ(invalid_key.layer, core::ErrorLayer::venue);
  EXPECT_EQ(invalid_key.retry, core::Retry::fatal);
  EXPECT_NE(invalid_key.message.find("Invalid key provided"), std::string::npos);
  EXPECT_NE(invalid_key.message.find("HTTP 401"), std::string::npos);

  core::Error const expired =
      map_json(401, "REQUEST_EXPIRED", "gap between request Timestamp and server time exceeds 60")
          .to_core();
  EXPECT_EQ(expired.retry, core::Retry::never);

  core::Error const busy = map_json(503, "TOO_BUSY").to_core();
  EXPECT_EQ(busy.retry, core::Retry::retryable);
  EXPECT_FALSE(busy.retry_after.has_value());
}

TEST(ErrorsTest, FromTransportKeepsTheNetClassification) {
  core::Error timeout{core::ErrorLayer::transport, "net.timeout", "read timed out",
                      core::Retry::retryable, std::nullopt};
  GateError const transient = from_transport(timeout);
  EXPECT_EQ(transient.category, ErrorCategory::transport);
  EXPECT_TRUE(transient.retryable());
  EXPECT_EQ(transient.http_status, 0U);
  EXPECT_NE(transient.message.find("net.timeout"), std::string::npos);
  core::Error const transient_core = transient.to_core();
  EXPECT_EQ(transient_core.code, "gateio.transport");
  EXPECT_EQ(transient_core.layer, core::ErrorLayer::transport);
  EXPECT_EQ(transient_core.retry, core::Retry::retryable);

  core::Error tls{core::ErrorLayer::transport, "net.tls", "certificate verify failed",
                  core::Retry::never, std::nullopt};
  GateError const permanent = from_transport(tls);
  EXPECT_FALSE(permanent.retryable());
  EXPECT_EQ(permanent.to_core().retry, core::Retry::never);
}

TEST(ErrorsTest, FromParseIsAProtocolError) {
  core::Error parse{core::ErrorLayer::venue, "gateio.parse",
                    "ServerTime: field `server_time` is missing", core::Retry::never, std::nullopt};
  GateError const error = from_parse(parse);
  EXPECT_EQ(error.category, ErrorCategory::protocol);
  EXPECT_FALSE(error.retryable());
  EXPECT_NE(error.message.find("server_time"), std::string::npos);
  EXPECT_EQ(error.to_core().code, "gateio.protocol");
}

TEST(ErrorsTest, CategoryNamesAreDistinct) {
  std::set<std::string_view> names;
  for (int value = 0; value <= static_cast<int>(ErrorCategory::unknown); ++value) {
    names.insert(to_string(static_cast<ErrorCategory>(value)));
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(ErrorCategory::unknown) + 1);
  EXPECT_EQ(to_string(ErrorCategory::rate_limited), "rate_limited");
  EXPECT_EQ(to_string(ErrorCategory::account_not_opened), "account_not_opened");
}

TEST(ErrorsTest, GateResultValueThrowsWithTheCoreCode) {
  GateResult<int> const result = map_json(401, "INVALID_SIGNATURE", "Signature mismatch");
  ASSERT_FALSE(result.has_value());
  try {
    (void)result.value();
    FAIL() << "value() did not throw";
  } catch (std::runtime_error const& error) {
    EXPECT_NE(std::string(error.what()).find("gateio.INVALID_SIGNATURE"), std::string::npos);
  }
}

}  // namespace
}  // namespace tradelink::gateio
