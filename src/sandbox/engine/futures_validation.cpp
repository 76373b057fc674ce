// Futures order validation with Gate's labels (gateio-v4.md §3.5, §4): contract, account,
// size grid and bounds, price grid, market-order tif, close and reduce-only rules, open-order
// limit, post-only and fill-or-kill feasibility, and the order margin against available.

#include <algorithm>
#include <string>

#include "sandbox/engine/futures_exchange.hpp"
#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"

namespace tradelink::sandbox {
namespace {

core::Error invalid(std::string message) {
  return make_error(Label::invalid_param_value, std::move(message));
}

/// The contract's order size limits, for a placement or an amendment.
core::Result<void> check_size_bounds(ContractSpec const& spec, core::Decimal size) {
  if (size < spec.order_size_min) {
    return make_error(Label::size_too_small, "order size " + size.to_string() +
                                                 " is below the minimum " +
                                                 spec.order_size_min.to_string());
  }
  if (size > spec.order_size_max) {
    return make_error(Label::size_too_large, "order size " + size.to_string() +
                                                 " is above the maximum " +
                                                 spec.order_size_max.to_string());
  }
  return core::ok();
}

std::int64_t magnitude(std::int64_t value) noexcept {
  return value < 0 ? -value : value;
}

}  // namespace

std::optional<std::uint32_t> FuturesExchange::contract_index(
    std::string_view contract) const noexcept {
  for (std::size_t index = 0; index < markets_.size(); ++index) {
    if (markets_[index].spec.name == contract) return static_cast<std::uint32_t>(index);
  }
  return std::nullopt;
}

core::Result<std::uint32_t> FuturesExchange::find_contract(std::string_view contract) const {
  if (auto const index = contract_index(contract)) return *index;
  return make_error(Label::contract_not_found, "Contract not found: " + std::string(contract));
}

core::Result<std::uint32_t> FuturesExchange::find_account(UserId user) const {
  auto const found = account_index_.find(user);
  if (!found) {
    return make_error(Label::user_not_found,
                      "please transfer funds first to create futures account");
  }
  return *found;
}

std::int64_t FuturesExchange::crossing_lots(Market const& market, Side side,
                                            std::int64_t price_ticks, std::int64_t wanted) const {
  std::int64_t available_lots = 0;
  market.book.visit_levels(opposite(side), [&](OrderBook::Level const& level) {
    bool const crosses = price_ticks == 0 || (side == Side::buy ? level.price <= price_ticks
                                                                : level.price >= price_ticks);
    if (!crosses) return false;
    available_lots += level.quantity;
    return available_lots < wanted;
  });
  return available_lots;
}

std::int64_t FuturesExchange::worst_price_ticks(Market const& market, Side side,
                                                std::int64_t lots) const {
  std::int64_t worst = 0;
  std::int64_t seen = 0;
  market.book.visit_levels(opposite(side), [&](OrderBook::Level const& level) {
    worst = level.price;
    seen += level.quantity;
    return seen < lots;
  });
  return worst;
}

core::Result<void> FuturesExchange::validate(UserId user, FuturesOrderRequest const& request,
                                             Plan& plan) const {
  // Plain lookups first; only a failed one builds its error.
  auto const contract = contract_index(request.contract);
  if (!contract) return find_contract(request.contract).error();
  auto const account = account_index_.find(user);
  if (!account) return find_account(user).error();
  Market const& market = markets_[*contract];
  ContractSpec const& spec = market.spec;
  UserContract const& holding = accounts_[*account].contracts[*contract];
  Position const& position = holding.position;

  plan.contract = *contract;
  plan.account = *account;
  auto const text = FixedText::from(request.text);
  if (!text) return invalid("Invalid parameter `text` with value: " + std::string(request.text));
  plan.text = *text;

  if (request.close) {
    if (!request.size.is_zero()) return invalid("size must be 0 when close is set");
    if (position.size == 0) return make_error(Label::position_empty, "position is empty");
    plan.side = position.size > 0 ? Side::sell : Side::buy;
    plan.lots = magnitude(position.size);
    plan.reduce_only = true;
    plan.close = true;
  } else {
    if (request.size.is_zero()) return invalid("Invalid parameter `size` with value: 0");
    auto const lots = market.size_grid.to_units(request.size);
    if (!lots) {
      return invalid("Invalid parameter `size` with value: " + request.size.to_string() +
                     " (must be a multiple of " + spec.size_step.to_string() + ")");
    }
    plan.side = *lots > 0 ? Side::buy : Side::sell;
    plan.lots = magnitude(*lots);
    if (auto const bounded = check_size_bounds(spec, market.size_grid.to_decimal(plan.lots));
        !bounded) {
      return bounded.error();
    }
    plan.reduce_only = request.reduce_only;
  }

  if (request.price.is_negative()) {
    return invalid("Invalid parameter `price` with value: " + request.price.to_string());
  }
  if (request.price.is_zero()) {
    if (request.time_in_force != TimeInForce::ioc && request.time_in_force != TimeInForce::fok) {
      return invalid("market orders (price 0) need tif ioc or fok");
    }
  } else {
    auto const ticks = market.price_grid.to_units(request.price);
    if (!ticks) {
      return invalid("Invalid parameter `price` with value: " + request.price.to_string() +
                     " (must be a multiple of " + spec.order_price_round.to_string() + ")");
    }
    plan.price_ticks = *ticks;
  }

  if (plan.reduce_only && !plan.close) {
    if (position.size == 0) return make_error(Label::reduce_exceeded, "empty position");
    if ((position.size > 0) == (plan.side == Side::buy)) {
      return make_error(Label::increase_position, "reduce-only order would increase position");
    }
    std::int64_t const pending =
        plan.side == Side::buy ? holding.reduce_buy_lots : holding.reduce_sell_lots;
    if (plan.lots > magnitude(position.size) - pending) {
      return make_error(Label::reduce_exceeded, "reduce-only order would exceed position");
    }
  }
  if (holding.open.count >=
      static_cast<std::size_t>(std::max<std::int64_t>(spec.orders_limit, 0))) {
    return make_error(Label::too_many_orders, "Too many open orders");
  }
  if (request.time_in_force == TimeInForce::poc &&
      crossing_lots(market, plan.side, plan.price_ticks, 1) > 0) {
    return make_error(Label::order_poc_immediate, "POC order will be finished immediately");
  }
  if (request.time_in_force == TimeInForce::fok &&
      crossing_lots(market, plan.side, plan.price_ticks, plan.lots) < plan.lots) {
    return make_error(Label::order_fok, "Killed for FOK");
  }

  plan.margin_ticks =
      plan.price_ticks != 0 ? plan.price_ticks : worst_price_ticks(market, plan.side, plan.lots);
  auto const value_units = static_cast<core::Decimal::Raw>(plan.lots) * plan.margin_ticks;
  if (value_units > market.max_value_units) {
    return make_error(Label::size_too_large, "order value exceeds the sandbox maximum " +
                                                 config_.max_order_value.to_string());
  }
  if (!plan.reduce_only) {
    bool const extends = position.size == 0 || (position.size > 0) == (plan.side == Side::buy);
    std::int64_t const closing_orders =
        plan.side == Side::buy ? holding.open_buy_lots : holding.open_sell_lots;
    std::int64_t const closable =
        extends ? 0 : std::max<std::int64_t>(magnitude(position.size) - closing_orders, 0);
    plan.opening_lots = std::max<std::int64_t>(plan.lots - closable, 0);
  }
  plan.margin = initial_margin(
      money::scaled(static_cast<core::Decimal::Raw>(plan.opening_lots) * plan.margin_ticks,
                    market.value_unit_raw),
      position.leverage);
  if (plan.margin > available(accounts_[plan.account])) {
    return make_error(Label::insufficient_available, "Insufficient available balance");
  }
  return core::ok();
}

core::Result<void> FuturesExchange::validate_amendment(Record const& record,
                                                       FuturesOrderAmendment const& amendment,
                                                       AmendPlan& plan) const {
  Market const& market = markets_[record.contract];
  ContractSpec const& spec = market.spec;
  AccountState const& account = accounts_[record.account];
  UserContract const& holding = account.contracts[record.contract];
  Position const& position = holding.position;
  auto const note = FixedText::from(amendment.amend_text);
  if (!note) {
    return invalid("Invalid parameter `amend_text` with value: " +
                   std::string(amendment.amend_text));
  }
  plan.note = *note;
  if (!amendment.size && !amendment.price) {
    return invalid("Either size or price must be specified");
  }
  plan.price_ticks = record.price_ticks;
  if (amendment.price) {
    auto const ticks = amendment.price->is_positive() ? market.price_grid.to_units(*amendment.price)
                                                      : std::optional<std::int64_t>{};
    if (!ticks) {
      return invalid("Invalid parameter `price` with value: " + amendment.price->to_string() +
                     " (must be positive and a multiple of " + spec.order_price_round.to_string() +
                     ")");
    }
    plan.price_ticks = *ticks;
  }
  plan.lots = record.left_lots + record.filled_lots;
  if (amendment.size) {
    // Gate: a close order's size cannot be changed, and the side stays.
    if (record.order.is_close) return invalid("the size of a close order cannot be amended");
    auto const lots = market.size_grid.to_units(*amendment.size);
    if (!lots) {
      return invalid("Invalid parameter `size` with value: " + amendment.size->to_string() +
                     " (must be a multiple of " + spec.size_step.to_string() + ")");
    }
    if (*lots != 0 && (*lots > 0) != (record.side == Side::buy)) {
      return invalid("Invalid parameter `size` with value: " + amendment.size->to_string() +
                     " (the order's side cannot change)");
    }
    plan.lots = magnitude(*lots);
  }
  // Gate: a size not above what is filled cancels the order.
  plan.cancels = plan.lots <= record.filled_lots;
  if (plan.cancels) return core::ok();

  if (auto const bounded = check_size_bounds(spec, market.size_grid.to_decimal(plan.lots));
      !bounded) {
    return bounded.error();
  }
  auto const value_units = static_cast<core::Decimal::Raw>(plan.lots) * plan.price_ticks;
  if (value_units > market.max_value_units) {
    return make_error(Label::size_too_large, "order value exceeds the sandbox maximum " +
                                                 config_.max_order_value.to_string());
  }
  std::int64_t const left_lots = plan.lots - record.filled_lots;
  bool const buy = record.side == Side::buy;
  if (record.order.is_reduce_only && left_lots > record.left_lots) {
    std::int64_t const others =
        (buy ? holding.reduce_buy_lots : holding.reduce_sell_lots) - record.left_lots;
    if (left_lots > magnitude(position.size) - others) {
      return make_error(Label::reduce_exceeded, "reduce-only order would exceed position");
    }
  }
  if (record.order.time_in_force == TimeInForce::poc && plan.price_ticks != record.price_ticks &&
      crossing_lots(market, record.side, plan.price_ticks, 1) > 0) {
    return make_error(Label::order_poc_immediate, "POC order will be finished immediately");
  }
  // The opening part is judged as at placement, the order's own unfilled lots set aside.
  if (!record.order.is_reduce_only) {
    bool const extends = position.size == 0 || (position.size > 0) == buy;
    std::int64_t const other_orders =
        (buy ? holding.open_buy_lots : holding.open_sell_lots) - record.left_lots;
    std::int64_t const closable =
        extends ? 0 : std::max<std::int64_t>(magnitude(position.size) - other_orders, 0);
    plan.opening_lots = std::max<std::int64_t>(left_lots - closable, 0);
  }
  core::Decimal const margin = initial_margin(
      money::scaled(static_cast<core::Decimal::Raw>(plan.opening_lots) * plan.price_ticks,
                    market.value_unit_raw),
      position.leverage);
  core::Decimal const extra = money::minus(margin, record.reserved_margin);
  if (extra.is_positive() && extra > available(account)) {
    return make_error(Label::insufficient_available, "Insufficient available balance");
  }
  return core::ok();
}

}  // namespace tradelink::sandbox
