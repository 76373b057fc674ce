#pragma once
// Gate.io API v4 REST response parsers (gateio-v4.md §3, §11): JSON bodies to the typed models
// of models.hpp. simdjson on-demand does the work behind a pimpl, so this header stays light.
//
// Every parser returns core::Result<Model>; failures have code `gateio.parse`, layer venue, and
// a message naming the model and the field path ("SpotAccount: field `[1].available` is
// missing") for: malformed JSON, a missing required field, a wrong JSON type, a decimal outside
// Decimal's range or precision, an integer outside int64, trailing content. Unknown fields are
// ignored; JSON null and absent optional fields give std::nullopt. No input makes a parser
// crash or read out of bounds.
//
// On-demand parsing validates what it reads and the document's overall structure (brackets,
// strings, commas between members); the inside of members a model ignores is skipped, not
// validated, so `{"junk": [1,,2], "server_time": 5}` parses.

#include <memory>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "venues/gateio/rest/models.hpp"

namespace tradelink::gateio {

/// A reusable parser: one simdjson on-demand parser plus a padded copy buffer, both kept between
/// calls so parsing allocates only for the result (and for growth of a larger-than-ever body).
/// Results own their data and stay valid after later calls. Not thread-safe: keep one per
/// connection or shard. Movable, not copyable.
class ResponseParser {
 public:
  ResponseParser();
  ~ResponseParser();
  ResponseParser(ResponseParser&&) noexcept;
  ResponseParser& operator=(ResponseParser&&) noexcept;
  ResponseParser(ResponseParser const&) = delete;
  ResponseParser& operator=(ResponseParser const&) = delete;

  /// Body of any non-2xx response (used by map_error_response()).
  [[nodiscard]] core::Result<ErrorBody> parse_error_body(std::string_view body);
  /// GET /spot/time.
  [[nodiscard]] core::Result<ServerTime> parse_server_time(std::string_view body);

  /// GET /account/detail.
  [[nodiscard]] core::Result<AccountDetail> parse_account_detail(std::string_view body);
  /// GET /account/main_keys: one AccountKeyInfo object (as documented) or an array of them.
  [[nodiscard]] core::Result<std::vector<AccountKeyInfo>> parse_account_key_infos(
      std::string_view body);

  /// GET /spot/accounts.
  [[nodiscard]] core::Result<std::vector<SpotAccount>> parse_spot_accounts(std::string_view body);
  /// GET /futures/{settle}/accounts.
  [[nodiscard]] core::Result<FuturesAccount> parse_futures_account(std::string_view body);
  /// GET /wallet/total_balance.
  [[nodiscard]] core::Result<TotalBalance> parse_total_balance(std::string_view body);
  /// POST /wallet/transfers.
  [[nodiscard]] core::Result<WalletTransfer> parse_wallet_transfer(std::string_view body);
  /// POST /withdrawals.
  [[nodiscard]] core::Result<Withdrawal> parse_withdrawal(std::string_view body);
  /// GET /unified/unified_mode.
  [[nodiscard]] core::Result<UnifiedMode> parse_unified_mode(std::string_view body);
  /// GET /unified/accounts.
  [[nodiscard]] core::Result<UnifiedAccount> parse_unified_account(std::string_view body);

  /// GET /spot/currencies/{currency}, and the GET /spot/currencies list.
  [[nodiscard]] core::Result<SpotCurrency> parse_spot_currency(std::string_view body);
  [[nodiscard]] core::Result<std::vector<SpotCurrency>> parse_spot_currencies(
      std::string_view body);
  /// GET /spot/currency_pairs/{currency_pair}, and the GET /spot/currency_pairs list.
  [[nodiscard]] core::Result<CurrencyPair> parse_currency_pair(std::string_view body);
  [[nodiscard]] core::Result<std::vector<CurrencyPair>> parse_currency_pairs(std::string_view body);
  /// GET /futures/{settle}/contracts/{contract}, and the GET /futures/{settle}/contracts list.
  [[nodiscard]] core::Result<FuturesContract> parse_futures_contract(std::string_view body);
  [[nodiscard]] core::Result<std::vector<FuturesContract>> parse_futures_contracts(
      std::string_view body);

  /// One spot order (create, get, amend, cancel one); lists (GET /spot/orders, cancel all).
  [[nodiscard]] core::Result<SpotOrder> parse_spot_order(std::string_view body);
  [[nodiscard]] core::Result<std::vector<SpotOrder>> parse_spot_orders(std::string_view body);
  /// GET /spot/my_trades.
  [[nodiscard]] core::Result<std::vector<SpotTrade>> parse_spot_trades(std::string_view body);
  /// GET /spot/open_orders.
  [[nodiscard]] core::Result<std::vector<OpenOrders>> parse_open_orders(std::string_view body);
  /// POST /spot/cancel_batch_orders.
  [[nodiscard]] core::Result<std::vector<SpotCancelResult>> parse_spot_cancel_results(
      std::string_view body);

  /// One futures order (create, get, amend, cancel one); lists (list, cancel all).
  [[nodiscard]] core::Result<FuturesOrder> parse_futures_order(std::string_view body);
  [[nodiscard]] core::Result<std::vector<FuturesOrder>> parse_futures_orders(std::string_view body);
  /// GET /futures/{settle}/my_trades.
  [[nodiscard]] core::Result<std::vector<FuturesTrade>> parse_futures_trades(std::string_view body);
  /// GET /futures/{settle}/positions/{contract}, and the GET /futures/{settle}/positions list.
  [[nodiscard]] core::Result<Position> parse_position(std::string_view body);
  [[nodiscard]] core::Result<std::vector<Position>> parse_positions(std::string_view body);
  /// POST /futures/{settle}/batch_cancel_orders.
  [[nodiscard]] core::Result<std::vector<FuturesCancelResult>> parse_futures_cancel_results(
      std::string_view body);

  /// POST /spot/countdown_cancel_all and POST /futures/{settle}/countdown_cancel_all.
  [[nodiscard]] core::Result<CountdownCancelResult> parse_countdown_cancel_result(
      std::string_view body);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One-off forms for cold paths (clock sync, key verification): each builds a ResponseParser for
// the call. Code that parses repeatedly keeps a ResponseParser instead.

[[nodiscard]] core::Result<ErrorBody> parse_error_body(std::string_view body);
[[nodiscard]] core::Result<ServerTime> parse_server_time(std::string_view body);
[[nodiscard]] core::Result<AccountDetail> parse_account_detail(std::string_view body);
[[nodiscard]] core::Result<std::vector<AccountKeyInfo>> parse_account_key_infos(
    std::string_view body);
[[nodiscard]] core::Result<std::vector<SpotAccount>> parse_spot_accounts(std::string_view body);
[[nodiscard]] core::Result<FuturesAccount> parse_futures_account(std::string_view body);
[[nodiscard]] core::Result<TotalBalance> parse_total_balance(std::string_view body);
[[nodiscard]] core::Result<UnifiedMode> parse_unified_mode(std::string_view body);
[[nodiscard]] core::Result<UnifiedAccount> parse_unified_account(std::string_view body);
[[nodiscard]] core::Result<SpotCurrency> parse_spot_currency(std::string_view body);
[[nodiscard]] core::Result<std::vector<SpotCurrency>> parse_spot_currencies(std::string_view body);
[[nodiscard]] core::Result<CurrencyPair> parse_currency_pair(std::string_view body);
[[nodiscard]] core::Result<std::vector<CurrencyPair>> parse_currency_pairs(std::string_view body);
[[nodiscard]] core::Result<FuturesContract> parse_futures_contract(std::string_view body);
[[nodiscard]] core::Result<std::vector<FuturesContract>> parse_futures_contracts(
    std::string_view body);
[[nodiscard]] core::Result<SpotOrder> parse_spot_order(std::string_view body);
[[nodiscard]] core::Result<std::vector<SpotOrder>> parse_spot_orders(std::string_view body);
[[nodiscard]] core::Result<std::vector<SpotTrade>> parse_spot_trades(std::string_view body);
[[nodiscard]] core::Result<std::vector<OpenOrders>> parse_open_orders(std::string_view body);
[[nodiscard]] core::Result<std::vector<SpotCancelResult>> parse_spot_cancel_results(
    std::string_view body);
[[nodiscard]] core::Result<FuturesOrder> parse_futures_order(std::string_view body);
[[nodiscard]] core::Result<std::vector<FuturesOrder>> parse_futures_orders(std::string_view body);
[[nodiscard]] core::Result<std::vector<FuturesTrade>> parse_futures_trades(std::string_view body);
[[nodiscard]] core::Result<Position> parse_position(std::string_view body);
[[nodiscard]] core::Result<std::vector<Position>> parse_positions(std::string_view body);
[[nodiscard]] core::Result<std::vector<FuturesCancelResult>> parse_futures_cancel_results(
    std::string_view body);
[[nodiscard]] core::Result<CountdownCancelResult> parse_countdown_cancel_result(
    std::string_view body);

}  // namespace tradelink::gateio
