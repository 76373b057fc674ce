#pragma once
// Typed Gate.io API v4 REST wire models (gateio-v4.md §3, §11; field names from the generated
// SDK models of gate-api 7.2.57). Plain value structs; the parsers in parsers.hpp fill them.
//
// Conventions:
// - Every amount, price, size, rate and fee is a core::Decimal, read from JSON strings and JSON
//   numbers alike (never through double).
// - A plain (non-optional) member is required: a body without it fails to parse. An optional
//   member is absent or JSON null on the wire (an empty string counts as absent for decimals).
// - Enumerated response values (status, finish_as, side, mode, ...) keep Gate's exact string:
//   Gate adds values without notice and a new one must not break parsing. Request models use
//   the typed enums of common/enums.hpp instead.
// - Times: `*_time` fields in seconds are Decimal (Gate sends "1700000002", 1700000004.123 or
//   integers); `*_ms` fields are std::int64_t milliseconds unless Gate sends fractions.
// - Ids Gate sends as strings are std::string (also accepted from JSON integers); futures order
//   and trade ids are exact std::int64_t.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.hpp"
#include "venues/gateio/common/enums.hpp"

namespace tradelink::gateio {

// ---------------------------------------------------------------------------------------------
// Errors and server time

/// Body of a non-2xx response: `{"label": "...", "message": "..."}`; some endpoints send
/// `detail` instead of `message` (gateio-v4.md §4).
struct ErrorBody {
  std::optional<std::string> label;
  std::optional<std::string> message;
  std::optional<std::string> detail;
};

/// GET /spot/time.
struct ServerTime {
  std::int64_t server_time_ms = 0;  ///< wire `server_time`, Unix ms
};

// ---------------------------------------------------------------------------------------------
// Account and key identity (§3.1)

/// GET /account/detail. The whitelists are optional because "absent" must not be mistaken for
/// "empty" (empty ip_whitelist = key without IP binding = 90-day expiry).
struct AccountDetail {
  std::int64_t user_id = 0;
  std::optional<std::vector<std::string>> ip_whitelist;
  std::optional<std::vector<std::string>> currency_pairs;  ///< key's pair whitelist, empty = all
  std::optional<std::int64_t> key_mode;           ///< wire `key.mode`: 1 classic, 2 legacy unified
  std::optional<std::int64_t> tier;               ///< VIP level
  std::optional<std::int64_t> copy_trading_role;  ///< 0 none, 1 leader, 2 follower, 3 both
};

/// One permission group of a key (`perms[]`): name such as "spot", "futures", "wallet".
struct AccountKeyPermission {
  std::string name;
  std::optional<bool> read_only;  ///< absent = Gate did not say (treat as unknown)
};

/// GET /account/main_keys entry (SDK model AccountKeyInfo). Gate documents one object; the
/// parser also accepts an array of them.
struct AccountKeyInfo {
  std::optional<std::int64_t> state;  ///< 1 normal, 2 locked, 3 frozen
  std::optional<std::int64_t> mode;   ///< 1 classic, 2 legacy unified
  std::vector<std::string> names;     ///< wire `name` (remarks): list, or a single string
  std::optional<std::vector<std::string>> currency_pairs;
  std::optional<std::int64_t> user_id;
  std::optional<std::vector<std::string>> ip_whitelist;
  std::vector<AccountKeyPermission> perms;   ///< empty when absent
  std::optional<std::int64_t> key_mode;      ///< wire `key.mode`
  std::optional<core::Decimal> created_at;   ///< Unix seconds
  std::optional<core::Decimal> updated_at;   ///< Unix seconds
  std::optional<core::Decimal> last_access;  ///< Unix seconds
};

// ---------------------------------------------------------------------------------------------
// Balances (§3.1)

/// GET /spot/accounts element.
struct SpotAccount {
  std::string currency;
  core::Decimal available;
  core::Decimal locked;
  std::optional<std::int64_t> update_id;
};

/// `history` of a futures account: cumulative totals by kind.
struct FuturesAccountHistory {
  std::optional<core::Decimal> dnw;  ///< deposits and withdrawals
  std::optional<core::Decimal> pnl;
  std::optional<core::Decimal> fee;
  std::optional<core::Decimal> refr;  ///< referral rebates
  std::optional<core::Decimal> fund;  ///< funding
  std::optional<core::Decimal> point_dnw;
  std::optional<core::Decimal> point_fee;
  std::optional<core::Decimal> point_refr;
  std::optional<core::Decimal> bonus_dnw;
  std::optional<core::Decimal> bonus_offset;
};

/// GET /futures/{settle}/accounts (one object).
struct FuturesAccount {
  std::string currency;  ///< settle currency, e.g. "USDT"
  core::Decimal total;   ///< balance excluding unrealised PnL
  core::Decimal available;
  core::Decimal unrealised_pnl;
  core::Decimal position_margin;
  core::Decimal order_margin;
  std::optional<std::int64_t> user;
  std::optional<core::Decimal> point;
  std::optional<core::Decimal> bonus;
  std::optional<bool> in_dual_mode;          ///< deprecated in favour of position_mode
  std::optional<std::string> position_mode;  ///< "single", "dual", "split"
  std::optional<std::int64_t> margin_mode;   ///< 0 classic, 1 cross-currency, 2 combined
  std::optional<bool> enable_credit;
  std::optional<bool> enable_evolved_classic;
  std::optional<bool> enable_new_dual_mode;
  std::optional<core::Decimal> position_initial_margin;
  std::optional<core::Decimal> maintenance_margin;
  std::optional<core::Decimal> cross_available;
  std::optional<core::Decimal> cross_order_margin;
  std::optional<core::Decimal> cross_initial_margin;
  std::optional<core::Decimal> cross_maintenance_margin;
  std::optional<core::Decimal> cross_unrealised_pnl;
  std::optional<core::Decimal> cross_margin_balance;
  std::optional<core::Decimal> isolated_position_margin;
  std::optional<FuturesAccountHistory> history;
};

/// One account's value in a TotalBalance (SDK model AccountBalance).
struct AccountBalance {
  core::Decimal amount;
  std::string currency;
  std::optional<core::Decimal> unrealised_pnl;
  std::optional<core::Decimal> borrowed;
};

/// GET /wallet/total_balance: the total plus one entry per account kind ("spot", "futures",
/// "margin", "delivery", "finance", ...); `details` is empty when absent.
struct TotalBalance {
  AccountBalance total;
  std::map<std::string, AccountBalance> details;
};

/// `settings` of GET /unified/unified_mode.
struct UnifiedModeSettings {
  std::optional<bool> usdt_futures;
  std::optional<bool> spot_hedge;
  std::optional<bool> use_funding;
  std::optional<bool> options;
};

/// GET /unified/unified_mode.
struct UnifiedMode {
  std::string mode;  ///< "classic", "multi_currency", "portfolio", "single_currency"
  std::optional<UnifiedModeSettings> settings;
};

/// One currency of a unified account (`balances.<CCY>`).
struct UnifiedBalance {
  core::Decimal available;
  core::Decimal freeze;
  std::optional<core::Decimal> borrowed;
  std::optional<core::Decimal> equity;
  std::optional<core::Decimal> negative_liab;
  std::optional<core::Decimal> total_liab;
  std::optional<core::Decimal> spot_in_use;
  std::optional<core::Decimal> funding;
  std::optional<core::Decimal> cross_balance;
  std::optional<core::Decimal> iso_balance;
  std::optional<core::Decimal> im;
  std::optional<core::Decimal> mm;
  std::optional<core::Decimal> imr;
  std::optional<core::Decimal> mmr;
  std::optional<core::Decimal> margin_balance;
  std::optional<core::Decimal> available_margin;
  std::optional<bool> enabled_collateral;
};

/// GET /unified/accounts.
struct UnifiedAccount {
  std::map<std::string, UnifiedBalance> balances;  ///< keyed by currency
  std::optional<std::string> mode;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> refresh_time;
  std::optional<bool> locked;
  std::optional<core::Decimal> total;  ///< deprecated by unified_account_total
  std::optional<core::Decimal> borrowed;
  std::optional<core::Decimal> total_initial_margin;
  std::optional<core::Decimal> total_margin_balance;
  std::optional<core::Decimal> total_maintenance_margin;
  std::optional<core::Decimal> total_initial_margin_rate;
  std::optional<core::Decimal> total_maintenance_margin_rate;
  std::optional<core::Decimal> total_available_margin;
  std::optional<core::Decimal> unified_account_total;
  std::optional<core::Decimal> unified_account_total_liab;
  std::optional<core::Decimal> unified_account_total_equity;
  std::optional<core::Decimal> leverage;
  std::optional<core::Decimal> spot_order_loss;
  std::optional<core::Decimal> options_order_loss;
  std::optional<bool> spot_hedge;
  std::optional<bool> use_funding;
  std::optional<bool> is_all_collateral;
};

// ---------------------------------------------------------------------------------------------
// Market metadata (§3.2)

/// One chain of a spot currency (`chains[]`).
struct SpotCurrencyChain {
  std::string name;
  std::optional<std::string> addr;
  std::optional<bool> withdraw_disabled;
  std::optional<bool> withdraw_delayed;
  std::optional<bool> deposit_disabled;
};

/// GET /spot/currencies element.
struct SpotCurrency {
  std::string currency;
  std::optional<std::string> name;
  std::optional<bool> delisted;
  std::optional<bool> withdraw_disabled;
  std::optional<bool> withdraw_delayed;
  std::optional<bool> deposit_disabled;
  std::optional<bool> trade_disabled;
  std::optional<core::Decimal> fixed_rate;
  std::optional<std::string> chain;       ///< main chain
  std::vector<SpotCurrencyChain> chains;  ///< empty when absent
};

/// GET /spot/currency_pairs element (or the single pair).
struct CurrencyPair {
  std::string id;  ///< "BTC_USDT"
  std::string base;
  std::string quote;
  std::string trade_status;           ///< "untradable", "buyable", "sellable", "tradable"
  std::int64_t amount_precision = 0;  ///< decimals of amounts
  std::int64_t precision = 0;         ///< decimals of prices
  std::optional<std::string> base_name;
  std::optional<std::string> quote_name;
  std::optional<core::Decimal> fee;               ///< deprecated
  std::optional<core::Decimal> min_base_amount;   ///< absent/null = no limit
  std::optional<core::Decimal> min_quote_amount;  ///< absent/null = no limit
  std::optional<core::Decimal> max_base_amount;   ///< absent/null = no limit
  std::optional<core::Decimal> max_quote_amount;  ///< absent/null = no limit
  std::optional<std::int64_t> sell_start;         ///< Unix s
  std::optional<std::int64_t> buy_start;          ///< Unix s
  std::optional<std::int64_t> delisting_time;     ///< Unix s
  std::optional<std::string> type;                ///< "normal", "premarket"
  std::optional<core::Decimal> slippage;
  std::optional<core::Decimal> market_order_max_stock;
  std::optional<core::Decimal> market_order_max_money;
  std::optional<core::Decimal> up_rate;
  std::optional<core::Decimal> down_rate;
  std::optional<bool> st_tag;
};

/// GET /futures/{settle}/contracts element (or the single contract).
struct FuturesContract {
  std::string name;                 ///< "BTC_USDT"
  core::Decimal quanto_multiplier;  ///< base units per contract
  core::Decimal order_price_round;  ///< price tick
  core::Decimal order_size_min;
  core::Decimal order_size_max;
  std::optional<std::string> type;  ///< "direct", "inverse"
  std::optional<core::Decimal> mark_price_round;
  std::optional<bool> enable_decimal;  ///< fractional sizes allowed
  std::optional<core::Decimal> leverage_min;
  std::optional<core::Decimal> leverage_max;
  std::optional<core::Decimal> maintenance_rate;
  std::optional<core::Decimal> maker_fee_rate;
  std::optional<core::Decimal> taker_fee_rate;
  std::optional<core::Decimal> mark_price;
  std::optional<core::Decimal> index_price;
  std::optional<core::Decimal> last_price;
  std::optional<core::Decimal> funding_rate;
  std::optional<std::int64_t> funding_interval;     ///< seconds
  std::optional<core::Decimal> funding_next_apply;  ///< Unix s
  std::optional<core::Decimal> funding_rate_limit;
  std::optional<core::Decimal> interest_rate;
  std::optional<core::Decimal> order_price_deviate;
  std::optional<std::int64_t> orders_limit;
  std::optional<std::int64_t> orderbook_id;
  std::optional<std::int64_t> trade_id;
  std::optional<core::Decimal> trade_size;
  std::optional<core::Decimal> position_size;
  std::optional<core::Decimal> config_change_time;  ///< Unix s
  std::optional<core::Decimal> create_time;         ///< Unix s
  std::optional<std::string> status;  ///< "prelaunch", "trading", "delisting", "delisted", ...
  std::optional<bool> in_delisting;
  std::optional<core::Decimal> market_order_slip_ratio;
  std::optional<core::Decimal> market_order_size_max;
  std::optional<std::int64_t> launch_time;     ///< Unix s
  std::optional<std::int64_t> delisting_time;  ///< Unix s
  std::optional<std::int64_t> delisted_time;   ///< Unix s
};

// ---------------------------------------------------------------------------------------------
// Spot trading (§3.3, §3.4)

/// POST /spot/orders body. Serialised by serialize_spot_order(); unset optionals are omitted.
struct SpotOrderRequest {
  std::string currency_pair;
  OrderSide side = OrderSide::buy;
  /// Limit and market sell: base currency; market buy: quote currency to spend.
  core::Decimal amount;
  std::optional<SpotOrderType> type;         ///< Gate default: limit
  std::optional<core::Decimal> price;        ///< required by Gate for limit orders
  std::optional<TimeInForce> time_in_force;  ///< Gate default: gtc
  std::optional<SpotAccountType> account;    ///< Gate default: spot
  std::optional<std::string> text;           ///< client order id, see validate_client_order_id()
  std::optional<core::Decimal> iceberg;
  std::optional<bool> auto_borrow;
  std::optional<bool> auto_repay;
  std::optional<StpAction> stp_act;
  std::optional<ActionMode> action_mode;
  std::optional<core::Decimal> slippage;  ///< market orders: max slippage ratio, 0.03 = 3 %
};

/// Spot order as Gate returns it (create, get, list, cancel). With action_mode ACK Gate sends
/// only key fields, hence only `id` and `currency_pair` are required. Cancel-all responses add
/// `succeeded`, `label` and `message` per order.
struct SpotOrder {
  std::string id;
  std::string currency_pair;
  std::optional<std::string> text;
  std::optional<std::string> amend_text;
  std::optional<core::Decimal> create_time;  ///< Unix s
  std::optional<core::Decimal> update_time;  ///< Unix s
  std::optional<std::int64_t> create_time_ms;
  std::optional<std::int64_t> update_time_ms;
  std::optional<std::string> status;  ///< "open", "closed", "cancelled"
  std::optional<std::string> type;    ///< "limit", "market"
  std::optional<std::string> account;
  std::optional<std::string> side;  ///< "buy", "sell"
  std::optional<core::Decimal> amount;
  std::optional<core::Decimal> price;
  std::optional<std::string> time_in_force;
  std::optional<core::Decimal> iceberg;
  std::optional<bool> auto_borrow;
  std::optional<bool> auto_repay;
  std::optional<core::Decimal> left;
  std::optional<core::Decimal> filled_amount;
  std::optional<core::Decimal> fill_price;  ///< deprecated: quote filled, see filled_total
  std::optional<core::Decimal> filled_total;
  std::optional<core::Decimal> avg_deal_price;
  std::optional<core::Decimal> fee;
  std::optional<std::string> fee_currency;
  std::optional<core::Decimal> point_fee;
  std::optional<core::Decimal> gt_fee;
  std::optional<core::Decimal> gt_maker_fee;
  std::optional<core::Decimal> gt_taker_fee;
  std::optional<bool> gt_discount;
  std::optional<core::Decimal> rebated_fee;
  std::optional<std::string> rebated_fee_currency;
  std::optional<std::int64_t> stp_id;
  std::optional<std::string> stp_act;
  std::optional<std::string> finish_as;  ///< "open", "filled", "cancelled", "ioc", ...
  std::optional<core::Decimal> slippage;
  std::optional<bool> succeeded;       ///< cancel-all only
  std::optional<std::string> label;    ///< cancel-all only: why this order failed
  std::optional<std::string> message;  ///< cancel-all only
};

/// GET /spot/my_trades element: one own fill.
struct SpotTrade {
  std::string id;
  std::string currency_pair;
  std::string side;  ///< "buy", "sell"
  core::Decimal amount;
  core::Decimal price;
  std::optional<core::Decimal> create_time;     ///< Unix s
  std::optional<core::Decimal> create_time_ms;  ///< Unix ms with a fractional part
  std::optional<std::string> role;              ///< "maker", "taker"
  std::optional<std::string> order_id;
  std::optional<core::Decimal> fee;
  std::optional<std::string> fee_currency;
  std::optional<core::Decimal> point_fee;
  std::optional<core::Decimal> gt_fee;
  std::optional<std::string> amend_text;
  std::optional<std::string> sequence_id;  ///< consecutive per market
  std::optional<std::string> text;
  std::optional<core::Decimal> deal;  ///< quote value of the fill
};

/// GET /spot/open_orders element: the open orders of one pair.
struct OpenOrders {
  std::string currency_pair;
  std::vector<SpotOrder> orders;
  std::optional<std::int64_t> total;  ///< open orders of the pair on all pages
};

/// POST /spot/cancel_batch_orders element.
struct SpotCancelResult {
  std::string currency_pair;
  std::string id;
  bool succeeded = false;
  std::optional<std::string> text;
  std::optional<std::string> account;
  std::optional<std::string> label;    ///< set when succeeded is false
  std::optional<std::string> message;  ///< set when succeeded is false
};

/// POST /spot/countdown_cancel_all body (§11). `timeout` 0 switches the countdown off.
struct SpotCountdownCancelRequest {
  std::chrono::seconds timeout{0};
  std::optional<std::string> currency_pair;  ///< all pairs when absent
};

// ---------------------------------------------------------------------------------------------
// Futures trading (§3.5)

/// POST /futures/{settle}/orders body. Serialised by serialize_futures_order().
struct FuturesOrderRequest {
  std::string contract;
  /// Signed contracts: positive buys/longs, negative sells/shorts; 0 with `close` or
  /// `auto_size` closes a position.
  core::Decimal size;
  core::Decimal price;              ///< "0" with tif ioc = market order
  std::optional<TimeInForce> tif;   ///< Gate default: gtc
  std::optional<std::string> text;  ///< client order id, see validate_client_order_id()
  std::optional<bool> reduce_only;
  std::optional<bool> close;
  std::optional<core::Decimal> iceberg;
  std::optional<FuturesAutoSize> auto_size;
  std::optional<StpAction> stp_act;
  std::optional<core::Decimal> market_order_slip_ratio;
  std::optional<PositionMarginMode> pos_margin_mode;
  std::optional<ActionMode> action_mode;
};

/// Futures order as Gate returns it. `id` is an exact int64 (Gate's JSON number). Only `id`
/// and `contract` are required (ACK-mode responses carry few fields).
struct FuturesOrder {
  std::int64_t id = 0;
  std::string contract;
  std::optional<std::int64_t> user;
  std::optional<core::Decimal> size;  ///< signed contracts
  std::optional<core::Decimal> price;
  std::optional<core::Decimal> left;  ///< signed contracts still open
  std::optional<core::Decimal> fill_price;
  std::optional<core::Decimal> iceberg;
  std::optional<core::Decimal> create_time;  ///< Unix s with fraction
  std::optional<core::Decimal> update_time;  ///< Unix s with fraction
  std::optional<core::Decimal> finish_time;  ///< Unix s; absent while open
  std::optional<std::string> status;         ///< "open", "finished"
  std::optional<std::string> finish_as;      ///< "filled", "cancelled", "liquidated", ...
  std::optional<std::string> tif;
  std::optional<std::string> text;
  std::optional<std::string> amend_text;
  std::optional<bool> is_reduce_only;
  std::optional<bool> is_close;
  std::optional<bool> is_liq;
  std::optional<bool> reduce_only;
  std::optional<bool> close;
  std::optional<core::Decimal> tkfr;  ///< taker fee rate
  std::optional<core::Decimal> mkfr;  ///< maker fee rate
  std::optional<std::int64_t> refu;
  std::optional<std::string> auto_size;
  std::optional<std::int64_t> stp_id;
  std::optional<std::string> stp_act;
  std::optional<std::int64_t> pid;
  std::optional<core::Decimal> market_order_slip_ratio;
  std::optional<std::string> pos_margin_mode;
  std::optional<bool> succeeded;       ///< batch responses only
  std::optional<std::string> label;    ///< batch responses only
  std::optional<std::string> message;  ///< batch responses only
};

/// GET /futures/{settle}/my_trades element: one own fill.
struct FuturesTrade {
  std::int64_t id = 0;
  std::string contract;
  std::string order_id;
  core::Decimal size;  ///< signed contracts
  core::Decimal price;
  std::optional<core::Decimal> create_time;  ///< Unix s with fraction
  std::optional<core::Decimal> close_size;
  std::optional<std::string> role;  ///< "maker", "taker"
  std::optional<std::string> text;
  std::optional<core::Decimal> fee;
  std::optional<core::Decimal> point_fee;
  std::optional<core::Decimal> trade_value;
};

/// GET /futures/{settle}/positions element (or one position).
struct Position {
  std::string contract;
  core::Decimal size;      ///< signed contracts, 0 when flat
  core::Decimal leverage;  ///< isolated leverage; 0 = cross (see cross_leverage_limit)
  core::Decimal margin;
  core::Decimal entry_price;
  core::Decimal mark_price;
  core::Decimal unrealised_pnl;
  std::optional<std::int64_t> user;
  std::optional<std::string> mode;  ///< "single", "dual_long", "dual_short"
  std::optional<core::Decimal> realised_pnl;
  std::optional<core::Decimal> risk_limit;
  std::optional<core::Decimal> leverage_max;
  std::optional<core::Decimal> cross_leverage_limit;
  std::optional<core::Decimal> lever;
  std::optional<core::Decimal> maintenance_rate;
  std::optional<core::Decimal> average_maintenance_rate;
  std::optional<core::Decimal> value;
  std::optional<core::Decimal> liq_price;
  std::optional<core::Decimal> initial_margin;
  std::optional<core::Decimal> maintenance_margin;
  std::optional<core::Decimal> pnl_pnl;
  std::optional<core::Decimal> pnl_fund;
  std::optional<core::Decimal> pnl_fee;
  std::optional<core::Decimal> history_pnl;
  std::optional<core::Decimal> last_close_pnl;
  std::optional<core::Decimal> realised_point;
  std::optional<core::Decimal> history_point;
  std::optional<std::int64_t> adl_ranking;
  std::optional<std::int64_t> pending_orders;
  std::optional<std::int64_t> update_time;  ///< Unix s
  std::optional<std::int64_t> update_id;    ///< +1 per position update
  std::optional<std::int64_t> open_time;    ///< Unix s
  std::optional<std::string> pos_margin_mode;
  std::optional<std::string> risk_limit_table;
};

/// POST /futures/{settle}/batch_cancel_orders element.
struct FuturesCancelResult {
  std::string id;  ///< order id (Gate sends a string or a number)
  bool succeeded = false;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> message;  ///< set when succeeded is false
};

/// POST /futures/{settle}/countdown_cancel_all body (§11). `timeout` 0 switches it off.
struct FuturesCountdownCancelRequest {
  std::chrono::seconds timeout{0};
  std::optional<std::string> contract;  ///< all contracts when absent
};

// ---------------------------------------------------------------------------------------------
// Dead man's switch (§11)

// ---------------------------------------------------------------------------------------------
// Wallet: transfers between the user's own accounts and withdrawals

/// POST /wallet/transfers body. `from` / `to`: "spot", "futures", "margin", "delivery", ...
struct WalletTransferRequest {
  std::string currency;
  std::string from;
  std::string to;
  core::Decimal amount;
  std::optional<std::string> settle;         ///< futures settle currency ("usdt")
  std::optional<std::string> currency_pair;  ///< margin transfers only
};

/// POST /wallet/transfers response.
struct WalletTransfer {
  std::int64_t tx_id = 0;
};

/// POST /withdrawals body.
struct WithdrawalRequest {
  std::string currency;
  core::Decimal amount;
  std::string address;
  std::string chain;
  std::optional<std::string> memo;
  std::optional<std::string> withdraw_order_id;
};

/// POST /withdrawals response (SDK model LedgerRecord).
struct Withdrawal {
  std::string id;
  std::string currency;
  core::Decimal amount;
  std::optional<std::string> status;
  std::optional<std::string> chain;
  std::optional<std::string> withdraw_order_id;
};

/// Response of both countdown_cancel_all endpoints: `{"triggerTime": "<ms epoch>"}` — when the
/// exchange will cancel unless refreshed (0 once switched off).
struct CountdownCancelResult {
  std::int64_t trigger_time_ms = 0;
};

}  // namespace tradelink::gateio
