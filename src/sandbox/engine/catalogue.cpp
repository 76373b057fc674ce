#include "sandbox/engine/catalogue.hpp"

#include <set>
#include <string>

#include "sandbox/engine/labels.hpp"

namespace tradelink::sandbox {
namespace {

using core::operator""_dec;

PairSpec spot_pair(std::string base, int amount_precision, int precision,
                   core::Decimal min_base_amount) {
  PairSpec pair;
  pair.id = base + "_USDT";
  pair.base = std::move(base);
  pair.quote = "USDT";
  pair.amount_precision = amount_precision;
  pair.precision = precision;
  pair.min_base_amount = min_base_amount;
  pair.min_quote_amount = "3"_dec;
  pair.max_quote_amount = "5000000"_dec;
  pair.maker_fee_rate = "0.002"_dec;
  pair.taker_fee_rate = "0.002"_dec;
  return pair;
}

ContractSpec perpetual(std::string name, core::Decimal quanto_multiplier,
                       core::Decimal order_price_round, core::Decimal leverage_max,
                       core::Decimal maintenance_rate) {
  ContractSpec contract;
  contract.name = std::move(name);
  contract.quanto_multiplier = quanto_multiplier;
  contract.order_price_round = order_price_round;
  contract.mark_price_round = order_price_round;
  contract.order_size_min = "1"_dec;
  contract.order_size_max = "1000000"_dec;
  contract.size_step = "1"_dec;
  contract.leverage_min = "1"_dec;
  contract.leverage_max = leverage_max;
  contract.default_leverage = "10"_dec;
  contract.maintenance_rate = maintenance_rate;
  contract.maker_fee_rate = "0.0002"_dec;
  contract.taker_fee_rate = "0.0005"_dec;
  contract.risk_limit_base = "1000000"_dec;
  contract.risk_limit_step = "1000000"_dec;
  contract.risk_limit_max = "8000000"_dec;
  return contract;
}

core::Result<void> invalid(std::string const& market, std::string const& why) {
  return make_error(Label::invalid_param_value, "market " + market + ": " + why);
}

// Fees are charged out of what a fill delivers, so a rate must leave something (and the fee
// account only ever receives: no rebates).
bool is_fee_rate(core::Decimal rate) {
  return !rate.is_negative() && rate < "1"_dec;
}

core::Result<void> validate_pair(PairSpec const& pair) {
  if (pair.id.empty() || pair.base.empty() || pair.quote.empty() || pair.base == pair.quote) {
    return invalid(pair.id, "needs an id and two different currencies");
  }
  if (pair.amount_precision < 0 || pair.precision < 0 ||
      pair.amount_precision + pair.precision > core::Decimal::scale) {
    return invalid(pair.id, "precision + amount_precision must be within 0..18");
  }
  if (pair.min_base_amount.is_negative() || pair.min_quote_amount.is_negative()) {
    return invalid(pair.id, "minimums must not be negative");
  }
  if (!is_fee_rate(pair.maker_fee_rate) || !is_fee_rate(pair.taker_fee_rate)) {
    return invalid(pair.id, "fee rates must be in [0, 1)");
  }
  return core::ok();
}

core::Result<void> validate_contract(ContractSpec const& contract) {
  auto const one = "1"_dec;
  if (contract.name.empty()) return invalid(contract.name, "needs a name");
  if (!contract.quanto_multiplier.is_positive() || !contract.order_price_round.is_positive() ||
      !contract.mark_price_round.is_positive() || !contract.size_step.is_positive()) {
    return invalid(contract.name, "multiplier, price rounds and size step must be positive");
  }
  if (!contract.enable_decimal && contract.size_step != one) {
    return invalid(contract.name, "integer contracts need size_step 1");
  }
  if (!contract.order_size_min.is_positive() || contract.order_size_max < contract.order_size_min) {
    return invalid(contract.name, "order size bounds must be positive and ordered");
  }
  if (contract.leverage_min < one || contract.leverage_max < contract.leverage_min ||
      contract.default_leverage < contract.leverage_min ||
      contract.default_leverage > contract.leverage_max) {
    return invalid(contract.name, "leverage bounds must be >= 1, ordered and hold the default");
  }
  if (!is_fee_rate(contract.maker_fee_rate) || !is_fee_rate(contract.taker_fee_rate)) {
    return invalid(contract.name, "fee rates must be in [0, 1)");
  }
  // The engine prices one size step at one price tick exactly; that product must not round.
  auto const step_value = contract.size_step.mul(contract.quanto_multiplier, core::Rounding::down);
  auto const step_value_up = contract.size_step.mul(contract.quanto_multiplier, core::Rounding::up);
  if (!step_value || !step_value_up || *step_value != *step_value_up || step_value->is_zero()) {
    return invalid(contract.name, "size_step x quanto_multiplier must be exact");
  }
  auto const unit = step_value->mul(contract.order_price_round, core::Rounding::down);
  auto const unit_up = step_value->mul(contract.order_price_round, core::Rounding::up);
  if (!unit || !unit_up || *unit != *unit_up || unit->is_zero()) {
    return invalid(contract.name,
                   "size_step x quanto_multiplier x order_price_round must be exact");
  }
  return core::ok();
}

}  // namespace

Catalogue default_catalogue() {
  Catalogue catalogue;
  catalogue.pairs.push_back(spot_pair("BTC", 6, 1, "0.00001"_dec));
  catalogue.pairs.push_back(spot_pair("ETH", 4, 2, "0.0001"_dec));
  catalogue.pairs.push_back(spot_pair("SOL", 3, 2, "0.001"_dec));
  catalogue.pairs.push_back(spot_pair("GT", 2, 4, "0.01"_dec));
  catalogue.contracts.push_back(
      perpetual("BTC_USDT", "0.0001"_dec, "0.1"_dec, "125"_dec, "0.004"_dec));
  catalogue.contracts.push_back(
      perpetual("ETH_USDT", "0.01"_dec, "0.01"_dec, "100"_dec, "0.005"_dec));
  catalogue.contracts.push_back(perpetual("SOL_USDT", "1"_dec, "0.001"_dec, "75"_dec, "0.01"_dec));
  return catalogue;
}

core::Result<void> validate(Catalogue const& catalogue) {
  std::set<std::string> pair_ids;
  for (auto const& pair : catalogue.pairs) {
    if (auto checked = validate_pair(pair); !checked) return checked;
    if (!pair_ids.insert(pair.id).second) return invalid(pair.id, "listed twice");
  }
  std::set<std::string> contract_names;
  for (auto const& contract : catalogue.contracts) {
    if (auto checked = validate_contract(contract); !checked) return checked;
    if (!contract_names.insert(contract.name).second) return invalid(contract.name, "listed twice");
  }
  return core::ok();
}

}  // namespace tradelink::sandbox
