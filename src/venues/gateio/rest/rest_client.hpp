#pragma once
// Typed Gate.io API v4 REST client (gateio-v4.md §3, §11), named after the endpoints it calls.
// Asynchronous: every call takes a handler invoked once on the io_context thread with the
// parsed model or a GateError. USDT-settled futures only (settle "usdt"). Not thread-safe:
// make the calls on the io_context's thread (or before any thread runs it).

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "venues/gateio/rest/errors.hpp"
#include "venues/gateio/rest/models.hpp"
#include "venues/gateio/rest/transport.hpp"

namespace tradelink::gateio {

/// Order list filter of GET /spot/orders and GET /futures/usdt/orders.
enum class OrderStatus { open, finished };

/// Paging of list endpoints: Gate's `page` (1-based, spot) or `offset` (futures) and `limit`.
struct Page {
  std::uint32_t number = 1;
  std::uint32_t limit = 100;
};

class RestClient {
 public:
  template <class T>
  using Handler = std::function<void(GateResult<T>)>;

  /// See RestTransport::create.
  static core::Result<std::unique_ptr<RestClient>> create(boost::asio::io_context& io,
                                                          TransportOptions options,
                                                          std::optional<Credential> credential);
  ~RestClient();
  RestClient(RestClient const&) = delete;
  RestClient& operator=(RestClient const&) = delete;

  // --- public market data ---------------------------------------------------------------
  void server_time(Handler<ServerTime> handler);
  void spot_currencies(Handler<std::vector<SpotCurrency>> handler);
  void spot_currency_pairs(Handler<std::vector<CurrencyPair>> handler);
  void spot_currency_pair(std::string_view pair, Handler<CurrencyPair> handler);
  void futures_contracts(Page page, Handler<std::vector<FuturesContract>> handler);
  void futures_contract(std::string_view contract, Handler<FuturesContract> handler);

  // --- account, key and balances (signed) ------------------------------------------------
  void account_detail(Handler<AccountDetail> handler);
  void account_main_keys(Handler<std::vector<AccountKeyInfo>> handler);
  /// All currencies, or one when `currency` is given.
  void spot_accounts(std::optional<std::string_view> currency,
                     Handler<std::vector<SpotAccount>> handler);
  void futures_accounts(Handler<FuturesAccount> handler);
  /// Total in `currency` (USDT, BTC, USD or CNY).
  void wallet_total_balance(std::string_view currency, Handler<TotalBalance> handler);
  void unified_mode(Handler<UnifiedMode> handler);
  /// Moves funds between the user's own accounts (spot, futures, ...).
  void wallet_transfer(WalletTransferRequest const& request, Handler<WalletTransfer> handler);
  /// Sends funds off the exchange. Never retried after an ambiguous failure.
  void withdraw(WithdrawalRequest const& request, Handler<Withdrawal> handler);
  void unified_accounts(Handler<UnifiedAccount> handler);

  // --- spot trading (signed) ---------------------------------------------------------------
  /// Never retried after an ambiguous failure (timeout, 5xx): the caller reconciles by `text`.
  void create_spot_order(SpotOrderRequest const& order, Handler<SpotOrder> handler);
  /// `order_id` is Gate's id or the client `text` (while the order is open).
  void spot_order(std::string_view order_id, std::string_view pair, Handler<SpotOrder> handler);
  void cancel_spot_order(std::string_view order_id, std::string_view pair,
                         Handler<SpotOrder> handler);
  void spot_orders(std::string_view pair, OrderStatus status, Page page,
                   Handler<std::vector<SpotOrder>> handler);
  void spot_open_orders(Page page, Handler<std::vector<OpenOrders>> handler);
  void spot_my_trades(std::string_view pair, std::optional<std::string_view> order_id, Page page,
                      Handler<std::vector<SpotTrade>> handler);
  /// Dead man's switch: cancels spot orders unless refreshed within `request.timeout`.
  void spot_countdown_cancel_all(SpotCountdownCancelRequest const& request,
                                 Handler<CountdownCancelResult> handler);

  // --- USDT perpetual futures (signed) -----------------------------------------------------
  void create_futures_order(FuturesOrderRequest const& order, Handler<FuturesOrder> handler);
  void futures_order(std::string_view order_id, Handler<FuturesOrder> handler);
  void cancel_futures_order(std::string_view order_id, Handler<FuturesOrder> handler);
  void futures_orders(OrderStatus status, std::optional<std::string_view> contract, Page page,
                      Handler<std::vector<FuturesOrder>> handler);
  void futures_positions(Handler<std::vector<Position>> handler);
  void futures_my_trades(std::optional<std::string_view> contract, Page page,
                         Handler<std::vector<FuturesTrade>> handler);
  void futures_countdown_cancel_all(FuturesCountdownCancelRequest const& request,
                                    Handler<CountdownCancelResult> handler);

  [[nodiscard]] RestTransport& transport() noexcept { return *transport_; }

 private:
  struct Parsers;
  RestClient(std::unique_ptr<RestTransport> transport);

  template <class T, class Parse>
  void call(Endpoint endpoint, Parse parse, Handler<T> handler);
  /// Reports an input error through the handler, asynchronously like every other outcome.
  template <class T>
  void fail(Handler<T> handler, GateError error);

  std::unique_ptr<RestTransport> transport_;
  std::unique_ptr<Parsers> parsers_;
};

}  // namespace tradelink::gateio
