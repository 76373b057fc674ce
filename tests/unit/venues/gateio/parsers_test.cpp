// Gate.io REST response parsers against recorded-shape fixtures (gateio-v4.md §3, §11) and
// against hand-made bodies for every failure class: missing field, wrong type, null, huge
// numbers, malformed JSON, trailing content.
#include "venues/gateio/rest/parsers.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "unit/venues/gateio/fixture.hpp"

namespace tradelink::gateio {
namespace {

using core::operator""_dec;
using test::read_fixture;

/// The parsed value; a parse error fails the test and yields a default value (checks after it
/// then fail on their own instead of dereferencing an error).
template <class T>
T expect_ok(core::Result<T> result) {
  if (!result) {
    ADD_FAILURE() << result.error().code << ": " << result.error().message;
    return T{};
  }
  return std::move(result).value();
}

/// Asserts a `gateio.parse` failure whose message contains every fragment.
template <class T>
void expect_parse_error(core::Result<T> const& result,
                        std::initializer_list<std::string_view> fragments) {
  ASSERT_FALSE(result.has_value()) << "parsed although it should not";
  EXPECT_EQ(result.error().code, "gateio.parse");
  EXPECT_EQ(result.error().layer, core::ErrorLayer::venue);
  for (std::string_view const fragment : fragments) {
    EXPECT_NE(result.error().message.find(fragment), std::string::npos)
        << "message \"" << result.error().message << "\" lacks \"" << fragment << "\"";
  }
}

// --- server time and identity ------------------------------------------------------------------

TEST(ParsersTest, ServerTimeIsExactMilliseconds) {
  auto const time = expect_ok(parse_server_time(read_fixture("server_time.json")));
  EXPECT_EQ(time.server_time_ms, 1700000000123);
}

TEST(ParsersTest, ServerTimeRejectsFractionalAndMissingValues) {
  expect_parse_error(parse_server_time(R"({"server_time": 1700000000123.5})"),
                     {"ServerTime", "server_time", "integer"});
  expect_parse_error(parse_server_time(R"({"time": 1})"), {"ServerTime", "server_time", "missing"});
  expect_parse_error(parse_server_time(R"({"server_time": null})"), {"server_time", "null"});
}

TEST(ParsersTest, AccountDetailFromFixture) {
  auto const detail = expect_ok(parse_account_detail(read_fixture("account_detail.json")));
  EXPECT_EQ(detail.user_id, 20011234);
  ASSERT_TRUE(detail.ip_whitelist.has_value());
  EXPECT_EQ(*detail.ip_whitelist, (std::vector<std::string>{"203.0.113.10", "2001:db8::7"}));
  ASSERT_TRUE(detail.currency_pairs.has_value());
  EXPECT_TRUE(detail.currency_pairs->empty());
  EXPECT_EQ(detail.key_mode, 1);
  EXPECT_EQ(detail.tier, 2);
  EXPECT_EQ(detail.copy_trading_role, 0);
}

TEST(ParsersTest, AccountDetailTellsAbsentWhitelistFromEmptyOne) {
  auto const absent = expect_ok(parse_account_detail(R"({"user_id": 7})"));
  EXPECT_FALSE(absent.ip_whitelist.has_value());
  EXPECT_FALSE(absent.key_mode.has_value());

  auto const empty =
      expect_ok(parse_account_detail(R"({"user_id": 7, "ip_whitelist": [], "key": null})"));
  ASSERT_TRUE(empty.ip_whitelist.has_value());
  EXPECT_TRUE(empty.ip_whitelist->empty());
  EXPECT_FALSE(empty.key_mode.has_value());
}

TEST(ParsersTest, AccountDetailErrorsNameModelAndField) {
  expect_parse_error(parse_account_detail(R"({"ip_whitelist": []})"),
                     {"AccountDetail", "`user_id`", "missing"});
  expect_parse_error(parse_account_detail(R"({"user_id": 1, "ip_whitelist": ["a", 5]})"),
                     {"AccountDetail", "`ip_whitelist[1]`", "is not a string (got number)"});
  expect_parse_error(parse_account_detail(R"({"user_id": 1, "key": {"mode": "x"}})"),
                     {"`key.mode`", "integer"});
  expect_parse_error(parse_account_detail(R"({"user_id": "12a"})"), {"`user_id`"});
}

TEST(ParsersTest, AccountKeyInfoAsSingleObject) {
  auto const keys = expect_ok(parse_account_key_infos(read_fixture("account_main_keys.json")));
  ASSERT_EQ(keys.size(), 1U);
  AccountKeyInfo const& key = keys.front();
  EXPECT_EQ(key.state, 1);
  EXPECT_EQ(key.mode, 1);
  EXPECT_EQ(key.names, std::vector<std::string>{"platform-bot"});
  EXPECT_EQ(key.user_id, 20011234);
  ASSERT_EQ(key.perms.size(), 3U);
  EXPECT_EQ(key.perms[0].name, "spot");
  EXPECT_EQ(key.perms[0].read_only, false);
  EXPECT_EQ(key.perms[2].name, "wallet");
  EXPECT_EQ(key.perms[2].read_only, true);
  EXPECT_EQ(key.key_mode, 1);
  EXPECT_EQ(key.created_at, "1700000000"_dec);
  EXPECT_EQ(key.last_access, "1700003600"_dec);
  ASSERT_TRUE(key.ip_whitelist.has_value());
  EXPECT_EQ(*key.ip_whitelist, std::vector<std::string>{"203.0.113.10"});
}

TEST(ParsersTest, AccountKeyInfoAsArrayAndWithLooseShapes) {
  auto const keys = expect_ok(parse_account_key_infos(
      R"([{"state": 1, "name": "single-name", "perms": [{"name": "spot"}], "created_at": 1700000000},
          {"state": 3, "perms": null}])"));
  ASSERT_EQ(keys.size(), 2U);
  EXPECT_EQ(keys[0].names, std::vector<std::string>{"single-name"});
  ASSERT_EQ(keys[0].perms.size(), 1U);
  EXPECT_FALSE(keys[0].perms[0].read_only.has_value());
  EXPECT_EQ(keys[0].created_at, "1700000000"_dec);
  EXPECT_EQ(keys[1].state, 3);
  EXPECT_TRUE(keys[1].perms.empty());

  EXPECT_TRUE(expect_ok(parse_account_key_infos("[]")).empty());
}

TEST(ParsersTest, AccountKeyInfoNestedErrorPath) {
  expect_parse_error(
      parse_account_key_infos(R"({"perms": [{"name": "spot"}, {"read_only": true}]})"),
      {"AccountKeyInfo", "`perms[1].name`", "missing"});
  expect_parse_error(parse_account_key_infos(R"([{"state": 1}, 5])"),
                     {"AccountKeyInfo", "`[1]`", "is not an object (got number)"});
  expect_parse_error(parse_account_key_infos("true"), {"AccountKeyInfo"});
}

// --- balances ----------------------------------------------------------------------------------

TEST(ParsersTest, SpotAccountsKeepEveryDigit) {
  auto const accounts = expect_ok(parse_spot_accounts(read_fixture("spot_accounts.json")));
  ASSERT_EQ(accounts.size(), 3U);
  EXPECT_EQ(accounts[0].currency, "USDT");
  EXPECT_EQ(accounts[0].available, "1523.4471"_dec);
  EXPECT_EQ(accounts[0].locked, "100"_dec);
  EXPECT_EQ(accounts[0].update_id, 1402);
  EXPECT_EQ(accounts[1].available, "0.0213"_dec);
  EXPECT_EQ(accounts[2].available, core::Decimal::from_raw(1));  // 10^-18
}

TEST(ParsersTest, SpotAccountsAcceptNumbersAndStringsForNumbers) {
  auto const accounts = expect_ok(parse_spot_accounts(
      R"([{"currency": "USDT", "available": 1523.4471, "locked": 1E+2, "update_id": "1402"},
          {"currency": "BTC", "available": "-0.5", "locked": -0, "update_id": null}])"));
  EXPECT_EQ(accounts[0].available, "1523.4471"_dec);
  EXPECT_EQ(accounts[0].locked, "100"_dec);
  EXPECT_EQ(accounts[0].update_id, 1402);
  EXPECT_EQ(accounts[1].available, "-0.5"_dec);
  EXPECT_TRUE(accounts[1].locked.is_zero());
  EXPECT_FALSE(accounts[1].update_id.has_value());
}

TEST(ParsersTest, SpotAccountsEmptyList) {
  auto const accounts = expect_ok(parse_spot_accounts("  [ ]  "));
  EXPECT_TRUE(accounts.empty());
}

TEST(ParsersTest, SpotAccountsFailureClasses) {
  expect_parse_error(parse_spot_accounts(R"([{"currency": "USDT", "available": "1", "locked": "0"},
                              {"currency": "BTC", "available": "1"}])"),
                     {"SpotAccount", "`[1].locked`", "missing"});
  expect_parse_error(
      parse_spot_accounts(R"([{"currency": "USDT", "available": true, "locked": "0"}])"),
      {"`[0].available`", "is not a decimal string or number (got boolean)"});
  expect_parse_error(
      parse_spot_accounts(R"([{"currency": "USDT", "available": null, "locked": "0"}])"),
      {"`[0].available`", "is null"});
  expect_parse_error(
      parse_spot_accounts(R"([{"currency": "USDT", "available": "12abc", "locked": "0"}])"),
      {"`[0].available`", "invalid decimal", "12abc"});
  expect_parse_error(parse_spot_accounts(R"([{"currency": 5, "available": "1", "locked": "0"}])"),
                     {"`[0].currency`", "is not a string (got number)"});
  expect_parse_error(
      parse_spot_accounts(
          R"([{"currency": "X", "available": "1", "locked": "0", "update_id": 99999999999999999999}])"),
      {"`[0].update_id`", "int64"});
  expect_parse_error(
      parse_spot_accounts(R"([{"currency": "X", "available": "1", "locked": "0"}, 7])"),
      {"`[1]`", "is not an object"});
}

TEST(ParsersTest, HugeAndOverPreciseDecimalsAreErrorsNamingTheField) {
  expect_parse_error(
      parse_spot_accounts(R"([{"currency": "X", "available": "1e300", "locked": "0"}])"),
      {"SpotAccount", "`[0].available`", "decimal.overflow"});
  expect_parse_error(
      parse_spot_accounts(
          R"([{"currency": "X", "available": 123456789012345678901234567890, "locked": "0"}])"),
      {"`[0].available`", "decimal.overflow"});
  expect_parse_error(
      parse_futures_account(
          R"({"currency": "USDT", "total": "1", "available": "1", "unrealised_pnl": "0",
              "position_margin": "0", "order_margin": "0.0000000000000000001"})"),
      {"FuturesAccount", "`order_margin`", "decimal.precision"});
}

TEST(ParsersTest, FuturesAccountFromFixture) {
  auto const account = expect_ok(parse_futures_account(read_fixture("futures_account.json")));
  EXPECT_EQ(account.currency, "USDT");
  EXPECT_EQ(account.total, "2500.12"_dec);
  EXPECT_EQ(account.available, "2484.2"_dec);
  EXPECT_EQ(account.unrealised_pnl, "-3.41"_dec);
  EXPECT_EQ(account.order_margin, "12.5"_dec);
  EXPECT_EQ(account.user, 20011234);
  EXPECT_EQ(account.in_dual_mode, false);
  EXPECT_EQ(account.position_mode, "single");
  EXPECT_EQ(account.margin_mode, 0);
  EXPECT_EQ(account.maintenance_margin, "0.9"_dec);
  ASSERT_TRUE(account.history.has_value());
  EXPECT_EQ(account.history->dnw, "2500"_dec);
  EXPECT_EQ(account.history->fee, "-0.18"_dec);
}

TEST(ParsersTest, FuturesAccountWithNumericBalancesAndNoHistory) {
  auto const account = expect_ok(parse_futures_account(
      R"({"currency": "USDT", "total": 2499.92, "available": 2499.92, "unrealised_pnl": -0.2,
          "position_margin": 0, "order_margin": 0, "history": null})"));
  EXPECT_EQ(account.total, "2499.92"_dec);
  EXPECT_EQ(account.unrealised_pnl, "-0.2"_dec);
  EXPECT_FALSE(account.history.has_value());
  EXPECT_FALSE(account.in_dual_mode.has_value());
}

TEST(ParsersTest, TotalBalanceDetailsMap) {
  auto const balance = expect_ok(parse_total_balance(read_fixture("total_balance.json")));
  EXPECT_EQ(balance.total.amount, "4123.55"_dec);
  EXPECT_EQ(balance.total.currency, "USDT");
  EXPECT_EQ(balance.total.unrealised_pnl, "-3.41"_dec);
  EXPECT_EQ(balance.details.size(), 8U);
  EXPECT_EQ(balance.details.at("spot").amount, "1623.43"_dec);
  EXPECT_FALSE(balance.details.at("spot").unrealised_pnl.has_value());
  EXPECT_EQ(balance.details.at("futures").unrealised_pnl, "-3.41"_dec);
  EXPECT_EQ(balance.details.at("margin").borrowed, "0"_dec);
}

TEST(ParsersTest, TotalBalanceShapes) {
  auto const no_details =
      expect_ok(parse_total_balance(R"({"total": {"amount": "1", "currency": "BTC"}})"));
  EXPECT_TRUE(no_details.details.empty());

  expect_parse_error(parse_total_balance(R"({"details": {}})"), {"TotalBalance", "`total`"});
  expect_parse_error(
      parse_total_balance(
          R"({"total": {"amount": "1", "currency": "BTC"}, "details": {"spot": {"amount": [], "currency": "BTC"}}})"),
      {"TotalBalance", "`details.spot.amount`", "got array"});
  expect_parse_error(parse_total_balance(R"({"total": "1"})"),
                     {"`total`", "is not an object (got string)"});
}

TEST(ParsersTest, UnifiedModeAndAccount) {
  auto const mode = expect_ok(parse_unified_mode(read_fixture("unified_mode.json")));
  EXPECT_EQ(mode.mode, "multi_currency");
  ASSERT_TRUE(mode.settings.has_value());
  EXPECT_EQ(mode.settings->usdt_futures, true);
  EXPECT_EQ(mode.settings->spot_hedge, false);

  auto const classic = expect_ok(parse_unified_mode(R"({"mode": "classic"})"));
  EXPECT_FALSE(classic.settings.has_value());

  auto const account = expect_ok(parse_unified_account(read_fixture("unified_accounts.json")));
  EXPECT_EQ(account.mode, "multi_currency");
  EXPECT_EQ(account.user_id, 20011234);
  ASSERT_EQ(account.balances.size(), 2U);
  UnifiedBalance const& usdt = account.balances.at("USDT");
  EXPECT_EQ(usdt.available, "1523.4471"_dec);
  EXPECT_EQ(usdt.freeze, "100"_dec);
  EXPECT_EQ(usdt.equity, "1623.4471"_dec);
  EXPECT_EQ(usdt.enabled_collateral, true);
  EXPECT_EQ(account.unified_account_total_equity, "3012.55"_dec);
  EXPECT_EQ(account.leverage, "3"_dec);

  expect_parse_error(parse_unified_account(R"({"mode": "classic"})"),
                     {"UnifiedAccount", "`balances`", "missing"});
  expect_parse_error(parse_unified_account(R"({"balances": {"BTC": {"available": "1"}}})"),
                     {"`balances.BTC.freeze`", "missing"});
}

// --- market metadata ---------------------------------------------------------------------------

TEST(ParsersTest, SpotCurrencies) {
  auto const currencies = expect_ok(parse_spot_currencies(read_fixture("spot_currencies.json")));
  ASSERT_EQ(currencies.size(), 3U);
  SpotCurrency const& btc = currencies[0];
  EXPECT_EQ(btc.currency, "BTC");
  EXPECT_EQ(btc.trade_disabled, false);
  EXPECT_FALSE(btc.fixed_rate.has_value());  // "" means no value
  EXPECT_EQ(btc.chain, "BTC");
  ASSERT_EQ(btc.chains.size(), 2U);
  EXPECT_EQ(btc.chains[1].name, "BSC");
  EXPECT_EQ(btc.chains[1].deposit_disabled, true);
  SpotCurrency const& lunc = currencies[2];
  EXPECT_EQ(lunc.delisted, true);
  EXPECT_EQ(lunc.fixed_rate, "0.001"_dec);
  EXPECT_FALSE(lunc.chain.has_value());
  EXPECT_TRUE(lunc.chains.empty());

  auto const single = expect_ok(parse_spot_currency(R"({"currency": "GT", "delisted": false})"));
  EXPECT_EQ(single.currency, "GT");
  expect_parse_error(parse_spot_currency(R"({"delisted": "no", "currency": "GT"})"),
                     {"SpotCurrency", "`delisted`", "is not a boolean (got string)"});
}

TEST(ParsersTest, CurrencyPairs) {
  auto const pairs = expect_ok(parse_currency_pairs(read_fixture("spot_currency_pairs.json")));
  ASSERT_EQ(pairs.size(), 3U);
  CurrencyPair const& btc = pairs[0];
  EXPECT_EQ(btc.id, "BTC_USDT");
  EXPECT_EQ(btc.min_base_amount, "0.00001"_dec);
  EXPECT_FALSE(btc.max_base_amount.has_value());  // null = no limit
  EXPECT_EQ(btc.max_quote_amount, "5000000"_dec);
  EXPECT_EQ(btc.amount_precision, 6);
  EXPECT_EQ(btc.precision, 1);
  EXPECT_EQ(btc.trade_status, "tradable");
  EXPECT_EQ(btc.slippage, "0.03"_dec);
  CurrencyPair const& newx = pairs[2];
  EXPECT_FALSE(newx.min_base_amount.has_value());
  EXPECT_EQ(newx.buy_start, 1700086400);
  EXPECT_EQ(newx.type, "premarket");

  auto const single = expect_ok(parse_currency_pair(read_fixture("spot_currency_pair.json")));
  EXPECT_EQ(single.quote, "USDT");

  expect_parse_error(
      parse_currency_pair(
          R"({"id": "BTC_USDT", "base": "BTC", "quote": "USDT", "trade_status": "tradable", "amount_precision": 6})"),
      {"CurrencyPair", "`precision`", "missing"});
}

TEST(ParsersTest, FuturesContracts) {
  auto const contracts = expect_ok(parse_futures_contracts(read_fixture("futures_contracts.json")));
  ASSERT_EQ(contracts.size(), 2U);
  FuturesContract const& btc = contracts[0];
  EXPECT_EQ(btc.name, "BTC_USDT");
  EXPECT_EQ(btc.quanto_multiplier, "0.0001"_dec);
  EXPECT_EQ(btc.order_price_round, "0.1"_dec);
  EXPECT_EQ(btc.order_size_min, "1"_dec);
  EXPECT_EQ(btc.maker_fee_rate, "-0.0001"_dec);
  EXPECT_EQ(btc.funding_interval, 28800);
  EXPECT_EQ(btc.funding_next_apply, "1700006400"_dec);
  EXPECT_EQ(btc.config_change_time, "1699000000.52"_dec);
  EXPECT_EQ(btc.orderbook_id, 29381293123);
  EXPECT_EQ(btc.enable_decimal, false);
  EXPECT_EQ(btc.status, "trading");
  FuturesContract const& eth = contracts[1];
  EXPECT_EQ(eth.enable_decimal, true);
  EXPECT_EQ(eth.order_size_min, "0.1"_dec);
  EXPECT_EQ(eth.funding_next_apply, "1700006400"_dec);  // 1700006400.0

  auto const single = expect_ok(parse_futures_contract(
      R"({"name": "SOL_USDT", "quanto_multiplier": "1", "order_price_round": "0.001",
          "order_size_min": 1, "order_size_max": 1000000})"));
  EXPECT_EQ(single.order_size_max, "1000000"_dec);
}

// --- spot trading ------------------------------------------------------------------------------

TEST(ParsersTest, SpotOrderFromFixture) {
  auto const order = expect_ok(parse_spot_order(read_fixture("spot_order.json")));
  EXPECT_EQ(order.id, "812839912342");
  EXPECT_EQ(order.text, "t-abc123");
  EXPECT_EQ(order.create_time, "1700000002"_dec);
  EXPECT_EQ(order.create_time_ms, 1700000002123);
  EXPECT_EQ(order.status, "open");
  EXPECT_EQ(order.currency_pair, "BTC_USDT");
  EXPECT_EQ(order.side, "buy");
  EXPECT_EQ(order.amount, "0.001"_dec);
  EXPECT_EQ(order.price, "65000"_dec);
  EXPECT_EQ(order.left, "0.001"_dec);
  EXPECT_EQ(order.fee_currency, "BTC");
  EXPECT_EQ(order.gt_discount, false);
  EXPECT_EQ(order.stp_id, 0);
  EXPECT_EQ(order.finish_as, "open");
  EXPECT_FALSE(order.succeeded.has_value());
}

TEST(ParsersTest, SpotOrderAckShapeAndNumericId) {
  auto const ack = expect_ok(parse_spot_order(
      R"({"id": 812839912342, "text": "t-x", "currency_pair": "BTC_USDT", "status": "open",
          "create_time_ms": "1700000002123"})"));
  EXPECT_EQ(ack.id, "812839912342");
  EXPECT_EQ(ack.create_time_ms, 1700000002123);
  EXPECT_FALSE(ack.amount.has_value());

  expect_parse_error(parse_spot_order(R"({"currency_pair": "BTC_USDT"})"),
                     {"SpotOrder", "`id`", "missing"});
  expect_parse_error(parse_spot_order(R"({"id": 1.5, "currency_pair": "BTC_USDT"})"),
                     {"`id`", "integer id"});
  expect_parse_error(parse_spot_order(R"({"id": {"a": 1}, "currency_pair": "BTC_USDT"})"),
                     {"`id`", "is not an id string or integer (got object)"});
}

TEST(ParsersTest, SpotOrdersFromCancelAll) {
  auto const orders = expect_ok(parse_spot_orders(read_fixture("spot_orders_cancel_all.json")));
  ASSERT_EQ(orders.size(), 2U);
  EXPECT_EQ(orders[0].succeeded, true);
  EXPECT_EQ(orders[0].finish_as, "cancelled");
  EXPECT_EQ(orders[1].succeeded, false);
  EXPECT_EQ(orders[1].label, "ORDER_CLOSED");
  EXPECT_EQ(orders[1].message, "Order has been filled or cancelled");
}

TEST(ParsersTest, SpotTrades) {
  auto const trades = expect_ok(parse_spot_trades(read_fixture("spot_my_trades.json")));
  ASSERT_EQ(trades.size(), 2U);
  SpotTrade const& maker = trades[0];
  EXPECT_EQ(maker.id, "1232893232");
  EXPECT_EQ(maker.create_time, "1700000010"_dec);
  EXPECT_EQ(maker.create_time_ms, "1700000010123.456"_dec);
  EXPECT_EQ(maker.role, "maker");
  EXPECT_EQ(maker.order_id, "812839912342");
  EXPECT_EQ(maker.fee, "0.000002"_dec);
  EXPECT_EQ(maker.sequence_id, "588018");
  EXPECT_EQ(maker.deal, "65"_dec);
  EXPECT_EQ(trades[1].price, "65010.5"_dec);
  EXPECT_EQ(trades[1].deal, "32.50525"_dec);
}

TEST(ParsersTest, OpenOrdersGroups) {
  auto const groups = expect_ok(parse_open_orders(read_fixture("spot_open_orders.json")));
  ASSERT_EQ(groups.size(), 2U);
  EXPECT_EQ(groups[0].currency_pair, "BTC_USDT");
  EXPECT_EQ(groups[0].total, 2);
  ASSERT_EQ(groups[0].orders.size(), 2U);
  EXPECT_EQ(groups[0].orders[1].time_in_force, "poc");
  EXPECT_EQ(groups[0].orders[1].price, "66000"_dec);
  EXPECT_TRUE(groups[1].orders.empty());

  expect_parse_error(parse_open_orders(R"([{"currency_pair": "BTC_USDT", "total": 0}])"),
                     {"OpenOrders", "`[0].orders`", "missing"});
  expect_parse_error(
      parse_open_orders(R"([{"currency_pair": "BTC_USDT", "orders": [{"id": "1"}]}])"),
      {"`[0].orders[0].currency_pair`", "missing"});
}

TEST(ParsersTest, SpotCancelResults) {
  auto const results = expect_ok(parse_spot_cancel_results(read_fixture("spot_cancel_batch.json")));
  ASSERT_EQ(results.size(), 2U);
  EXPECT_TRUE(results[0].succeeded);
  EXPECT_EQ(results[0].text, "t-grid-01");
  EXPECT_FALSE(results[1].succeeded);
  EXPECT_EQ(results[1].label, "ORDER_NOT_FOUND");
}

// --- futures trading ---------------------------------------------------------------------------

TEST(ParsersTest, FuturesOrderFromFixture) {
  auto const order = expect_ok(parse_futures_order(read_fixture("futures_order.json")));
  EXPECT_EQ(order.id, 58369281);
  EXPECT_EQ(order.user, 20011234);
  EXPECT_EQ(order.contract, "BTC_USDT");
  EXPECT_EQ(order.create_time, "1700000004.123"_dec);
  EXPECT_EQ(order.size, "-3"_dec);
  EXPECT_EQ(order.left, "-3"_dec);
  EXPECT_EQ(order.price, "64000"_dec);
  EXPECT_EQ(order.tif, "gtc");
  EXPECT_EQ(order.is_reduce_only, true);
  EXPECT_EQ(order.mkfr, "0.0002"_dec);
  EXPECT_FALSE(order.finish_time.has_value());
  EXPECT_EQ(order.pos_margin_mode, "");
}

TEST(ParsersTest, FuturesOrdersKeepInt64IdsAndIntegerSizes) {
  auto const orders = expect_ok(parse_futures_orders(read_fixture("futures_orders.json")));
  ASSERT_EQ(orders.size(), 2U);
  EXPECT_EQ(orders[0].id, 9223372036854775807);
  EXPECT_EQ(orders[0].size, "10"_dec);
  EXPECT_EQ(orders[0].left, "0"_dec);
  EXPECT_EQ(orders[0].finish_as, "filled");
  EXPECT_EQ(orders[0].fill_price, "65012.3"_dec);
  EXPECT_EQ(orders[1].id, 58369300);
  EXPECT_EQ(orders[1].size, "0.5"_dec);
  EXPECT_EQ(orders[1].create_time, "1700000030"_dec);
}

TEST(ParsersTest, FuturesOrderIdOutsideInt64OrFractionalIsAnError) {
  expect_parse_error(parse_futures_order(R"({"id": 9223372036854775808, "contract": "BTC_USDT"})"),
                     {"FuturesOrder", "`id`", "int64"});
  expect_parse_error(parse_futures_order(R"({"id": 58369281.5, "contract": "BTC_USDT"})"),
                     {"FuturesOrder", "`id`", "integer"});
  expect_parse_error(parse_futures_order(R"({"id": "58369281", "size": "-3"})"),
                     {"`contract`", "missing"});
}

TEST(ParsersTest, FuturesTrades) {
  auto const trades = expect_ok(parse_futures_trades(read_fixture("futures_my_trades.json")));
  ASSERT_EQ(trades.size(), 2U);
  EXPECT_EQ(trades[0].id, 121234231);
  EXPECT_EQ(trades[0].order_id, "58369281");
  EXPECT_EQ(trades[0].create_time, "1700000011.456"_dec);
  EXPECT_EQ(trades[0].close_size, "-3"_dec);
  EXPECT_EQ(trades[0].trade_value, "19.2"_dec);
  EXPECT_EQ(trades[1].order_id, "9223372036854775807");
  EXPECT_EQ(trades[1].size, "10"_dec);
  EXPECT_FALSE(trades[1].trade_value.has_value());
}

TEST(ParsersTest, Positions) {
  auto const positions = expect_ok(parse_positions(read_fixture("futures_positions.json")));
  ASSERT_EQ(positions.size(), 2U);
  Position const& btc = positions[0];
  EXPECT_EQ(btc.contract, "BTC_USDT");
  EXPECT_EQ(btc.size, "-3"_dec);
  EXPECT_EQ(btc.leverage, "10"_dec);
  EXPECT_EQ(btc.margin, "1.95"_dec);
  EXPECT_EQ(btc.entry_price, "64000"_dec);
  EXPECT_EQ(btc.mark_price, "65012.3"_dec);
  EXPECT_EQ(btc.unrealised_pnl, "-0.30369"_dec);
  EXPECT_EQ(btc.realised_pnl, "-0.096"_dec);
  EXPECT_EQ(btc.mode, "single");
  EXPECT_EQ(btc.update_id, 3);
  EXPECT_EQ(btc.pos_margin_mode, "isolated");
  Position const& eth = positions[1];
  EXPECT_TRUE(eth.size.is_zero());
  EXPECT_EQ(eth.cross_leverage_limit, "20"_dec);
  EXPECT_FALSE(eth.pnl_fee.has_value());

  auto const single = expect_ok(parse_position(
      R"({"contract": "BTC_USDT", "size": 2, "leverage": "0", "margin": "5", "entry_price": "64000",
          "mark_price": "64100", "unrealised_pnl": "0.02"})"));
  EXPECT_EQ(single.size, "2"_dec);
  expect_parse_error(parse_position(R"({"contract": "BTC_USDT", "size": "1"})"),
                     {"Position", "missing"});
}

TEST(ParsersTest, FuturesCancelResultsAndCountdown) {
  auto const results =
      expect_ok(parse_futures_cancel_results(read_fixture("futures_cancel_batch.json")));
  ASSERT_EQ(results.size(), 2U);
  EXPECT_EQ(results[0].id, "58369281");
  EXPECT_TRUE(results[0].succeeded);
  EXPECT_EQ(results[1].message, "ORDER_NOT_FOUND");
  EXPECT_EQ(results[1].user_id, 20011234);

  auto const countdown =
      expect_ok(parse_countdown_cancel_result(read_fixture("countdown_cancel_all.json")));
  EXPECT_EQ(countdown.trigger_time_ms, 1700000030123);
  auto const numeric = expect_ok(parse_countdown_cancel_result(R"({"triggerTime": 0})"));
  EXPECT_EQ(numeric.trigger_time_ms, 0);
  expect_parse_error(parse_countdown_cancel_result(R"({"trigger_time": 1})"),
                     {"CountdownCancelResult", "`triggerTime`", "missing"});
}

// --- JSON-level behaviour ----------------------------------------------------------------------

TEST(ParsersTest, ErrorBody) {
  auto const body = expect_ok(parse_error_body(
      R"({"label": "INVALID_PARAM_VALUE", "message": "Invalid parameter `text`"})"));
  EXPECT_EQ(body.label, "INVALID_PARAM_VALUE");
  EXPECT_EQ(body.message, "Invalid parameter `text`");
  EXPECT_FALSE(body.detail.has_value());
}

TEST(ParsersTest, MalformedJsonIsAParseError) {
  for (std::string_view const body :
       {"", "   ", "{", "[", R"({"server_time": })", R"({"server_time" 1})",
        R"({"server_time": 1,})", R"({"server_time": tru})", R"({"server_time": 1} x)",
        R"({"server_time": 1}{"server_time": 2})", "\"text\"", "42", "null"}) {
    auto const result = parse_server_time(body);
    EXPECT_FALSE(result.has_value()) << "accepted: " << body;
    if (!result) {
      EXPECT_EQ(result.error().code, "gateio.parse");
      EXPECT_NE(result.error().message.find("ServerTime"), std::string::npos);
    }
  }
  expect_parse_error(parse_spot_accounts(R"([{"currency": "BTC")"), {"SpotAccount"});
  expect_parse_error(parse_spot_accounts("{}"), {"is not a JSON array (got object)"});
  expect_parse_error(parse_futures_account("[]"), {"is not a JSON object (got array)"});
}

TEST(ParsersTest, UnknownFieldsAreSkippedWhateverTheirShape) {
  auto const time = expect_ok(parse_server_time(
      R"({"note": {"nested": [[[{"deep": [1, 2, {"x": null}]}]]]}, "server_time": 5,
          "tail": [true, false, "s", 1e9]})"));
  EXPECT_EQ(time.server_time_ms, 5);
}

TEST(ParsersTest, EscapesInKeysAndValuesAreDecoded) {
  auto const accounts = expect_ok(parse_spot_accounts(
      R"([{"curr\u0065ncy": "US\u0044T \u4ea4\u6613", "available": "1", "locked": "\u0030"}])"));
  EXPECT_EQ(accounts[0].currency, "USDT \xe4\xba\xa4\xe6\x98\x93");
  EXPECT_TRUE(accounts[0].locked.is_zero());
}

TEST(ParsersTest, DuplicateMemberLastOneWins) {
  auto const time = expect_ok(parse_server_time(R"({"server_time": 1, "server_time": 2})"));
  EXPECT_EQ(time.server_time_ms, 2);
}

TEST(ParsersTest, ReusedParserResultsOutliveLaterCalls) {
  ResponseParser parser;
  std::string const large = read_fixture("spot_accounts_50.json");
  auto const first = expect_ok(parser.parse_spot_accounts(large));
  ASSERT_EQ(first.size(), 50U);
  std::string const first_currency = first.front().currency;

  auto const small = expect_ok(parser.parse_spot_accounts(read_fixture("spot_accounts.json")));
  EXPECT_EQ(small.size(), 3U);
  auto const failed = parser.parse_spot_accounts("[{");
  EXPECT_FALSE(failed.has_value());
  auto const again = expect_ok(parser.parse_spot_accounts(large));

  EXPECT_EQ(first.front().currency, first_currency);
  EXPECT_EQ(first.size(), again.size());
  for (std::size_t index = 0; index < first.size(); ++index) {
    EXPECT_EQ(first[index].available, again[index].available);
  }

  ResponseParser moved = std::move(parser);
  EXPECT_EQ(expect_ok(moved.parse_server_time(read_fixture("server_time.json"))).server_time_ms,
            1700000000123);
}

}  // namespace
}  // namespace tradelink::gateio
