// Decoders for market metadata: gateio-v4.md §3.2; SDK models Currency, SpotCurrencyChain,
// CurrencyPair, Contract.
#include "venues/gateio/rest/detail/json_fields.hpp"

namespace tradelink::gateio::detail {

Decoded decode(ondemand::object& object, SpotCurrencyChain& out) {
  static constexpr std::array rules{
      field<&SpotCurrencyChain::name>("name"),
      field<&SpotCurrencyChain::addr>("addr"),
      field<&SpotCurrencyChain::withdraw_disabled>("withdraw_disabled"),
      field<&SpotCurrencyChain::withdraw_delayed>("withdraw_delayed"),
      field<&SpotCurrencyChain::deposit_disabled>("deposit_disabled"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, SpotCurrency& out) {
  static constexpr std::array rules{
      field<&SpotCurrency::currency>("currency"),
      field<&SpotCurrency::name>("name"),
      field<&SpotCurrency::delisted>("delisted"),
      field<&SpotCurrency::withdraw_disabled>("withdraw_disabled"),
      field<&SpotCurrency::withdraw_delayed>("withdraw_delayed"),
      field<&SpotCurrency::deposit_disabled>("deposit_disabled"),
      field<&SpotCurrency::trade_disabled>("trade_disabled"),
      field<&SpotCurrency::fixed_rate>("fixed_rate"),
      field<&SpotCurrency::chain>("chain"),
      list_field<&SpotCurrency::chains>("chains"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, CurrencyPair& out) {
  static constexpr std::array rules{
      field<&CurrencyPair::id>("id"),
      field<&CurrencyPair::base>("base"),
      field<&CurrencyPair::quote>("quote"),
      field<&CurrencyPair::trade_status>("trade_status"),
      field<&CurrencyPair::amount_precision>("amount_precision"),
      field<&CurrencyPair::precision>("precision"),
      field<&CurrencyPair::base_name>("base_name"),
      field<&CurrencyPair::quote_name>("quote_name"),
      field<&CurrencyPair::fee>("fee"),
      field<&CurrencyPair::min_base_amount>("min_base_amount"),
      field<&CurrencyPair::min_quote_amount>("min_quote_amount"),
      field<&CurrencyPair::max_base_amount>("max_base_amount"),
      field<&CurrencyPair::max_quote_amount>("max_quote_amount"),
      field<&CurrencyPair::sell_start>("sell_start"),
      field<&CurrencyPair::buy_start>("buy_start"),
      field<&CurrencyPair::delisting_time>("delisting_time"),
      field<&CurrencyPair::type>("type"),
      field<&CurrencyPair::slippage>("slippage"),
      field<&CurrencyPair::market_order_max_stock>("market_order_max_stock"),
      field<&CurrencyPair::market_order_max_money>("market_order_max_money"),
      field<&CurrencyPair::up_rate>("up_rate"),
      field<&CurrencyPair::down_rate>("down_rate"),
      field<&CurrencyPair::st_tag>("st_tag"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesContract& out) {
  static constexpr std::array rules{
      field<&FuturesContract::name>("name"),
      field<&FuturesContract::quanto_multiplier>("quanto_multiplier"),
      field<&FuturesContract::order_price_round>("order_price_round"),
      field<&FuturesContract::order_size_min>("order_size_min"),
      field<&FuturesContract::order_size_max>("order_size_max"),
      field<&FuturesContract::type>("type"),
      field<&FuturesContract::mark_price_round>("mark_price_round"),
      field<&FuturesContract::enable_decimal>("enable_decimal"),
      field<&FuturesContract::leverage_min>("leverage_min"),
      field<&FuturesContract::leverage_max>("leverage_max"),
      field<&FuturesContract::maintenance_rate>("maintenance_rate"),
      field<&FuturesContract::maker_fee_rate>("maker_fee_rate"),
      field<&FuturesContract::taker_fee_rate>("taker_fee_rate"),
      field<&FuturesContract::mark_price>("mark_price"),
      field<&FuturesContract::index_price>("index_price"),
      field<&FuturesContract::last_price>("last_price"),
      field<&FuturesContract::funding_rate>("funding_rate"),
      field<&FuturesContract::funding_interval>("funding_interval"),
      field<&FuturesContract::funding_next_apply>("funding_next_apply"),
      field<&FuturesContract::funding_rate_limit>("funding_rate_limit"),
      field<&FuturesContract::interest_rate>("interest_rate"),
      field<&FuturesContract::order_price_deviate>("order_price_deviate"),
      field<&FuturesContract::orders_limit>("orders_limit"),
      field<&FuturesContract::orderbook_id>("orderbook_id"),
      field<&FuturesContract::trade_id>("trade_id"),
      field<&FuturesContract::trade_size>("trade_size"),
      field<&FuturesContract::position_size>("position_size"),
      field<&FuturesContract::config_change_time>("config_change_time"),
      field<&FuturesContract::create_time>("create_time"),
      field<&FuturesContract::status>("status"),
      field<&FuturesContract::in_delisting>("in_delisting"),
      field<&FuturesContract::market_order_slip_ratio>("market_order_slip_ratio"),
      field<&FuturesContract::market_order_size_max>("market_order_size_max"),
      field<&FuturesContract::launch_time>("launch_time"),
      field<&FuturesContract::delisting_time>("delisting_time"),
      field<&FuturesContract::delisted_time>("delisted_time"),
  };
  return decode_fields(object, out, rules);
}

}  // namespace tradelink::gateio::detail
