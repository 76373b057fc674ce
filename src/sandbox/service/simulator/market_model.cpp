#include "sandbox/service/simulator/market_model.hpp"

#include <algorithm>
#include <array>

namespace tradelink::sandbox::simulator {
namespace {

// 10^-digits.
core::Decimal step_of_digits(int digits) {
  core::Decimal::Raw raw = 1;
  for (int i = digits; i < core::Decimal::scale; ++i) raw *= 10;
  return core::Decimal::from_raw(raw);
}

std::size_t fair_index(MarketModel& model, std::string const& name) {
  auto const found = std::find(model.fair_names.begin(), model.fair_names.end(), name);
  if (found != model.fair_names.end()) {
    return static_cast<std::size_t>(found - model.fair_names.begin());
  }
  model.fair_names.push_back(name);
  return model.fair_names.size() - 1;
}

std::string base_of(std::string const& name) {
  return name.substr(0, name.find('_'));
}

}  // namespace

MarketModel MarketModel::from(Catalogue const& catalogue) {
  MarketModel model;
  for (PairSpec const& pair : catalogue.pairs) {
    SimMarket market;
    market.kind = MarketKind::spot;
    market.name = pair.id;
    market.base = pair.base;
    market.quote = pair.quote;
    market.fair = fair_index(model, pair.id);
    market.price_tick = step_of_digits(pair.precision);
    market.size_step = step_of_digits(pair.amount_precision);
    market.min_size = std::max(pair.min_base_amount, market.size_step);
    market.min_value = pair.min_quote_amount;
    market.unit = step_of_digits(0);
    market.quote_step = market.price_tick;
    model.markets.push_back(std::move(market));
  }
  for (ContractSpec const& contract : catalogue.contracts) {
    SimMarket market;
    market.kind = MarketKind::perpetual;
    market.name = contract.name;
    market.base = base_of(contract.name);
    market.quote = "USDT";
    market.fair = fair_index(model, contract.name);
    market.price_tick = contract.order_price_round;
    market.size_step = contract.size_step;
    market.min_size = std::max(contract.order_size_min, contract.size_step);
    market.unit = contract.quanto_multiplier;
    market.quote_step = contract.order_price_round;
    market.mark_tick = contract.mark_price_round;
    model.markets.push_back(std::move(market));
  }
  return model;
}

std::optional<std::size_t> MarketModel::find_fair(std::string_view name) const {
  auto const found = std::find(fair_names.begin(), fair_names.end(), name);
  if (found == fair_names.end()) return std::nullopt;
  return static_cast<std::size_t>(found - fair_names.begin());
}

core::Decimal starting_price(std::string_view name) {
  struct Opening {
    std::string_view name;
    std::int64_t price;
  };
  static constexpr std::array<Opening, 4> openings{{
      {"BTC_USDT", 65'000},
      {"ETH_USDT", 3'500},
      {"SOL_USDT", 150},
      {"GT_USDT", 8},
  }};
  for (Opening const& opening : openings) {
    if (opening.name == name) return core::Decimal::from_integer(opening.price).value();
  }
  return core::Decimal::from_integer(100).value();
}

}  // namespace tradelink::sandbox::simulator
