#include "sandbox/service/ws/ws_protocol.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <utility>

#include "sandbox/service/ws/json_writer.hpp"

namespace tradelink::sandbox::ws {
namespace {

struct ChannelEntry {
  Channel channel;
  Product product;
  std::string_view name;
  bool is_private;
};

constexpr std::array<ChannelEntry, 20> channel_table{{
    {Channel::spot_ping, Product::spot, "spot.ping", false},
    {Channel::spot_tickers, Product::spot, "spot.tickers", false},
    {Channel::spot_book_ticker, Product::spot, "spot.book_ticker", false},
    {Channel::spot_trades, Product::spot, "spot.trades", false},
    {Channel::spot_order_book_update, Product::spot, "spot.order_book_update", false},
    {Channel::spot_obu, Product::spot, "spot.obu", false},
    {Channel::spot_balances, Product::spot, "spot.balances", true},
    {Channel::spot_orders, Product::spot, "spot.orders", true},
    {Channel::spot_usertrades, Product::spot, "spot.usertrades", true},
    {Channel::futures_ping, Product::futures, "futures.ping", false},
    {Channel::futures_tickers, Product::futures, "futures.tickers", false},
    {Channel::futures_book_ticker, Product::futures, "futures.book_ticker", false},
    {Channel::futures_trades, Product::futures, "futures.trades", false},
    {Channel::futures_order_book_update, Product::futures, "futures.order_book_update", false},
    {Channel::futures_balances, Product::futures, "futures.balances", true},
    {Channel::futures_orders, Product::futures, "futures.orders", true},
    {Channel::futures_positions, Product::futures, "futures.positions", true},
    {Channel::futures_usertrades, Product::futures, "futures.usertrades", true},
    {Channel::spot_candlesticks, Product::spot, "spot.candlesticks", false},
    {Channel::futures_candlesticks, Product::futures, "futures.candlesticks", false},
}};

ChannelEntry const& entry(Channel channel) noexcept {
  return channel_table[static_cast<std::size_t>(channel)];
}

WsParseFailure bad_request(WsRequest partial, std::string message) {
  return WsParseFailure{std::move(partial), WsError{ErrorCode::bad_request, std::move(message)}};
}

/// A payload element as text: strings as-is, numbers as their JSON text.
std::optional<std::string> payload_text(boost::json::value const& item) {
  if (item.is_string()) return std::string(item.get_string());
  if (item.is_int64()) return std::to_string(item.get_int64());
  if (item.is_uint64()) return std::to_string(item.get_uint64());
  return std::nullopt;
}

std::optional<std::string> string_member(boost::json::object const& object, std::string_view name) {
  auto const* value = object.if_contains(name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

void write_head(JsonWriter& out, Envelope const& envelope) {
  out.begin_object();
  out.key("time").integer(envelope.now_ms / 1000);
  out.key("time_ms").integer(envelope.now_ms);
  if (envelope.id) out.key("id").integer(*envelope.id);
  out.key("channel").string(envelope.channel);
  out.key("event").string(envelope.event);
}

}  // namespace

std::optional<Channel> find_channel(Product product, std::string_view name) noexcept {
  for (auto const& item : channel_table) {
    if (item.product == product && item.name == name) return item.channel;
  }
  return std::nullopt;
}

std::string_view channel_name(Channel channel) noexcept {
  return entry(channel).name;
}

bool is_private(Channel channel) noexcept {
  return entry(channel).is_private;
}

boost::system::result<WsRequest, WsParseFailure> parse_request(std::string_view text) {
  WsRequest request;
  boost::system::error_code error;
  boost::json::value const parsed = boost::json::parse(text, error);
  if (error || !parsed.is_object()) return bad_request(request, "invalid request body");
  auto const& object = parsed.get_object();

  if (auto const* id = object.if_contains("id"); id != nullptr) {
    if (!id->is_int64()) return bad_request(request, "invalid argument: id must be an integer");
    request.id = id->get_int64();
  }
  if (auto channel = string_member(object, "channel")) request.channel = std::move(*channel);
  if (auto event = string_member(object, "event")) request.event = std::move(*event);
  if (auto const* time = object.if_contains("time"); time != nullptr) {
    if (time->is_int64()) {
      request.time = time->get_int64();
    } else if (time->is_double()) {
      request.time = static_cast<std::int64_t>(time->get_double());
    } else {
      return bad_request(request, "invalid argument: time must be an integer");
    }
  }
  if (auto const* channel = object.if_contains("channel");
      channel == nullptr || !channel->is_string()) {
    return bad_request(request, "invalid argument: channel is required");
  }
  if (auto const* event = object.if_contains("event"); event != nullptr && !event->is_string()) {
    return bad_request(request, "invalid argument: event must be a string");
  }
  if (auto const* payload = object.if_contains("payload"); payload != nullptr) {
    if (!payload->is_array()) {
      return bad_request(request, "invalid argument: payload must be an array");
    }
    for (auto const& item : payload->get_array()) {
      auto text_item = payload_text(item);
      if (!text_item)
        return bad_request(request, "invalid argument: payload items must be strings");
      request.payload.push_back(std::move(*text_item));
    }
  }
  if (auto const* auth = object.if_contains("auth"); auth != nullptr && !auth->is_null()) {
    if (!auth->is_object()) return bad_request(request, "invalid argument: auth must be an object");
    auto const& fields = auth->get_object();
    request.auth = WsAuth{string_member(fields, "method").value_or(""),
                          string_member(fields, "KEY").value_or(""),
                          string_member(fields, "SIGN").value_or("")};
  }
  // Explicit: a WsRequest also converts to WsParseFailure (its first member).
  return boost::system::result<WsRequest, WsParseFailure>(boost::system::in_place_value,
                                                          std::move(request));
}

std::string render_success(Envelope const& envelope) {
  JsonWriter out(160);
  write_head(out, envelope);
  out.key("error").null();
  out.key("result").begin_object().key("status").string("success").end_object();
  return out.end_object().take();
}

std::string render_failure(Envelope const& envelope, WsError const& error) {
  JsonWriter out(200);
  write_head(out, envelope);
  out.key("error").begin_object();
  out.key("code").integer(static_cast<int>(error.code));
  out.key("message").string(error.message);
  out.end_object();
  out.key("result").begin_object().key("status").string("fail").end_object();
  return out.end_object().take();
}

std::string render_pong(Envelope const& envelope) {
  JsonWriter out(128);
  write_head(out, envelope);
  out.key("error").null();
  out.key("result").null();
  return out.end_object().take();
}

std::string render_push(std::int64_t now_ms, std::string_view channel, std::string_view event,
                        std::string_view result_json) {
  JsonWriter out(96 + result_json.size());
  out.begin_object();
  out.key("time").integer(now_ms / 1000);
  out.key("time_ms").integer(now_ms);
  out.key("channel").string(channel);
  out.key("event").string(event);
  out.key("result").raw(result_json);
  return out.end_object().take();
}

}  // namespace tradelink::sandbox::ws
