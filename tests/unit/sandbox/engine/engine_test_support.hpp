#pragma once
// Shared by the engine tests: a small catalogue with distinct maker/taker fees, an event sink that
// records everything, and short helpers for Decimals and requests.

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/engine.hpp"

namespace tradelink::core {
/// Readable Decimals in gtest failure messages (found by argument-dependent lookup).
inline void PrintTo(Decimal value, std::ostream* out) {
  *out << value.to_string();
}
}  // namespace tradelink::core

namespace tradelink::sandbox::testing {

using core::Decimal;

/// Parses a decimal literal (tests only: throws on bad text).
inline Decimal dec(std::string_view text) {
  return Decimal::parse(text).value();
}

/// BTC_USDT (price 1 decimal, amount 4, min 0.001 BTC / 1 USDT, maker 0.1 %, taker 0.2 %),
/// ETH_USDT (price 2, amount 3), perpetual BTC_USDT (quanto 0.001, tick 0.1, maker 0.02 %,
/// taker 0.05 %, leverage 1..100, default 10) and ETH_USDT with decimal sizes (step 0.1).
Catalogue test_catalogue();

/// A copy of a book delta that outlives the callback.
struct RecordedDelta {
  std::string market;
  std::uint64_t first_update_id = 0;
  std::uint64_t last_update_id = 0;
  std::vector<PriceLevel> bids;
  std::vector<PriceLevel> asks;
};

/// Records every event it forwards (all kinds unless told otherwise), in order.
class RecordingSink : public EventSink {
 public:
  RecordingSink() = default;
  explicit RecordingSink(EventInterest interest) : EventSink(interest) {}

  void on_spot_balance(SpotBalanceUpdate const& update) override;
  void on_spot_order(OrderEvent event, SpotOrder const& order) override;
  void on_spot_user_trade(SpotUserTrade const& trade) override;
  void on_spot_public_trade(SpotPublicTrade const& trade) override;
  void on_spot_book(BookDelta const& delta) override;
  void on_futures_balance(FuturesBalanceUpdate const& update) override;
  void on_futures_order(OrderEvent event, FuturesOrder const& order) override;
  void on_futures_position(FuturesPosition const& position) override;
  void on_futures_user_trade(FuturesUserTrade const& trade) override;
  void on_futures_public_trade(FuturesPublicTrade const& trade) override;
  void on_futures_book(BookDelta const& delta) override;

  void clear();

  std::vector<std::string> kinds;  ///< one tag per event, in order ("spot.balance", ...)
  std::vector<SpotBalanceUpdate> spot_balances;
  std::vector<std::pair<OrderEvent, SpotOrder>> spot_orders;
  std::vector<SpotUserTrade> spot_user_trades;
  std::vector<SpotPublicTrade> spot_public_trades;
  std::vector<RecordedDelta> spot_books;
  std::vector<FuturesBalanceUpdate> futures_balances;
  std::vector<std::pair<OrderEvent, FuturesOrder>> futures_orders;
  std::vector<FuturesPosition> futures_positions;
  std::vector<FuturesUserTrade> futures_user_trades;
  std::vector<FuturesPublicTrade> futures_public_trades;
  std::vector<RecordedDelta> futures_books;
};

/// An engine over test_catalogue() reporting to `sink` (may be null).
std::unique_ptr<Engine> make_engine(EventSink* sink = nullptr, EngineConfig config = {});

/// A limit order request.
SpotOrderRequest limit(std::string_view pair, Side side, std::string_view amount,
                       std::string_view price, TimeInForce tif = TimeInForce::gtc,
                       std::string_view text = {});
/// A market order request (`amount` is quote for buys).
SpotOrderRequest market(std::string_view pair, Side side, std::string_view amount,
                        TimeInForce tif = TimeInForce::ioc);
/// A futures order request; price "0" is a market order.
FuturesOrderRequest futures_order(std::string_view contract, std::string_view size,
                                  std::string_view price, TimeInForce tif = TimeInForce::gtc);

/// Spot available / locked of a currency.
Decimal available(Engine const& engine, UserId user, std::string_view currency);
Decimal locked(Engine const& engine, UserId user, std::string_view currency);

}  // namespace tradelink::sandbox::testing
