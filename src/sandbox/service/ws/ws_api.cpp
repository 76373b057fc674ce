#include "sandbox/service/ws/ws_api.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <exception>
#include <optional>
#include <span>
#include <utility>

#include "sandbox/service/rest/request_deadline.hpp"
#include "sandbox/service/ws/json_writer.hpp"
#include "sandbox/service/ws/ws_api_auth.hpp"

namespace tradelink::sandbox::ws {
namespace {

/// A 64-bit mix (splitmix64's finaliser): ids that look like Gate's random hex, derived from
/// the connection and request numbers.
std::uint64_t mix(std::uint64_t value) {
  value += 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

std::string hex64(std::uint64_t value) {
  std::array<char, 16> digits{};
  auto const [end, error] = std::to_chars(digits.data(), digits.data() + digits.size(), value, 16);
  std::string text(16 - static_cast<std::size_t>(end - digits.data()), '0');
  text.append(digits.data(), end);
  return text;
}

std::string_view product_group(Product product) {
  return product == Product::spot ? "spot" : "futures";
}

/// `{"label","message"}` of a REST refusal body; SERVER_ERROR when it is not that shape.
std::pair<std::string, std::string> label_and_message(std::string_view body) {
  boost::system::error_code error;
  auto const parsed = boost::json::parse(body, error);
  if (!error && parsed.is_object()) {
    auto const& object = parsed.get_object();
    auto const* label = object.if_contains("label");
    auto const* message = object.if_contains("message");
    if (label != nullptr && label->is_string()) {
      return {std::string(label->get_string()), message != nullptr && message->is_string()
                                                    ? std::string(message->get_string())
                                                    : std::string()};
    }
  }
  return {"SERVER_ERROR", "Internal server error"};
}

std::optional<std::int64_t> header_number(net::ServerResponse const& response,
                                          std::string_view name) {
  for (auto const& header : response.headers) {
    if (header.name != name) continue;
    std::int64_t value = 0;
    auto const [end, error] =
        std::from_chars(header.value.data(), header.value.data() + header.value.size(), value);
    if (error == std::errc{}) return value;
  }
  return std::nullopt;
}

std::optional<WsApiHeader::RateLimit> rate_limit_of(net::ServerResponse const& response) {
  auto const remaining = header_number(response, "X-Gate-RateLimit-Requests-Remain");
  auto const limit = header_number(response, "X-Gate-RateLimit-Limit");
  auto const reset = header_number(response, "X-Gate-RateLimit-Reset-Timestamp");
  if (!remaining || !limit || !reset) return std::nullopt;
  return WsApiHeader::RateLimit{*remaining, *limit, *reset};
}

}  // namespace

WsApi::WsApi(Venue& venue, Faults& faults, Scheduler& scheduler, rest::RestFront& rest)
    : venue_(venue), faults_(faults), scheduler_(scheduler), rest_(rest) {}

WsApi::Exchange WsApi::open_exchange(std::shared_ptr<ClientSession> const& session,
                                     std::string channel, std::string request_id) const {
  std::uint64_t const connection = session->id();
  std::uint64_t const number = session->next_api_request();
  Exchange exchange;
  exchange.session = session;
  exchange.channel = std::move(channel);
  exchange.request_id = std::move(request_id);
  exchange.in_us = venue_.clock().now_ms() * 1000;
  exchange.client_id = std::string(session->peer_ip()) + "-0x" + hex64(connection);
  exchange.conn_id = hex64(mix(connection));
  exchange.conn_trace_id = hex64(mix(connection + 1)) + hex64(mix(connection + 2));
  exchange.trace_id = hex64(mix(connection ^ (number << 32))) + hex64(mix(number));
  return exchange;
}

WsApiHeader WsApi::header_of(Exchange const& exchange, unsigned status) const {
  std::int64_t const now_ms = venue_.clock().now_ms();
  WsApiHeader header;
  header.response_ms = now_ms;
  header.status = status;
  header.channel = exchange.channel;
  header.client_id = exchange.client_id;
  header.in_us = exchange.in_us;
  header.out_us = std::max(now_ms * 1000, exchange.in_us);
  header.conn_id = exchange.conn_id;
  header.conn_trace_id = exchange.conn_trace_id;
  header.trace_id = exchange.trace_id;
  return header;
}

void WsApi::reply_error(Exchange const& exchange, unsigned status, std::string_view label,
                        std::string_view message) const {
  exchange.session->reply(
      render_api_error(exchange.request_id, header_of(exchange, status), label, message), silent());
}

void WsApi::handle(std::shared_ptr<ClientSession> const& session,
                   WsApiParsed const& parsed) noexcept {
  try {
    dispatch(session, parsed);
  } catch (std::exception const&) {
    try {
      std::string channel = parsed ? parsed->channel : parsed.error().channel;
      std::string request_id = parsed ? parsed->req_id : parsed.error().req_id;
      reply_error(open_exchange(session, std::move(channel), std::move(request_id)), 500,
                  "SERVER_ERROR", "Internal server error");
    } catch (std::exception const&) {
      // Nothing more can be said to this client.
    }
  }
}

void WsApi::dispatch(std::shared_ptr<ClientSession> const& session, WsApiParsed const& parsed) {
  if (!parsed) {
    WsApiParseFailure const& failure = parsed.error();
    reply_error(open_exchange(session, failure.channel, failure.req_id), 400, failure.label,
                failure.message);
    return;
  }
  WsApiRequest const& request = *parsed;
  Exchange const exchange = open_exchange(session, request.channel, request.req_id);
  auto const call = find_api_call(session->product(), request.channel);
  if (!call) {
    reply_error(exchange, 400, "INVALID_ARGUMENT", "Unknown channel " + request.channel);
    return;
  }
  switch (*call) {
    case ApiCall::login: login(exchange, request); return;
    default: run(exchange, *call, request); return;
  }
}

void WsApi::login(Exchange const& exchange, WsApiRequest const& request) const {
  std::string_view const group = product_group(exchange.session->product());
  auto const identity =
      venue_.with([&](VenueState& state) -> Checked<std::pair<std::string, std::int64_t>> {
        auto key = authenticate_api_login(state.keys, request, group, exchange.session->peer_ip(),
                                          state.clock.now_ms());
        if (!key) return key.error();
        return std::pair{(*key)->key, (*key)->user_id};
      });
  if (!identity) {
    reply_error(exchange, identity.error().status, identity.error().label,
                identity.error().message);
    return;
  }
  exchange.session->set_api_login(ClientSession::ApiLogin{identity->first, identity->second});
  JsonWriter result(96);
  result.begin_object();
  result.key("api_key").string(identity->first);
  result.key("uid").string(std::to_string(identity->second));
  result.end_object();
  exchange.session->reply(
      render_api_result(exchange.request_id, false, header_of(exchange, 200), result.take()),
      silent());
}

void WsApi::run(Exchange const& exchange, ApiCall call, WsApiRequest const& request) {
  ClientSession::ApiLogin const login = exchange.session->api_login();
  if (login.key.empty()) {
    reply_error(exchange, 400, "AUTHENTICATION_FAILED", "Not login");
    return;
  }
  call = effective_call(call, request);
  if (call == ApiCall::order_batch_place || call == ApiCall::order_cancel_ids) {
    run_batch(exchange, call, request, login);
    return;
  }
  auto const delegated = rest_request_for(call, exchange.session->product(), request);
  if (!delegated) {
    refuse(exchange, delegated.error());
    return;
  }
  if (acknowledged(call)) acknowledge(exchange, request);

  rest::RestFront::DelegatedAnswer answer =
      delegate(exchange, *delegated, login.key, request.deadline);
  net::ServerResponse const& response = answer.response;
  std::string text;
  if (response.status >= 200 && response.status < 300) {
    WsApiHeader header = header_of(exchange, 200);
    if (reports_rate_limit(call)) header.rate_limit = rate_limit_of(response);
    text = render_api_result(exchange.request_id, false, header,
                             response.body.empty() ? std::string_view("null") : response.body);
  } else {
    auto const [label, message] = label_and_message(response.body);
    WsApiHeader header = header_of(exchange, response.status);
    if (reports_rate_limit(call) || response.status == 429) {
      header.rate_limit = rate_limit_of(response);
    }
    text = render_api_error(exchange.request_id, header, label, message);
  }
  send(exchange, std::move(text), answer.delay);
}

void WsApi::refuse(Exchange const& exchange, Refusal const& refusal) const {
  reply_error(exchange, refusal.status, refusal.label, refusal.message);
}

void WsApi::acknowledge(Exchange const& exchange, WsApiRequest const& request) const {
  exchange.session->reply(render_api_result(exchange.request_id, true, header_of(exchange, 200),
                                            render_api_ack_result(request)),
                          silent());
}

rest::RestFront::DelegatedAnswer WsApi::delegate(Exchange const& exchange,
                                                 DelegatedRequest const& request,
                                                 std::string_view key, std::string_view deadline) {
  net::ServerRequest http;
  http.method = request.method;
  http.path = request.path;
  http.query = request.query;
  std::string const target =
      request.query.empty() ? request.path : request.path + "?" + request.query;
  http.target = target;
  http.body = request.body;
  http.peer_address = exchange.session->peer_ip();
  // Futures sizes as the connection asked for them at the upgrade (X-Gate-Size-Decimal), and the
  // request's deadline.
  std::array<net::HeaderView, 2> headers;
  std::size_t count = 0;
  if (exchange.session->sizes() == SizeFormat::string) {
    headers[count++] = net::HeaderView{"X-Gate-Size-Decimal", "1"};
  }
  if (!deadline.empty()) headers[count++] = net::HeaderView{rest::deadline_header, deadline};
  http.headers = std::span<net::HeaderView const>(headers.data(), count);
  return rest_.answer_for_key(http, key);
}

void WsApi::run_batch(Exchange const& exchange, ApiCall call, WsApiRequest const& request,
                      ClientSession::ApiLogin const& login) {
  auto const batch = rest_requests_for_batch(call, exchange.session->product(), request);
  if (!batch) {
    refuse(exchange, batch.error());
    return;
  }
  if (acknowledged(call)) acknowledge(exchange, request);
  bool const placing = call == ApiCall::order_batch_place;
  bool const futures_ids = !placing && exchange.session->product() == Product::futures;
  boost::json::array results;
  std::chrono::milliseconds delay{0};
  std::optional<WsApiHeader::RateLimit> rate_limit;
  for (BatchItem const& item : *batch) {
    rest::RestFront::DelegatedAnswer answer =
        delegate(exchange, item.request, login.key, request.deadline);
    net::ServerResponse const& response = answer.response;
    delay = std::max(delay, answer.delay);
    if (placing) rate_limit = rate_limit_of(response);
    if (response.status == 401 || response.status == 403) {
      // The key may not make this call at all: the whole request is refused.
      auto const [label, message] = label_and_message(response.body);
      send(exchange,
           render_api_error(exchange.request_id, header_of(exchange, response.status), label,
                            message),
           delay);
      return;
    }
    bool const succeeded = response.status >= 200 && response.status < 300;
    // Placed orders are answered with their order; the others with what names the item.
    boost::json::object entry = item.identity;
    if (futures_ids) entry["user_id"] = login.user_id;
    if (placing && succeeded) {
      boost::system::error_code error;
      auto order = boost::json::parse(response.body, error);
      if (!error && order.is_object()) entry = std::move(order.get_object());
    }
    entry["succeeded"] = succeeded;
    if (!succeeded) {
      auto const [label, message] = label_and_message(response.body);
      if (futures_ids) {
        entry["message"] = label;
      } else {
        entry["label"] = label;
        entry["message"] = message;
      }
    }
    results.push_back(std::move(entry));
  }
  WsApiHeader header = header_of(exchange, 200);
  header.rate_limit = rate_limit;
  send(exchange,
       render_api_result(exchange.request_id, false, header, boost::json::serialize(results)),
       delay);
}

void WsApi::send(Exchange const& exchange, std::string text, std::chrono::milliseconds delay) {
  if (delay.count() <= 0) {
    exchange.session->reply(std::move(text), silent());
    return;
  }
  scheduler_.after(delay, [session = exchange.session, text = std::move(text),
                           quiet = silent()]() mutable { session->reply(std::move(text), quiet); });
}

}  // namespace tradelink::sandbox::ws
