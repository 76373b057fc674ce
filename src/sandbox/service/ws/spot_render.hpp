#pragma once
// `result` JSON of the spot channels' pushes (gateio-v4.md §7.1, §7.3), rendered once per event
// and fanned out as the same text to every subscriber.

#include <optional>
#include <string>
#include <string_view>

#include "sandbox/engine/book_types.hpp"
#include "sandbox/engine/candles.hpp"
#include "sandbox/engine/events.hpp"

namespace tradelink::sandbox::ws {

/// `spot.trades`: one trade object; `range` is "<sequence>-<sequence>".
[[nodiscard]] std::string render_spot_trade(SpotPublicTrade const& trade);
/// `spot.candlesticks` result: the current bucket of `stream` ("<interval>_<pair>"); `v` is the
/// quote volume, `a` the base amount, `w` whether the bucket has ended.
[[nodiscard]] std::string render_spot_candle(std::string_view stream, Candle const& candle);
/// `spot.tickers`: one ticker object; absent prices are "".
[[nodiscard]] std::string render_spot_ticker(SpotTicker const& ticker);
/// `spot.balances`: an array with the one change.
[[nodiscard]] std::string render_spot_balance(SpotBalanceUpdate const& update);
/// `spot.orders`: an array with the order, carrying `event` put/update/finish.
[[nodiscard]] std::string render_spot_order(OrderEvent event, SpotOrder const& order);
/// `spot.usertrades`: an array with the fill.
[[nodiscard]] std::string render_spot_user_trade(SpotUserTrade const& trade);

/// Best level of each side at book id `update_id` (`spot.book_ticker`, `futures.book_ticker`).
struct BestLevels {
  std::string_view market;
  TimeMs time_ms = 0;
  std::uint64_t update_id = 0;
  std::optional<PriceLevel> bid;
  std::optional<PriceLevel> ask;
};

/// `{"t","u","s","b","B","a","A"}`; an empty side is "" with size 0. Sizes are strings unless
/// `integer_sizes` (futures without X-Gate-Size-Decimal).
[[nodiscard]] std::string render_book_ticker(BestLevels const& best, bool integer_sizes);

}  // namespace tradelink::sandbox::ws
