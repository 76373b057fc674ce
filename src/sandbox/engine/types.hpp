#pragma once
// Vocabulary of the sandbox engine: identifiers, the engine clock unit, sides, order states and
// the kinds of balance changes. Values mirror Gate.io API v4 (gateio-v4.md §3, §7); to_string()
// gives the exact wire spelling so the front never re-invents it.

#include <cstdint>
#include <string_view>

namespace tradelink::sandbox {

using UserId = std::int64_t;   ///< Gate user id; the front maps API keys to it.
using OrderId = std::int64_t;  ///< Engine-assigned, positive, strictly increasing per product line.
using TradeId = std::int64_t;  ///< Engine-assigned, positive, strictly increasing per product line.
using TimeMs = std::int64_t;   ///< Milliseconds on the sandbox clock owned by the caller.

/// Order side. For futures the side is the sign of `size` (buy > 0, sell < 0).
enum class Side : std::uint8_t { buy, sell };

/// Time in force: good-till-cancelled, immediate-or-cancel, post-only, fill-or-kill.
enum class TimeInForce : std::uint8_t { gtc, ioc, poc, fok };

/// Spot order type. Market buys spend `amount` of the quote currency; market sells sell base.
enum class SpotOrderType : std::uint8_t { limit, market };

/// Spot order status: open → closed (fully filled) or cancelled (anything else).
enum class SpotOrderStatus : std::uint8_t { open, closed, cancelled };

/// Futures order status: open → finished (see FinishAs for why).
enum class FuturesOrderStatus : std::uint8_t { open, finished };

/// Why an order ended (`finish_as`); `open` while it is live.
enum class FinishAs : std::uint8_t {
  open,
  filled,            ///< fully filled
  cancelled,         ///< cancelled by the user, cancel-all or the countdown
  ioc,               ///< immediate-or-cancel remainder dropped
  fok,               ///< fill-or-kill could not fill completely (spot)
  depth_not_enough,  ///< market order ran out of book
  small,             ///< market buy budget too small to buy one lot
  reduce_only,       ///< reduce-only remainder dropped: the position is smaller
  position_closed,   ///< reduce-only order cancelled because its position closed
};

/// What happened to an order in an order event (Gate's `event` field of `spot.orders`).
enum class OrderEvent : std::uint8_t { put, update, finish };

/// Liquidity role of one side of a trade.
enum class Role : std::uint8_t { maker, taker };

/// `change_type` of a `spot.balances` push (gateio-v4.md §7.1).
enum class SpotBalanceChange : std::uint8_t {
  deposit,
  withdraw,
  order_create,      ///< funds locked for a new order
  order_match,       ///< a fill moved funds
  order_update,      ///< a cancel (or end of an ioc/fok/market order) unlocked funds
  trade_fee_deduct,  ///< fee of a fill
  future_transfer,   ///< transfer between spot and the USDT futures account
};

/// `type` of a `futures.balances` push (gateio-v4.md §7.2). Funding is not simulated, so `fund`
/// never occurs; it is listed because the account history carries it.
enum class FuturesBalanceChange : std::uint8_t { dnw, pnl, fee, fund };

/// Which account of a user a transfer or deposit targets.
enum class Account : std::uint8_t { spot, futures };

[[nodiscard]] std::string_view to_string(Side side) noexcept;
[[nodiscard]] std::string_view to_string(TimeInForce tif) noexcept;
[[nodiscard]] std::string_view to_string(SpotOrderType type) noexcept;
[[nodiscard]] std::string_view to_string(SpotOrderStatus status) noexcept;
[[nodiscard]] std::string_view to_string(FuturesOrderStatus status) noexcept;
[[nodiscard]] std::string_view to_string(FinishAs finish_as) noexcept;
[[nodiscard]] std::string_view to_string(OrderEvent event) noexcept;
[[nodiscard]] std::string_view to_string(Role role) noexcept;
[[nodiscard]] std::string_view to_string(SpotBalanceChange change) noexcept;
[[nodiscard]] std::string_view to_string(FuturesBalanceChange change) noexcept;

/// The other side.
[[nodiscard]] constexpr Side opposite(Side side) noexcept {
  return side == Side::buy ? Side::sell : Side::buy;
}

}  // namespace tradelink::sandbox
