// Wire spellings from the Gate.io API v4 docs, "Spot" (Order model) and "Futures" (FuturesOrder
// model) sections. One table per enum drives both directions so they cannot disagree.
#include "venues/gateio/common/enums.hpp"

#include <utility>

namespace tradelink::gateio {
namespace {

template <class Enum>
using WireName = std::pair<Enum, std::string_view>;

constexpr WireName<OrderSide> order_sides[] = {{OrderSide::buy, "buy"}, {OrderSide::sell, "sell"}};

constexpr WireName<SpotOrderType> spot_order_types[] = {{SpotOrderType::limit, "limit"},
                                                        {SpotOrderType::market, "market"}};

constexpr WireName<TimeInForce> times_in_force[] = {{TimeInForce::gtc, "gtc"},
                                                    {TimeInForce::ioc, "ioc"},
                                                    {TimeInForce::poc, "poc"},
                                                    {TimeInForce::fok, "fok"}};

constexpr WireName<SpotAccountType> spot_account_types[] = {
    {SpotAccountType::spot, "spot"},
    {SpotAccountType::margin, "margin"},
    {SpotAccountType::cross_margin, "cross_margin"},
    {SpotAccountType::unified, "unified"}};

constexpr WireName<StpAction> stp_actions[] = {{StpAction::cancel_newest, "cn"},
                                               {StpAction::cancel_oldest, "co"},
                                               {StpAction::cancel_both, "cb"}};

constexpr WireName<ActionMode> action_modes[] = {
    {ActionMode::ack, "ACK"}, {ActionMode::result, "RESULT"}, {ActionMode::full, "FULL"}};

constexpr WireName<FuturesAutoSize> futures_auto_sizes[] = {
    {FuturesAutoSize::close_long, "close_long"}, {FuturesAutoSize::close_short, "close_short"}};

constexpr WireName<PositionMarginMode> position_margin_modes[] = {
    {PositionMarginMode::isolated, "isolated"}, {PositionMarginMode::cross, "cross"}};

template <class Enum, std::size_t N>
std::string_view spelling(WireName<Enum> const (&table)[N], Enum value) noexcept {
  for (auto const& [candidate, text] : table) {
    if (candidate == value) return text;
  }
  // Unreachable for valid enumerators; a cast-in garbage value still gets a printable answer.
  return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> lookup(WireName<Enum> const (&table)[N], std::string_view text) noexcept {
  for (auto const& [value, candidate] : table) {
    if (candidate == text) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(OrderSide value) noexcept { return spelling(order_sides, value); }
std::string_view to_string(SpotOrderType value) noexcept {
  return spelling(spot_order_types, value);
}
std::string_view to_string(TimeInForce value) noexcept { return spelling(times_in_force, value); }
std::string_view to_string(SpotAccountType value) noexcept {
  return spelling(spot_account_types, value);
}
std::string_view to_string(StpAction value) noexcept { return spelling(stp_actions, value); }
std::string_view to_string(ActionMode value) noexcept { return spelling(action_modes, value); }
std::string_view to_string(FuturesAutoSize value) noexcept {
  return spelling(futures_auto_sizes, value);
}
std::string_view to_string(PositionMarginMode value) noexcept {
  return spelling(position_margin_modes, value);
}

std::optional<OrderSide> parse_order_side(std::string_view text) noexcept {
  return lookup(order_sides, text);
}
std::optional<SpotOrderType> parse_spot_order_type(std::string_view text) noexcept {
  return lookup(spot_order_types, text);
}
std::optional<TimeInForce> parse_time_in_force(std::string_view text) noexcept {
  return lookup(times_in_force, text);
}
std::optional<SpotAccountType> parse_spot_account_type(std::string_view text) noexcept {
  return lookup(spot_account_types, text);
}
std::optional<StpAction> parse_stp_action(std::string_view text) noexcept {
  return lookup(stp_actions, text);
}
std::optional<ActionMode> parse_action_mode(std::string_view text) noexcept {
  return lookup(action_modes, text);
}
std::optional<FuturesAutoSize> parse_futures_auto_size(std::string_view text) noexcept {
  return lookup(futures_auto_sizes, text);
}
std::optional<PositionMarginMode> parse_position_margin_mode(std::string_view text) noexcept {
  return lookup(position_margin_modes, text);
}

}  // namespace tradelink::gateio
