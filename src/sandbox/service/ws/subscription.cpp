#include "sandbox/service/ws/subscription.hpp"

#include <charconv>

#include "sandbox/engine/candles.hpp"

namespace tradelink::sandbox::ws {
namespace {

using namespace std::chrono_literals;

WsError invalid(std::string message) {
  return WsError{ErrorCode::invalid_argument, std::move(message)};
}

std::optional<std::int64_t> parse_user_id(std::string_view text) {
  std::int64_t value = 0;
  auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

std::optional<std::chrono::milliseconds> parse_interval(std::string_view text, bool futures) {
  if (text == "20ms") return 20ms;
  if (text == "100ms") return 100ms;
  if (text == "1000ms" && !futures) return 1000ms;
  return std::nullopt;
}

/// "ob.BTC_USDT.50" → (pair, 20 ms), "ob.BTC_USDT.400" → (pair, 100 ms).
boost::system::result<BookTarget, WsError> parse_obu_stream(
    std::string const& stream, std::function<bool(std::string_view)> const& is_market) {
  std::string_view text = stream;
  if (!text.starts_with("ob.")) return invalid("invalid obu stream " + stream);
  text.remove_prefix(3);
  auto const dot = text.rfind('.');
  if (dot == std::string_view::npos) return invalid("invalid obu stream " + stream);
  std::string_view const pair = text.substr(0, dot);
  std::string_view const level = text.substr(dot + 1);
  if (!is_market(pair)) return invalid("unknown currency pair " + std::string(pair));
  if (level == "50") return BookTarget{std::string(pair), 20ms, "50", stream};
  if (level == "400") return BookTarget{std::string(pair), 100ms, "400", stream};
  return invalid("invalid obu level " + std::string(level) + ", 50 or 400 expected");
}

}  // namespace

boost::system::result<Subscription, WsError> parse_subscription(
    Channel channel, std::vector<std::string> const& payload,
    std::function<bool(std::string_view)> const& is_market) {
  Subscription subscription;
  subscription.channel = channel;
  bool const futures_private =
      channel == Channel::futures_balances || channel == Channel::futures_orders ||
      channel == Channel::futures_positions || channel == Channel::futures_usertrades;
  std::size_t first_market = 0;
  if (futures_private) {
    if (payload.empty()) return invalid("payload must start with the user id");
    subscription.user_id = parse_user_id(payload.front());
    if (!subscription.user_id) return invalid("invalid user id " + payload.front());
    first_market = 1;
  }

  switch (channel) {
    case Channel::spot_balances:
    case Channel::futures_balances: subscription.all_markets = true; return subscription;
    case Channel::spot_order_book_update:
    case Channel::futures_order_book_update: {
      bool const futures = channel == Channel::futures_order_book_update;
      if (payload.size() < 2 || payload.size() > (futures ? 3U : 2U)) {
        return invalid(futures ? "payload must be [contract, interval, level]"
                               : "payload must be [currency_pair, interval]");
      }
      if (!is_market(payload[0])) return invalid("unknown market " + payload[0]);
      auto const interval = parse_interval(payload[1], futures);
      if (!interval) return invalid("invalid interval " + payload[1]);
      std::string level = *interval == 20ms ? "20" : "100";
      if (futures && payload.size() == 3) {
        if (payload[2] != "20" && payload[2] != "50" && payload[2] != "100") {
          return invalid("invalid level " + payload[2]);
        }
        level = payload[2];
      }
      subscription.books.push_back(BookTarget{payload[0], *interval, std::move(level), {}});
      return subscription;
    }
    case Channel::spot_candlesticks:
    case Channel::futures_candlesticks:
      // Gate's payload is [interval, market]; the stream is named "<interval>_<market>".
      if (payload.size() != 2) return invalid("payload must be [interval, market]");
      if (!parse_candle_interval(payload[0])) return invalid("invalid interval " + payload[0]);
      if (!is_market(payload[1])) return invalid("unknown market " + payload[1]);
      subscription.markets.push_back(payload[0] + "_" + payload[1]);
      return subscription;
    case Channel::spot_obu:
      if (payload.empty()) return invalid("payload must list obu streams");
      for (auto const& stream : payload) {
        auto target = parse_obu_stream(stream, is_market);
        if (!target) return target.error();
        subscription.books.push_back(std::move(*target));
      }
      return subscription;
    default: break;
  }

  bool const allows_all = is_private(channel);
  for (std::size_t i = first_market; i < payload.size(); ++i) {
    if (payload[i] == "!all" && allows_all) {
      subscription.all_markets = true;
    } else if (!is_market(payload[i])) {
      return invalid("unknown market " + payload[i]);
    } else {
      subscription.markets.push_back(payload[i]);
    }
  }
  if (subscription.markets.empty() && !subscription.all_markets) {
    if (channel == Channel::futures_positions) {
      subscription.all_markets = true;  // the uid alone: every contract
    } else {
      return invalid("payload must list at least one market");
    }
  }
  return subscription;
}

}  // namespace tradelink::sandbox::ws
