// Spot order validation with Gate's labels and messages (gateio-v4.md §3.3, §4): pair, side
// allowed by trade_status, text, amount and price on the pair's grids, minimum and maximum
// size and value. Minimum-size failures use INVALID_PARAM_VALUE with Gate's "Your order size …
// is too small" message.

#include <string>

#include "sandbox/engine/labels.hpp"
#include "sandbox/engine/money.hpp"
#include "sandbox/engine/spot_exchange.hpp"

namespace tradelink::sandbox {
namespace {

core::Error invalid_value(std::string_view field, core::Decimal value) {
  return make_error(Label::invalid_param_value, "Invalid parameter `" + std::string(field) +
                                                    "` with value: " + value.to_string());
}

core::Error too_small(core::Decimal size, std::string_view currency, core::Decimal minimum) {
  std::string const unit(currency);
  return make_error(Label::invalid_param_value, "Your order size " + size.to_string() + " " + unit +
                                                    " is too small. The minimum is " +
                                                    minimum.to_string() + " " + unit);
}

core::Error too_large(core::Decimal size, std::string_view currency, core::Decimal maximum) {
  std::string const unit(currency);
  return make_error(Label::amount_too_much, "Your order size " + size.to_string() + " " + unit +
                                                " is too large. The maximum is " +
                                                maximum.to_string() + " " + unit);
}

core::Error bad_precision(std::string_view field, core::Decimal value, int digits) {
  return make_error(Label::invalid_precision, "Invalid precision of " + std::string(field) + " " +
                                                  value.to_string() + ": at most " +
                                                  std::to_string(digits) + " decimal places");
}

bool side_allowed(TradeStatus status, Side side) noexcept {
  switch (status) {
    case TradeStatus::tradable: return true;
    case TradeStatus::buyable: return side == Side::buy;
    case TradeStatus::sellable: return side == Side::sell;
    case TradeStatus::untradable: return false;
  }
  return false;
}

}  // namespace

core::Result<std::uint32_t> SpotExchange::find_pair(std::string_view pair) const {
  for (std::size_t index = 0; index < markets_.size(); ++index) {
    if (markets_[index].spec.id == pair) return static_cast<std::uint32_t>(index);
  }
  return make_error(Label::invalid_currency_pair, "Invalid currency pair " + std::string(pair));
}

core::Result<void> SpotExchange::validate(SpotOrderRequest const& request, Plan& plan) const {
  auto const pair = find_pair(request.currency_pair);
  if (!pair) return pair.error();
  Market const& market = markets_[*pair];
  PairSpec const& spec = market.spec;

  if (!side_allowed(spec.trade_status, request.side)) {
    return make_error(Label::trade_restricted, "Trading " + std::string(to_string(request.side)) +
                                                   " " + spec.id + " is not allowed now");
  }
  plan.pair = *pair;
  auto const text = FixedText::from(request.text);
  if (!text) {
    return make_error(Label::invalid_param_value,
                      "Invalid parameter `text` with value: " + std::string(request.text));
  }
  plan.text = *text;
  if (!request.amount.is_positive()) return invalid_value("amount", request.amount);

  core::Decimal const max_value = market.max_value;

  if (request.type == SpotOrderType::market) {
    if (request.time_in_force != TimeInForce::ioc && request.time_in_force != TimeInForce::fok) {
      return make_error(Label::invalid_param_value,
                        "Invalid parameter `time_in_force` with value: " +
                            std::string(to_string(request.time_in_force)) +
                            " (market orders accept ioc or fok)");
    }
    if (request.side == Side::buy) {
      // A market buy's amount is the quote to spend.
      if (!market.quote_grid.to_units(request.amount)) {
        return bad_precision("amount", request.amount, spec.precision + spec.amount_precision);
      }
      if (request.amount < spec.min_quote_amount) {
        return too_small(request.amount, spec.quote, spec.min_quote_amount);
      }
      if (request.amount > max_value) return too_large(request.amount, spec.quote, max_value);
      plan.lock_amount = request.amount;
      plan.lock_currency = market.quote;
      return core::ok();
    }
  } else {
    if (!request.price.is_positive()) return invalid_value("price", request.price);
    auto const ticks = market.price_grid.to_units(request.price);
    if (!ticks) return bad_precision("price", request.price, spec.precision);
    plan.price_ticks = *ticks;
  }

  auto const lots = market.amount_grid.to_units(request.amount);
  if (!lots) return bad_precision("amount", request.amount, spec.amount_precision);
  plan.amount_lots = *lots;
  if (request.amount < spec.min_base_amount) {
    return too_small(request.amount, spec.base, spec.min_base_amount);
  }
  if (spec.max_base_amount && request.amount > *spec.max_base_amount) {
    return too_large(request.amount, spec.base, *spec.max_base_amount);
  }
  if (request.type == SpotOrderType::limit) {
    // Both unit counts are below 10^15, so their product fits easily before it is scaled.
    auto const value_units = static_cast<core::Decimal::Raw>(plan.price_ticks) * plan.amount_lots;
    if (value_units > market.max_value_units) {
      return too_large(money::times(request.price, request.amount), spec.quote, max_value);
    }
    core::Decimal const value = money::scaled(value_units, market.value_unit_raw);
    if (value < spec.min_quote_amount) return too_small(value, spec.quote, spec.min_quote_amount);
    if (value > max_value) return too_large(value, spec.quote, max_value);
    if (request.side == Side::buy) {
      plan.lock_amount = value;
      plan.lock_currency = market.quote;
      return core::ok();
    }
  }
  plan.lock_amount = request.amount;
  plan.lock_currency = market.base;
  return core::ok();
}

core::Result<void> SpotExchange::validate_amendment(Record const& record,
                                                    SpotOrderAmendment const& amendment,
                                                    AmendPlan& plan) const {
  Market const& market = markets_[record.pair];
  PairSpec const& spec = market.spec;
  auto const note = FixedText::from(amendment.amend_text);
  if (!note) {
    return make_error(Label::invalid_param_value, "Invalid parameter `amend_text` with value: " +
                                                      std::string(amendment.amend_text));
  }
  plan.note = *note;
  if (!amendment.amount && !amendment.price) {
    return make_error(Label::invalid_param_value, "Either amount or price must be specified");
  }
  plan.price_ticks = record.price_ticks;
  if (amendment.price) {
    if (!amendment.price->is_positive()) return invalid_value("price", *amendment.price);
    auto const ticks = market.price_grid.to_units(*amendment.price);
    if (!ticks) return bad_precision("price", *amendment.price, spec.precision);
    plan.price_ticks = *ticks;
  }
  plan.amount_lots = record.left_lots + record.filled_lots;
  if (amendment.amount) {
    if (!amendment.amount->is_positive()) return invalid_value("amount", *amendment.amount);
    auto const lots = market.amount_grid.to_units(*amendment.amount);
    if (!lots) return bad_precision("amount", *amendment.amount, spec.amount_precision);
    plan.amount_lots = *lots;
  }
  // Gate: an amount below what is filled cancels the order (and so does an equal one: nothing
  // would be left to trade).
  plan.cancels = plan.amount_lots <= record.filled_lots;
  if (plan.cancels) return core::ok();

  core::Decimal const amount = market.amount_grid.to_decimal(plan.amount_lots);
  if (amount < spec.min_base_amount) return too_small(amount, spec.base, spec.min_base_amount);
  if (spec.max_base_amount && amount > *spec.max_base_amount) {
    return too_large(amount, spec.base, *spec.max_base_amount);
  }
  core::Decimal const max_value = market.max_value;
  auto const value_units = static_cast<core::Decimal::Raw>(plan.price_ticks) * plan.amount_lots;
  if (value_units > market.max_value_units) {
    return too_large(money::times(market.price_grid.to_decimal(plan.price_ticks), amount),
                     spec.quote, max_value);
  }
  core::Decimal const value = money::scaled(value_units, market.value_unit_raw);
  if (value < spec.min_quote_amount) return too_small(value, spec.quote, spec.min_quote_amount);
  if (value > max_value) return too_large(value, spec.quote, max_value);

  std::int64_t const left_lots = plan.amount_lots - record.filled_lots;
  plan.lock_amount =
      record.order.side == Side::buy
          ? money::scaled(static_cast<core::Decimal::Raw>(plan.price_ticks) * left_lots,
                          market.value_unit_raw)
          : market.amount_grid.to_decimal(left_lots);
  if (record.order.time_in_force == TimeInForce::poc && plan.price_ticks != record.price_ticks &&
      would_take(market, record.order.side, plan.price_ticks)) {
    return make_error(Label::poc_fill_immediately,
                      "Order would match and take immediately so it's cancelled");
  }
  core::Decimal const extra = money::minus(plan.lock_amount, record.locked);
  if (extra.is_positive() &&
      ledger_.balance(record.account, record.lock_currency).available < extra) {
    return make_error(Label::balance_not_enough, "Not enough balance");
  }
  return core::ok();
}

bool SpotExchange::would_take(Market const& market, Side side, std::int64_t price_ticks) const {
  auto const best = market.book.best_price(opposite(side));
  if (!best) return false;
  return side == Side::buy ? *best <= price_ticks : *best >= price_ticks;
}

bool SpotExchange::can_fill_completely(Market const& market, Record const& taker) const {
  Side const book_side = opposite(taker.order.side);
  bool const is_market = taker.order.type == SpotOrderType::market;
  if (taker.is_market_buy()) {
    // Spend the budget level by level; it is spent when what is left cannot buy one more lot.
    core::Decimal::Raw budget = taker.locked.raw();
    bool spent = false;
    market.book.visit_levels(book_side, [&](OrderBook::Level const& level) {
      core::Decimal::Raw const lot_cost =
          static_cast<core::Decimal::Raw>(level.price) * market.value_unit_raw;
      core::Decimal::Raw const affordable = budget / lot_cost;
      if (affordable <= level.quantity) {
        spent = true;
        return false;
      }
      budget -= static_cast<core::Decimal::Raw>(level.quantity) * lot_cost;
      return true;
    });
    return spent;
  }
  std::int64_t wanted = taker.left_lots;
  market.book.visit_levels(book_side, [&](OrderBook::Level const& level) {
    bool const crosses =
        is_market || (taker.order.side == Side::buy ? level.price <= taker.price_ticks
                                                    : level.price >= taker.price_ticks);
    if (!crosses) return false;
    wanted -= level.quantity;
    return wanted > 0;
  });
  return wanted <= 0;
}

}  // namespace tradelink::sandbox
