#include "sandbox/service/ws/spot_render.hpp"

#include "sandbox/service/ws/json_writer.hpp"

namespace tradelink::sandbox::ws {
namespace {

void optional_price(JsonWriter& out, std::optional<core::Decimal> const& price) {
  if (price) {
    out.decimal_string(*price);
  } else {
    out.string("");
  }
}

/// The pair's quote currency ("BTC_USDT" → "USDT").
std::string_view quote_of(std::string_view pair) {
  auto const underscore = pair.rfind('_');
  return underscore == std::string_view::npos ? pair : pair.substr(underscore + 1);
}

}  // namespace

std::string render_spot_candle(std::string_view stream, Candle const& candle) {
  JsonWriter out(256);
  out.begin_object();
  out.key("t").integer_string(candle.start_s);
  out.key("v").decimal_string(candle.quote_volume);
  out.key("c").decimal_string(candle.close);
  out.key("h").decimal_string(candle.high);
  out.key("l").decimal_string(candle.low);
  out.key("o").decimal_string(candle.open);
  out.key("n").string(stream);
  out.key("a").decimal_string(candle.amount);
  out.key("w").boolean(candle.closed);
  return out.end_object().take();
}

std::string render_spot_trade(SpotPublicTrade const& trade) {
  JsonWriter out(256);
  out.begin_object();
  out.key("id").integer(trade.id);
  out.key("create_time").integer(trade.create_time_ms / 1000);
  out.key("create_time_ms").integer_string(trade.create_time_ms);
  out.key("side").string(to_string(trade.side));
  out.key("currency_pair").string(trade.currency_pair);
  out.key("amount").decimal_string(trade.amount);
  out.key("price").decimal_string(trade.price);
  std::string const sequence = std::to_string(trade.sequence_id);
  out.key("range").string(sequence + "-" + sequence);
  return out.end_object().take();
}

std::string render_spot_ticker(SpotTicker const& ticker) {
  JsonWriter out(320);
  out.begin_object();
  out.key("currency_pair").string(ticker.currency_pair);
  out.key("last");
  optional_price(out, ticker.last);
  out.key("lowest_ask");
  optional_price(out, ticker.lowest_ask);
  out.key("highest_bid");
  optional_price(out, ticker.highest_bid);
  out.key("change_percentage").decimal_string(ticker.change_percentage);
  out.key("base_volume").decimal_string(ticker.base_volume);
  out.key("quote_volume").decimal_string(ticker.quote_volume);
  out.key("high_24h").decimal_string(ticker.high_24h);
  out.key("low_24h").decimal_string(ticker.low_24h);
  return out.end_object().take();
}

std::string render_spot_balance(SpotBalanceUpdate const& update) {
  JsonWriter out(320);
  out.begin_array().begin_object();
  out.key("timestamp").integer_string(update.time_ms / 1000);
  out.key("timestamp_ms").integer_string(update.time_ms);
  out.key("user").integer_string(update.user);
  out.key("currency").string(update.currency);
  out.key("change").decimal_string(update.change);
  out.key("total").decimal_string(update.total);
  out.key("available").decimal_string(update.available);
  out.key("freeze").decimal_string(update.freeze);
  out.key("freeze_change").decimal_string(update.freeze_change);
  out.key("change_type").string(to_string(update.change_type));
  return out.end_object().end_array().take();
}

std::string render_spot_order(OrderEvent event, SpotOrder const& order) {
  JsonWriter out(900);
  out.begin_array().begin_object();
  out.key("id").integer_string(order.id);
  out.key("text").string(order.text.view());
  out.key("create_time").integer_string(order.create_time_ms / 1000);
  out.key("update_time").integer_string(order.update_time_ms / 1000);
  out.key("create_time_ms").integer_string(order.create_time_ms);
  out.key("update_time_ms").integer_string(order.update_time_ms);
  out.key("currency_pair").string(order.currency_pair);
  out.key("type").string(to_string(order.type));
  out.key("account").string("spot");
  out.key("side").string(to_string(order.side));
  out.key("amount").decimal_string(order.amount);
  out.key("price").decimal_string(order.price);
  out.key("time_in_force").string(to_string(order.time_in_force));
  out.key("left").decimal_string(order.left);
  out.key("filled_amount").decimal_string(order.filled_amount);
  out.key("filled_total").decimal_string(order.filled_total);
  out.key("avg_deal_price").decimal_string(order.avg_deal_price);
  out.key("fee").decimal_string(order.fee);
  out.key("fee_currency").string(order.fee_currency);
  out.key("point_fee").string("0");
  out.key("gt_fee").string("0");
  out.key("rebated_fee").string("0");
  out.key("rebated_fee_currency").string(quote_of(order.currency_pair));
  out.key("user").integer(order.user);
  out.key("event").string(to_string(event));
  out.key("stp_id").integer(0);
  out.key("stp_act").string("-");
  out.key("finish_as").string(to_string(order.finish_as));
  out.key("biz_info").string("-");
  out.key("amend_text").string(order.amend_text.empty() ? std::string_view("-") : order.amend_text);
  return out.end_object().end_array().take();
}

std::string render_spot_user_trade(SpotUserTrade const& trade) {
  JsonWriter out(400);
  out.begin_array().begin_object();
  out.key("id").integer(trade.id);
  out.key("user_id").integer(trade.user);
  out.key("order_id").integer_string(trade.order_id);
  out.key("currency_pair").string(trade.currency_pair);
  out.key("create_time").integer(trade.create_time_ms / 1000);
  out.key("create_time_ms").integer_string(trade.create_time_ms);
  out.key("side").string(to_string(trade.side));
  out.key("amount").decimal_string(trade.amount);
  out.key("role").string(to_string(trade.role));
  out.key("price").decimal_string(trade.price);
  out.key("fee").decimal_string(trade.fee);
  out.key("fee_currency").string(trade.fee_currency);
  out.key("point_fee").string("0");
  out.key("gt_fee").string("0");
  out.key("text").string(trade.text.view());
  out.key("id_market").integer(trade.sequence_id);
  return out.end_object().end_array().take();
}

std::string render_book_ticker(BestLevels const& best, bool integer_sizes) {
  auto size = [&](JsonWriter& out, std::optional<PriceLevel> const& level) {
    core::Decimal const amount = level ? level->size : core::Decimal{};
    if (integer_sizes) {
      out.decimal_number(amount);
    } else {
      out.decimal_string(amount);
    }
  };
  JsonWriter out(200);
  out.begin_object();
  out.key("t").integer(best.time_ms);
  out.key("u").unsigned_integer(best.update_id);
  out.key("s").string(best.market);
  out.key("b");
  if (best.bid)
    out.decimal_string(best.bid->price);
  else
    out.string("");
  out.key("B");
  size(out, best.bid);
  out.key("a");
  if (best.ask)
    out.decimal_string(best.ask->price);
  else
    out.string("");
  out.key("A");
  size(out, best.ask);
  return out.end_object().take();
}

}  // namespace tradelink::sandbox::ws
