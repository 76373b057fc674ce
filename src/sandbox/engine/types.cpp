#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

std::string_view to_string(Side side) noexcept {
  return side == Side::buy ? "buy" : "sell";
}

std::string_view to_string(TimeInForce tif) noexcept {
  switch (tif) {
    case TimeInForce::gtc: return "gtc";
    case TimeInForce::ioc: return "ioc";
    case TimeInForce::poc: return "poc";
    case TimeInForce::fok: return "fok";
  }
  return "gtc";
}

std::string_view to_string(SpotOrderType type) noexcept {
  return type == SpotOrderType::limit ? "limit" : "market";
}

std::string_view to_string(SpotOrderStatus status) noexcept {
  switch (status) {
    case SpotOrderStatus::open: return "open";
    case SpotOrderStatus::closed: return "closed";
    case SpotOrderStatus::cancelled: return "cancelled";
  }
  return "open";
}

std::string_view to_string(FuturesOrderStatus status) noexcept {
  return status == FuturesOrderStatus::open ? "open" : "finished";
}

std::string_view to_string(FinishAs finish_as) noexcept {
  switch (finish_as) {
    case FinishAs::open: return "open";
    case FinishAs::filled: return "filled";
    case FinishAs::cancelled: return "cancelled";
    case FinishAs::ioc: return "ioc";
    case FinishAs::fok: return "fok";
    case FinishAs::depth_not_enough: return "depth_not_enough";
    case FinishAs::small: return "small";
    case FinishAs::reduce_only: return "reduce_only";
    case FinishAs::position_closed: return "position_closed";
  }
  return "open";
}

std::string_view to_string(OrderEvent event) noexcept {
  switch (event) {
    case OrderEvent::put: return "put";
    case OrderEvent::update: return "update";
    case OrderEvent::finish: return "finish";
  }
  return "update";
}

std::string_view to_string(Role role) noexcept {
  return role == Role::maker ? "maker" : "taker";
}

std::string_view to_string(SpotBalanceChange change) noexcept {
  switch (change) {
    case SpotBalanceChange::deposit: return "deposit";
    case SpotBalanceChange::withdraw: return "withdraw";
    case SpotBalanceChange::order_create: return "order-create";
    case SpotBalanceChange::order_match: return "order-match";
    case SpotBalanceChange::order_update: return "order-update";
    case SpotBalanceChange::trade_fee_deduct: return "trade-fee-deduct";
    case SpotBalanceChange::future_transfer: return "future-transfer";
  }
  return "other";
}

std::string_view to_string(FuturesBalanceChange change) noexcept {
  switch (change) {
    case FuturesBalanceChange::dnw: return "dnw";
    case FuturesBalanceChange::pnl: return "pnl";
    case FuturesBalanceChange::fee: return "fee";
    case FuturesBalanceChange::fund: return "fund";
  }
  return "dnw";
}

}  // namespace tradelink::sandbox
