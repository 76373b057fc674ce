#include "sandbox/service/rest/spot_json.hpp"

#include <string>

#include "sandbox/service/rest/json_values.hpp"

namespace tradelink::sandbox::rest {
namespace {

std::string_view text_or_default(FixedText const& text) noexcept {
  return text.empty() ? default_order_text : text.view();
}

}  // namespace

boost::json::object spot_balance_json(SpotBalance const& balance) {
  return boost::json::object{
      {"currency", balance.currency},
      {"available", decimal_text(balance.available)},
      {"locked", decimal_text(balance.locked)},
      {"update_id", balance.update_id},
  };
}

boost::json::object spot_order_json(SpotOrder const& order, PairSpec const& pair) {
  std::string_view const rebate_currency =
      order.fee_currency == pair.base ? std::string_view(pair.quote) : std::string_view(pair.base);
  return boost::json::object{
      {"id", std::to_string(order.id)},
      {"text", text_or_default(order.text)},
      {"amend_text", order.amend_text.empty() ? std::string_view("-") : order.amend_text},
      {"create_time", seconds_text(order.create_time_ms)},
      {"update_time", seconds_text(order.update_time_ms)},
      {"create_time_ms", order.create_time_ms},
      {"update_time_ms", order.update_time_ms},
      {"status", to_string(order.status)},
      {"currency_pair", order.currency_pair},
      {"type", to_string(order.type)},
      {"account", "spot"},
      {"side", to_string(order.side)},
      {"amount", decimal_text(order.amount)},
      {"price", decimal_text(order.price)},
      {"time_in_force", to_string(order.time_in_force)},
      {"iceberg", "0"},
      {"left", decimal_text(order.left)},
      {"filled_amount", decimal_text(order.filled_amount)},
      {"fill_price", decimal_text(order.filled_total)},
      {"filled_total", decimal_text(order.filled_total)},
      {"avg_deal_price", decimal_text(order.avg_deal_price)},
      {"fee", decimal_text(order.fee)},
      {"fee_currency", order.fee_currency},
      {"point_fee", "0"},
      {"gt_fee", "0"},
      {"gt_maker_fee", "0"},
      {"gt_taker_fee", "0"},
      {"gt_discount", false},
      {"rebated_fee", "0"},
      {"rebated_fee_currency", rebate_currency},
      {"stp_id", 0},
      {"stp_act", "-"},
      {"finish_as", to_string(order.finish_as)},
  };
}

boost::json::object cancelled_order_json(SpotOrder const& order, PairSpec const& pair) {
  boost::json::object out = spot_order_json(order, pair);
  out["succeeded"] = true;
  return out;
}

boost::json::object user_trade_json(SpotUserTrade const& trade) {
  return boost::json::object{
      {"id", std::to_string(trade.id)},
      {"create_time", seconds_text(trade.create_time_ms)},
      {"create_time_ms", millis_text(trade.create_time_ms)},
      {"currency_pair", trade.currency_pair},
      {"side", to_string(trade.side)},
      {"role", to_string(trade.role)},
      {"amount", decimal_text(trade.amount)},
      {"price", decimal_text(trade.price)},
      {"order_id", std::to_string(trade.order_id)},
      {"fee", decimal_text(trade.fee)},
      {"fee_currency", trade.fee_currency},
      {"point_fee", "0"},
      {"gt_fee", "0"},
      {"amend_text", "-"},
      {"sequence_id", std::to_string(trade.sequence_id)},
      {"text", text_or_default(trade.text)},
      {"deal", decimal_text(trade.deal)},
  };
}

boost::json::object trigger_time_json(TimeMs trigger_ms) {
  return boost::json::object{{"triggerTime", std::to_string(trigger_ms)}};
}

}  // namespace tradelink::sandbox::rest
