#include "sandbox/service/simulator/plan_executor.hpp"

#include <set>
#include <string>
#include <vector>

namespace tradelink::sandbox::simulator {
namespace {

using core::Decimal;

constexpr std::int64_t funding_value_usdt = 10'000'000'000;

bool is_shortage(core::Error const& error) {
  return error.code == "BALANCE_NOT_ENOUGH" || error.code == "INSUFFICIENT_AVAILABLE";
}

// Marks the first unclaimed planned level at `price` as kept; false when there is none.
bool claim(std::vector<QuoteLevel> const& levels, std::vector<bool>& kept, Decimal price) {
  for (std::size_t index = 0; index < levels.size(); ++index) {
    if (!kept[index] && levels[index].price == price) {
      kept[index] = true;
      return true;
    }
  }
  return false;
}

void top_up(MarketModel const& model, Engine& engine, UserId user, Account account,
            std::string_view currency, TimeMs now) {
  (void)engine.deposit(user, account, currency, funding_amount(model, currency), now);
}

core::Result<SpotOrder> place_spot(MarketModel const& model, Engine& engine, UserId user,
                                   SpotOrderRequest const& request, SimMarket const& market,
                                   TimeMs now) {
  auto placed = engine.place_spot_order(user, request, now);
  if (placed || !is_shortage(placed.error())) return placed;
  std::string const& currency = request.side == Side::buy ? market.quote : market.base;
  top_up(model, engine, user, Account::spot, currency, now);
  return engine.place_spot_order(user, request, now);
}

core::Result<FuturesOrder> place_futures(MarketModel const& model, Engine& engine, UserId user,
                                         FuturesOrderRequest const& request, TimeMs now) {
  auto placed = engine.place_futures_order(user, request, now);
  if (placed || (!is_shortage(placed.error()) && placed.error().code != "USER_NOT_FOUND")) {
    return placed;
  }
  top_up(model, engine, user, Account::futures, "USDT", now);
  return engine.place_futures_order(user, request, now);
}

Decimal signed_size(Side side, Decimal size) {
  // Planned sizes are positive and far inside the range, so the negation is exact.
  return side == Side::buy ? size : Decimal::from_raw(-size.raw());
}

void requote_spot(MarketModel const& model, SimMarket const& market, Quotes const& quotes,
                  UserId maker, Engine& engine, TimeMs now) {
  auto open = engine.spot().open_orders(maker, market.name, Page{1, Page::max_limit});
  if (!open) return;
  std::vector<bool> bids_kept(quotes.bids.size());
  std::vector<bool> asks_kept(quotes.asks.size());
  for (SpotOrder const& order : *open) {
    bool const kept = order.side == Side::buy ? claim(quotes.bids, bids_kept, order.price)
                                              : claim(quotes.asks, asks_kept, order.price);
    if (!kept) (void)engine.cancel_spot_order(maker, market.name, order.id, now);
  }
  auto place_missing = [&](std::vector<QuoteLevel> const& levels, std::vector<bool> const& kept,
                           Side side) {
    for (std::size_t index = 0; index < levels.size(); ++index) {
      if (kept[index]) continue;
      SpotOrderRequest const request{
          market.name,      side, SpotOrderType::limit, levels[index].size, levels[index].price,
          TimeInForce::gtc, {}};
      (void)place_spot(model, engine, maker, request, market, now);
    }
  };
  place_missing(quotes.bids, bids_kept, Side::buy);
  place_missing(quotes.asks, asks_kept, Side::sell);
}

void requote_futures(MarketModel const& model, SimMarket const& market, Quotes const& quotes,
                     UserId maker, Engine& engine, TimeMs now) {
  std::vector<bool> bids_kept(quotes.bids.size());
  std::vector<bool> asks_kept(quotes.asks.size());
  auto open = engine.futures().open_orders(maker, market.name, Page{1, Page::max_limit});
  if (open) {
    for (FuturesOrder const& order : *open) {
      bool const kept = order.size.is_positive() ? claim(quotes.bids, bids_kept, order.price)
                                                 : claim(quotes.asks, asks_kept, order.price);
      if (!kept) (void)engine.cancel_futures_order(maker, order.id, now);
    }
  }
  auto place_missing = [&](std::vector<QuoteLevel> const& levels, std::vector<bool> const& kept,
                           Side side) {
    for (std::size_t index = 0; index < levels.size(); ++index) {
      if (kept[index]) continue;
      FuturesOrderRequest request;
      request.contract = market.name;
      request.size = signed_size(side, levels[index].size);
      request.price = levels[index].price;
      request.time_in_force = TimeInForce::gtc;
      (void)place_futures(model, engine, maker, request, now);
    }
  };
  place_missing(quotes.bids, bids_kept, Side::buy);
  place_missing(quotes.asks, asks_kept, Side::sell);
}

void take(MarketModel const& model, Take const& order, UserId taker, Engine& engine, TimeMs now) {
  SimMarket const& market = model.markets[order.market];
  if (market.kind == MarketKind::spot) {
    SpotOrderRequest const request{market.name, order.side, SpotOrderType::market,
                                   order.size,  Decimal{},  TimeInForce::ioc,
                                   {}};
    (void)place_spot(model, engine, taker, request, market, now);
    return;
  }
  FuturesOrderRequest request;
  request.contract = market.name;
  request.size = signed_size(order.side, order.size);
  request.time_in_force = TimeInForce::ioc;
  (void)place_futures(model, engine, taker, request, now);
}

}  // namespace

Decimal funding_amount(MarketModel const& model, std::string_view currency) {
  Decimal const value = Decimal::from_integer(funding_value_usdt).value();
  for (SimMarket const& market : model.markets) {
    if (market.kind != MarketKind::spot || market.base != currency) continue;
    auto const amount = value.div(starting_price(market.name));
    if (!amount) break;
    auto const on_grid = amount->quantize_to_step(market.size_step, core::Rounding::down);
    return on_grid ? *on_grid : *amount;
  }
  return value;
}

void fund_user(MarketModel const& model, UserId user, Engine& engine, TimeMs now) {
  std::set<std::string, std::less<>> currencies;
  bool perpetuals = false;
  for (SimMarket const& market : model.markets) {
    if (market.kind == MarketKind::spot) {
      currencies.insert(market.base);
      currencies.insert(market.quote);
    } else {
      perpetuals = true;
    }
  }
  for (std::string const& currency : currencies) {
    top_up(model, engine, user, Account::spot, currency, now);
  }
  if (perpetuals) top_up(model, engine, user, Account::futures, "USDT", now);
}

void follow_mark_prices(MarketModel const& model, std::size_t fair, Decimal price, Engine& engine,
                        TimeMs now) {
  for (SimMarket const& market : model.markets) {
    if (market.kind != MarketKind::perpetual || market.fair != fair) continue;
    auto const mark = price.quantize_to_step(market.mark_tick, core::Rounding::half_even);
    if (mark && mark->is_positive()) (void)engine.set_mark_price(market.name, *mark, now);
  }
}

void execute_plan(MarketModel const& model, TickPlan const& plan, SimAccounts accounts,
                  Engine& engine, TimeMs now) {
  for (std::size_t fair = 0; fair < plan.fair_prices.size(); ++fair) {
    follow_mark_prices(model, fair, plan.fair_prices[fair], engine, now);
  }
  for (Quotes const& quotes : plan.quotes) {
    SimMarket const& market = model.markets[quotes.market];
    if (market.kind == MarketKind::spot) {
      requote_spot(model, market, quotes, accounts.maker, engine, now);
    } else {
      requote_futures(model, market, quotes, accounts.maker, engine, now);
    }
  }
  for (Take const& order : plan.takes) take(model, order, accounts.taker, engine, now);
}

}  // namespace tradelink::sandbox::simulator
