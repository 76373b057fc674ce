#pragma once
// The set of markets an engine lists, a Gate-like default, and the consistency check an engine
// runs on whatever catalogue it is given.

#include <vector>

#include "core/result.hpp"
#include "sandbox/engine/market_spec.hpp"

namespace tradelink::sandbox {

/// Spot pairs and USDT perpetual contracts. Order matters: it is the listing order.
struct Catalogue {
  std::vector<PairSpec> pairs;
  std::vector<ContractSpec> contracts;
};

/// BTC_USDT, ETH_USDT, SOL_USDT, GT_USDT spot pairs and BTC_USDT, ETH_USDT, SOL_USDT perpetuals
/// with parameters shaped like Gate's (precisions, minimums, 0.2 % spot fees, 0.02 %/0.05 %
/// futures fees, leverage 1–125/100/75). Values are plausible, not a copy of live Gate data.
[[nodiscard]] Catalogue default_catalogue();

/// Checks what the engine relies on: unique names; positive steps and multipliers; precisions
/// with price × amount exactly representable (precision + amount_precision <= 18); non-negative
/// minimums; fee rates in [0, 1); leverage bounds ordered and containing the default; integer size
/// steps unless enable_decimal. Error code `INVALID_PARAM_VALUE` naming the faulty market.
[[nodiscard]] core::Result<void> validate(Catalogue const& catalogue);

}  // namespace tradelink::sandbox
