// Public spot market data (gateio-v4.md §3.1, §3.2, §7.3): server time, currencies, pairs,
// tickers, order book snapshots, public trades and candlesticks.
#include <boost/json/array.hpp>

#include <algorithm>
#include <limits>
#include <string>

#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/json_values.hpp"
#include "sandbox/service/rest/market_json.hpp"
#include "sandbox/service/rest/order_book_query.hpp"
#include "sandbox/service/rest/routes.hpp"
#include "sandbox/service/rest/spot_params.hpp"

namespace tradelink::sandbox::rest {
namespace {

/// Gate's bounds of the public list endpoints.
constexpr std::size_t default_trades_limit = 100;
constexpr std::size_t max_trades_limit = 1000;
constexpr std::size_t default_candles_limit = 100;
constexpr std::size_t max_candles = 1000;
constexpr std::string_view default_candle_interval = "30m";

RestResult server_time(RestCall const& call) {
  return json_reply(boost::json::object{{"server_time", call.now_ms}});
}

RestResult currencies(RestCall const& call) {
  boost::json::array out;
  for (std::string_view currency : call.state.engine.currencies()) {
    out.push_back(currency_json(currency));
  }
  return json_reply(out);
}

RestResult currency(RestCall const& call) {
  std::string_view const wanted = *call.path.get("currency");
  for (std::string_view currency : call.state.engine.currencies()) {
    if (currency == wanted) return json_reply(currency_json(currency));
  }
  return refusal("INVALID_CURRENCY", "Invalid currency " + std::string(wanted));
}

RestResult currency_pairs(RestCall const& call) {
  boost::json::array out;
  for (PairSpec const& pair : call.state.engine.catalogue().pairs) {
    out.push_back(currency_pair_json(pair));
  }
  return json_reply(out);
}

RestResult currency_pair(RestCall const& call) {
  std::string_view const id = *call.path.get("currency_pair");
  PairSpec const* pair = call.state.engine.find_pair(id);
  if (pair == nullptr) {
    return refusal("INVALID_CURRENCY_PAIR", "Invalid currency pair " + std::string(id));
  }
  return json_reply(currency_pair_json(*pair));
}

RestResult margin_currency_pairs(RestCall const&) {
  return json_reply(boost::json::array{});
}

Checked<boost::json::object> ticker_of(RestCall const& call, std::string_view pair) {
  auto const& spot = call.state.engine.spot();
  auto ticker = spot.ticker(pair, call.now_ms);
  if (!ticker) return refusal_from(ticker.error());
  auto top = spot.order_book(pair, 1);
  if (!top) return refusal_from(top.error());
  return ticker_json(*ticker, *top);
}

RestResult tickers(RestCall const& call) {
  boost::json::array out;
  if (auto const pair = call.query.get("currency_pair")) {
    auto ticker = ticker_of(call, *pair);
    if (!ticker) return ticker.error();
    out.push_back(std::move(*ticker));
    return json_reply(out);
  }
  for (PairSpec const& pair : call.state.engine.catalogue().pairs) {
    auto ticker = ticker_of(call, pair.id);
    if (!ticker) return ticker.error();
    out.push_back(std::move(*ticker));
  }
  return json_reply(out);
}

RestResult order_book(RestCall const& call) {
  auto const request = parse_order_book_query(call.query);
  if (!request) return request.error();
  auto book = spot_order_book(call.state.engine, *request);
  if (!book) return book.error();
  return json_reply(order_book_json(*book, call.now_ms, request->with_id));
}

RestResult trades(RestCall const& call) {
  auto const pair = query_required(call.query, "currency_pair");
  if (!pair) return pair.error();
  auto const limit = query_limit(call.query, default_trades_limit, max_trades_limit);
  if (!limit) return limit.error();
  auto const last_id = query_int(call.query, "last_id");
  if (!last_id) return last_id.error();
  auto const reverse = query_bool(call.query, "reverse");
  if (!reverse) return reverse.error();
  auto const range = query_time_range(call.query);
  if (!range) return range.error();

  // Everything the market remembers, newest first; the filters below pick Gate's window.
  auto recent = call.state.engine.spot().trades(*pair, std::numeric_limits<std::size_t>::max());
  if (!recent) return refusal_from(recent.error());
  bool const older = reverse->value_or(false);
  boost::json::array out;
  for (SpotPublicTrade const& trade : *recent) {
    if (out.size() >= *limit) break;
    if (*last_id && (older ? trade.id >= **last_id : trade.id <= **last_id)) continue;
    if (!range->contains(trade.create_time_ms)) continue;
    out.push_back(public_trade_json(trade));
  }
  return json_reply(out);
}

RestResult candlesticks(RestCall const& call) {
  auto const pair = query_required(call.query, "currency_pair");
  if (!pair) return pair.error();
  std::string_view const interval_text =
      call.query.get("interval").value_or(default_candle_interval);
  auto const interval = parse_candle_interval(interval_text);
  if (!interval) return invalid_param("interval", interval_text);
  auto const limit = query_limit(call.query, default_candles_limit, max_candles);
  if (!limit) return limit.error();
  auto range = query_time_range(call.query);
  if (!range) return range.error();

  std::int64_t const step = seconds(*interval);
  if (!range->from_s && range->to_s) {
    // `to` alone: the `limit` buckets ending with the one holding `to`.
    std::int64_t const last_bucket = *range->to_s - ((*range->to_s % step) + step) % step;
    range->from_s = last_bucket - static_cast<std::int64_t>(*limit - 1) * step;
  }
  if (range->from_s) {
    std::int64_t const to_s = range->to_s.value_or(call.now_ms / 1000);
    if (to_s >= *range->from_s &&
        (to_s - *range->from_s) / step >= static_cast<std::int64_t>(max_candles)) {
      return refusal("INVALID_PARAM_VALUE",
                     "Too many candlesticks requested: at most 1000 points per query");
    }
  }
  auto candles = call.state.engine.spot().candles(*pair, *interval, range->from_s, range->to_s,
                                                  *limit, call.now_ms);
  if (!candles) return refusal_from(candles.error());
  boost::json::array out;
  out.reserve(candles->size());
  for (Candle const& candle : *candles) out.push_back(candle_json(candle));
  return json_reply(out);
}

}  // namespace

void add_market_routes(Router& router) {
  router.add({"GET", "/spot/time", "", RateGroup::public_endpoint, server_time});
  router.add({"GET", "/spot/currencies", "", RateGroup::public_endpoint, currencies});
  router.add({"GET", "/spot/currencies/{currency}", "", RateGroup::public_endpoint, currency});
  router.add({"GET", "/spot/currency_pairs", "", RateGroup::public_endpoint, currency_pairs});
  router.add({"GET", "/spot/currency_pairs/{currency_pair}", "", RateGroup::public_endpoint,
              currency_pair});
  router.add(
      {"GET", "/margin/currency_pairs", "", RateGroup::public_endpoint, margin_currency_pairs});
  router.add({"GET", "/spot/tickers", "", RateGroup::public_endpoint, tickers});
  router.add({"GET", "/spot/order_book", "", RateGroup::public_endpoint, order_book});
  router.add({"GET", "/spot/trades", "", RateGroup::public_endpoint, trades});
  router.add({"GET", "/spot/candlesticks", "", RateGroup::public_endpoint, candlesticks});
}

}  // namespace tradelink::sandbox::rest
