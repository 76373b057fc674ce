// Public market data channels over loopback after two users trade: spot.trades, spot.tickers,
// spot.book_ticker, spot.candlesticks, futures.trades, futures.tickers,
// futures.order_book_update, futures.candlesticks (§7.3).

#include <gtest/gtest.h>

#include "sandbox/service/sandbox_clock.hpp"
#include "unit/sandbox/service/ws_test_client.hpp"

namespace tradelink::sandbox::test {
namespace {

class WsPublicTest : public SandboxTest {
 protected:
  void subscribe(WsTestClient& client, std::string const& channel,
                 std::vector<std::string> const& payload) {
    client.request(channel, "subscribe", payload);
    auto ack = client.next_on(channel, "subscribe");
    ASSERT_TRUE(ack) << channel;
    ASSERT_TRUE(ack->at("error").is_null()) << channel;
  }

  /// Two funded users trade BTC_USDT perpetuals: a resting maker order of `maker_size` at
  /// `price`, then a market (ioc) taker order of `taker_size`.
  void trade_btc_perpetual(std::string const& maker_size, std::string const& price,
                           std::string const& taker_size) {
    auto const maker = make_user_key();
    auto const taker = make_user_key();
    fund_futures(*server_, maker.user_id, "10000");
    fund_futures(*server_, taker.user_id, "10000");
    ASSERT_TRUE(place_futures(*server_, maker.user_id, "BTC_USDT", maker_size, price));
    ASSERT_TRUE(
        place_futures(*server_, taker.user_id, "BTC_USDT", taker_size, "0", TimeInForce::ioc));
  }
};

TEST_F(WsPublicTest, SpotTradeTickerAndBookTickerFollowATrade) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  subscribe(client, "spot.trades", {"BTC_USDT"});
  subscribe(client, "spot.tickers", {"BTC_USDT"});
  subscribe(client, "spot.book_ticker", {"BTC_USDT"});

  auto const seller = make_user_key();
  auto const buyer = make_user_key();
  deposit(seller.user_id, "BTC", "1");
  deposit(buyer.user_id, "USDT", "100000");
  ASSERT_TRUE(place_spot(*server_, seller.user_id, "BTC_USDT", Side::sell, "0.01", "60000.5"));
  ASSERT_TRUE(place_spot(*server_, seller.user_id, "BTC_USDT", Side::sell, "0.02", "60100"));
  ASSERT_TRUE(place_spot(*server_, buyer.user_id, "BTC_USDT", Side::buy, "0.004", "60050"));

  auto trade = client.next_on("spot.trades", "update");
  ASSERT_TRUE(trade);
  auto const& result = trade->at("result");
  EXPECT_EQ(text_of(result, "currency_pair"), "BTC_USDT");
  EXPECT_EQ(text_of(result, "side"), "buy");
  EXPECT_EQ(text_of(result, "amount"), "0.004");
  EXPECT_EQ(text_of(result, "price"), "60000.5");
  EXPECT_TRUE(result.at("id").is_int64());
  EXPECT_FALSE(text_of(result, "range").empty());

  auto ticker = client.next_matching([](boost::json::value const& message) {
    return text_of(message, "channel") == "spot.tickers" &&
           !text_of(message.at("result"), "last").empty();
  });
  ASSERT_TRUE(ticker);
  EXPECT_EQ(text_of(ticker->at("result"), "currency_pair"), "BTC_USDT");
  EXPECT_EQ(text_of(ticker->at("result"), "last"), "60000.5");
  EXPECT_EQ(text_of(ticker->at("result"), "lowest_ask"), "60000.5");
  EXPECT_EQ(text_of(ticker->at("result"), "base_volume"), "0.004");
}

TEST_F(WsPublicTest, SpotCandlesticksCarryTheCurrentBucketOfTheStream) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  subscribe(client, "spot.candlesticks", {"1m", "BTC_USDT"});
  // The trades and the push must fall in one minute: start the sandbox clock at the top of one
  // (a minute that rolled over in between left only the next, empty, candle to push).
  SandboxClock& clock = server_->venue().clock();
  clock.advance(60'000 - clock.now_ms() % 60'000 + 100);

  auto const seller = make_user_key();
  auto const buyer = make_user_key();
  deposit(seller.user_id, "BTC", "1");
  deposit(buyer.user_id, "USDT", "100000");
  ASSERT_TRUE(place_spot(*server_, seller.user_id, "BTC_USDT", Side::sell, "0.01", "60000.5"));
  ASSERT_TRUE(place_spot(*server_, seller.user_id, "BTC_USDT", Side::sell, "0.02", "60100"));
  ASSERT_TRUE(place_spot(*server_, buyer.user_id, "BTC_USDT", Side::buy, "0.014", "60100"));

  auto candle = client.next_matching([](boost::json::value const& message) {
    return text_of(message, "channel") == "spot.candlesticks" &&
           text_of(message, "event") == "update" && text_of(message.at("result"), "h") == "60100";
  });
  ASSERT_TRUE(candle);
  auto const& result = candle->at("result");
  EXPECT_EQ(text_of(result, "n"), "1m_BTC_USDT");
  EXPECT_EQ(text_of(result, "o"), "60000.5");
  EXPECT_EQ(text_of(result, "h"), "60100");
  EXPECT_EQ(text_of(result, "l"), "60000.5");
  EXPECT_EQ(text_of(result, "c"), "60100");
  EXPECT_EQ(text_of(result, "a"), "0.014");
  EXPECT_EQ(text_of(result, "v"), "840.405");  // 0.01 × 60000.5 + 0.004 × 60100
  EXPECT_EQ(std::stoll(text_of(result, "t")) % 60, 0);
  EXPECT_TRUE(result.at("w").is_bool());
}

TEST_F(WsPublicTest, SpotCandlesticksRefuseAPayloadGateWouldRefuse) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  for (std::vector<std::string> const& payload :
       {std::vector<std::string>{"BTC_USDT"}, {"2m", "BTC_USDT"}, {"1m", "NOPE_USDT"}}) {
    client.request("spot.candlesticks", "subscribe", payload);
    auto answer = client.next_on("spot.candlesticks", "subscribe");
    ASSERT_TRUE(answer);
    EXPECT_FALSE(answer->at("error").is_null()) << payload.front();
  }
}

TEST_F(WsPublicTest, SpotBookTickerCarriesTheBestLevels) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  subscribe(client, "spot.book_ticker", {"BTC_USDT"});
  auto const maker = make_user_key();
  deposit(maker.user_id, "BTC", "1");
  deposit(maker.user_id, "USDT", "100000");
  ASSERT_TRUE(place_spot(*server_, maker.user_id, "BTC_USDT", Side::sell, "0.25", "61000"));
  ASSERT_TRUE(place_spot(*server_, maker.user_id, "BTC_USDT", Side::buy, "0.5", "59000"));
  auto const expected_id = server_->venue().with(
      [](VenueState& state) { return state.engine.spot().order_book("BTC_USDT", 1)->id; });
  auto best = client.next_matching([&](boost::json::value const& message) {
    return text_of(message, "channel") == "spot.book_ticker" &&
           message.at("result").at("u").to_number<std::uint64_t>() == expected_id;
  });
  ASSERT_TRUE(best);
  auto const& result = best->at("result");
  EXPECT_EQ(text_of(result, "s"), "BTC_USDT");
  EXPECT_EQ(text_of(result, "a"), "61000");
  EXPECT_EQ(text_of(result, "A"), "0.25");
  EXPECT_EQ(text_of(result, "b"), "59000");
  EXPECT_EQ(text_of(result, "B"), "0.5");
}

TEST_F(WsPublicTest, FuturesTradesTickersAndBookUpdatesWithDecimalSizes) {
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt", {{"X-Gate-Size-Decimal", "1"}});
  ASSERT_TRUE(client.connected());
  subscribe(client, "futures.trades", {"BTC_USDT"});
  subscribe(client, "futures.tickers", {"BTC_USDT"});
  subscribe(client, "futures.order_book_update", {"BTC_USDT", "100ms", "100"});

  ASSERT_NO_FATAL_FAILURE(trade_btc_perpetual("-30", "60000", "10"));

  auto trade = client.next_on("futures.trades", "update");
  ASSERT_TRUE(trade);
  ASSERT_TRUE(trade->at("result").is_array());
  auto const& first = trade->at("result").at(0);
  EXPECT_EQ(text_of(first, "contract"), "BTC_USDT");
  EXPECT_EQ(text_of(first, "size"), "10");
  EXPECT_EQ(text_of(first, "price"), "60000");

  auto book = client.next_on("futures.order_book_update", "update");
  ASSERT_TRUE(book);
  auto const& asks = book->at("result").at("a").as_array();
  ASSERT_FALSE(asks.empty());
  EXPECT_EQ(text_of(asks.back(), "p"), "60000");
  EXPECT_EQ(text_of(book->at("result"), "l"), "100");

  auto ticker = client.next_on("futures.tickers", "update");
  ASSERT_TRUE(ticker);
  EXPECT_EQ(text_of(ticker->at("result").at(0), "contract"), "BTC_USDT");
  EXPECT_EQ(text_of(ticker->at("result").at(0), "last"), "60000");
}

TEST_F(WsPublicTest, FuturesCandlesticksCountContractsAndBaseAmount) {
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(client.connected());
  subscribe(client, "futures.candlesticks", {"1m", "BTC_USDT"});

  ASSERT_NO_FATAL_FAILURE(trade_btc_perpetual("-30", "60000", "10"));

  auto candle = client.next_on("futures.candlesticks", "update");
  ASSERT_TRUE(candle);
  ASSERT_TRUE(candle->at("result").is_array());
  auto const& result = candle->at("result").at(0);
  EXPECT_EQ(text_of(result, "n"), "1m_BTC_USDT");
  EXPECT_EQ(text_of(result, "o"), "60000");
  EXPECT_EQ(text_of(result, "c"), "60000");
  EXPECT_EQ(result.at("v").as_int64(), 10);  // contracts, a number without the decimal header
  EXPECT_EQ(text_of(result, "a"), "0.001");  // 10 contracts × 0.0001 BTC
  EXPECT_EQ(result.at("t").as_int64() % 60, 0);
}

TEST_F(WsPublicTest, FuturesSizesAreNumbersWithoutTheDecimalHeader) {
  WsTestClient client(io_, ws_base(*server_) + "/v4/ws/usdt");
  ASSERT_TRUE(client.connected());
  subscribe(client, "futures.trades", {"BTC_USDT"});
  ASSERT_NO_FATAL_FAILURE(trade_btc_perpetual("5", "59000", "-2"));
  auto trade = client.next_on("futures.trades", "update");
  ASSERT_TRUE(trade);
  EXPECT_EQ(trade->at("result").at(0).at("size").to_number<std::int64_t>(), -2);
}

TEST_F(WsPublicTest, UnsubscribedChannelsStopPushing) {
  WsTestClient client(io_, ws_base(*server_) + "/ws/v4/");
  ASSERT_TRUE(client.connected());
  subscribe(client, "spot.trades", {"BTC_USDT"});
  client.request("spot.trades", "unsubscribe", {"BTC_USDT"});
  ASSERT_TRUE(client.next_on("spot.trades", "unsubscribe"));
  auto const seller = make_user_key();
  auto const buyer = make_user_key();
  deposit(seller.user_id, "BTC", "1");
  deposit(buyer.user_id, "USDT", "100000");
  ASSERT_TRUE(place_spot(*server_, seller.user_id, "BTC_USDT", Side::sell, "0.01", "60000"));
  ASSERT_TRUE(place_spot(*server_, buyer.user_id, "BTC_USDT", Side::buy, "0.01", "60000"));
  // A ping sent after the trade is answered after anything the trade could have pushed.
  client.send(R"({"time": 1, "channel": "spot.ping"})");
  auto message = client.next();
  ASSERT_TRUE(message);
  EXPECT_EQ(text_of(*message, "channel"), "spot.pong");
}

}  // namespace
}  // namespace tradelink::sandbox::test
