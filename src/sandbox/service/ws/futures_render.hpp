#pragma once
// `result` JSON of the USDT-perpetual channels' pushes (gateio-v4.md §7.2, §7.3). Contract
// sizes (`size`, `left`, `close_size`, book sizes) are decimal strings for sessions that sent
// `X-Gate-Size-Decimal: 1` and JSON numbers otherwise, so each event renders at most twice.

#include <string>
#include <string_view>

#include "sandbox/engine/candles.hpp"
#include "sandbox/engine/events.hpp"

namespace tradelink::sandbox::ws {

/// How a session wants contract sizes.
enum class SizeFormat : std::uint8_t { number, string };

/// `futures.trades`: an array with the trade.
[[nodiscard]] std::string render_futures_trade(FuturesPublicTrade const& trade, SizeFormat sizes);
/// `futures.candlesticks` result: the current bucket of `stream` ("<interval>_<contract>") in a
/// one-element array; `v` is the volume in contracts, `a` in the base currency.
[[nodiscard]] std::string render_futures_candle(std::string_view stream, Candle const& candle,
                                                core::Decimal quanto_multiplier, SizeFormat sizes);
/// `futures.tickers`: an array with the ticker.
[[nodiscard]] std::string render_futures_ticker(FuturesTicker const& ticker);
/// `futures.balances`: an array with the change (`balance`/`change` as JSON numbers).
[[nodiscard]] std::string render_futures_balance(FuturesBalanceUpdate const& update);
/// `futures.orders`: an array with the order.
[[nodiscard]] std::string render_futures_order(FuturesOrder const& order, SizeFormat sizes);
/// `futures.positions`: an array with the position.
[[nodiscard]] std::string render_futures_position(FuturesPosition const& position,
                                                  SizeFormat sizes);
/// `futures.usertrades`: an array with the fill.
[[nodiscard]] std::string render_futures_user_trade(FuturesUserTrade const& trade,
                                                    SizeFormat sizes);

}  // namespace tradelink::sandbox::ws
