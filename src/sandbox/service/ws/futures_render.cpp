#include "sandbox/service/ws/futures_render.hpp"

#include "sandbox/service/ws/json_writer.hpp"

namespace tradelink::sandbox::ws {
namespace {

void write_size(JsonWriter& out, core::Decimal size, SizeFormat sizes) {
  if (sizes == SizeFormat::string) {
    out.decimal_string(size);
  } else {
    out.decimal_number(size);
  }
}

void optional_price(JsonWriter& out, std::optional<core::Decimal> const& price) {
  if (price) {
    out.decimal_string(*price);
  } else {
    out.string("");
  }
}

}  // namespace

std::string render_futures_trade(FuturesPublicTrade const& trade, SizeFormat sizes) {
  JsonWriter out(220);
  out.begin_array().begin_object();
  out.key("size");
  write_size(out, trade.size, sizes);
  out.key("id").integer(trade.id);
  out.key("create_time").integer(trade.create_time_ms / 1000);
  out.key("create_time_ms").integer(trade.create_time_ms);
  out.key("price").decimal_string(trade.price);
  out.key("contract").string(trade.contract);
  out.key("is_internal").boolean(false);
  return out.end_object().end_array().take();
}

std::string render_futures_candle(std::string_view stream, Candle const& candle,
                                  core::Decimal quanto_multiplier, SizeFormat sizes) {
  auto const base_amount = candle.amount.mul(quanto_multiplier);
  JsonWriter out(256);
  out.begin_array().begin_object();
  out.key("t").integer(candle.start_s);
  out.key("v");
  write_size(out, candle.amount, sizes);
  out.key("c").decimal_string(candle.close);
  out.key("h").decimal_string(candle.high);
  out.key("l").decimal_string(candle.low);
  out.key("o").decimal_string(candle.open);
  out.key("n").string(stream);
  // `a`: the volume in the base currency. A product beyond the Decimal range (no real volume
  // comes near it) leaves the field out rather than sending a wrong figure.
  if (base_amount) out.key("a").decimal_string(*base_amount);
  return out.end_object().end_array().take();
}

std::string render_futures_ticker(FuturesTicker const& ticker) {
  JsonWriter out(480);
  out.begin_array().begin_object();
  out.key("contract").string(ticker.contract);
  out.key("last");
  optional_price(out, ticker.last);
  out.key("change_percentage").decimal_string(ticker.change_percentage);
  out.key("funding_rate").string("0");
  out.key("funding_rate_indicative").string("0");
  out.key("mark_price").decimal_string(ticker.mark_price);
  out.key("index_price").decimal_string(ticker.index_price);
  out.key("total_size").decimal_string(ticker.total_size);
  out.key("volume_24h").decimal_string(ticker.volume_24h);
  out.key("volume_24h_base").decimal_string(ticker.volume_24h_base);
  out.key("volume_24h_quote").decimal_string(ticker.volume_24h_quote);
  out.key("volume_24h_settle").decimal_string(ticker.volume_24h_quote);
  out.key("quanto_base_rate").string("");
  out.key("low_24h").decimal_string(ticker.low_24h);
  out.key("high_24h").decimal_string(ticker.high_24h);
  out.key("lowest_ask");
  optional_price(out, ticker.lowest_ask);
  out.key("highest_bid");
  optional_price(out, ticker.highest_bid);
  return out.end_object().end_array().take();
}

std::string render_futures_balance(FuturesBalanceUpdate const& update) {
  JsonWriter out(260);
  out.begin_array().begin_object();
  out.key("balance").decimal_number(update.balance);
  out.key("change").decimal_number(update.change);
  std::string text;
  if (!update.contract.empty()) {
    text.append(update.contract).append(":").append(std::to_string(update.order_id));
  }
  out.key("text").string(text);
  out.key("time").integer(update.time_ms / 1000);
  out.key("time_ms").integer(update.time_ms);
  out.key("type").string(to_string(update.type));
  out.key("user").integer_string(update.user);
  out.key("currency").string("usdt");
  return out.end_object().end_array().take();
}

std::string render_futures_order(FuturesOrder const& order, SizeFormat sizes) {
  bool const open = order.status == FuturesOrderStatus::open;
  JsonWriter out(700);
  out.begin_array().begin_object();
  out.key("contract").string(order.contract);
  out.key("create_time").integer(order.create_time_ms / 1000);
  out.key("create_time_ms").integer(order.create_time_ms);
  out.key("fill_price").decimal_string(order.fill_price);
  out.key("finish_as").string(open ? std::string_view{} : to_string(order.finish_as));
  out.key("finish_time").integer(order.finish_time_ms / 1000);
  out.key("finish_time_ms").integer(order.finish_time_ms);
  out.key("iceberg");
  write_size(out, core::Decimal{}, sizes);
  out.key("id").integer(order.id);
  out.key("id_string").integer_string(order.id);
  out.key("is_close").boolean(order.is_close);
  out.key("is_liq").boolean(false);
  out.key("is_reduce_only").boolean(order.is_reduce_only);
  out.key("left");
  write_size(out, order.left, sizes);
  out.key("mkfr").decimal_number(order.maker_fee_rate);
  out.key("price").decimal_string(order.price);
  out.key("refr").integer(0);
  out.key("refu").integer(0);
  out.key("size");
  write_size(out, order.size, sizes);
  out.key("status").string(to_string(order.status));
  out.key("text").string(order.text.view());
  out.key("tif").string(to_string(order.time_in_force));
  out.key("tkfr").decimal_number(order.taker_fee_rate);
  out.key("fee").decimal_number(order.fee);
  out.key("user").integer_string(order.user);
  out.key("update_id").integer(order.update_id);
  out.key("update_time").integer(order.update_time_ms);
  out.key("pos_margin_mode").string("isolated");
  return out.end_object().end_array().take();
}

std::string render_futures_position(FuturesPosition const& position, SizeFormat sizes) {
  JsonWriter out(600);
  out.begin_array().begin_object();
  out.key("contract").string(position.contract);
  out.key("cross_leverage_limit").integer(0);
  out.key("entry_price").decimal_number(position.entry_price);
  out.key("history_pnl").decimal_number(position.history_pnl);
  out.key("last_close_pnl").decimal_number(position.last_close_pnl);
  out.key("leverage").decimal_number(position.leverage);
  out.key("lever").decimal_string(position.leverage);
  out.key("liq_price").integer(0);
  out.key("maintenance_rate").decimal_number(position.maintenance_rate);
  out.key("margin").decimal_number(position.margin);
  out.key("mode").string("single");
  out.key("pos_margin_mode").string("isolated");
  out.key("realised_pnl").decimal_number(position.realised_pnl);
  out.key("risk_limit").decimal_number(position.risk_limit);
  out.key("size");
  write_size(out, position.size, sizes);
  out.key("time").integer(position.time_ms / 1000);
  out.key("time_ms").integer(position.time_ms);
  out.key("user").integer_string(position.user);
  out.key("update_id").integer(position.update_id);
  return out.end_object().end_array().take();
}

std::string render_futures_user_trade(FuturesUserTrade const& trade, SizeFormat sizes) {
  JsonWriter out(360);
  out.begin_array().begin_object();
  out.key("id").integer_string(trade.id);
  out.key("create_time").integer(trade.create_time_ms / 1000);
  out.key("create_time_ms").integer(trade.create_time_ms);
  out.key("contract").string(trade.contract);
  out.key("order_id").integer_string(trade.order_id);
  out.key("size");
  write_size(out, trade.size, sizes);
  out.key("close_size");
  write_size(out, trade.close_size, sizes);
  out.key("price").decimal_string(trade.price);
  out.key("role").string(to_string(trade.role));
  out.key("text").string(trade.text.view());
  out.key("fee").decimal_number(trade.fee);
  out.key("point_fee").integer(0);
  return out.end_object().end_array().take();
}

}  // namespace tradelink::sandbox::ws
