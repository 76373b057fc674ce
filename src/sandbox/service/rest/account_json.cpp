#include "sandbox/service/rest/account_json.hpp"

#include <boost/json/array.hpp>

#include "sandbox/service/rest/json_values.hpp"

namespace tradelink::sandbox::rest {
namespace {

boost::json::array strings_json(std::vector<std::string> const& items) {
  boost::json::array out;
  for (auto const& item : items) out.emplace_back(item);
  return out;
}

boost::json::object key_mode_json(ApiKey const& key) {
  return boost::json::object{{"mode", key.mode}};
}

boost::json::object account_balance(std::string_view currency, core::Decimal amount) {
  return boost::json::object{{"currency", currency}, {"amount", decimal_text(amount)}};
}

}  // namespace

boost::json::object account_detail_json(ApiKey const& key) {
  return boost::json::object{
      {"ip_whitelist", strings_json(key.ip_whitelist)},
      {"currency_pairs", strings_json(key.currency_pairs)},
      {"user_id", key.user_id},
      {"tier", 0},
      {"key", key_mode_json(key)},
      {"copy_trading_role", 0},
  };
}

boost::json::object main_key_json(ApiKey const& key) {
  boost::json::array perms;
  for (KeyPermission const& permission : key.perms) {
    perms.push_back(
        boost::json::object{{"name", permission.name}, {"read_only", permission.read_only}});
  }
  return boost::json::object{
      {"state", static_cast<int>(key.state)},
      {"mode", key.mode},
      {"name", boost::json::array{boost::json::string(key.name)}},
      {"currency_pairs", strings_json(key.currency_pairs)},
      {"user_id", key.user_id},
      {"ip_whitelist", strings_json(key.ip_whitelist)},
      {"perms", std::move(perms)},
      {"key", key_mode_json(key)},
      {"created_at", seconds_text(key.created_at_ms)},
      {"updated_at", seconds_text(key.updated_at_ms)},
      {"last_access", seconds_text(key.last_access_ms)},
  };
}

boost::json::object total_balance_json(TotalBalanceFigures const& figures) {
  core::Decimal const zero;
  boost::json::object margin = account_balance(figures.currency, zero);
  margin["borrowed"] = "0";
  boost::json::object futures = account_balance(figures.currency, figures.futures);
  futures["unrealised_pnl"] = decimal_text(figures.futures_unrealised);
  boost::json::object delivery = account_balance(figures.currency, zero);
  delivery["unrealised_pnl"] = "0";

  boost::json::object total = account_balance(figures.currency, figures.total);
  total["unrealised_pnl"] = decimal_text(figures.futures_unrealised);
  total["borrowed"] = "0";
  return boost::json::object{
      {"details",
       boost::json::object{
           {"cross_margin", account_balance(figures.currency, zero)},
           {"spot", account_balance(figures.currency, figures.spot)},
           {"finance", account_balance(figures.currency, zero)},
           {"margin", std::move(margin)},
           {"quant", account_balance(figures.currency, zero)},
           {"futures", std::move(futures)},
           {"delivery", std::move(delivery)},
           {"warrant", account_balance(figures.currency, zero)},
           {"cbbc", account_balance(figures.currency, zero)},
       }},
      {"total", std::move(total)},
  };
}

boost::json::object classic_unified_mode_json() {
  return boost::json::object{
      {"mode", "classic"},
      {"settings",
       boost::json::object{
           {"usdt_futures", false},
           {"spot_hedge", false},
           {"use_funding", false},
           {"options", false},
       }},
  };
}

boost::json::object classic_unified_account_json(std::int64_t user_id, TimeMs now_ms,
                                                 std::vector<SpotBalance> const& balances,
                                                 core::Decimal total_usd) {
  boost::json::object by_currency;
  for (SpotBalance const& balance : balances) {
    auto const equity = balance.available.add(balance.locked);
    by_currency[balance.currency] = boost::json::object{
        {"available", decimal_text(balance.available)},
        {"freeze", decimal_text(balance.locked)},
        {"borrowed", "0"},
        {"negative_liab", "0"},
        {"futures_pos_liab", "0"},
        {"equity", decimal_text(equity ? *equity : balance.available)},
        {"total_freeze", decimal_text(balance.locked)},
        {"total_liab", "0"},
        {"spot_in_use", "0"},
        {"funding", "0"},
        {"cross_balance", "0"},
        {"iso_balance", "0"},
        {"im", "0"},
        {"mm", "0"},
        {"imr", "0"},
        {"mmr", "0"},
        {"margin_balance", "0"},
        {"available_margin", "0"},
        {"enabled_collateral", false},
    };
  }
  boost::json::string const total = decimal_text(total_usd);
  return boost::json::object{
      {"mode", "classic"},
      {"user_id", user_id},
      {"refresh_time", now_ms},
      {"locked", false},
      {"balances", std::move(by_currency)},
      {"total", total},
      {"borrowed", "0"},
      {"total_initial_margin", "0"},
      {"total_margin_balance", "0"},
      {"total_maintenance_margin", "0"},
      {"total_initial_margin_rate", "0"},
      {"total_maintenance_margin_rate", "0"},
      {"total_available_margin", "0"},
      {"unified_account_total", total},
      {"unified_account_total_liab", "0"},
      {"unified_account_total_equity", total},
      {"leverage", "0"},
      {"spot_order_loss", "0"},
      {"spot_hedge", false},
      {"use_funding", false},
      {"is_all_collateral", false},
  };
}

}  // namespace tradelink::sandbox::rest
