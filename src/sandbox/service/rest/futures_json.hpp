#pragma once
// Gate's JSON shapes for USDT perpetuals (gateio-v4.md §3.2, §3.5; SDK models Contract,
// FuturesTicker, FuturesOrderBook, FuturesTrade, FuturesCandlestick, FuturesAccount,
// FuturesOrder, Position, MyFuturesTrade, TriggerTime). Money, prices and rates are decimal
// strings; order and trade ids are JSON integers (my_trades' `order_id` is a string, as Gate has
// it); `*_time` fields are Unix seconds, as floats with millisecond fractions where Gate sends
// floats. Contract sizes follow the request's SizeEncoding.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "net/server_types.hpp"
#include "sandbox/engine/book_types.hpp"
#include "sandbox/engine/candles.hpp"
#include "sandbox/engine/futures_types.hpp"
#include "sandbox/engine/market_spec.hpp"

namespace tradelink::sandbox::rest {

/// How contract sizes travel. Gate's default is JSON integers truncated toward zero; a request
/// carrying `X-Gate-Size-Decimal: 1` gets (and may send) decimal strings instead, for every
/// contract, fractional only on `enable_decimal` ones.
enum class SizeEncoding { integer, decimal };

/// The encoding `request` asked for.
[[nodiscard]] SizeEncoding size_encoding_of(net::ServerRequest const& request) noexcept;

/// Live figures shown next to a contract's static spec in `GET /futures/usdt/contracts`.
struct ContractFigures {
  FuturesTicker const& ticker;
  std::uint64_t orderbook_id = 0;
  std::int64_t last_trade_id = 0;
  std::int64_t now_ms = 0;  ///< for `funding_next_apply`
};

/// The best level of each side, for a ticker's lowest_size / highest_size.
struct BookTops {
  std::optional<PriceLevel> ask;
  std::optional<PriceLevel> bid;
};

[[nodiscard]] std::string contract_json(ContractSpec const& spec, ContractFigures const& figures,
                                        SizeEncoding sizes);
[[nodiscard]] std::string ticker_json(FuturesTicker const& ticker, BookTops const& tops,
                                      SizeEncoding sizes);
/// `id` only when `with_id`; `current` is `now_ms`, `update` the book's last change.
[[nodiscard]] std::string order_book_json(BookSnapshot const& book, bool with_id,
                                          std::int64_t now_ms, SizeEncoding sizes);
[[nodiscard]] std::string public_trade_json(FuturesPublicTrade const& trade, SizeEncoding sizes);
[[nodiscard]] std::string candle_json(Candle const& candle, SizeEncoding sizes);

[[nodiscard]] std::string account_json(FuturesAccount const& account);
/// Orders placed without a client text show Gate's source marker "api".
[[nodiscard]] std::string order_json(FuturesOrder const& order, SizeEncoding sizes);
/// `spec` is the position's contract (leverage_max).
[[nodiscard]] std::string position_json(FuturesPosition const& position, ContractSpec const& spec,
                                        SizeEncoding sizes);
/// `spec` is the fill's contract (`trade_value` = |size| × quanto_multiplier × price).
[[nodiscard]] std::string user_trade_json(FuturesUserTrade const& trade, ContractSpec const& spec,
                                          SizeEncoding sizes);
/// `{"triggerTime": ms}` (0 when the countdown was switched off).
[[nodiscard]] std::string countdown_json(std::int64_t trigger_ms);

/// `[a,b,...]` of render(item) for every item of `items`.
template <class Items, class Render>
[[nodiscard]] std::string json_array(Items const& items, Render&& render) {
  std::string out = "[";
  bool first = true;
  for (auto const& item : items) {
    if (!first) out += ',';
    first = false;
    out += render(item);
  }
  out += ']';
  return out;
}

}  // namespace tradelink::sandbox::rest
