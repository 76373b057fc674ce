// The sandbox's USDT-perpetual REST endpoints over loopback: tradelink's own Gate client for the
// calls it covers (proving the shapes parse in a strict client), raw signed HTTP + Boost.JSON
// for exact field types and the rest.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <memory>
#include <string>

#include "core/decimal.hpp"
#include "unit/sandbox/service/raw_gate_http.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::operator""_dec;
namespace json = boost::json;

class RestFuturesTest : public RawGateTest {
 protected:
  void fund_futures(std::int64_t user, std::string const& amount) {
    server_->venue().with([&](VenueState& state) {
      auto done = state.engine.deposit(user, Account::futures, "USDT",
                                       core::Decimal::parse(amount).value(), state.clock.now_ms());
      EXPECT_TRUE(done.has_value()) << done.error().message;
    });
  }

  void set_mark(std::string const& contract, std::string const& price) {
    server_->venue().with([&](VenueState& state) {
      auto done = state.engine.set_mark_price(contract, core::Decimal::parse(price).value(),
                                              state.clock.now_ms());
      EXPECT_TRUE(done.has_value()) << done.error().message;
    });
  }

  /// A funded user with a full key.
  TestKey trader(std::string const& funds = "1000") {
    TestKey key = make_user_key();
    fund_futures(key.user_id, funds);
    return key;
  }

  gateio::GateResult<gateio::FuturesOrder> place(TestKey const& key,
                                                 gateio::FuturesOrderRequest order) {
    auto rest = client(&key);
    return run<gateio::FuturesOrder>([&](auto done) { rest->create_futures_order(order, done); });
  }

  static gateio::FuturesOrderRequest limit_order(std::string contract, std::string size,
                                                 std::string price) {
    gateio::FuturesOrderRequest order;
    order.contract = std::move(contract);
    order.size = core::Decimal::parse(size).value();
    order.price = core::Decimal::parse(price).value();
    return order;
  }

  json::object position(TestKey const& key, std::string const& contract) {
    RawResponse const response = raw_->call(key, "GET", "/futures/usdt/positions/" + contract);
    EXPECT_EQ(response.status, 200U) << response.body;
    return response.json.is_object() ? response.json.as_object() : json::object{};
  }
};

std::string text(json::value const& value) {
  return value.is_string() ? std::string(value.as_string()) : json::serialize(value);
}

TEST_F(RestFuturesTest, ContractsParseInOurClientWithCatalogueFigures) {
  auto rest = client(nullptr);
  auto contracts = run<std::vector<gateio::FuturesContract>>([&](auto done) {
    rest->futures_contracts(gateio::Page{1, 100}, done);
  });
  ASSERT_TRUE(contracts.has_value()) << contracts.error().message;
  ASSERT_EQ(contracts->size(), 3U);
  gateio::FuturesContract const& btc = contracts->front();
  EXPECT_EQ(btc.name, "BTC_USDT");
  EXPECT_EQ(btc.quanto_multiplier, "0.0001"_dec);
  EXPECT_EQ(btc.order_price_round, "0.1"_dec);
  EXPECT_EQ(btc.order_size_min, "1"_dec);
  EXPECT_EQ(btc.leverage_max, "125"_dec);
  EXPECT_EQ(btc.enable_decimal, false);
  EXPECT_EQ(btc.type, "direct");

  auto eth =
      run<gateio::FuturesContract>([&](auto done) { rest->futures_contract("ETH_USDT", done); });
  ASSERT_TRUE(eth.has_value()) << eth.error().message;
  EXPECT_EQ(eth->quanto_multiplier, "0.01"_dec);

  auto unknown =
      run<gateio::FuturesContract>([&](auto done) { rest->futures_contract("XYZ_USDT", done); });
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().label, "CONTRACT_NOT_FOUND");
}

TEST_F(RestFuturesTest, SizesAreStringsOnlyWhenTheRequestAsksForDecimalSizes) {
  RawResponse const decimal = raw_->get("/futures/usdt/contracts/BTC_USDT", {}, Sizes::decimal);
  ASSERT_EQ(decimal.status, 200U) << decimal.body;
  EXPECT_EQ(decimal.json.at("order_size_min"), json::value("1"));
  EXPECT_EQ(decimal.json.at("quanto_multiplier"), json::value("0.0001"));

  RawResponse const integer = raw_->get("/futures/usdt/contracts/BTC_USDT", {}, Sizes::integer);
  ASSERT_EQ(integer.status, 200U) << integer.body;
  EXPECT_EQ(integer.json.at("order_size_min"), json::value(1));
  EXPECT_EQ(integer.json.at("order_size_max"), json::value(1000000));
}

// "btc" is a settle currency Gate has: its listings answer empty (RestMarketTest).
TEST_F(RestFuturesTest, OtherSettleCurrenciesAreRefusedAsGateDoes) {
  RawResponse const response = raw_->get("/futures/eth/contracts");
  EXPECT_EQ(response.status, 400U);
  EXPECT_EQ(response.json.at("label"), json::value("INVALID_PARAM_VALUE"));
}

TEST_F(RestFuturesTest, AccountIsUserNotFoundUntilFundedThenParses) {
  TestKey const key = make_user_key();
  auto rest = client(&key);
  auto missing = run<gateio::FuturesAccount>([&](auto done) { rest->futures_accounts(done); });
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().label, "USER_NOT_FOUND");
  EXPECT_EQ(missing.error().http_status, 400U);

  fund_futures(key.user_id, "1000");
  auto account = run<gateio::FuturesAccount>([&](auto done) { rest->futures_accounts(done); });
  ASSERT_TRUE(account.has_value()) << account.error().message;
  EXPECT_EQ(account->currency, "USDT");
  EXPECT_EQ(account->total, "1000"_dec);
  EXPECT_EQ(account->available, "1000"_dec);
  EXPECT_EQ(account->position_mode, "single");
  ASSERT_TRUE(account->history.has_value());
  EXPECT_EQ(account->history->dnw, "1000"_dec);
  EXPECT_EQ(account->user, key.user_id);
}

TEST_F(RestFuturesTest, ReadOnlyFuturesKeyReadsButCannotTrade) {
  TestKey const key = make_user_key({{"futures", true}});
  fund_futures(key.user_id, "1000");
  auto rest = client(&key);
  auto account = run<gateio::FuturesAccount>([&](auto done) { rest->futures_accounts(done); });
  EXPECT_TRUE(account.has_value());
  auto placed = place(key, limit_order("BTC_USDT", "1", "60000"));
  ASSERT_FALSE(placed.has_value());
  EXPECT_EQ(placed.error().label, "READ_ONLY");
}

TEST_F(RestFuturesTest, KeyWithoutFuturesIsForbidden) {
  TestKey const key = make_user_key({{"spot", false}});
  fund_futures(key.user_id, "1000");
  auto rest = client(&key);
  auto account = run<gateio::FuturesAccount>([&](auto done) { rest->futures_accounts(done); });
  ASSERT_FALSE(account.has_value());
  EXPECT_EQ(account.error().label, "FORBIDDEN");
}

TEST_F(RestFuturesTest, PairLimitedKeyCannotTradeOtherContracts) {
  TestKey const key = server_->venue().with([&](VenueState& state) {
    User const& user = state.users.create("limited", state.clock.now_ms());
    KeySpec spec;
    spec.user_id = user.id;
    spec.name = "eth only";
    spec.perms = {{"futures", false}};
    spec.currency_pairs = {"ETH_USDT"};
    auto created = state.keys.create(std::move(spec), state.clock.now_ms());
    EXPECT_TRUE(created.has_value());
    return TestKey{created->key, created->secret, user.id};
  });
  fund_futures(key.user_id, "1000");
  auto refused = place(key, limit_order("BTC_USDT", "1", "60000"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().label, "FORBIDDEN");
  auto allowed = place(key, limit_order("ETH_USDT", "1", "3000"));
  EXPECT_TRUE(allowed.has_value()) << allowed.error().message;
}

TEST_F(RestFuturesTest, TwoUsersTradeIntoPositionsWithMarginAndPnl) {
  TestKey const alice = trader();
  TestKey const bob = trader();

  auto ask = limit_order("BTC_USDT", "-10", "65000");
  ask.text = "t-alice-1";
  auto resting = place(alice, ask);
  ASSERT_TRUE(resting.has_value()) << resting.error().message;
  EXPECT_EQ(resting->status, "open");
  EXPECT_EQ(resting->size, "-10"_dec);
  EXPECT_EQ(resting->left, "-10"_dec);
  EXPECT_EQ(resting->text, "t-alice-1");
  EXPECT_FALSE(resting->finish_time.has_value());

  auto taken = place(bob, limit_order("BTC_USDT", "10", "65000"));
  ASSERT_TRUE(taken.has_value()) << taken.error().message;
  EXPECT_EQ(taken->status, "finished");
  EXPECT_EQ(taken->finish_as, "filled");
  EXPECT_EQ(taken->left, "0"_dec);
  EXPECT_EQ(taken->fill_price, "65000"_dec);
  EXPECT_EQ(taken->text, "api");
  EXPECT_TRUE(taken->finish_time.has_value());

  set_mark("BTC_USDT", "66000");
  json::object const long_side = position(bob, "BTC_USDT");
  EXPECT_EQ(long_side.at("size"), json::value("10"));
  EXPECT_EQ(long_side.at("entry_price"), json::value("65000"));
  EXPECT_EQ(long_side.at("leverage"), json::value("10"));
  EXPECT_EQ(long_side.at("margin"), json::value("6.5"));  // 10 × 0.0001 × 65000 / 10
  EXPECT_EQ(long_side.at("mark_price"), json::value("66000"));
  EXPECT_EQ(long_side.at("value"), json::value("66"));  // 10 × 0.0001 × 66000
  EXPECT_EQ(long_side.at("unrealised_pnl"), json::value("1"));
  EXPECT_EQ(long_side.at("mode"), json::value("single"));
  EXPECT_EQ(position(alice, "BTC_USDT").at("unrealised_pnl"), json::value("-1"));

  auto rest = client(&bob);
  auto positions =
      run<std::vector<gateio::Position>>([&](auto done) { rest->futures_positions(done); });
  ASSERT_TRUE(positions.has_value()) << positions.error().message;
  ASSERT_FALSE(positions->empty());
  EXPECT_EQ(positions->front().contract, "BTC_USDT");
  EXPECT_EQ(positions->front().size, "10"_dec);
  EXPECT_EQ(positions->front().unrealised_pnl, "1"_dec);

  auto account = run<gateio::FuturesAccount>([&](auto done) { rest->futures_accounts(done); });
  ASSERT_TRUE(account.has_value()) << account.error().message;
  EXPECT_EQ(account->total, "999.9675"_dec);  // 0.05 % taker fee on 65 USDT
  EXPECT_EQ(account->position_margin, "6.5"_dec);
  EXPECT_EQ(account->unrealised_pnl, "1"_dec);

  RawResponse const holding = raw_->call(bob, "GET", "/futures/usdt/positions", "holding=true");
  ASSERT_EQ(holding.status, 200U) << holding.body;
  ASSERT_EQ(holding.json.as_array().size(), 1U);
}

TEST_F(RestFuturesTest, ReduceOnlyBeyondThePositionIsRefusedAndCloseFlattens) {
  TestKey const alice = trader();
  TestKey const bob = trader();
  ASSERT_TRUE(place(alice, limit_order("BTC_USDT", "-10", "65000")).has_value());
  ASSERT_TRUE(place(bob, limit_order("BTC_USDT", "10", "65000")).has_value());

  auto too_much = limit_order("BTC_USDT", "-20", "66000");
  too_much.reduce_only = true;
  auto refused = place(bob, too_much);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().label, "REDUCE_EXCEEDED");

  auto grows = limit_order("BTC_USDT", "5", "60000");
  grows.reduce_only = true;
  auto increase = place(bob, grows);
  ASSERT_FALSE(increase.has_value());
  EXPECT_EQ(increase.error().label, "INCREASE_POSITION");

  ASSERT_TRUE(place(alice, limit_order("BTC_USDT", "10", "66000")).has_value());
  auto close = limit_order("BTC_USDT", "0", "0");
  close.close = true;
  close.tif = gateio::TimeInForce::ioc;
  auto closed = place(bob, close);
  ASSERT_TRUE(closed.has_value()) << closed.error().message;
  EXPECT_EQ(closed->is_close, true);
  EXPECT_EQ(closed->finish_as, "filled");
  EXPECT_EQ(position(bob, "BTC_USDT").at("size"), json::value("0"));
  EXPECT_EQ(position(alice, "BTC_USDT").at("size"), json::value("0"));

  auto empty = place(bob, close);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().label, "POSITION_EMPTY");

  auto rest = client(&bob);
  auto fills = run<std::vector<gateio::FuturesTrade>>([&](auto done) {
    rest->futures_my_trades(std::string_view("BTC_USDT"), gateio::Page{1, 100}, done);
  });
  ASSERT_TRUE(fills.has_value()) << fills.error().message;
  ASSERT_EQ(fills->size(), 2U);
  EXPECT_EQ(fills->at(0).size, "-10"_dec);
  EXPECT_EQ(fills->at(0).close_size, "-10"_dec);
  EXPECT_EQ(fills->at(0).price, "66000"_dec);
  EXPECT_EQ(fills->at(0).order_id, std::to_string(closed->id));
  EXPECT_EQ(fills->at(1).size, "10"_dec);
  EXPECT_EQ(fills->at(1).close_size, "0"_dec);
  EXPECT_EQ(fills->at(1).fee, "0.0325"_dec);
  EXPECT_EQ(fills->at(1).trade_value, "65"_dec);
  EXPECT_EQ(fills->at(1).role, "taker");

  RawResponse const raw_fills =
      raw_->call(bob, "GET", "/futures/usdt/my_trades", "contract=BTC_USDT&limit=1&offset=1");
  ASSERT_EQ(raw_fills.status, 200U) << raw_fills.body;
  ASSERT_EQ(raw_fills.json.as_array().size(), 1U);
  json::object const& oldest = raw_fills.json.as_array()[0].as_object();
  EXPECT_TRUE(oldest.at("id").is_int64());
  EXPECT_TRUE(oldest.at("order_id").is_string());
  EXPECT_TRUE(oldest.at("create_time").is_number());
  EXPECT_EQ(oldest.at("size"), json::value("10"));

  auto account = run<gateio::FuturesAccount>([&](auto done) { rest->futures_accounts(done); });
  ASSERT_TRUE(account.has_value()) << account.error().message;
  ASSERT_TRUE(account->history.has_value());
  EXPECT_EQ(account->history->pnl, "1"_dec);  // 10 × 0.0001 × (66000 − 65000)
  EXPECT_EQ(account->position_margin, "0"_dec);
}

TEST_F(RestFuturesTest, OrdersAreFoundListedAndCancelledByIdOrText) {
  TestKey const key = trader();
  auto rest = client(&key);
  auto bid = limit_order("BTC_USDT", "2", "60000");
  bid.text = "t-bid-1";
  auto placed = place(key, bid);
  ASSERT_TRUE(placed.has_value()) << placed.error().message;
  ASSERT_TRUE(place(key, limit_order("BTC_USDT", "-3", "70000")).has_value());

  auto by_id = run<gateio::FuturesOrder>(
      [&](auto done) { rest->futures_order(std::to_string(placed->id), done); });
  ASSERT_TRUE(by_id.has_value()) << by_id.error().message;
  EXPECT_EQ(by_id->id, placed->id);
  auto by_text =
      run<gateio::FuturesOrder>([&](auto done) { rest->futures_order("t-bid-1", done); });
  ASSERT_TRUE(by_text.has_value()) << by_text.error().message;
  EXPECT_EQ(by_text->id, placed->id);

  auto open = run<std::vector<gateio::FuturesOrder>>([&](auto done) {
    rest->futures_orders(gateio::OrderStatus::open, std::string_view("BTC_USDT"),
                         gateio::Page{1, 100}, done);
  });
  ASSERT_TRUE(open.has_value()) << open.error().message;
  EXPECT_EQ(open->size(), 2U);

  auto cancelled =
      run<gateio::FuturesOrder>([&](auto done) { rest->cancel_futures_order("t-bid-1", done); });
  ASSERT_TRUE(cancelled.has_value()) << cancelled.error().message;
  EXPECT_EQ(cancelled->finish_as, "cancelled");
  EXPECT_EQ(cancelled->status, "finished");

  auto finished = run<std::vector<gateio::FuturesOrder>>([&](auto done) {
    rest->futures_orders(gateio::OrderStatus::finished, std::nullopt, gateio::Page{1, 100}, done);
  });
  ASSERT_TRUE(finished.has_value()) << finished.error().message;
  ASSERT_EQ(finished->size(), 1U);
  EXPECT_EQ(finished->front().id, placed->id);

  auto again = run<gateio::FuturesOrder>(
      [&](auto done) { rest->cancel_futures_order(std::to_string(placed->id), done); });
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().label, "ORDER_FINISHED");
  auto missing =
      run<gateio::FuturesOrder>([&](auto done) { rest->futures_order("987654321", done); });
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().label, "ORDER_NOT_FOUND");

  RawResponse const bad_status = raw_->call(key, "GET", "/futures/usdt/orders", "status=closed");
  EXPECT_EQ(bad_status.json.at("label"), json::value("INVALID_PARAM_VALUE"));
}

TEST_F(RestFuturesTest, OrderJsonHasGateTypesInBothSizeEncodings) {
  TestKey const key = trader();
  std::string const body = R"({"contract":"BTC_USDT","size":3,"price":"60000","tif":"gtc"})";
  RawResponse const decimal = raw_->call(key, "POST", "/futures/usdt/orders", {}, body);
  ASSERT_EQ(decimal.status, 201U) << decimal.body;
  json::object const& order = decimal.json.as_object();
  EXPECT_TRUE(order.at("id").is_int64());
  EXPECT_TRUE(order.at("create_time").is_number());
  EXPECT_EQ(order.at("size"), json::value("3"));
  EXPECT_EQ(order.at("left"), json::value("3"));
  EXPECT_EQ(order.at("price"), json::value("60000"));
  EXPECT_EQ(order.at("tif"), json::value("gtc"));
  EXPECT_EQ(order.at("tkfr"), json::value("0.0005"));
  EXPECT_FALSE(order.contains("finish_time"));

  std::string const id = std::to_string(order.at("id").as_int64());
  RawResponse const integer =
      raw_->call(key, "GET", "/futures/usdt/orders/" + id, {}, {}, Sizes::integer);
  ASSERT_EQ(integer.status, 200U) << integer.body;
  EXPECT_EQ(integer.json.at("size"), json::value(3));
  EXPECT_EQ(integer.json.at("left"), json::value(3));

  RawResponse const fractional =
      raw_->call(key, "POST", "/futures/usdt/orders", {},
                 R"({"contract":"BTC_USDT","size":"1.5","price":"60000"})", Sizes::integer);
  EXPECT_EQ(fractional.status, 400U);
  EXPECT_EQ(fractional.json.at("label"), json::value("INVALID_PARAM_VALUE"));

  RawResponse const bad_text =
      raw_->call(key, "POST", "/futures/usdt/orders", {},
                 R"({"contract":"BTC_USDT","size":"1","price":"60000","text":"no-prefix"})");
  EXPECT_EQ(bad_text.json.at("label"), json::value("INVALID_PARAM_VALUE"));

  RawResponse const unknown = raw_->call(key, "POST", "/futures/usdt/orders", {},
                                         R"({"contract":"NOPE_USDT","size":"1","price":"1"})");
  EXPECT_EQ(unknown.json.at("label"), json::value("CONTRACT_NOT_FOUND"));

  RawResponse const poor = raw_->call(key, "POST", "/futures/usdt/orders", {},
                                      R"({"contract":"BTC_USDT","size":"100000","price":"60000"})");
  EXPECT_EQ(poor.json.at("label"), json::value("INSUFFICIENT_AVAILABLE"));
}

TEST_F(RestFuturesTest, CancelAllHonoursContractSideAndReduceOnly) {
  TestKey const alice = trader();
  TestKey const bob = trader();
  ASSERT_TRUE(place(alice, limit_order("BTC_USDT", "-10", "65000")).has_value());
  ASSERT_TRUE(place(bob, limit_order("BTC_USDT", "10", "65000")).has_value());

  ASSERT_TRUE(place(bob, limit_order("BTC_USDT", "1", "60000")).has_value());
  ASSERT_TRUE(place(bob, limit_order("ETH_USDT", "1", "3000")).has_value());
  auto reduce = limit_order("BTC_USDT", "-2", "70000");
  reduce.reduce_only = true;
  ASSERT_TRUE(place(bob, reduce).has_value());
  ASSERT_TRUE(place(bob, limit_order("BTC_USDT", "-1", "71000")).has_value());

  RawResponse const asks = raw_->call(bob, "DELETE", "/futures/usdt/orders",
                                      "contract=BTC_USDT&side=ask&exclude_reduce_only=true");
  ASSERT_EQ(asks.status, 200U) << asks.body;
  ASSERT_EQ(asks.json.as_array().size(), 1U);
  EXPECT_EQ(asks.json.as_array()[0].at("price"), json::value("71000"));

  RawResponse const btc = raw_->call(bob, "DELETE", "/futures/usdt/orders", "contract=BTC_USDT");
  ASSERT_EQ(btc.status, 200U) << btc.body;
  EXPECT_EQ(btc.json.as_array().size(), 2U);
  for (auto const& order : btc.json.as_array()) {
    EXPECT_EQ(order.at("finish_as"), json::value("cancelled"));
  }

  RawResponse const rest = raw_->call(bob, "DELETE", "/futures/usdt/orders");
  ASSERT_EQ(rest.status, 200U) << rest.body;
  ASSERT_EQ(rest.json.as_array().size(), 1U);
  EXPECT_EQ(rest.json.as_array()[0].at("contract"), json::value("ETH_USDT"));

  RawResponse const bad_side = raw_->call(bob, "DELETE", "/futures/usdt/orders", "side=buy");
  EXPECT_EQ(bad_side.json.at("label"), json::value("INVALID_PARAM_VALUE"));
}

TEST_F(RestFuturesTest, PublicBookTradesTickersAndCandles) {
  TestKey const alice = trader();
  TestKey const bob = trader();
  ASSERT_TRUE(place(alice, limit_order("BTC_USDT", "-10", "65000")).has_value());
  ASSERT_TRUE(place(alice, limit_order("BTC_USDT", "-5", "65100")).has_value());
  ASSERT_TRUE(place(bob, limit_order("BTC_USDT", "3", "65000")).has_value());

  RawResponse const book =
      raw_->get("/futures/usdt/order_book", "contract=BTC_USDT&limit=5&with_id=true");
  ASSERT_EQ(book.status, 200U) << book.body;
  EXPECT_TRUE(book.json.at("id").is_int64());
  EXPECT_TRUE(book.json.at("current").is_number());
  EXPECT_TRUE(book.json.at("update").is_number());
  json::array const& asks = book.json.at("asks").as_array();
  ASSERT_EQ(asks.size(), 2U);
  EXPECT_EQ(asks[0].at("p"), json::value("65000"));
  EXPECT_EQ(asks[0].at("s"), json::value("7"));
  EXPECT_EQ(asks[1].at("p"), json::value("65100"));
  EXPECT_TRUE(book.json.at("bids").as_array().empty());

  RawResponse const plain =
      raw_->get("/futures/usdt/order_book", "contract=BTC_USDT", Sizes::integer);
  ASSERT_EQ(plain.status, 200U) << plain.body;
  EXPECT_FALSE(plain.json.as_object().contains("id"));
  EXPECT_EQ(plain.json.at("asks").as_array()[0].at("s"), json::value(7));

  RawResponse const trades = raw_->get("/futures/usdt/trades", "contract=BTC_USDT&limit=10");
  ASSERT_EQ(trades.status, 200U) << trades.body;
  ASSERT_EQ(trades.json.as_array().size(), 1U);
  json::value const& trade = trades.json.as_array()[0];
  EXPECT_TRUE(trade.at("id").is_int64());
  EXPECT_EQ(trade.at("size"), json::value("3"));
  EXPECT_EQ(trade.at("price"), json::value("65000"));
  EXPECT_EQ(trade.at("contract"), json::value("BTC_USDT"));
  std::string const after = "contract=BTC_USDT&last_id=" + text(trade.at("id"));
  EXPECT_TRUE(raw_->get("/futures/usdt/trades", after).json.as_array().empty());

  RawResponse const tickers = raw_->get("/futures/usdt/tickers", "contract=BTC_USDT");
  ASSERT_EQ(tickers.status, 200U) << tickers.body;
  ASSERT_EQ(tickers.json.as_array().size(), 1U);
  json::value const& ticker = tickers.json.as_array()[0];
  EXPECT_EQ(ticker.at("last"), json::value("65000"));
  EXPECT_EQ(ticker.at("lowest_ask"), json::value("65000"));
  EXPECT_EQ(ticker.at("lowest_size"), json::value("7"));
  EXPECT_EQ(ticker.at("highest_bid"), json::value(""));
  EXPECT_EQ(ticker.at("total_size"), json::value("3"));
  EXPECT_EQ(ticker.at("volume_24h"), json::value("3"));
  EXPECT_EQ(raw_->get("/futures/usdt/tickers").json.as_array().size(), 3U);

  RawResponse const candles =
      raw_->get("/futures/usdt/candlesticks", "contract=BTC_USDT&interval=1m&limit=5");
  ASSERT_EQ(candles.status, 200U) << candles.body;
  ASSERT_FALSE(candles.json.as_array().empty());
  json::value const& candle = candles.json.as_array().back();
  EXPECT_TRUE(candle.at("t").is_int64());
  EXPECT_EQ(candle.at("v"), json::value("3"));
  EXPECT_EQ(candle.at("c"), json::value("65000"));
  EXPECT_EQ(candle.at("sum"), json::value("19.5"));  // 3 × 0.0001 × 65000

  RawResponse const conflicting =
      raw_->get("/futures/usdt/candlesticks", "contract=BTC_USDT&limit=5&from=1");
  EXPECT_EQ(conflicting.json.at("label"), json::value("INVALID_PARAM_VALUE"));
  RawResponse const unknown_interval =
      raw_->get("/futures/usdt/candlesticks", "contract=BTC_USDT&interval=7d");
  EXPECT_EQ(unknown_interval.json.at("label"), json::value("INVALID_PARAM_VALUE"));
}

TEST_F(RestFuturesTest, LeverageIsSetFromTheQueryAndRemarginsThePosition) {
  TestKey const alice = trader();
  TestKey const bob = trader();
  ASSERT_TRUE(place(alice, limit_order("BTC_USDT", "-10", "65000")).has_value());
  ASSERT_TRUE(place(bob, limit_order("BTC_USDT", "10", "65000")).has_value());

  RawResponse const raised =
      raw_->call(bob, "POST", "/futures/usdt/positions/BTC_USDT/leverage", "leverage=20");
  ASSERT_EQ(raised.status, 200U) << raised.body;
  EXPECT_EQ(raised.json.at("leverage"), json::value("20"));
  EXPECT_EQ(raised.json.at("margin"), json::value("3.25"));

  RawResponse const too_high =
      raw_->call(bob, "POST", "/futures/usdt/positions/BTC_USDT/leverage", "leverage=500");
  EXPECT_EQ(too_high.json.at("label"), json::value("LEVERAGE_TOO_HIGH"));
  RawResponse const missing = raw_->call(bob, "POST", "/futures/usdt/positions/BTC_USDT/leverage");
  EXPECT_EQ(missing.json.at("label"), json::value("MISSING_REQUIRED_PARAM"));
  RawResponse const unknown = raw_->call(bob, "GET", "/futures/usdt/positions/NOPE_USDT");
  EXPECT_EQ(unknown.json.at("label"), json::value("CONTRACT_NOT_FOUND"));
}

TEST_F(RestFuturesTest, CountdownArmsWithGatesTriggerTime) {
  TestKey const key = trader();
  auto rest = client(&key);
  std::int64_t const before = server_->venue().clock().now_ms();
  gateio::FuturesCountdownCancelRequest request;
  request.timeout = std::chrono::seconds(30);
  request.contract = "BTC_USDT";
  auto armed = run<gateio::CountdownCancelResult>(
      [&](auto done) { rest->futures_countdown_cancel_all(request, done); });
  ASSERT_TRUE(armed.has_value()) << armed.error().message;
  EXPECT_GE(armed->trigger_time_ms, before + 30'000);
  EXPECT_LE(armed->trigger_time_ms, server_->venue().clock().now_ms() + 30'000);

  request.timeout = std::chrono::seconds(0);
  auto disarmed = run<gateio::CountdownCancelResult>(
      [&](auto done) { rest->futures_countdown_cancel_all(request, done); });
  ASSERT_TRUE(disarmed.has_value()) << disarmed.error().message;
  EXPECT_EQ(disarmed->trigger_time_ms, 0);

  TestKey const unfunded = make_user_key();
  RawResponse const missing =
      raw_->call(unfunded, "POST", "/futures/usdt/countdown_cancel_all", {}, R"({"timeout":10})");
  EXPECT_EQ(missing.json.at("label"), json::value("USER_NOT_FOUND"));
}

}  // namespace
}  // namespace tradelink::sandbox::test
