#pragma once
// What balances are worth on the sandbox market now, for `GET /wallet/total_balance` and the
// totals of `GET /unified/accounts` (gateio-v4.md §3.1). A currency is priced in USDT by its
// `<C>_USDT` spot pair (last trade, else the middle of the best bid and ask), else by the
// `<C>_USDT` perpetual's mark price; a currency nothing prices counts as worth nothing, as an
// unlisted token does on Gate. USD is taken at par with USDT.

#include <optional>
#include <string_view>

#include "core/decimal.hpp"
#include "sandbox/engine/engine.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// The currencies Gate values totals in (`currency` of /wallet/total_balance).
enum class ValuationCurrency { usdt, usd, btc, cny };

/// "USDT", "USD", "BTC", "CNY" (Gate accepts exactly these, upper-case).
[[nodiscard]] std::optional<ValuationCurrency> parse_valuation_currency(
    std::string_view text) noexcept;
[[nodiscard]] std::string_view to_string(ValuationCurrency currency) noexcept;

/// The sandbox has no fiat market: CNY totals use this fixed reference rate (CNY per USD).
inline constexpr std::string_view usd_cny_reference_rate = "7.2";

/// USDT per one unit of `currency` now, or nullopt when nothing prices it.
[[nodiscard]] std::optional<core::Decimal> usdt_price(Engine const& engine,
                                                      std::string_view currency, TimeMs now);

/// Sums amounts valued in USDT and converts the result for one reply.
class Valuation {
 public:
  Valuation(Engine const& engine, TimeMs now) : engine_(engine), now_(now) {}

  /// `amount` of `currency` in USDT (0 when unpriced). SERVER_ERROR on arithmetic overflow.
  [[nodiscard]] Checked<core::Decimal> in_usdt(std::string_view currency,
                                               core::Decimal amount) const;
  /// `usdt_amount` expressed in `target`. SERVER_ERROR when `target` is BTC and BTC has no
  /// price, or on overflow.
  [[nodiscard]] Checked<core::Decimal> convert(core::Decimal usdt_amount,
                                               ValuationCurrency target) const;

 private:
  Engine const& engine_;
  TimeMs now_;
};

/// `a + b`, SERVER_ERROR on overflow (sums of balances bounded by the engine never overflow).
[[nodiscard]] Checked<core::Decimal> checked_sum(core::Decimal a, core::Decimal b);

}  // namespace tradelink::sandbox::rest
