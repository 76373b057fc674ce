#include "sandbox/service/rest/market_json.hpp"

#include <array>
#include <string>

#include "sandbox/service/rest/json_values.hpp"

namespace tradelink::sandbox::rest {
namespace {

boost::json::string_view trade_status_text(TradeStatus status) noexcept {
  switch (status) {
    case TradeStatus::untradable: return "untradable";
    case TradeStatus::buyable: return "buyable";
    case TradeStatus::sellable: return "sellable";
    case TradeStatus::tradable: return "tradable";
  }
  return "untradable";
}

/// A fee rate in percent (0.002 → 0.2). Catalogue rates are below 1, so this cannot overflow.
core::Decimal percent_of(core::Decimal rate) {
  auto const hundred = core::Decimal::from_integer(100);
  auto const scaled = rate.mul(*hundred);
  return scaled ? *scaled : rate;
}

boost::json::string optional_text(std::optional<core::Decimal> const& value) {
  return value ? decimal_text(*value) : boost::json::string();
}

boost::json::array levels_json(std::vector<PriceLevel> const& levels) {
  boost::json::array out;
  out.reserve(levels.size());
  for (PriceLevel const& level : levels) {
    out.push_back(boost::json::array{decimal_text(level.price), decimal_text(level.size)});
  }
  return out;
}

}  // namespace

std::string_view currency_name(std::string_view currency) noexcept {
  struct Entry {
    std::string_view symbol;
    std::string_view name;
  };
  static constexpr std::array<Entry, 7> names{{
      {"BTC", "Bitcoin"},
      {"ETH", "Ethereum"},
      {"SOL", "Solana"},
      {"GT", "GateToken"},
      {"USDT", "Tether"},
      {"USDC", "USD Coin"},
      {"BNB", "BNB"},
  }};
  for (Entry const& entry : names) {
    if (entry.symbol == currency) return entry.name;
  }
  return currency;
}

boost::json::object currency_json(std::string_view currency) {
  return boost::json::object{
      {"currency", currency},       {"name", currency_name(currency)}, {"delisted", false},
      {"withdraw_disabled", false}, {"withdraw_delayed", false},       {"deposit_disabled", false},
      {"trade_disabled", false},
  };
}

boost::json::object currency_pair_json(PairSpec const& pair) {
  boost::json::object out{
      {"id", pair.id},
      {"base", pair.base},
      {"base_name", currency_name(pair.base)},
      {"quote", pair.quote},
      {"quote_name", currency_name(pair.quote)},
  };
  out["fee"] = decimal_text(percent_of(pair.taker_fee_rate));
  out["min_base_amount"] = decimal_text(pair.min_base_amount);
  out["min_quote_amount"] = decimal_text(pair.min_quote_amount);
  if (pair.max_base_amount) out["max_base_amount"] = decimal_text(*pair.max_base_amount);
  if (pair.max_quote_amount) out["max_quote_amount"] = decimal_text(*pair.max_quote_amount);
  out["amount_precision"] = pair.amount_precision;
  out["precision"] = pair.precision;
  out["trade_status"] = trade_status_text(pair.trade_status);
  out["sell_start"] = 0;
  out["buy_start"] = 0;
  out["delisting_time"] = 0;
  out["type"] = "normal";
  return out;
}

boost::json::object ticker_json(SpotTicker const& ticker, BookSnapshot const& top) {
  boost::json::object out{{"currency_pair", ticker.currency_pair}};
  out["last"] = optional_text(ticker.last);
  out["lowest_ask"] = optional_text(ticker.lowest_ask);
  out["lowest_size"] =
      top.asks.empty() ? boost::json::string() : decimal_text(top.asks.front().size);
  out["highest_bid"] = optional_text(ticker.highest_bid);
  out["highest_size"] =
      top.bids.empty() ? boost::json::string() : decimal_text(top.bids.front().size);
  out["change_percentage"] = decimal_text(ticker.change_percentage);
  out["base_volume"] = decimal_text(ticker.base_volume);
  out["quote_volume"] = decimal_text(ticker.quote_volume);
  out["high_24h"] = decimal_text(ticker.high_24h);
  out["low_24h"] = decimal_text(ticker.low_24h);
  return out;
}

boost::json::object order_book_json(BookSnapshot const& book, TimeMs now_ms, bool with_id) {
  boost::json::object out;
  if (with_id) out["id"] = book.id;
  out["current"] = now_ms;
  out["update"] = book.update_ms;
  out["asks"] = levels_json(book.asks);
  out["bids"] = levels_json(book.bids);
  return out;
}

boost::json::object public_trade_json(SpotPublicTrade const& trade) {
  return boost::json::object{
      {"id", std::to_string(trade.id)},
      {"create_time", seconds_text(trade.create_time_ms)},
      {"create_time_ms", millis_text(trade.create_time_ms)},
      {"currency_pair", trade.currency_pair},
      {"side", to_string(trade.side)},
      {"amount", decimal_text(trade.amount)},
      {"price", decimal_text(trade.price)},
      {"sequence_id", std::to_string(trade.sequence_id)},
  };
}

boost::json::array candle_json(Candle const& candle) {
  return boost::json::array{
      std::to_string(candle.start_s), decimal_text(candle.quote_volume), decimal_text(candle.close),
      decimal_text(candle.high),      decimal_text(candle.low),          decimal_text(candle.open),
      decimal_text(candle.amount),    candle.closed ? "true" : "false",
  };
}

}  // namespace tradelink::sandbox::rest
