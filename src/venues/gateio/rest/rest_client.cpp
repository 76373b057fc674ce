// Gate.io API v4 docs: Spot, Futures, Account, Wallet and Unified API sections (gateio-v4.md
// §3 and §11 for the endpoints used here).
#include "venues/gateio/rest/rest_client.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "venues/gateio/rest/order_endpoints.hpp"
#include "venues/gateio/rest/parsers.hpp"
#include "venues/gateio/rest/request_bodies.hpp"

namespace tradelink::gateio {
namespace {

GateError invalid_input(core::Error const& error) {
  GateError gate_error;
  gate_error.category = ErrorCategory::invalid_parameter;
  gate_error.label = "INVALID_PARAM_VALUE";
  gate_error.message = error.message;
  return gate_error;
}

// Collects query parameters (integers rendered here) and builds the signed-and-sent string.
class Query {
 public:
  Query& add(std::string_view name, std::string_view value) {
    params_.push_back({std::string(name), std::string(value)});
    return *this;
  }
  Query& add(std::string_view name, std::uint32_t value) { return add(name, std::to_string(value)); }
  [[nodiscard]] core::Result<std::string> build() const {
    std::vector<QueryParam> views;
    views.reserve(params_.size());
    for (auto const& [name, value] : params_) views.push_back({name, value});
    return build_query(views);
  }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

// An id or symbol placed in a URL path: refuse anything that could change the path.
core::Result<std::string> path_segment(std::string_view value) {
  bool const safe = !value.empty() && value.size() <= 64 &&
                    std::all_of(value.begin(), value.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ||
                             c == '-' || c == '.';
                    });
  if (!safe) {
    return core::validation_error("gateio.path", "'" + std::string(value.substr(0, 64)) +
                                                     "' is not a valid id or symbol");
  }
  return std::string(value);
}

std::string_view to_string(OrderStatus status) noexcept {
  return status == OrderStatus::open ? "open" : "finished";
}

Endpoint public_get(std::string path, std::string query = {}) {
  Endpoint endpoint;
  endpoint.limit_key = path;
  endpoint.path = std::move(path);
  endpoint.query = std::move(query);
  return endpoint;
}

Endpoint signed_call(net::Method method, std::string path, EndpointGroup group,
                     std::string query = {}, std::string body = {}) {
  Endpoint endpoint;
  endpoint.method = method;
  endpoint.limit_key = path;
  endpoint.path = std::move(path);
  endpoint.query = std::move(query);
  endpoint.body = std::move(body);
  endpoint.auth = Auth::signed_call;
  endpoint.group = group;
  return endpoint;
}

}  // namespace

struct RestClient::Parsers {
  ResponseParser parser;
};

core::Result<std::unique_ptr<RestClient>> RestClient::create(boost::asio::io_context& io,
                                                             TransportOptions options,
                                                             std::optional<Credential> credential) {
  auto transport = RestTransport::create(io, std::move(options), std::move(credential));
  if (!transport) return transport.error();
  return std::unique_ptr<RestClient>(new RestClient(std::move(*transport)));
}

RestClient::RestClient(std::unique_ptr<RestTransport> transport)
    : transport_(std::move(transport)), parsers_(std::make_unique<Parsers>()) {}

RestClient::~RestClient() = default;

template <class T, class Parse>
void RestClient::call(Endpoint endpoint, Parse parse, Handler<T> handler) {
  // The transport drops pending calls when it is destroyed, so `parsers_` (destroyed with it)
  // is never used after the client is gone.
  transport_->execute(std::move(endpoint), [parsers = parsers_.get(), parse,
                                            handler = std::move(handler)](
                                               GateResult<net::HttpResponse> response) {
    if (!response) return handler(response.error());
    auto parsed = (parsers->parser.*parse)(response->body);
    if (!parsed) return handler(from_parse(parsed.error()));
    handler(std::move(*parsed));
  });
}

template <class T>
void RestClient::fail(Handler<T> handler, GateError error) {
  boost::asio::post(transport_->io(), [handler = std::move(handler), error = std::move(error)]() mutable {
    handler(std::move(error));
  });
}

// --- public market data -------------------------------------------------------------------

void RestClient::server_time(Handler<ServerTime> handler) {
  call<ServerTime>(public_get("/spot/time"), &ResponseParser::parse_server_time, std::move(handler));
}

void RestClient::spot_currencies(Handler<std::vector<SpotCurrency>> handler) {
  call<std::vector<SpotCurrency>>(public_get("/spot/currencies"),
                                  &ResponseParser::parse_spot_currencies, std::move(handler));
}

void RestClient::spot_currency_pairs(Handler<std::vector<CurrencyPair>> handler) {
  call<std::vector<CurrencyPair>>(public_get("/spot/currency_pairs"),
                                  &ResponseParser::parse_currency_pairs, std::move(handler));
}

void RestClient::spot_currency_pair(std::string_view pair, Handler<CurrencyPair> handler) {
  auto segment = path_segment(pair);
  if (!segment) return fail(std::move(handler), invalid_input(segment.error()));
  Endpoint endpoint = public_get("/spot/currency_pairs/" + *segment);
  endpoint.limit_key = "/spot/currency_pairs/{pair}";
  call<CurrencyPair>(std::move(endpoint), &ResponseParser::parse_currency_pair, std::move(handler));
}

void RestClient::futures_contracts(Page page, Handler<std::vector<FuturesContract>> handler) {
  Query query;
  query.add("limit", page.limit).add("offset", (page.number - 1) * page.limit);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<std::vector<FuturesContract>>(public_get("/futures/usdt/contracts", std::move(*query_text)),
                                     &ResponseParser::parse_futures_contracts, std::move(handler));
}

void RestClient::futures_contract(std::string_view contract, Handler<FuturesContract> handler) {
  auto segment = path_segment(contract);
  if (!segment) return fail(std::move(handler), invalid_input(segment.error()));
  Endpoint endpoint = public_get("/futures/usdt/contracts/" + *segment);
  endpoint.limit_key = "/futures/usdt/contracts/{contract}";
  call<FuturesContract>(std::move(endpoint), &ResponseParser::parse_futures_contract,
                        std::move(handler));
}

// --- account, key and balances ------------------------------------------------------------

void RestClient::account_detail(Handler<AccountDetail> handler) {
  call<AccountDetail>(signed_call(net::Method::get, "/account/detail", EndpointGroup::other_private),
                      &ResponseParser::parse_account_detail, std::move(handler));
}

void RestClient::account_main_keys(Handler<std::vector<AccountKeyInfo>> handler) {
  call<std::vector<AccountKeyInfo>>(
      signed_call(net::Method::get, "/account/main_keys", EndpointGroup::other_private),
      &ResponseParser::parse_account_key_infos, std::move(handler));
}

void RestClient::spot_accounts(std::optional<std::string_view> currency,
                               Handler<std::vector<SpotAccount>> handler) {
  Query query;
  if (currency) query.add("currency", *currency);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<std::vector<SpotAccount>>(
      signed_call(net::Method::get, "/spot/accounts", EndpointGroup::spot_other, std::move(*query_text)),
      &ResponseParser::parse_spot_accounts, std::move(handler));
}

void RestClient::futures_accounts(Handler<FuturesAccount> handler) {
  call<FuturesAccount>(
      signed_call(net::Method::get, "/futures/usdt/accounts", EndpointGroup::futures_other),
      &ResponseParser::parse_futures_account, std::move(handler));
}

void RestClient::wallet_total_balance(std::string_view currency, Handler<TotalBalance> handler) {
  Query query;
  query.add("currency", currency);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<TotalBalance>(signed_call(net::Method::get, "/wallet/total_balance",
                                 EndpointGroup::wallet_balance, std::move(*query_text)),
                     &ResponseParser::parse_total_balance, std::move(handler));
}

void RestClient::unified_mode(Handler<UnifiedMode> handler) {
  call<UnifiedMode>(
      signed_call(net::Method::get, "/unified/unified_mode", EndpointGroup::other_private),
      &ResponseParser::parse_unified_mode, std::move(handler));
}

void RestClient::wallet_transfer(WalletTransferRequest const& request,
                                 Handler<WalletTransfer> handler) {
  auto body = serialize_wallet_transfer(request);
  if (!body) return fail(std::move(handler), invalid_input(body.error()));
  Endpoint endpoint = signed_call(net::Method::post, "/wallet/transfers",
                                  EndpointGroup::wallet_balance, {}, std::move(*body));
  endpoint.replay = Replay::unsafe;
  call<WalletTransfer>(std::move(endpoint), &ResponseParser::parse_wallet_transfer,
                       std::move(handler));
}

void RestClient::withdraw(WithdrawalRequest const& request, Handler<Withdrawal> handler) {
  auto body = serialize_withdrawal(request);
  if (!body) return fail(std::move(handler), invalid_input(body.error()));
  Endpoint endpoint = signed_call(net::Method::post, "/withdrawals", EndpointGroup::wallet_other,
                                  {}, std::move(*body));
  endpoint.replay = Replay::unsafe;
  call<Withdrawal>(std::move(endpoint), &ResponseParser::parse_withdrawal, std::move(handler));
}

void RestClient::unified_accounts(Handler<UnifiedAccount> handler) {
  call<UnifiedAccount>(
      signed_call(net::Method::get, "/unified/accounts", EndpointGroup::other_private),
      &ResponseParser::parse_unified_account, std::move(handler));
}

// --- spot trading -------------------------------------------------------------------------

void RestClient::create_spot_order(SpotOrderRequest const& order, Handler<SpotOrder> handler) {
  Endpoint endpoint = transport_->recycled_endpoint();
  if (auto filled = order_endpoint(order, endpoint); !filled) {
    return fail(std::move(handler), invalid_input(filled.error()));
  }
  call<SpotOrder>(std::move(endpoint), &ResponseParser::parse_spot_order, std::move(handler));
}

void RestClient::spot_order(std::string_view order_id, std::string_view pair,
                            Handler<SpotOrder> handler) {
  auto segment = path_segment(order_id);
  Query query;
  query.add("currency_pair", pair);
  if (!segment) return fail(std::move(handler), invalid_input(segment.error()));
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  Endpoint endpoint = signed_call(net::Method::get, "/spot/orders/" + *segment,
                                  EndpointGroup::spot_other, std::move(*query_text));
  endpoint.limit_key = "/spot/orders/{order_id}";
  call<SpotOrder>(std::move(endpoint), &ResponseParser::parse_spot_order, std::move(handler));
}

void RestClient::cancel_spot_order(std::string_view order_id, std::string_view pair,
                                   Handler<SpotOrder> handler) {
  auto segment = path_segment(order_id);
  Query query;
  query.add("currency_pair", pair);
  if (!segment) return fail(std::move(handler), invalid_input(segment.error()));
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  Endpoint endpoint = signed_call(net::Method::delete_, "/spot/orders/" + *segment,
                                  EndpointGroup::spot_cancel, std::move(*query_text));
  endpoint.limit_key.clear();  // one cancel bucket per account
  call<SpotOrder>(std::move(endpoint), &ResponseParser::parse_spot_order, std::move(handler));
}

void RestClient::spot_orders(std::string_view pair, OrderStatus status, Page page,
                             Handler<std::vector<SpotOrder>> handler) {
  Query query;
  query.add("currency_pair", pair).add("status", to_string(status)).add("page", page.number).add("limit", page.limit);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<std::vector<SpotOrder>>(
      signed_call(net::Method::get, "/spot/orders", EndpointGroup::spot_other, std::move(*query_text)),
      &ResponseParser::parse_spot_orders, std::move(handler));
}

void RestClient::spot_open_orders(Page page, Handler<std::vector<OpenOrders>> handler) {
  Query query;
  query.add("page", page.number).add("limit", page.limit);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<std::vector<OpenOrders>>(
      signed_call(net::Method::get, "/spot/open_orders", EndpointGroup::spot_other, std::move(*query_text)),
      &ResponseParser::parse_open_orders, std::move(handler));
}

void RestClient::spot_my_trades(std::string_view pair, std::optional<std::string_view> order_id,
                                Page page, Handler<std::vector<SpotTrade>> handler) {
  Query query;
  query.add("currency_pair", pair);
  if (order_id) query.add("order_id", *order_id);
  query.add("page", page.number).add("limit", page.limit);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<std::vector<SpotTrade>>(
      signed_call(net::Method::get, "/spot/my_trades", EndpointGroup::spot_other, std::move(*query_text)),
      &ResponseParser::parse_spot_trades, std::move(handler));
}

void RestClient::spot_countdown_cancel_all(SpotCountdownCancelRequest const& request,
                                           Handler<CountdownCancelResult> handler) {
  auto body = serialize_countdown_cancel(request);
  if (!body) return fail(std::move(handler), invalid_input(body.error()));
  call<CountdownCancelResult>(signed_call(net::Method::post, "/spot/countdown_cancel_all",
                                          EndpointGroup::spot_other, {}, std::move(*body)),
                              &ResponseParser::parse_countdown_cancel_result, std::move(handler));
}

// --- USDT perpetual futures -----------------------------------------------------------------

void RestClient::create_futures_order(FuturesOrderRequest const& order,
                                      Handler<FuturesOrder> handler) {
  Endpoint endpoint = transport_->recycled_endpoint();
  if (auto filled = order_endpoint(order, endpoint); !filled) {
    return fail(std::move(handler), invalid_input(filled.error()));
  }
  call<FuturesOrder>(std::move(endpoint), &ResponseParser::parse_futures_order,
                     std::move(handler));
}

void RestClient::futures_order(std::string_view order_id, Handler<FuturesOrder> handler) {
  auto segment = path_segment(order_id);
  if (!segment) return fail(std::move(handler), invalid_input(segment.error()));
  Endpoint endpoint = signed_call(net::Method::get, "/futures/usdt/orders/" + *segment,
                                  EndpointGroup::futures_other);
  endpoint.limit_key = "/futures/usdt/orders/{order_id}";
  call<FuturesOrder>(std::move(endpoint), &ResponseParser::parse_futures_order, std::move(handler));
}

void RestClient::cancel_futures_order(std::string_view order_id, Handler<FuturesOrder> handler) {
  auto segment = path_segment(order_id);
  if (!segment) return fail(std::move(handler), invalid_input(segment.error()));
  Endpoint endpoint = signed_call(net::Method::delete_, "/futures/usdt/orders/" + *segment,
                                  EndpointGroup::futures_cancel);
  endpoint.limit_key.clear();
  call<FuturesOrder>(std::move(endpoint), &ResponseParser::parse_futures_order, std::move(handler));
}

void RestClient::futures_orders(OrderStatus status, std::optional<std::string_view> contract,
                                Page page, Handler<std::vector<FuturesOrder>> handler) {
  Query query;
  query.add("status", to_string(status));
  if (contract) query.add("contract", *contract);
  query.add("limit", page.limit).add("offset", (page.number - 1) * page.limit);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<std::vector<FuturesOrder>>(
      signed_call(net::Method::get, "/futures/usdt/orders", EndpointGroup::futures_other, std::move(*query_text)),
      &ResponseParser::parse_futures_orders, std::move(handler));
}

void RestClient::futures_positions(Handler<std::vector<Position>> handler) {
  call<std::vector<Position>>(
      signed_call(net::Method::get, "/futures/usdt/positions", EndpointGroup::futures_other),
      &ResponseParser::parse_positions, std::move(handler));
}

void RestClient::futures_my_trades(std::optional<std::string_view> contract, Page page,
                                   Handler<std::vector<FuturesTrade>> handler) {
  Query query;
  if (contract) query.add("contract", *contract);
  query.add("limit", page.limit).add("offset", (page.number - 1) * page.limit);
  auto query_text = query.build();
  if (!query_text) return fail(std::move(handler), invalid_input(query_text.error()));
  call<std::vector<FuturesTrade>>(signed_call(net::Method::get, "/futures/usdt/my_trades",
                                              EndpointGroup::futures_other, std::move(*query_text)),
                                  &ResponseParser::parse_futures_trades, std::move(handler));
}

void RestClient::futures_countdown_cancel_all(FuturesCountdownCancelRequest const& request,
                                              Handler<CountdownCancelResult> handler) {
  auto body = serialize_countdown_cancel(request);
  if (!body) return fail(std::move(handler), invalid_input(body.error()));
  call<CountdownCancelResult>(signed_call(net::Method::post, "/futures/usdt/countdown_cancel_all",
                                          EndpointGroup::futures_other, {}, std::move(*body)),
                              &ResponseParser::parse_countdown_cancel_result, std::move(handler));
}

}  // namespace tradelink::gateio
