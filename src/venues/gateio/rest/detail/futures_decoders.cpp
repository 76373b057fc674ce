// Decoders for futures trading and the countdown switch: gateio-v4.md §3.5, §11; SDK models
// FuturesOrder, MyFuturesTrade, Position, FutureCancelOrderResult, TriggerTime.
#include "venues/gateio/rest/detail/json_fields.hpp"

namespace tradelink::gateio::detail {

Decoded decode(ondemand::object& object, FuturesOrder& out) {
  static constexpr std::array rules{
      field<&FuturesOrder::id>("id"),
      field<&FuturesOrder::contract>("contract"),
      field<&FuturesOrder::user>("user"),
      field<&FuturesOrder::size>("size"),
      field<&FuturesOrder::price>("price"),
      field<&FuturesOrder::left>("left"),
      field<&FuturesOrder::fill_price>("fill_price"),
      field<&FuturesOrder::iceberg>("iceberg"),
      field<&FuturesOrder::create_time>("create_time"),
      field<&FuturesOrder::update_time>("update_time"),
      field<&FuturesOrder::finish_time>("finish_time"),
      field<&FuturesOrder::status>("status"),
      field<&FuturesOrder::finish_as>("finish_as"),
      field<&FuturesOrder::tif>("tif"),
      field<&FuturesOrder::text>("text"),
      field<&FuturesOrder::amend_text>("amend_text"),
      field<&FuturesOrder::is_reduce_only>("is_reduce_only"),
      field<&FuturesOrder::is_close>("is_close"),
      field<&FuturesOrder::is_liq>("is_liq"),
      field<&FuturesOrder::reduce_only>("reduce_only"),
      field<&FuturesOrder::close>("close"),
      field<&FuturesOrder::tkfr>("tkfr"),
      field<&FuturesOrder::mkfr>("mkfr"),
      field<&FuturesOrder::refu>("refu"),
      field<&FuturesOrder::auto_size>("auto_size"),
      field<&FuturesOrder::stp_id>("stp_id"),
      field<&FuturesOrder::stp_act>("stp_act"),
      field<&FuturesOrder::pid>("pid"),
      field<&FuturesOrder::market_order_slip_ratio>("market_order_slip_ratio"),
      field<&FuturesOrder::pos_margin_mode>("pos_margin_mode"),
      field<&FuturesOrder::succeeded>("succeeded"),
      field<&FuturesOrder::label>("label"),
      field<&FuturesOrder::message>("message"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesTrade& out) {
  static constexpr std::array rules{
      field<&FuturesTrade::id>("id"),
      field<&FuturesTrade::contract>("contract"),
      id_field<&FuturesTrade::order_id>("order_id"),
      field<&FuturesTrade::size>("size"),
      field<&FuturesTrade::price>("price"),
      field<&FuturesTrade::create_time>("create_time"),
      field<&FuturesTrade::close_size>("close_size"),
      field<&FuturesTrade::role>("role"),
      field<&FuturesTrade::text>("text"),
      field<&FuturesTrade::fee>("fee"),
      field<&FuturesTrade::point_fee>("point_fee"),
      field<&FuturesTrade::trade_value>("trade_value"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, Position& out) {
  static constexpr std::array rules{
      field<&Position::contract>("contract"),
      field<&Position::size>("size"),
      field<&Position::leverage>("leverage"),
      field<&Position::margin>("margin"),
      field<&Position::entry_price>("entry_price"),
      field<&Position::mark_price>("mark_price"),
      field<&Position::unrealised_pnl>("unrealised_pnl"),
      field<&Position::user>("user"),
      field<&Position::mode>("mode"),
      field<&Position::realised_pnl>("realised_pnl"),
      field<&Position::risk_limit>("risk_limit"),
      field<&Position::leverage_max>("leverage_max"),
      field<&Position::cross_leverage_limit>("cross_leverage_limit"),
      field<&Position::lever>("lever"),
      field<&Position::maintenance_rate>("maintenance_rate"),
      field<&Position::average_maintenance_rate>("average_maintenance_rate"),
      field<&Position::value>("value"),
      field<&Position::liq_price>("liq_price"),
      field<&Position::initial_margin>("initial_margin"),
      field<&Position::maintenance_margin>("maintenance_margin"),
      field<&Position::pnl_pnl>("pnl_pnl"),
      field<&Position::pnl_fund>("pnl_fund"),
      field<&Position::pnl_fee>("pnl_fee"),
      field<&Position::history_pnl>("history_pnl"),
      field<&Position::last_close_pnl>("last_close_pnl"),
      field<&Position::realised_point>("realised_point"),
      field<&Position::history_point>("history_point"),
      field<&Position::adl_ranking>("adl_ranking"),
      field<&Position::pending_orders>("pending_orders"),
      field<&Position::update_time>("update_time"),
      field<&Position::update_id>("update_id"),
      field<&Position::open_time>("open_time"),
      field<&Position::pos_margin_mode>("pos_margin_mode"),
      field<&Position::risk_limit_table>("risk_limit_table"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesCancelResult& out) {
  static constexpr std::array rules{
      id_field<&FuturesCancelResult::id>("id"),
      field<&FuturesCancelResult::succeeded>("succeeded"),
      field<&FuturesCancelResult::user_id>("user_id"),
      field<&FuturesCancelResult::message>("message"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, CountdownCancelResult& out) {
  static constexpr std::array rules{
      field<&CountdownCancelResult::trigger_time_ms>("triggerTime"),
  };
  return decode_fields(object, out, rules);
}

}  // namespace tradelink::gateio::detail
