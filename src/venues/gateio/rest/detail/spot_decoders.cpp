// Decoders for spot trading: gateio-v4.md §3.3, §3.4; SDK models Order, Trade, OpenOrders,
// CancelOrderResult.
#include "venues/gateio/rest/detail/json_fields.hpp"

namespace tradelink::gateio::detail {

Decoded decode(ondemand::object& object, SpotOrder& out) {
  static constexpr std::array rules{
      id_field<&SpotOrder::id>("id"),
      field<&SpotOrder::currency_pair>("currency_pair"),
      field<&SpotOrder::text>("text"),
      field<&SpotOrder::amend_text>("amend_text"),
      field<&SpotOrder::create_time>("create_time"),
      field<&SpotOrder::update_time>("update_time"),
      field<&SpotOrder::create_time_ms>("create_time_ms"),
      field<&SpotOrder::update_time_ms>("update_time_ms"),
      field<&SpotOrder::status>("status"),
      field<&SpotOrder::type>("type"),
      field<&SpotOrder::account>("account"),
      field<&SpotOrder::side>("side"),
      field<&SpotOrder::amount>("amount"),
      field<&SpotOrder::price>("price"),
      field<&SpotOrder::time_in_force>("time_in_force"),
      field<&SpotOrder::iceberg>("iceberg"),
      field<&SpotOrder::auto_borrow>("auto_borrow"),
      field<&SpotOrder::auto_repay>("auto_repay"),
      field<&SpotOrder::left>("left"),
      field<&SpotOrder::filled_amount>("filled_amount"),
      field<&SpotOrder::fill_price>("fill_price"),
      field<&SpotOrder::filled_total>("filled_total"),
      field<&SpotOrder::avg_deal_price>("avg_deal_price"),
      field<&SpotOrder::fee>("fee"),
      field<&SpotOrder::fee_currency>("fee_currency"),
      field<&SpotOrder::point_fee>("point_fee"),
      field<&SpotOrder::gt_fee>("gt_fee"),
      field<&SpotOrder::gt_maker_fee>("gt_maker_fee"),
      field<&SpotOrder::gt_taker_fee>("gt_taker_fee"),
      field<&SpotOrder::gt_discount>("gt_discount"),
      field<&SpotOrder::rebated_fee>("rebated_fee"),
      field<&SpotOrder::rebated_fee_currency>("rebated_fee_currency"),
      field<&SpotOrder::stp_id>("stp_id"),
      field<&SpotOrder::stp_act>("stp_act"),
      field<&SpotOrder::finish_as>("finish_as"),
      field<&SpotOrder::slippage>("slippage"),
      field<&SpotOrder::succeeded>("succeeded"),
      field<&SpotOrder::label>("label"),
      field<&SpotOrder::message>("message"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, SpotTrade& out) {
  static constexpr std::array rules{
      id_field<&SpotTrade::id>("id"),
      field<&SpotTrade::currency_pair>("currency_pair"),
      field<&SpotTrade::side>("side"),
      field<&SpotTrade::amount>("amount"),
      field<&SpotTrade::price>("price"),
      field<&SpotTrade::create_time>("create_time"),
      field<&SpotTrade::create_time_ms>("create_time_ms"),
      field<&SpotTrade::role>("role"),
      id_field<&SpotTrade::order_id>("order_id"),
      field<&SpotTrade::fee>("fee"),
      field<&SpotTrade::fee_currency>("fee_currency"),
      field<&SpotTrade::point_fee>("point_fee"),
      field<&SpotTrade::gt_fee>("gt_fee"),
      field<&SpotTrade::amend_text>("amend_text"),
      id_field<&SpotTrade::sequence_id>("sequence_id"),
      field<&SpotTrade::text>("text"),
      field<&SpotTrade::deal>("deal"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, OpenOrders& out) {
  static constexpr std::array rules{
      field<&OpenOrders::currency_pair>("currency_pair"),
      list_field<&OpenOrders::orders>("orders", /*required=*/true),
      field<&OpenOrders::total>("total"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, SpotCancelResult& out) {
  static constexpr std::array rules{
      field<&SpotCancelResult::currency_pair>("currency_pair"),
      id_field<&SpotCancelResult::id>("id"),
      field<&SpotCancelResult::succeeded>("succeeded"),
      field<&SpotCancelResult::text>("text"),
      field<&SpotCancelResult::account>("account"),
      field<&SpotCancelResult::label>("label"),
      field<&SpotCancelResult::message>("message"),
  };
  return decode_fields(object, out, rules);
}

}  // namespace tradelink::gateio::detail
