#pragma once
// Gate's public spot objects (gateio-v4.md §3.2, §7.3; SDK models Currency, CurrencyPair,
// Ticker, OrderBook, Trade, candlestick rows) rendered from the engine's catalogue and market
// data, field for field in Gate's order and types.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string_view>

#include "sandbox/engine/book_types.hpp"
#include "sandbox/engine/candles.hpp"
#include "sandbox/engine/market_spec.hpp"
#include "sandbox/engine/spot_types.hpp"

namespace tradelink::sandbox::rest {

/// The display name of `currency` ("Bitcoin"); the symbol itself when the sandbox knows none.
[[nodiscard]] std::string_view currency_name(std::string_view currency) noexcept;

/// `GET /spot/currencies` entry: every sandbox currency is listed, tradable, with deposits and
/// withdrawals open (the sandbox has no chains, so `chain`/`chains` are not given).
[[nodiscard]] boost::json::object currency_json(std::string_view currency);
/// `GET /spot/currency_pairs` entry. `fee` is the taker rate in percent, as Gate prints it;
/// a maximum the pair does not set is left out (Gate: no limit).
[[nodiscard]] boost::json::object currency_pair_json(PairSpec const& pair);
/// `GET /spot/tickers` entry; `top` (depth 1) gives the sizes at the best prices.
[[nodiscard]] boost::json::object ticker_json(SpotTicker const& ticker, BookSnapshot const& top);
/// `GET /spot/order_book`: `current` is `now_ms`, `update` the last book change; `id` (the
/// book update id of the WebSocket deltas) only `with_id`.
[[nodiscard]] boost::json::object order_book_json(BookSnapshot const& book, TimeMs now_ms,
                                                  bool with_id);
/// `GET /spot/trades` entry (no private fields).
[[nodiscard]] boost::json::object public_trade_json(SpotPublicTrade const& trade);
/// `GET /spot/candlesticks` row: [time s, quote volume, close, high, low, open, base amount,
/// window closed] as strings.
[[nodiscard]] boost::json::array candle_json(Candle const& candle);

}  // namespace tradelink::sandbox::rest
