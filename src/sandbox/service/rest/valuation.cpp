#include "sandbox/service/rest/valuation.hpp"

#include <string>

namespace tradelink::sandbox::rest {
namespace {

constexpr std::string_view usdt = "USDT";

Refusal overflow() {
  return refusal("SERVER_ERROR", "Balance valuation overflowed");
}

std::optional<core::Decimal> book_mid(Engine const& engine, std::string_view pair) {
  auto const top = engine.spot().order_book(pair, 1);
  if (!top || top->asks.empty() || top->bids.empty()) return std::nullopt;
  auto const sum = top->asks.front().price.add(top->bids.front().price);
  if (!sum) return std::nullopt;
  auto const two = core::Decimal::from_integer(2);
  auto const mid = sum->div(*two);
  if (!mid) return std::nullopt;
  return *mid;
}

}  // namespace

std::optional<ValuationCurrency> parse_valuation_currency(std::string_view text) noexcept {
  if (text == "USDT") return ValuationCurrency::usdt;
  if (text == "USD") return ValuationCurrency::usd;
  if (text == "BTC") return ValuationCurrency::btc;
  if (text == "CNY") return ValuationCurrency::cny;
  return std::nullopt;
}

std::string_view to_string(ValuationCurrency currency) noexcept {
  switch (currency) {
    case ValuationCurrency::usdt: return "USDT";
    case ValuationCurrency::usd: return "USD";
    case ValuationCurrency::btc: return "BTC";
    case ValuationCurrency::cny: return "CNY";
  }
  return "USDT";
}

std::optional<core::Decimal> usdt_price(Engine const& engine, std::string_view currency,
                                        TimeMs now) {
  if (currency == usdt) return core::Decimal::from_integer(1).value();
  std::string const market = std::string(currency) + "_" + std::string(usdt);
  if (engine.find_pair(market) != nullptr) {
    auto const ticker = engine.spot().ticker(market, now);
    if (ticker && ticker->last) return ticker->last;
    if (auto mid = book_mid(engine, market)) return mid;
  }
  if (engine.find_contract(market) != nullptr) {
    auto const mark = engine.futures().mark_price(market);
    if (mark && *mark) return **mark;
  }
  return std::nullopt;
}

Checked<core::Decimal> Valuation::in_usdt(std::string_view currency, core::Decimal amount) const {
  if (amount.is_zero()) return core::Decimal{};
  auto const price = usdt_price(engine_, currency, now_);
  if (!price) return core::Decimal{};
  auto const value = amount.mul(*price);
  if (!value) return overflow();
  return *value;
}

Checked<core::Decimal> Valuation::convert(core::Decimal usdt_amount,
                                          ValuationCurrency target) const {
  switch (target) {
    case ValuationCurrency::usdt:
    case ValuationCurrency::usd: return usdt_amount;
    case ValuationCurrency::cny: {
      auto const rate = core::Decimal::parse(usd_cny_reference_rate);
      auto const value = usdt_amount.mul(*rate);
      if (!value) return overflow();
      return *value;
    }
    case ValuationCurrency::btc: {
      auto const price = usdt_price(engine_, "BTC", now_);
      if (!price || !price->is_positive()) {
        return refusal("SERVER_ERROR", "No BTC price to value the balance in BTC");
      }
      auto const value = usdt_amount.div(*price);
      if (!value) return overflow();
      return *value;
    }
  }
  return usdt_amount;
}

Checked<core::Decimal> checked_sum(core::Decimal a, core::Decimal b) {
  auto const sum = a.add(b);
  if (!sum) return overflow();
  return *sum;
}

}  // namespace tradelink::sandbox::rest
