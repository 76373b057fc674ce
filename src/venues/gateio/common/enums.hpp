#pragma once
// Gate.io API v4 enumerations that tradelink sends in request bodies (gateio-v4.md §3.3, §3.5),
// with their exact wire spelling. Response models keep Gate's strings verbatim instead (Gate adds
// values such as new `finish_as` reasons without notice); the parse_* functions below map those
// strings back when the domain layer needs a typed value.

#include <optional>
#include <string_view>

namespace tradelink::gateio {

/// Spot order side: "buy" / "sell".
enum class OrderSide { buy, sell };

/// Spot order type: "limit" (default) / "market".
enum class SpotOrderType { limit, market };

/// Time in force: "gtc" (default), "ioc", "poc" (post-only), "fok".
/// Market spot orders accept only ioc/fok; a futures market order is price "0" with ioc.
enum class TimeInForce { gtc, ioc, poc, fok };

/// Spot account an order draws on: "spot" (default), "margin", "cross_margin", "unified".
enum class SpotAccountType { spot, margin, cross_margin, unified };

/// Self-trade prevention action: "cn" cancel newest, "co" cancel oldest, "cb" cancel both.
/// Only valid for users in an STP group; Gate rejects it otherwise.
enum class StpAction { cancel_newest, cancel_oldest, cancel_both };

/// How much of the order Gate returns on creation: "ACK", "RESULT" or "FULL" (default).
enum class ActionMode { ack, result, full };

/// Hedge-mode close of one side with size 0: "close_long" / "close_short".
enum class FuturesAutoSize { close_long, close_short };

/// Margin mode of a position in split-position mode: "isolated" / "cross".
enum class PositionMarginMode { isolated, cross };

/// Exact wire spelling of each value (static storage, never empty).
[[nodiscard]] std::string_view to_string(OrderSide value) noexcept;
[[nodiscard]] std::string_view to_string(SpotOrderType value) noexcept;
[[nodiscard]] std::string_view to_string(TimeInForce value) noexcept;
[[nodiscard]] std::string_view to_string(SpotAccountType value) noexcept;
[[nodiscard]] std::string_view to_string(StpAction value) noexcept;
[[nodiscard]] std::string_view to_string(ActionMode value) noexcept;
[[nodiscard]] std::string_view to_string(FuturesAutoSize value) noexcept;
[[nodiscard]] std::string_view to_string(PositionMarginMode value) noexcept;

/// Inverse of to_string: the value whose wire spelling is exactly `text` (case-sensitive, as
/// Gate sends it), or nullopt for anything else.
[[nodiscard]] std::optional<OrderSide> parse_order_side(std::string_view text) noexcept;
[[nodiscard]] std::optional<SpotOrderType> parse_spot_order_type(std::string_view text) noexcept;
[[nodiscard]] std::optional<TimeInForce> parse_time_in_force(std::string_view text) noexcept;
[[nodiscard]] std::optional<SpotAccountType> parse_spot_account_type(
    std::string_view text) noexcept;
[[nodiscard]] std::optional<StpAction> parse_stp_action(std::string_view text) noexcept;
[[nodiscard]] std::optional<ActionMode> parse_action_mode(std::string_view text) noexcept;
[[nodiscard]] std::optional<FuturesAutoSize> parse_futures_auto_size(
    std::string_view text) noexcept;
[[nodiscard]] std::optional<PositionMarginMode> parse_position_margin_mode(
    std::string_view text) noexcept;

}  // namespace tradelink::gateio
