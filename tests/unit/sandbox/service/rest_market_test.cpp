// The sandbox's public spot market data over loopback: currencies and pairs through tradelink's
// own Gate client (a strict parser of Gate's shapes), tickers, order books, trades and
// candlesticks as raw JSON checked field by field against Gate's documented shapes.
#include <gtest/gtest.h>

#include <boost/json/value.hpp>

#include <algorithm>
#include <string>

#include "core/decimal.hpp"
#include "unit/sandbox/service/raw_gate_http.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {
namespace {

using core::operator""_dec;

class RestMarketTest : public RawGateTest {
 protected:
  /// Places a limit order for `user` straight into the engine (the market under test).
  void place(std::int64_t user, Side side, std::string_view price, std::string_view amount) {
    server_->venue().with([&](VenueState& state) {
      SpotOrderRequest request;
      request.currency_pair = "BTC_USDT";
      request.side = side;
      request.price = core::Decimal::parse(price).value();
      request.amount = core::Decimal::parse(amount).value();
      auto placed = state.engine.place_spot_order(user, request, state.clock.now_ms());
      ASSERT_TRUE(placed.has_value()) << placed.error().message;
    });
  }

  /// Two users who traded 0.01 BTC at 60000 (the seller was the maker) and left a bid at
  /// 59000.5 and an ask at 61000 resting.
  void make_market() {
    maker_ = make_user_key();
    taker_ = make_user_key();
    deposit(maker_.user_id, "BTC", "1");
    deposit(taker_.user_id, "USDT", "100000");
    place(maker_.user_id, Side::sell, "60000", "0.01");
    place(taker_.user_id, Side::buy, "60000", "0.01");
    place(taker_.user_id, Side::buy, "59000.5", "0.002");
    place(maker_.user_id, Side::sell, "61000", "0.003");
  }

  static std::string text(boost::json::value const& value) {
    return std::string(value.as_string());
  }

  TestKey maker_;
  TestKey taker_;
};

TEST_F(RestMarketTest, ListsEveryCurrencyThroughTheClient) {
  auto rest = client(nullptr);
  auto currencies =
      run<std::vector<gateio::SpotCurrency>>([&](auto done) { rest->spot_currencies(done); });
  ASSERT_TRUE(currencies.has_value()) << currencies.error().message;
  std::vector<std::string> names;
  for (auto const& currency : *currencies) names.push_back(currency.currency);
  EXPECT_EQ(names, (std::vector<std::string>{"BTC", "USDT", "ETH", "SOL", "GT"}));
  auto const btc = std::find_if(currencies->begin(), currencies->end(),
                                [](auto const& c) { return c.currency == "BTC"; });
  EXPECT_EQ(btc->name, "Bitcoin");
  EXPECT_EQ(btc->delisted, false);
  EXPECT_EQ(btc->trade_disabled, false);
}

TEST_F(RestMarketTest, AnswersOneCurrencyAndRefusesAnUnknownOne) {
  auto const btc = raw_->get("/spot/currencies/BTC");
  ASSERT_EQ(btc.status, 200U) << btc.body;
  EXPECT_EQ(text(btc.json.at("currency")), "BTC");
  EXPECT_EQ(text(btc.json.at("name")), "Bitcoin");
  EXPECT_FALSE(btc.json.at("deposit_disabled").as_bool());

  auto const unknown = raw_->get("/spot/currencies/NOPE");
  EXPECT_EQ(unknown.status, 400U);
  EXPECT_EQ(text(unknown.json.at("label")), "INVALID_CURRENCY");
}

TEST_F(RestMarketTest, ListsPairsWithGatesFieldsThroughTheClient) {
  auto rest = client(nullptr);
  auto pairs =
      run<std::vector<gateio::CurrencyPair>>([&](auto done) { rest->spot_currency_pairs(done); });
  ASSERT_TRUE(pairs.has_value()) << pairs.error().message;
  ASSERT_EQ(pairs->size(), 4U);
  gateio::CurrencyPair const& btc = pairs->front();
  EXPECT_EQ(btc.id, "BTC_USDT");
  EXPECT_EQ(btc.base, "BTC");
  EXPECT_EQ(btc.quote, "USDT");
  EXPECT_EQ(btc.base_name, "Bitcoin");
  EXPECT_EQ(btc.quote_name, "Tether");
  EXPECT_EQ(btc.amount_precision, 6);
  EXPECT_EQ(btc.precision, 1);
  EXPECT_EQ(btc.trade_status, "tradable");
  EXPECT_EQ(btc.fee, "0.2"_dec);
  EXPECT_EQ(btc.min_base_amount, "0.00001"_dec);
  EXPECT_EQ(btc.min_quote_amount, "3"_dec);
  EXPECT_EQ(btc.max_quote_amount, "5000000"_dec);
  EXPECT_EQ(btc.type, "normal");

  auto one =
      run<gateio::CurrencyPair>([&](auto done) { rest->spot_currency_pair("ETH_USDT", done); });
  ASSERT_TRUE(one.has_value()) << one.error().message;
  EXPECT_EQ(one->id, "ETH_USDT");
  EXPECT_EQ(one->amount_precision, 4);
  EXPECT_EQ(one->precision, 2);
}

TEST_F(RestMarketTest, UnknownPairIsInvalidCurrencyPair) {
  auto rest = client(nullptr);
  auto pair =
      run<gateio::CurrencyPair>([&](auto done) { rest->spot_currency_pair("DOGE_USDT", done); });
  ASSERT_FALSE(pair.has_value());
  EXPECT_EQ(pair.error().label, "INVALID_CURRENCY_PAIR");
  EXPECT_EQ(pair.error().http_status, 400U);
  EXPECT_EQ(pair.error().message, "Invalid currency pair DOGE_USDT");
}

TEST_F(RestMarketTest, MarginPairsAreAnEmptyList) {
  auto const pairs = raw_->get("/margin/currency_pairs");
  ASSERT_EQ(pairs.status, 200U);
  EXPECT_TRUE(pairs.json.as_array().empty());
}

// Clients that enumerate every Gate product before trading (CCXT) read these listings.
TEST_F(RestMarketTest, ProductsTheSandboxDoesNotTradeListNothing) {
  for (char const* path :
       {"/futures/btc/contracts", "/futures/btc/tickers", "/delivery/usdt/contracts",
        "/delivery/btc/contracts", "/delivery/usdt/tickers", "/options/underlyings"}) {
    auto const listing = raw_->get(path);
    ASSERT_EQ(listing.status, 200U) << path << ": " << listing.body;
    EXPECT_TRUE(listing.json.as_array().empty()) << path;
  }
  for (char const* path : {"/delivery/eth/contracts", "/futures/eth/contracts"}) {
    auto const refused = raw_->get(path);
    EXPECT_EQ(refused.status, 400U) << path;
    EXPECT_EQ(refused.json.at("label").as_string(), "INVALID_PARAM_VALUE") << path;
  }
}

TEST_F(RestMarketTest, TickerShowsLastTradeBestPricesAndVolumes) {
  make_market();
  auto const tickers = raw_->get("/spot/tickers", "currency_pair=BTC_USDT");
  ASSERT_EQ(tickers.status, 200U) << tickers.body;
  ASSERT_EQ(tickers.json.as_array().size(), 1U);
  auto const& ticker = tickers.json.as_array().front();
  EXPECT_EQ(text(ticker.at("currency_pair")), "BTC_USDT");
  EXPECT_EQ(text(ticker.at("last")), "60000");
  EXPECT_EQ(text(ticker.at("lowest_ask")), "61000");
  EXPECT_EQ(text(ticker.at("lowest_size")), "0.003");
  EXPECT_EQ(text(ticker.at("highest_bid")), "59000.5");
  EXPECT_EQ(text(ticker.at("highest_size")), "0.002");
  EXPECT_EQ(text(ticker.at("base_volume")), "0.01");
  EXPECT_EQ(text(ticker.at("quote_volume")), "600");
  EXPECT_EQ(text(ticker.at("high_24h")), "60000");
  EXPECT_EQ(text(ticker.at("low_24h")), "60000");
  EXPECT_EQ(text(ticker.at("change_percentage")), "0");

  auto const all = raw_->get("/spot/tickers");
  ASSERT_EQ(all.status, 200U);
  ASSERT_EQ(all.json.as_array().size(), 4U);
  auto const& untraded = all.json.as_array().at(1);
  EXPECT_EQ(text(untraded.at("currency_pair")), "ETH_USDT");
  EXPECT_EQ(text(untraded.at("last")), "");
  EXPECT_EQ(text(untraded.at("lowest_ask")), "");

  auto const unknown = raw_->get("/spot/tickers", "currency_pair=NOPE_USDT");
  EXPECT_EQ(unknown.status, 400U);
  EXPECT_EQ(text(unknown.json.at("label")), "INVALID_CURRENCY_PAIR");
}

TEST_F(RestMarketTest, OrderBookCarriesTheEngineBookIdWhenAsked) {
  make_market();
  auto const book = raw_->get("/spot/order_book", "currency_pair=BTC_USDT&with_id=true&limit=5");
  ASSERT_EQ(book.status, 200U) << book.body;
  std::uint64_t const engine_id = server_->venue().with(
      [](VenueState& state) { return state.engine.spot().order_book("BTC_USDT", 1).value().id; });
  EXPECT_EQ(book.json.at("id").to_number<std::uint64_t>(), engine_id);
  EXPECT_GT(engine_id, 0U);
  EXPECT_GE(book.json.at("current").as_int64(), book.json.at("update").as_int64());
  auto const& asks = book.json.at("asks").as_array();
  auto const& bids = book.json.at("bids").as_array();
  ASSERT_EQ(asks.size(), 1U);
  ASSERT_EQ(bids.size(), 1U);
  EXPECT_EQ(text(asks[0].as_array()[0]), "61000");
  EXPECT_EQ(text(asks[0].as_array()[1]), "0.003");
  EXPECT_EQ(text(bids[0].as_array()[0]), "59000.5");
  EXPECT_EQ(text(bids[0].as_array()[1]), "0.002");

  auto const without_id = raw_->get("/spot/order_book", "currency_pair=BTC_USDT");
  ASSERT_EQ(without_id.status, 200U);
  EXPECT_FALSE(without_id.json.as_object().contains("id"));
}

TEST_F(RestMarketTest, OrderBookAggregatesByInterval) {
  make_market();
  place(taker_.user_id, Side::buy, "59000.1", "0.004");
  auto const book = raw_->get("/spot/order_book", "currency_pair=BTC_USDT&interval=10");
  ASSERT_EQ(book.status, 200U) << book.body;
  auto const& bids = book.json.at("bids").as_array();
  ASSERT_EQ(bids.size(), 1U);
  EXPECT_EQ(text(bids[0].as_array()[0]), "59000");
  EXPECT_EQ(text(bids[0].as_array()[1]), "0.006");

  auto const bad = raw_->get("/spot/order_book", "currency_pair=BTC_USDT&limit=0");
  EXPECT_EQ(bad.status, 400U);
  EXPECT_EQ(text(bad.json.at("label")), "INVALID_PARAM_VALUE");
  auto const missing = raw_->get("/spot/order_book");
  EXPECT_EQ(text(missing.json.at("label")), "MISSING_REQUIRED_PARAM");
}

TEST_F(RestMarketTest, PublicTradesHaveGatesFieldsAndPageByLastId) {
  make_market();
  place(taker_.user_id, Side::buy, "61000", "0.001");  // a second trade, taker buys the ask
  auto const trades = raw_->get("/spot/trades", "currency_pair=BTC_USDT");
  ASSERT_EQ(trades.status, 200U) << trades.body;
  auto const& list = trades.json.as_array();
  ASSERT_EQ(list.size(), 2U);
  auto const& newest = list[0].as_object();
  EXPECT_EQ(text(newest.at("currency_pair")), "BTC_USDT");
  EXPECT_EQ(text(newest.at("side")), "buy");
  EXPECT_EQ(text(newest.at("price")), "61000");
  EXPECT_EQ(text(newest.at("amount")), "0.001");
  EXPECT_TRUE(newest.at("id").is_string());
  EXPECT_TRUE(newest.at("create_time").is_string());
  EXPECT_TRUE(newest.at("create_time_ms").is_string());
  EXPECT_FALSE(newest.contains("order_id"));
  EXPECT_FALSE(newest.contains("fee"));
  std::string const newest_id = text(newest.at("id"));
  std::string const oldest_id = text(list[1].at("id"));

  auto const older =
      raw_->get("/spot/trades", "currency_pair=BTC_USDT&reverse=true&last_id=" + newest_id);
  ASSERT_EQ(older.json.as_array().size(), 1U);
  EXPECT_EQ(text(older.json.as_array()[0].at("id")), oldest_id);
  auto const newer = raw_->get("/spot/trades", "currency_pair=BTC_USDT&last_id=" + oldest_id);
  ASSERT_EQ(newer.json.as_array().size(), 1U);
  EXPECT_EQ(text(newer.json.as_array()[0].at("id")), newest_id);
  auto const one = raw_->get("/spot/trades", "currency_pair=BTC_USDT&limit=1");
  EXPECT_EQ(one.json.as_array().size(), 1U);
}

TEST_F(RestMarketTest, CandlesticksAreArraysOfStringsInGatesOrder) {
  make_market();
  auto const candles =
      raw_->get("/spot/candlesticks", "currency_pair=BTC_USDT&interval=1m&limit=3");
  ASSERT_EQ(candles.status, 200U) << candles.body;
  std::int64_t const now_s = server_->venue().clock().now_ms() / 1000;
  auto const trades = raw_->get("/spot/trades", "currency_pair=BTC_USDT");
  std::int64_t const trade_s = std::stoll(text(trades.json.as_array().at(0).at("create_time")));
  std::string const minute = std::to_string(trade_s - trade_s % 60);
  auto const& rows = candles.json.as_array();
  auto const found = std::find_if(rows.begin(), rows.end(), [&](boost::json::value const& row) {
    return text(row.as_array().at(0)) == minute;
  });
  ASSERT_NE(found, rows.end()) << candles.body;
  auto const& row = found->as_array();
  ASSERT_EQ(row.size(), 8U);
  for (auto const& cell : row) EXPECT_TRUE(cell.is_string());
  EXPECT_EQ(text(row[1]), "600");    // quote volume
  EXPECT_EQ(text(row[2]), "60000");  // close
  EXPECT_EQ(text(row[3]), "60000");  // high
  EXPECT_EQ(text(row[4]), "60000");  // low
  EXPECT_EQ(text(row[5]), "60000");  // open
  EXPECT_EQ(text(row[6]), "0.01");   // base amount
  // A bucket is closed once its minute has passed.
  if (trade_s - trade_s % 60 + 60 > now_s) {
    EXPECT_EQ(text(row[7]), "false");
  }

  auto const bad = raw_->get("/spot/candlesticks", "currency_pair=BTC_USDT&interval=2m");
  EXPECT_EQ(bad.status, 400U);
  EXPECT_EQ(text(bad.json.at("label")), "INVALID_PARAM_VALUE");
  auto const unknown = raw_->get("/spot/candlesticks", "currency_pair=NOPE_USDT");
  EXPECT_EQ(text(unknown.json.at("label")), "INVALID_CURRENCY_PAIR");
}

}  // namespace
}  // namespace tradelink::sandbox::test
