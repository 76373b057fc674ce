#pragma once
// Spot requests and the records the engine returns for them: orders, fills, balances, tickers.
// Field names follow Gate's REST objects (gateio-v4.md §3.3, §3.4). Every std::string_view member
// points into the engine's catalogue and stays valid for the engine's lifetime.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "sandbox/engine/fixed_text.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// `POST /spot/orders` after the front parsed and format-checked it. Views are read during the
/// call only.
struct SpotOrderRequest {
  std::string_view currency_pair;
  Side side = Side::buy;
  SpotOrderType type = SpotOrderType::limit;
  core::Decimal amount;  ///< base amount; quote amount to spend for a market buy
  core::Decimal price;   ///< limit price; ignored for market orders
  TimeInForce time_in_force = TimeInForce::gtc;
  std::string_view text;  ///< client text (at most FixedText::capacity bytes), may be empty
};

/// `PATCH /spot/orders/{order_id}` after the front parsed it: at least one of the new amount
/// (the order's whole amount, the filled part included) and the new price. Views are read during
/// the call only.
struct SpotOrderAmendment {
  std::optional<core::Decimal> amount;
  std::optional<core::Decimal> price;
  std::string_view amend_text;  ///< the caller's note (at most FixedText::capacity bytes)
};

/// A spot order as Gate returns it. For a market buy `amount` and `left` are quote amounts.
struct SpotOrder {
  OrderId id = 0;
  UserId user = 0;
  FixedText text;
  SpotOrderType type = SpotOrderType::limit;
  Side side = Side::buy;
  TimeInForce time_in_force = TimeInForce::gtc;
  SpotOrderStatus status = SpotOrderStatus::open;
  FinishAs finish_as = FinishAs::open;
  std::string_view currency_pair;
  /// Note of the latest amendment, empty before one (and once finished, in the history). Kept by
  /// the engine: valid until the engine is next called.
  std::string_view amend_text;
  core::Decimal amount;
  core::Decimal price;  ///< 0 for market orders
  core::Decimal left;
  core::Decimal filled_amount;   ///< base filled
  core::Decimal filled_total;    ///< quote filled (Gate's `fill_price` is the same number)
  core::Decimal avg_deal_price;  ///< filled_total / filled_amount, 0 before any fill
  core::Decimal fee;
  std::string_view fee_currency;  ///< base for buys, quote for sells
  TimeMs create_time_ms = 0;
  TimeMs update_time_ms = 0;
};

/// One of the user's fills (`GET /spot/my_trades`, `spot.usertrades`).
struct SpotUserTrade {
  TradeId id = 0;  ///< shared by the maker's and the taker's record of one fill
  UserId user = 0;
  OrderId order_id = 0;
  std::string_view currency_pair;
  Side side = Side::buy;
  Role role = Role::taker;
  core::Decimal amount;  ///< base
  core::Decimal price;
  core::Decimal deal;  ///< amount × price
  core::Decimal fee;
  std::string_view fee_currency;
  FixedText text;
  std::int64_t sequence_id = 0;  ///< per-pair trade sequence (Gate's `sequence_id`/`id_market`)
  TimeMs create_time_ms = 0;
};

/// A public trade (`GET /spot/trades`, `spot.trades`); `side` is the taker's.
struct SpotPublicTrade {
  TradeId id = 0;
  std::string_view currency_pair;
  Side side = Side::buy;
  core::Decimal amount;
  core::Decimal price;
  std::int64_t sequence_id = 0;
  TimeMs create_time_ms = 0;
};

/// One currency of a spot account (`GET /spot/accounts`).
struct SpotBalance {
  std::string_view currency;
  core::Decimal available;
  core::Decimal locked;
  std::int64_t update_id = 0;  ///< increments on every change of this currency
};

/// `GET /spot/tickers` entry. Empty optionals are Gate's empty strings.
struct SpotTicker {
  std::string_view currency_pair;
  std::optional<core::Decimal> last;
  std::optional<core::Decimal> lowest_ask;
  std::optional<core::Decimal> highest_bid;
  core::Decimal change_percentage;
  core::Decimal base_volume;
  core::Decimal quote_volume;
  core::Decimal high_24h;
  core::Decimal low_24h;
};

/// One pair of `GET /spot/open_orders`: the pair's open-order count and the requested page.
struct OpenOrdersGroup {
  std::string_view currency_pair;
  std::size_t total = 0;
  std::vector<SpotOrder> orders;
};

}  // namespace tradelink::sandbox
