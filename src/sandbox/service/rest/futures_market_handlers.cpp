// Public USDT-perpetual market data: contracts, tickers, order book, trades and candlesticks
// (gateio-v4.md §3.2; SDK FuturesApi listFuturesContracts … listFuturesCandlesticks).
#include <algorithm>
#include <string>
#include <vector>

#include "sandbox/service/rest/futures_handlers.hpp"
#include "sandbox/service/rest/futures_json.hpp"
#include "sandbox/service/rest/futures_request.hpp"
#include "sandbox/service/rest/json_body.hpp"

namespace tradelink::sandbox::rest::futures {
namespace {

constexpr std::size_t book_default_depth = 10;
constexpr std::size_t book_max_depth = 300;
constexpr std::size_t trades_default_limit = 100;
constexpr std::size_t candles_default_limit = 100;

RestReply ok(std::string body) {
  return RestReply{200, std::move(body), {}};
}

std::string contract_of(RestCall const& call, ContractSpec const& spec) {
  FuturesExchange const& futures = call.state.engine.futures();
  FuturesTicker const ticker = futures.ticker(spec.name, call.now_ms).value();
  std::uint64_t const book_id = futures.order_book(spec.name, 0).value().id;
  auto const newest = futures.trades(spec.name, 1).value();
  ContractFigures const figures{ticker, book_id, newest.empty() ? 0 : newest.front().id,
                                call.now_ms};
  return contract_json(spec, figures, size_encoding_of(call.http));
}

std::string ticker_of(RestCall const& call, FuturesTicker const& ticker) {
  BookSnapshot const top = call.state.engine.futures().order_book(ticker.contract, 1).value();
  BookTops tops;
  if (!top.asks.empty()) tops.ask = top.asks.front();
  if (!top.bids.empty()) tops.bid = top.bids.front();
  return ticker_json(ticker, tops, size_encoding_of(call.http));
}

/// The required `contract` query parameter, listed.
Checked<ContractSpec const*> contract_param(RestCall const& call) {
  auto const name = query_required(call.query, "contract");
  if (!name) return name.error();
  return listed_contract(call, *name);
}

}  // namespace

RestResult list_contracts(RestCall const& call) {
  if (lists_no_contracts(call.path.get("settle").value_or(""))) return ok("[]");
  if (auto refused = check_settle(call)) return *refused;
  auto const limit = query_count(call.query, "limit", 100, Page::max_limit);
  if (!limit) return limit.error();
  auto const offset = query_int(call.query, "offset");
  if (!offset) return offset.error();
  if (*offset && **offset < 0) return invalid_param("offset", std::to_string(**offset));
  auto const& contracts = call.state.engine.catalogue().contracts;
  std::size_t const first =
      std::min(static_cast<std::size_t>(offset->value_or(0)), contracts.size());
  std::size_t const last = std::min(first + *limit, contracts.size());
  std::vector<ContractSpec const*> page;
  for (std::size_t index = first; index < last; ++index) page.push_back(&contracts[index]);
  return ok(json_array(page, [&](ContractSpec const* spec) { return contract_of(call, *spec); }));
}

RestResult get_contract(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const spec = listed_contract(call, call.path.get("contract").value_or(""));
  if (!spec) return spec.error();
  return ok(contract_of(call, **spec));
}

RestResult list_tickers(RestCall const& call) {
  if (lists_no_contracts(call.path.get("settle").value_or(""))) return ok("[]");
  if (auto refused = check_settle(call)) return *refused;
  FuturesExchange const& futures = call.state.engine.futures();
  std::vector<FuturesTicker> tickers;
  if (auto const name = call.query.get("contract"); name && !name->empty()) {
    auto const spec = listed_contract(call, *name);
    if (!spec) return spec.error();
    tickers.push_back(futures.ticker((*spec)->name, call.now_ms).value());
  } else {
    tickers = futures.tickers(call.now_ms);
  }
  return ok(
      json_array(tickers, [&](FuturesTicker const& ticker) { return ticker_of(call, ticker); }));
}

RestResult get_order_book(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const spec = contract_param(call);
  if (!spec) return spec.error();
  // Only the unaggregated book exists: every interval but "0" is refused.
  if (auto const interval = call.query.get("interval"); interval && *interval != "0") {
    return invalid_param("interval", *interval);
  }
  auto const depth = query_count(call.query, "limit", book_default_depth, book_max_depth);
  if (!depth) return depth.error();
  auto const with_id = query_bool(call.query, "with_id");
  if (!with_id) return with_id.error();
  BookSnapshot const book = call.state.engine.futures().order_book((*spec)->name, *depth).value();
  return ok(
      order_book_json(book, with_id->value_or(false), call.now_ms, size_encoding_of(call.http)));
}

RestResult list_trades(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const spec = contract_param(call);
  if (!spec) return spec.error();
  auto const limit = query_count(call.query, "limit", trades_default_limit, Page::max_limit);
  if (!limit) return limit.error();
  auto const last_id = query_int(call.query, "last_id");
  if (!last_id) return last_id.error();
  auto const from = query_int(call.query, "from");
  if (!from) return from.error();
  auto const to = query_int(call.query, "to");
  if (!to) return to.error();

  std::vector<FuturesPublicTrade> kept;
  for (FuturesPublicTrade const& trade :
       call.state.engine.futures().trades((*spec)->name, Page::max_limit).value()) {
    if (*last_id && trade.id >= **last_id) continue;
    std::int64_t const time_s = trade.create_time_ms / 1000;
    if ((*from && time_s < **from) || (*to && time_s > **to)) continue;
    kept.push_back(trade);
    if (kept.size() == *limit) break;
  }
  SizeEncoding const sizes = size_encoding_of(call.http);
  return ok(json_array(
      kept, [sizes](FuturesPublicTrade const& trade) { return public_trade_json(trade, sizes); }));
}

RestResult list_candlesticks(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const spec = contract_param(call);
  if (!spec) return spec.error();
  std::string_view const interval_text = call.query.get("interval").value_or("5m");
  auto const interval = parse_candle_interval(interval_text);
  if (!interval) return invalid_param("interval", interval_text);
  auto const from = query_int(call.query, "from");
  if (!from) return from.error();
  auto const to = query_int(call.query, "to");
  if (!to) return to.error();
  // Gate: `limit` conflicts with `from` / `to`; a request giving both is rejected.
  if (call.query.has("limit") && (*from || *to)) {
    return invalid_param("limit", call.query.get("limit").value_or(""));
  }
  auto const limit =
      query_count(call.query, "limit", candles_default_limit, CandleSeries::max_query);
  if (!limit) return limit.error();
  auto const candles = call.state.engine.futures()
                           .candles((*spec)->name, *interval, *from, *to, *limit, call.now_ms)
                           .value();
  SizeEncoding const sizes = size_encoding_of(call.http);
  return ok(
      json_array(candles, [sizes](Candle const& candle) { return candle_json(candle, sizes); }));
}

}  // namespace tradelink::sandbox::rest::futures
