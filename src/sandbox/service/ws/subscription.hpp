#pragma once
// The `payload` of a subscribe/unsubscribe request, read per channel (gateio-v4.md §7):
// pairs or contracts (`!all` where private channels allow it), the futures user id in front of
// private futures payloads, `[market, "100ms"(, level)]` for order_book_update and
// `["ob.<pair>.<50|400>"]` for spot.obu.

#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sandbox/service/ws/ws_protocol.hpp"

namespace tradelink::sandbox::ws {

/// One book stream a request names.
struct BookTarget {
  std::string market;
  std::chrono::milliseconds interval{100};
  std::string level;   ///< the `l` field of order_book_update pushes, e.g. "100"
  std::string stream;  ///< spot.obu: the stream name, e.g. "ob.BTC_USDT.50"; else empty
};

struct Subscription {
  Channel channel = Channel::spot_trades;
  std::vector<std::string> markets;     ///< tickers, trades, book_ticker and private filters
  bool all_markets = false;             ///< "!all" (private channels)
  std::vector<BookTarget> books;        ///< order_book_update, obu
  std::optional<std::int64_t> user_id;  ///< futures private payloads start with it
};

/// Reads `payload` for `channel`; `is_market` tells the product's known pairs or contracts.
/// Errors: invalid_argument naming what is wrong.
[[nodiscard]] boost::system::result<Subscription, WsError> parse_subscription(
    Channel channel, std::vector<std::string> const& payload,
    std::function<bool(std::string_view)> const& is_market);

}  // namespace tradelink::sandbox::ws
