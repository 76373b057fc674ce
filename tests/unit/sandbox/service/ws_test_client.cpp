#include "unit/sandbox/service/ws_test_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "venues/gateio/rest/signer.hpp"

namespace tradelink::sandbox::test {

WsTestClient::WsTestClient(boost::asio::io_context& io, std::string const& url,
                           std::vector<net::Header> headers)
    : io_(io) {
  net::WebSocketClientOptions options;
  options.headers = std::move(headers);
  options.read_silence_timeout = std::chrono::milliseconds(0);
  client_ = std::make_unique<net::WebSocketClient>(io_, options);
  std::optional<bool> result;
  net::WebSocketClientCallbacks callbacks;
  callbacks.on_text = [inbox = inbox_](std::string_view text) { inbox->emplace_back(text); };
  callbacks.on_close = [info = close_info_](net::WebSocketCloseInfo const& end) { *info = end; };
  client_->connect(url, std::move(callbacks),
                   [&result](core::Result<void> connected) { result = connected.has_value(); });
  run_until([&] { return result.has_value(); }, std::chrono::seconds(10));
  connected_ = result.value_or(false);
}

bool WsTestClient::run_until(std::function<bool()> const& done, std::chrono::milliseconds limit) {
  auto const deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    io_.restart();
    io_.run_for(std::chrono::milliseconds(2));
  }
  return true;
}

void WsTestClient::send(std::string const& text) {
  client_->send_text(text);
}

void WsTestClient::request(std::string const& channel, std::string const& event,
                           std::vector<std::string> const& payload, std::int64_t id,
                           TestKey const* key, std::optional<std::int64_t> time) {
  std::int64_t const now_s = time.value_or(std::chrono::duration_cast<std::chrono::seconds>(
                                               std::chrono::system_clock::now().time_since_epoch())
                                               .count());
  boost::json::object message;
  message["time"] = now_s;
  if (id != 0) message["id"] = id;
  message["channel"] = channel;
  message["event"] = event;
  boost::json::array items;
  for (auto const& item : payload) items.emplace_back(item);
  message["payload"] = std::move(items);
  if (key != nullptr) {
    gateio::Signer const signer(gateio::Credential(key->key, crypto::SecretString(key->secret)));
    auto const sign = signer.sign_channel(channel, event, now_s);
    message["auth"] = boost::json::object{
        {"method", "api_key"}, {"KEY", key->key}, {"SIGN", std::string(gateio::view(sign))}};
  }
  send(boost::json::serialize(message));
}

std::optional<boost::json::value> WsTestClient::next(std::chrono::milliseconds limit) {
  run_until([&] { return !inbox_->empty() || close_info_->has_value(); }, limit);
  if (inbox_->empty()) return std::nullopt;
  std::string const text = std::move(inbox_->front());
  inbox_->pop_front();
  boost::system::error_code error;
  auto value = boost::json::parse(text, error);
  if (error) return std::nullopt;
  return value;
}

std::optional<boost::json::value> WsTestClient::next_matching(
    std::function<bool(boost::json::value const&)> const& match, std::chrono::milliseconds limit) {
  auto const deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    auto const remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    auto message = next(remaining);
    if (!message) return std::nullopt;
    if (match(*message)) return message;
  }
  return std::nullopt;
}

std::optional<boost::json::value> WsTestClient::next_on(std::string const& channel,
                                                        std::string const& event,
                                                        std::chrono::milliseconds limit) {
  return next_matching(
      [&](boost::json::value const& message) {
        return text_of(message, "channel") == channel && text_of(message, "event") == event;
      },
      limit);
}

bool WsTestClient::wait_closed(std::chrono::milliseconds limit) {
  return run_until([&] { return close_info_->has_value(); }, limit);
}

void WsTestClient::pump(std::chrono::milliseconds duration) {
  run_until([] { return false; }, duration);
}

core::Result<SpotOrder> place_spot(SandboxServer& server, std::int64_t user, std::string_view pair,
                                   Side side, std::string_view amount, std::string_view price) {
  return server.venue().with([&](VenueState& state) {
    SpotOrderRequest request;
    request.currency_pair = pair;
    request.side = side;
    request.amount = core::Decimal::parse(amount).value();
    request.price = core::Decimal::parse(price).value();
    return state.engine.place_spot_order(user, request, state.clock.now_ms());
  });
}

core::Result<FuturesOrder> place_futures(SandboxServer& server, std::int64_t user,
                                         std::string_view contract, std::string_view size,
                                         std::string_view price, TimeInForce tif) {
  return server.venue().with([&](VenueState& state) {
    FuturesOrderRequest request;
    request.contract = contract;
    request.size = core::Decimal::parse(size).value();
    request.price = core::Decimal::parse(price).value();
    request.time_in_force = tif;
    return state.engine.place_futures_order(user, request, state.clock.now_ms());
  });
}

void fund_futures(SandboxServer& server, std::int64_t user, std::string_view amount) {
  server.venue().with([&](VenueState& state) {
    auto done = state.engine.deposit(user, Account::futures, "USDT",
                                     core::Decimal::parse(amount).value(), state.clock.now_ms());
    EXPECT_TRUE(done.has_value()) << done.error().message;
  });
}

std::string ws_base(SandboxServer const& server) {
  return "ws://127.0.0.1:" + std::to_string(server.port());
}

std::string text_of(boost::json::value const& object, std::string_view name) {
  if (!object.is_object()) return {};
  auto const* member = object.get_object().if_contains(name);
  if (member == nullptr || !member->is_string()) return {};
  return std::string(member->get_string());
}

}  // namespace tradelink::sandbox::test
