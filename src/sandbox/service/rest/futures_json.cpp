#include "sandbox/service/rest/futures_json.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <cstdlib>

#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox::rest {
namespace {

using core::Decimal;

/// Seconds of Gate's funding period; funding is not simulated, the schedule is still shown.
constexpr std::int64_t funding_interval_s = 8 * 60 * 60;
/// Marker Gate puts in `text` for API orders placed without a client text.
constexpr std::string_view api_text = "api";

/// Appends one JSON object field by field. Numbers are written from exact integers or Decimals,
/// never through double.
class ObjectWriter {
 public:
  ObjectWriter() { out_ += '{'; }

  ObjectWriter& string(std::string_view name, std::string_view value) {
    key(name);
    out_ += boost::json::serialize(boost::json::string(value));
    return *this;
  }
  /// A decimal as a JSON string ("0.0001").
  ObjectWriter& decimal(std::string_view name, Decimal value) {
    key(name);
    out_ += '"';
    out_ += value.to_string();
    out_ += '"';
    return *this;
  }
  /// A decimal string, or "" when absent (Gate's empty value).
  ObjectWriter& decimal_or_empty(std::string_view name, std::optional<Decimal> value) {
    return value ? decimal(name, *value) : string(name, "");
  }
  ObjectWriter& integer(std::string_view name, std::int64_t value) {
    return raw(name, std::to_string(value));
  }
  ObjectWriter& boolean(std::string_view name, bool value) {
    return raw(name, value ? "true" : "false");
  }
  /// Unix seconds with the milliseconds as a fraction (1700000004.123), a JSON number.
  ObjectWriter& seconds(std::string_view name, std::int64_t time_ms) {
    return raw(
        name,
        Decimal::from_raw(static_cast<Decimal::Raw>(time_ms) * 1'000'000'000'000'000).to_string());
  }
  /// A contract size in the request's encoding: a decimal string, or a JSON integer truncated
  /// toward zero.
  ObjectWriter& size(std::string_view name, Decimal value, SizeEncoding sizes) {
    if (sizes == SizeEncoding::decimal) return decimal(name, value);
    return raw(name, truncated(value).to_string());
  }
  /// A size-like figure Gate always sends as a string (ticker volumes): truncated to whole
  /// contracts under the integer encoding.
  ObjectWriter& size_string(std::string_view name, Decimal value, SizeEncoding sizes) {
    return decimal(name, sizes == SizeEncoding::decimal ? value : truncated(value));
  }
  ObjectWriter& raw(std::string_view name, std::string_view json) {
    key(name);
    out_ += json;
    return *this;
  }

  /// Closes the object and hands its text over; the writer is spent afterwards.
  [[nodiscard]] std::string finish() {
    out_ += '}';
    return std::move(out_);
  }

  static Decimal truncated(Decimal value) { return money::rounded(value, 0, core::Rounding::down); }

 private:
  void key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
  }

  std::string out_;
  bool first_ = true;
};

Decimal magnitude(Decimal value) {
  return value.is_negative() ? money::negated(value) : value;
}

std::string level_json(PriceLevel const& level, SizeEncoding sizes) {
  return ObjectWriter{}.decimal("p", level.price).size("s", level.size, sizes).finish();
}

}  // namespace

SizeEncoding size_encoding_of(net::ServerRequest const& request) noexcept {
  return request.header("X-Gate-Size-Decimal") == "1" ? SizeEncoding::decimal
                                                      : SizeEncoding::integer;
}

std::string contract_json(ContractSpec const& spec, ContractFigures const& figures,
                          SizeEncoding sizes) {
  std::int64_t const now_s = figures.now_ms / 1000;
  std::int64_t const next_funding = (now_s / funding_interval_s + 1) * funding_interval_s;
  FuturesTicker const& ticker = figures.ticker;
  return ObjectWriter{}
      .string("name", spec.name)
      .string("type", "direct")
      .decimal("quanto_multiplier", spec.quanto_multiplier)
      .decimal("leverage_min", spec.leverage_min)
      .decimal("leverage_max", spec.leverage_max)
      .decimal("maintenance_rate", spec.maintenance_rate)
      .string("mark_type", "index")
      .decimal("mark_price", ticker.mark_price)
      .decimal("index_price", ticker.index_price)
      .decimal_or_empty("last_price", ticker.last)
      .decimal("maker_fee_rate", spec.maker_fee_rate)
      .decimal("taker_fee_rate", spec.taker_fee_rate)
      .decimal("order_price_round", spec.order_price_round)
      .decimal("mark_price_round", spec.mark_price_round)
      .decimal("funding_rate", Decimal{})
      .decimal("funding_rate_indicative", Decimal{})
      .integer("funding_interval", funding_interval_s)
      .integer("funding_next_apply", next_funding)
      .integer("funding_offset", 0)
      .decimal("risk_limit_base", spec.risk_limit_base)
      .decimal("risk_limit_step", spec.risk_limit_step)
      .decimal("risk_limit_max", spec.risk_limit_max)
      .size("order_size_min", spec.order_size_min, sizes)
      .size("order_size_max", spec.order_size_max, sizes)
      .decimal("ref_discount_rate", Decimal{})
      .decimal("ref_rebate_rate", Decimal{})
      .integer("orderbook_id", static_cast<std::int64_t>(figures.orderbook_id))
      .integer("trade_id", figures.last_trade_id)
      .size("position_size", ticker.total_size, sizes)
      .boolean("in_delisting", false)
      .integer("orders_limit", spec.orders_limit)
      .boolean("enable_bonus", false)
      .boolean("enable_credit", false)
      .boolean("enable_decimal", spec.enable_decimal)
      .string("status", "trading")
      .finish();
}

std::string ticker_json(FuturesTicker const& ticker, BookTops const& tops, SizeEncoding sizes) {
  ObjectWriter out;
  out.string("contract", ticker.contract)
      .decimal_or_empty("last", ticker.last)
      .decimal("change_percentage", ticker.change_percentage)
      .size_string("total_size", ticker.total_size, sizes)
      .decimal("low_24h", ticker.low_24h)
      .decimal("high_24h", ticker.high_24h)
      .size_string("volume_24h", ticker.volume_24h, sizes)
      .decimal("volume_24h_base", ticker.volume_24h_base)
      .decimal("volume_24h_quote", ticker.volume_24h_quote)
      .decimal("volume_24h_settle", ticker.volume_24h_quote)
      .decimal("mark_price", ticker.mark_price)
      .decimal("funding_rate", Decimal{})
      .decimal("funding_rate_indicative", Decimal{})
      .decimal("index_price", ticker.index_price)
      .decimal_or_empty("lowest_ask", ticker.lowest_ask);
  if (tops.ask) {
    out.size_string("lowest_size", tops.ask->size, sizes);
  } else {
    out.string("lowest_size", "");
  }
  out.decimal_or_empty("highest_bid", ticker.highest_bid);
  if (tops.bid) {
    out.size_string("highest_size", tops.bid->size, sizes);
  } else {
    out.string("highest_size", "");
  }
  return out.finish();
}

std::string order_book_json(BookSnapshot const& book, bool with_id, std::int64_t now_ms,
                            SizeEncoding sizes) {
  auto const level = [sizes](PriceLevel const& entry) { return level_json(entry, sizes); };
  ObjectWriter out;
  if (with_id) out.integer("id", static_cast<std::int64_t>(book.id));
  return out.seconds("current", now_ms)
      .seconds("update", book.update_ms)
      .raw("asks", json_array(book.asks, level))
      .raw("bids", json_array(book.bids, level))
      .finish();
}

std::string public_trade_json(FuturesPublicTrade const& trade, SizeEncoding sizes) {
  return ObjectWriter{}
      .integer("id", trade.id)
      .seconds("create_time", trade.create_time_ms)
      .raw("create_time_ms", std::to_string(trade.create_time_ms))
      .string("contract", trade.contract)
      .size("size", trade.size, sizes)
      .decimal("price", trade.price)
      .boolean("is_internal", false)
      .finish();
}

std::string candle_json(Candle const& candle, SizeEncoding sizes) {
  return ObjectWriter{}
      .integer("t", candle.start_s)
      .size("v", candle.amount, sizes)
      .decimal("c", candle.close)
      .decimal("h", candle.high)
      .decimal("l", candle.low)
      .decimal("o", candle.open)
      .decimal("sum", candle.quote_volume)
      .finish();
}

std::string account_json(FuturesAccount const& account) {
  Decimal const zero;
  std::string const history = ObjectWriter{}
                                  .decimal("dnw", account.history.dnw)
                                  .decimal("pnl", account.history.pnl)
                                  .decimal("fee", account.history.fee)
                                  .decimal("refr", zero)
                                  .decimal("fund", account.history.fund)
                                  .decimal("point_dnw", zero)
                                  .decimal("point_fee", zero)
                                  .decimal("point_refr", zero)
                                  .decimal("bonus_dnw", zero)
                                  .decimal("bonus_offset", zero)
                                  .finish();
  return ObjectWriter{}
      .integer("user", account.user)
      .string("currency", "USDT")
      .decimal("total", account.total)
      .decimal("unrealised_pnl", account.unrealised_pnl)
      .decimal("position_margin", account.position_margin)
      .decimal("order_margin", account.order_margin)
      .decimal("available", account.available)
      .decimal("point", zero)
      .decimal("bonus", zero)
      .boolean("in_dual_mode", false)
      .string("position_mode", "single")
      .boolean("enable_credit", false)
      .integer("margin_mode", 0)
      .boolean("enable_evolved_classic", false)
      .boolean("enable_new_dual_mode", false)
      .decimal("isolated_position_margin", account.position_margin)
      .raw("history", history)
      .finish();
}

std::string order_json(FuturesOrder const& order, SizeEncoding sizes) {
  bool const finished = order.status == FuturesOrderStatus::finished;
  ObjectWriter out;
  out.integer("id", order.id)
      .integer("user", order.user)
      .seconds("create_time", order.create_time_ms)
      .seconds("update_time", order.update_time_ms);
  if (finished) {
    out.seconds("finish_time", order.finish_time_ms)
        .string("finish_as", to_string(order.finish_as));
  }
  out.string("status", to_string(order.status))
      .string("contract", order.contract)
      .size("size", order.size, sizes)
      .size("iceberg", Decimal{}, sizes)
      .decimal("price", order.price)
      .boolean("close", order.is_close)
      .boolean("is_close", order.is_close)
      .boolean("reduce_only", order.is_reduce_only)
      .boolean("is_reduce_only", order.is_reduce_only)
      .boolean("is_liq", false)
      .string("tif", to_string(order.time_in_force))
      .size("left", order.left, sizes)
      .decimal("fill_price", order.fill_price)
      .string("text", order.text.empty() ? api_text : order.text.view())
      .decimal("tkfr", order.taker_fee_rate)
      .decimal("mkfr", order.maker_fee_rate)
      .integer("refu", 0)
      .integer("stp_id", 0)
      .string("stp_act", "-")
      .string("amend_text", order.amend_text.empty() ? std::string_view("-") : order.amend_text)
      .integer("update_id", order.update_id);
  return out.finish();
}

std::string position_json(FuturesPosition const& position, ContractSpec const& spec,
                          SizeEncoding sizes) {
  return ObjectWriter{}
      .integer("user", position.user)
      .string("contract", position.contract)
      .size("size", position.size, sizes)
      .decimal("leverage", position.leverage)
      .decimal("risk_limit", position.risk_limit)
      .decimal("leverage_max", spec.leverage_max)
      .decimal("maintenance_rate", position.maintenance_rate)
      .decimal("value", position.value)
      .decimal("margin", position.margin)
      .decimal("entry_price", position.entry_price)
      .decimal("mark_price", position.mark_price)
      .decimal("unrealised_pnl", position.unrealised_pnl)
      .decimal("realised_pnl", position.realised_pnl)
      .decimal("pnl_fund", Decimal{})
      .decimal("history_pnl", position.history_pnl)
      .decimal("last_close_pnl", position.last_close_pnl)
      .decimal("realised_point", Decimal{})
      .decimal("history_point", Decimal{})
      .integer("pending_orders", position.pending_orders)
      .string("mode", "single")
      .decimal("cross_leverage_limit", Decimal{})
      .string("pos_margin_mode", "isolated")
      .integer("update_time", position.time_ms / 1000)
      .integer("update_id", position.update_id)
      .finish();
}

std::string user_trade_json(FuturesUserTrade const& trade, ContractSpec const& spec,
                            SizeEncoding sizes) {
  Decimal const value =
      money::times(money::times(magnitude(trade.size), spec.quanto_multiplier), trade.price);
  return ObjectWriter{}
      .integer("id", trade.id)
      .seconds("create_time", trade.create_time_ms)
      .string("contract", trade.contract)
      .string("order_id", std::to_string(trade.order_id))
      .size("size", trade.size, sizes)
      .size("close_size", trade.close_size, sizes)
      .decimal("price", trade.price)
      .string("role", to_string(trade.role))
      .string("text", trade.text.empty() ? api_text : trade.text.view())
      .decimal("fee", trade.fee)
      .decimal("point_fee", Decimal{})
      .decimal("trade_value", value)
      .finish();
}

std::string countdown_json(std::int64_t trigger_ms) {
  return ObjectWriter{}.integer("triggerTime", trigger_ms).finish();
}

}  // namespace tradelink::sandbox::rest
