#include "sandbox/service/ws/ws_api_protocol.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <utility>

#include "sandbox/service/ws/json_writer.hpp"

namespace tradelink::sandbox::ws {
namespace {

// ----- a scanner over text already known to be valid JSON -----

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_space(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

/// One past the closing quote of the string opening at `pos`.
std::size_t string_end(std::string_view text, std::size_t pos) {
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] == '\\') {
      ++pos;
    } else if (text[pos] == '"') {
      return pos + 1;
    }
  }
  return text.size();
}

/// One past the end of the value starting at `pos`.
std::size_t value_end(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return text.size();
  char const first = text[pos];
  if (first == '"') return string_end(text, pos);
  if (first != '{' && first != '[') {
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != ',' && text[pos] != '}' &&
           text[pos] != ']') {
      ++pos;
    }
    return pos;
  }
  int depth = 0;
  while (pos < text.size()) {
    char const c = text[pos];
    if (c == '"') {
      pos = string_end(text, pos);
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') {
      if (--depth == 0) return pos + 1;
    }
    ++pos;
  }
  return text.size();
}

/// Where the value of member `name` of the object opening at `pos` starts (the last one when
/// the name repeats, as the parser keeps it).
std::optional<std::size_t> member_value(std::string_view text, std::size_t pos,
                                        std::string_view name) {
  if (pos >= text.size() || text[pos] != '{') return std::nullopt;
  std::optional<std::size_t> found;
  pos = skip_space(text, pos + 1);
  while (pos < text.size() && text[pos] == '"') {
    std::size_t const key_end = string_end(text, pos);
    std::string_view const key = text.substr(pos + 1, key_end - pos - 2);
    pos = skip_space(text, key_end);
    if (pos >= text.size() || text[pos] != ':') return found;
    std::size_t const value = skip_space(text, pos + 1);
    if (key == name) found = value;
    pos = skip_space(text, value_end(text, value));
    if (pos < text.size() && text[pos] == ',') pos = skip_space(text, pos + 1);
  }
  return found;
}

WsApiParsed failure(WsApiRequest const& partial, std::string label, std::string message) {
  return WsApiParsed(
      boost::system::in_place_error,
      WsApiParseFailure{partial.channel, partial.req_id, std::move(label), std::move(message)});
}

/// A string member, an integer given as a number, or absent ("").
std::optional<std::string> text_member(boost::json::object const& object, std::string_view name) {
  auto const* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) return std::string();
  if (value->is_string()) return std::string(value->get_string());
  if (value->is_int64()) return std::to_string(value->get_int64());
  if (value->is_uint64()) return std::to_string(value->get_uint64());
  return std::nullopt;
}

void write_header(JsonWriter& out, WsApiHeader const& header) {
  out.key("header").begin_object();
  out.key("response_time").integer_string(header.response_ms);
  out.key("status").string(std::to_string(header.status));
  out.key("channel").string(header.channel);
  out.key("event").string("api");
  out.key("client_id").string(header.client_id);
  out.key("x_in_time").integer(header.in_us);
  out.key("x_out_time").integer(header.out_us);
  out.key("conn_id").string(header.conn_id);
  out.key("conn_trace_id").string(header.conn_trace_id);
  out.key("trace_id").string(header.trace_id);
  if (header.rate_limit) {
    out.key("x_gate_ratelimit_requests_remain").integer(header.rate_limit->remaining);
    out.key("x_gate_ratelimit_limit").integer(header.rate_limit->limit);
    out.key("x_gate_ratelimit_reset_timestamp").integer(header.rate_limit->reset_ms);
  }
  out.end_object();
}

}  // namespace

std::optional<std::string_view> raw_req_param(std::string_view text) {
  std::size_t const root = skip_space(text, 0);
  auto const payload = member_value(text, root, "payload");
  if (!payload) return std::nullopt;
  auto const param = member_value(text, *payload, "req_param");
  if (!param) return std::nullopt;
  return text.substr(*param, value_end(text, *param) - *param);
}

std::optional<WsApiParsed> parse_api_request(std::string_view text) {
  // Subscriptions are the common case: most texts are not even parsed here.
  if (text.find("\"api\"") == std::string_view::npos) return std::nullopt;
  boost::system::error_code error;
  boost::json::value const parsed = boost::json::parse(text, error);
  if (error || !parsed.is_object()) return std::nullopt;
  auto const& object = parsed.get_object();
  auto const* event = object.if_contains("event");
  if (event == nullptr || !event->is_string() || event->get_string() != "api") return std::nullopt;

  WsApiRequest request;
  if (auto const* channel = object.if_contains("channel"); channel && channel->is_string()) {
    request.channel = std::string(channel->get_string());
  }
  auto const* payload = object.if_contains("payload");
  if (payload != nullptr && payload->is_object()) {
    if (auto req_id = text_member(payload->get_object(), "req_id")) {
      request.req_id = std::move(*req_id);
    }
  }
  if (request.channel.empty()) {
    return failure(request, "INVALID_REQUEST_BODY", "Invalid request body: channel is required");
  }
  if (payload == nullptr || !payload->is_object()) {
    return failure(request, "INVALID_REQUEST_BODY",
                   "Invalid request body: payload must be an object");
  }
  auto const& fields = payload->get_object();
  auto req_id = text_member(fields, "req_id");
  if (!req_id) return failure(request, "INVALID_PARAM_VALUE", "Invalid parameter req_id");
  for (auto [name, target] :
       {std::pair{"api_key", &request.api_key}, std::pair{"signature", &request.signature},
        std::pair{"timestamp", &request.timestamp}}) {
    auto value = text_member(fields, name);
    if (!value) {
      return failure(request, "INVALID_PARAM_VALUE", std::string("Invalid parameter ") + name);
    }
    *target = std::move(*value);
  }
  if (auto const* header = fields.if_contains("req_header"); header != nullptr) {
    request.req_header_text = boost::json::serialize(*header);
    if (header->is_object()) {
      auto deadline = text_member(header->get_object(), "x-gate-exptime");
      if (!deadline) {
        return failure(request, "INVALID_PARAM_VALUE", "Invalid parameter x-gate-exptime");
      }
      request.deadline = std::move(*deadline);
    }
  }
  if (auto const* param = fields.if_contains("req_param"); param != nullptr) {
    request.req_param_text = std::string(raw_req_param(text).value_or(""));
    request.req_param = *param;
    request.has_req_param = !param->is_null();
  }
  return WsApiParsed(boost::system::in_place_value, std::move(request));
}

std::string render_api_result(std::string_view request_id, bool ack, WsApiHeader const& header,
                              std::string_view result_json) {
  JsonWriter out(384 + result_json.size());
  out.begin_object();
  out.key("request_id").string(request_id);
  if (ack) out.key("ack").boolean(true);
  write_header(out, header);
  out.key("data").begin_object().key("result").raw(result_json).end_object();
  return out.end_object().take();
}

std::string render_api_error(std::string_view request_id, WsApiHeader const& header,
                             std::string_view label, std::string_view message) {
  JsonWriter out(448);
  out.begin_object();
  out.key("request_id").string(request_id);
  write_header(out, header);
  out.key("data").begin_object().key("errs").begin_object();
  out.key("label").string(label).key("message").string(message);
  out.end_object().end_object();
  return out.end_object().take();
}

std::string render_api_ack_result(WsApiRequest const& request) {
  JsonWriter out(128 + request.req_param_text.size() + request.req_header_text.size());
  out.begin_object();
  out.key("req_id").string(request.req_id);
  out.key("req_header").raw(request.req_header_text);
  out.key("req_param").raw(request.req_param_text.empty() ? "null" : request.req_param_text);
  out.key("api_key").string("");
  out.key("timestamp").string("");
  out.key("signature").string("");
  return out.end_object().take();
}

}  // namespace tradelink::sandbox::ws
