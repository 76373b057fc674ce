// Decoders for balances: gateio-v4.md §3.1; SDK models SpotAccount, FuturesAccount,
// FuturesAccountHistory, TotalBalance, AccountBalance, UnifiedModeSet, UnifiedAccount,
// UnifiedBalance.
#include "venues/gateio/rest/detail/json_fields.hpp"

namespace tradelink::gateio::detail {

Decoded decode(ondemand::object& object, SpotAccount& out) {
  static constexpr std::array rules{
      field<&SpotAccount::currency>("currency"),
      field<&SpotAccount::available>("available"),
      field<&SpotAccount::locked>("locked"),
      field<&SpotAccount::update_id>("update_id"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesAccountHistory& out) {
  static constexpr std::array rules{
      field<&FuturesAccountHistory::dnw>("dnw"),
      field<&FuturesAccountHistory::pnl>("pnl"),
      field<&FuturesAccountHistory::fee>("fee"),
      field<&FuturesAccountHistory::refr>("refr"),
      field<&FuturesAccountHistory::fund>("fund"),
      field<&FuturesAccountHistory::point_dnw>("point_dnw"),
      field<&FuturesAccountHistory::point_fee>("point_fee"),
      field<&FuturesAccountHistory::point_refr>("point_refr"),
      field<&FuturesAccountHistory::bonus_dnw>("bonus_dnw"),
      field<&FuturesAccountHistory::bonus_offset>("bonus_offset"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesAccount& out) {
  static constexpr std::array rules{
      field<&FuturesAccount::currency>("currency"),
      field<&FuturesAccount::total>("total"),
      field<&FuturesAccount::available>("available"),
      field<&FuturesAccount::unrealised_pnl>("unrealised_pnl"),
      field<&FuturesAccount::position_margin>("position_margin"),
      field<&FuturesAccount::order_margin>("order_margin"),
      field<&FuturesAccount::user>("user"),
      field<&FuturesAccount::point>("point"),
      field<&FuturesAccount::bonus>("bonus"),
      field<&FuturesAccount::in_dual_mode>("in_dual_mode"),
      field<&FuturesAccount::position_mode>("position_mode"),
      field<&FuturesAccount::margin_mode>("margin_mode"),
      field<&FuturesAccount::enable_credit>("enable_credit"),
      field<&FuturesAccount::enable_evolved_classic>("enable_evolved_classic"),
      field<&FuturesAccount::enable_new_dual_mode>("enable_new_dual_mode"),
      field<&FuturesAccount::position_initial_margin>("position_initial_margin"),
      field<&FuturesAccount::maintenance_margin>("maintenance_margin"),
      field<&FuturesAccount::cross_available>("cross_available"),
      field<&FuturesAccount::cross_order_margin>("cross_order_margin"),
      field<&FuturesAccount::cross_initial_margin>("cross_initial_margin"),
      field<&FuturesAccount::cross_maintenance_margin>("cross_maintenance_margin"),
      field<&FuturesAccount::cross_unrealised_pnl>("cross_unrealised_pnl"),
      field<&FuturesAccount::cross_margin_balance>("cross_margin_balance"),
      field<&FuturesAccount::isolated_position_margin>("isolated_position_margin"),
      object_field<&FuturesAccount::history>("history"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, AccountBalance& out) {
  static constexpr std::array rules{
      field<&AccountBalance::amount>("amount"),
      field<&AccountBalance::currency>("currency"),
      field<&AccountBalance::unrealised_pnl>("unrealised_pnl"),
      field<&AccountBalance::borrowed>("borrowed"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, TotalBalance& out) {
  static constexpr std::array rules{
      object_field<&TotalBalance::total>("total"),
      map_field<&TotalBalance::details>("details"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, UnifiedModeSettings& out) {
  static constexpr std::array rules{
      field<&UnifiedModeSettings::usdt_futures>("usdt_futures"),
      field<&UnifiedModeSettings::spot_hedge>("spot_hedge"),
      field<&UnifiedModeSettings::use_funding>("use_funding"),
      field<&UnifiedModeSettings::options>("options"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, UnifiedMode& out) {
  static constexpr std::array rules{
      field<&UnifiedMode::mode>("mode"),
      object_field<&UnifiedMode::settings>("settings"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, UnifiedBalance& out) {
  static constexpr std::array rules{
      field<&UnifiedBalance::available>("available"),
      field<&UnifiedBalance::freeze>("freeze"),
      field<&UnifiedBalance::borrowed>("borrowed"),
      field<&UnifiedBalance::equity>("equity"),
      field<&UnifiedBalance::negative_liab>("negative_liab"),
      field<&UnifiedBalance::total_liab>("total_liab"),
      field<&UnifiedBalance::spot_in_use>("spot_in_use"),
      field<&UnifiedBalance::funding>("funding"),
      field<&UnifiedBalance::cross_balance>("cross_balance"),
      field<&UnifiedBalance::iso_balance>("iso_balance"),
      field<&UnifiedBalance::im>("im"),
      field<&UnifiedBalance::mm>("mm"),
      field<&UnifiedBalance::imr>("imr"),
      field<&UnifiedBalance::mmr>("mmr"),
      field<&UnifiedBalance::margin_balance>("margin_balance"),
      field<&UnifiedBalance::available_margin>("available_margin"),
      field<&UnifiedBalance::enabled_collateral>("enabled_collateral"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, UnifiedAccount& out) {
  static constexpr std::array rules{
      map_field<&UnifiedAccount::balances>("balances", /*required=*/true),
      field<&UnifiedAccount::mode>("mode"),
      field<&UnifiedAccount::user_id>("user_id"),
      field<&UnifiedAccount::refresh_time>("refresh_time"),
      field<&UnifiedAccount::locked>("locked"),
      field<&UnifiedAccount::total>("total"),
      field<&UnifiedAccount::borrowed>("borrowed"),
      field<&UnifiedAccount::total_initial_margin>("total_initial_margin"),
      field<&UnifiedAccount::total_margin_balance>("total_margin_balance"),
      field<&UnifiedAccount::total_maintenance_margin>("total_maintenance_margin"),
      field<&UnifiedAccount::total_initial_margin_rate>("total_initial_margin_rate"),
      field<&UnifiedAccount::total_maintenance_margin_rate>("total_maintenance_margin_rate"),
      field<&UnifiedAccount::total_available_margin>("total_available_margin"),
      field<&UnifiedAccount::unified_account_total>("unified_account_total"),
      field<&UnifiedAccount::unified_account_total_liab>("unified_account_total_liab"),
      field<&UnifiedAccount::unified_account_total_equity>("unified_account_total_equity"),
      field<&UnifiedAccount::leverage>("leverage"),
      field<&UnifiedAccount::spot_order_loss>("spot_order_loss"),
      field<&UnifiedAccount::options_order_loss>("options_order_loss"),
      field<&UnifiedAccount::spot_hedge>("spot_hedge"),
      field<&UnifiedAccount::use_funding>("use_funding"),
      field<&UnifiedAccount::is_all_collateral>("is_all_collateral"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, WalletTransfer& out) {
  static constexpr std::array rules{
      field<&WalletTransfer::tx_id>("tx_id"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, Withdrawal& out) {
  static constexpr std::array rules{
      field<&Withdrawal::id>("id"),
      field<&Withdrawal::currency>("currency"),
      field<&Withdrawal::amount>("amount"),
      field<&Withdrawal::status>("status"),
      field<&Withdrawal::chain>("chain"),
      field<&Withdrawal::withdraw_order_id>("withdraw_order_id"),
  };
  return decode_fields(object, out, rules);
}

}  // namespace tradelink::gateio::detail
