#pragma once
// Framing of Gate's WebSocket trading API ("WS API", gateio-v4.md §2.3, §2.4): requests
// `{"time","id"?,"channel","event":"api","payload":{"req_id","req_param"?,"req_header"?,
// "api_key"?,"signature"?,"timestamp"?}}` and the responses `{"request_id","ack"?,"header":
// {...},"data":{"result":...}}` or `{..."data":{"errs":{"label","message"}}}`.

#include <boost/json/value.hpp>
#include <boost/system/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tradelink::sandbox::ws {

/// A WS API request as received.
struct WsApiRequest {
  std::string channel;
  std::string req_id;
  /// `req_param` exactly as it appears in the message text (what a client that serialises once
  /// signed); empty when absent.
  std::string req_param_text;
  /// `req_param` parsed; null when absent.
  boost::json::value req_param;
  bool has_req_param = false;
  /// `req_header` as JSON text ("null" when absent), echoed in the ack.
  std::string req_header_text = "null";
  /// req_header's `x-gate-exptime` (milliseconds, as sent); empty when absent.
  std::string deadline;
  std::string api_key;
  std::string signature;
  std::string timestamp;  ///< seconds, as sent (a JSON string or integer)
};

/// Why a WS API request could not be read, with what the reply can still echo.
struct WsApiParseFailure {
  std::string channel;
  std::string req_id;
  std::string label;
  std::string message;
};

using WsApiParsed = boost::system::result<WsApiRequest, WsApiParseFailure>;

/// Parses `text` when it is a WS API request (a JSON object whose `event` is "api"); nullopt
/// for anything else (subscriptions, pings, text that is not JSON), which the channel front
/// answers. Fails with INVALID_REQUEST_BODY / INVALID_PARAM_VALUE when the payload does not
/// have the documented shape.
[[nodiscard]] std::optional<WsApiParsed> parse_api_request(std::string_view text);

/// The raw text of `payload.req_param` in `text` (a valid JSON object), or nullopt.
[[nodiscard]] std::optional<std::string_view> raw_req_param(std::string_view text);

/// The header fields of one response.
struct WsApiHeader {
  std::int64_t response_ms = 0;
  unsigned status = 200;
  std::string_view channel;
  std::string_view client_id;
  std::int64_t in_us = 0;
  std::int64_t out_us = 0;
  std::string_view conn_id;
  std::string_view conn_trace_id;
  std::string_view trace_id;
  /// x_gate_ratelimit_* (order placement only): remaining, limit, reset timestamp in ms.
  struct RateLimit {
    std::int64_t remaining = 0;
    std::int64_t limit = 0;
    std::int64_t reset_ms = 0;
  };
  std::optional<RateLimit> rate_limit;
};

/// `{"request_id","ack"?,"header",data:{"result":<result_json>}}`.
[[nodiscard]] std::string render_api_result(std::string_view request_id, bool ack,
                                            WsApiHeader const& header,
                                            std::string_view result_json);
/// `{"request_id","header","data":{"errs":{"label","message"}}}`.
[[nodiscard]] std::string render_api_error(std::string_view request_id, WsApiHeader const& header,
                                           std::string_view label, std::string_view message);
/// The ack's result: the request echoed, credentials blanked, as Gate does.
[[nodiscard]] std::string render_api_ack_result(WsApiRequest const& request);

}  // namespace tradelink::sandbox::ws
