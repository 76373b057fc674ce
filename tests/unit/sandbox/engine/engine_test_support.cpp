#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {

Catalogue test_catalogue() {
  Catalogue catalogue;
  PairSpec btc;
  btc.id = "BTC_USDT";
  btc.base = "BTC";
  btc.quote = "USDT";
  btc.amount_precision = 4;
  btc.precision = 1;
  btc.min_base_amount = dec("0.001");
  btc.min_quote_amount = dec("1");
  btc.max_quote_amount = dec("1000000");
  btc.maker_fee_rate = dec("0.001");
  btc.taker_fee_rate = dec("0.002");
  catalogue.pairs.push_back(btc);

  PairSpec eth = btc;
  eth.id = "ETH_USDT";
  eth.base = "ETH";
  eth.amount_precision = 3;
  eth.precision = 2;
  eth.min_base_amount = dec("0.01");
  catalogue.pairs.push_back(eth);

  ContractSpec perpetual;
  perpetual.name = "BTC_USDT";
  perpetual.quanto_multiplier = dec("0.001");
  perpetual.order_price_round = dec("0.1");
  perpetual.mark_price_round = dec("0.1");
  perpetual.order_size_min = dec("1");
  perpetual.order_size_max = dec("10000");
  perpetual.size_step = dec("1");
  perpetual.leverage_min = dec("1");
  perpetual.leverage_max = dec("100");
  perpetual.default_leverage = dec("10");
  perpetual.maintenance_rate = dec("0.005");
  perpetual.maker_fee_rate = dec("0.0002");
  perpetual.taker_fee_rate = dec("0.0005");
  perpetual.risk_limit_base = dec("1000000");
  perpetual.risk_limit_step = dec("1000000");
  perpetual.risk_limit_max = dec("5000000");
  perpetual.orders_limit = 50;
  catalogue.contracts.push_back(perpetual);

  ContractSpec decimal = perpetual;
  decimal.name = "ETH_USDT";
  decimal.quanto_multiplier = dec("0.01");
  decimal.order_price_round = dec("0.01");
  decimal.mark_price_round = dec("0.01");
  decimal.enable_decimal = true;
  decimal.size_step = dec("0.1");
  decimal.order_size_min = dec("0.1");
  catalogue.contracts.push_back(decimal);
  return catalogue;
}

void RecordingSink::on_spot_balance(SpotBalanceUpdate const& update) {
  kinds.emplace_back("spot.balance");
  spot_balances.push_back(update);
}
void RecordingSink::on_spot_order(OrderEvent event, SpotOrder const& order) {
  kinds.emplace_back(std::string("spot.order.") + std::string(to_string(event)));
  spot_orders.emplace_back(event, order);
}
void RecordingSink::on_spot_user_trade(SpotUserTrade const& trade) {
  kinds.emplace_back("spot.user_trade");
  spot_user_trades.push_back(trade);
}
void RecordingSink::on_spot_public_trade(SpotPublicTrade const& trade) {
  kinds.emplace_back("spot.public_trade");
  spot_public_trades.push_back(trade);
}
void RecordingSink::on_spot_book(BookDelta const& delta) {
  kinds.emplace_back("spot.book");
  spot_books.push_back({std::string(delta.market),
                        delta.first_update_id,
                        delta.last_update_id,
                        {delta.bids.begin(), delta.bids.end()},
                        {delta.asks.begin(), delta.asks.end()}});
}
void RecordingSink::on_futures_balance(FuturesBalanceUpdate const& update) {
  kinds.emplace_back("futures.balance");
  futures_balances.push_back(update);
}
void RecordingSink::on_futures_order(OrderEvent event, FuturesOrder const& order) {
  kinds.emplace_back(std::string("futures.order.") + std::string(to_string(event)));
  futures_orders.emplace_back(event, order);
}
void RecordingSink::on_futures_position(FuturesPosition const& position) {
  kinds.emplace_back("futures.position");
  futures_positions.push_back(position);
}
void RecordingSink::on_futures_user_trade(FuturesUserTrade const& trade) {
  kinds.emplace_back("futures.user_trade");
  futures_user_trades.push_back(trade);
}
void RecordingSink::on_futures_public_trade(FuturesPublicTrade const& trade) {
  kinds.emplace_back("futures.public_trade");
  futures_public_trades.push_back(trade);
}
void RecordingSink::on_futures_book(BookDelta const& delta) {
  kinds.emplace_back("futures.book");
  futures_books.push_back({std::string(delta.market),
                           delta.first_update_id,
                           delta.last_update_id,
                           {delta.bids.begin(), delta.bids.end()},
                           {delta.asks.begin(), delta.asks.end()}});
}

void RecordingSink::clear() {
  *this = RecordingSink{};
}

std::unique_ptr<Engine> make_engine(EventSink* sink, EngineConfig config) {
  return Engine::create(test_catalogue(), std::move(config), sink).value();
}

SpotOrderRequest limit(std::string_view pair, Side side, std::string_view amount,
                       std::string_view price, TimeInForce tif, std::string_view text) {
  SpotOrderRequest request;
  request.currency_pair = pair;
  request.side = side;
  request.type = SpotOrderType::limit;
  request.amount = dec(amount);
  request.price = dec(price);
  request.time_in_force = tif;
  request.text = text;
  return request;
}

SpotOrderRequest market(std::string_view pair, Side side, std::string_view amount,
                        TimeInForce tif) {
  SpotOrderRequest request;
  request.currency_pair = pair;
  request.side = side;
  request.type = SpotOrderType::market;
  request.amount = dec(amount);
  request.time_in_force = tif;
  return request;
}

FuturesOrderRequest futures_order(std::string_view contract, std::string_view size,
                                  std::string_view price, TimeInForce tif) {
  FuturesOrderRequest request;
  request.contract = contract;
  request.size = dec(size);
  request.price = dec(price);
  request.time_in_force = tif;
  return request;
}

Decimal available(Engine const& engine, UserId user, std::string_view currency) {
  return engine.spot_balance(user, currency).value().available;
}

Decimal locked(Engine const& engine, UserId user, std::string_view currency) {
  return engine.spot_balance(user, currency).value().locked;
}

}  // namespace tradelink::sandbox::testing
