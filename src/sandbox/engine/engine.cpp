#include "sandbox/engine/engine.hpp"

#include <string>
#include <utility>

#include "sandbox/engine/labels.hpp"

namespace tradelink::sandbox {
namespace {

core::Error invalid_amount(core::Decimal amount) {
  return make_error(Label::invalid_param_value,
                    "Invalid parameter `amount` with value: " + amount.to_string());
}

}  // namespace

core::Result<std::unique_ptr<Engine>> Engine::create(Catalogue catalogue, EngineConfig config,
                                                     EventSink* sink) {
  if (auto checked = validate(catalogue); !checked) return checked.error();
  return std::unique_ptr<Engine>(new Engine(std::move(catalogue), std::move(config), sink));
}

Engine::Engine(Catalogue catalogue, EngineConfig config, EventSink* sink)
    : catalogue_(std::move(catalogue)),
      config_(std::move(config)),
      sink_(sink != nullptr ? *sink : null_sink_),
      currencies_(catalogue_),
      house_(currencies_.size()),
      spot_ledger_(currencies_, sink_, config_.max_balance),
      spot_(catalogue_, currencies_, config_, spot_ledger_, house_, sink_),
      futures_(catalogue_, currencies_.settle(), config_, house_, sink_) {}

Engine::~Engine() = default;

TimeMs Engine::advance_to(TimeMs now) {
  if (now > clock_) clock_ = now;
  if (countdowns_.any_due(clock_)) fire_countdowns();
  return clock_;
}

void Engine::fire_countdowns() {
  countdowns_.take_due(clock_, due_);
  for (Countdown const& timer : due_) {
    TimeMs const at = timer.trigger_ms;
    std::optional<std::string_view> scope;
    if (!timer.market.empty()) scope = timer.market;
    // The scope was validated when the timer was armed; a user without orders there simply has
    // nothing to cancel.
    if (timer.line == ProductLine::spot) {
      static_cast<void>(spot_.cancel_all(timer.user, scope, std::nullopt, at));
    } else {
      static_cast<void>(futures_.cancel_all(timer.user, scope, std::nullopt, at));
    }
  }
}

PairSpec const* Engine::find_pair(std::string_view id) const noexcept {
  for (PairSpec const& pair : catalogue_.pairs) {
    if (pair.id == id) return &pair;
  }
  return nullptr;
}

ContractSpec const* Engine::find_contract(std::string_view name) const noexcept {
  for (ContractSpec const& contract : catalogue_.contracts) {
    if (contract.name == name) return &contract;
  }
  return nullptr;
}

std::vector<std::string_view> Engine::currencies() const {
  std::vector<std::string_view> names;
  for (CurrencyIndex index = 0; index < currencies_.size(); ++index) {
    names.push_back(currencies_.name(index));
  }
  return names;
}

core::Result<CurrencyIndex> Engine::find_currency(std::string_view currency) const {
  if (auto const index = currencies_.find(currency)) return *index;
  return make_error(Label::invalid_currency, "Invalid currency " + std::string(currency));
}

core::Result<void> Engine::deposit(UserId user, Account account, std::string_view currency,
                                   core::Decimal amount, TimeMs now) {
  now = advance_to(now);
  auto const index = find_currency(currency);
  if (!index) return index.error();
  if (!amount.is_positive()) return invalid_amount(amount);
  if (account == Account::futures) {
    if (index.value() != currencies_.settle()) {
      return make_error(Label::invalid_currency, "futures accounts settle in USDT only");
    }
    if (auto done = futures_.transfer_in(user, amount, now); !done) return done;
  } else {
    AccountIndex const spot_account = spot_ledger_.open(user);
    auto done =
        spot_ledger_.deposit(spot_account, index.value(), amount, SpotBalanceChange::deposit, now);
    if (!done) return done;
  }
  house_.record_deposit(index.value(), amount);
  return core::ok();
}

core::Result<void> Engine::withdraw(UserId user, Account account, std::string_view currency,
                                    core::Decimal amount, TimeMs now) {
  now = advance_to(now);
  auto const index = find_currency(currency);
  if (!index) return index.error();
  if (!amount.is_positive()) return invalid_amount(amount);
  if (account == Account::futures) {
    if (index.value() != currencies_.settle()) {
      return make_error(Label::invalid_currency, "futures accounts settle in USDT only");
    }
    if (auto done = futures_.transfer_out(user, amount, now); !done) return done;
  } else {
    auto const spot_account = spot_ledger_.find(user);
    if (!spot_account) return make_error(Label::balance_not_enough, "Not enough balance");
    auto done = spot_ledger_.withdraw(*spot_account, index.value(), amount,
                                      SpotBalanceChange::withdraw, now);
    if (!done) return done;
  }
  house_.record_withdrawal(index.value(), amount);
  return core::ok();
}

core::Result<void> Engine::transfer(UserId user, std::string_view currency, Account from,
                                    Account to, core::Decimal amount, TimeMs now) {
  now = advance_to(now);
  auto const index = find_currency(currency);
  if (!index) return index.error();
  if (index.value() != currencies_.settle()) {
    return make_error(Label::invalid_param_value, "only USDT moves between spot and futures");
  }
  if (from == to) {
    return make_error(Label::invalid_param_value, "transfer needs two different accounts");
  }
  if (!amount.is_positive()) return invalid_amount(amount);
  AccountIndex const spot_account = spot_ledger_.open(user);
  if (from == Account::spot) {
    // Check the spot side first and debit it last, so a refused futures credit changes nothing.
    if (spot_ledger_.balance(spot_account, index.value()).available < amount) {
      return make_error(Label::balance_not_enough, "Not enough balance");
    }
    if (auto done = futures_.transfer_in(user, amount, now); !done) return done;
    return spot_ledger_.withdraw(spot_account, index.value(), amount,
                                 SpotBalanceChange::future_transfer, now);
  }
  if (!spot_ledger_.can_deposit(spot_account, index.value(), amount)) {
    return make_error(Label::amount_too_much, "spot balance would exceed the sandbox maximum");
  }
  if (auto done = futures_.transfer_out(user, amount, now); !done) return done;
  return spot_ledger_.deposit(spot_account, index.value(), amount,
                              SpotBalanceChange::future_transfer, now);
}

std::vector<SpotBalance> Engine::spot_balances(UserId user) const {
  std::vector<SpotBalance> balances;
  auto const account = spot_ledger_.find(user);
  if (!account) return balances;
  for (CurrencyIndex index = 0; index < currencies_.size(); ++index) {
    SpotLedger::Balance const& balance = spot_ledger_.balance(*account, index);
    if (balance.update_id == 0) continue;
    balances.push_back(
        {currencies_.name(index), balance.available, balance.locked, balance.update_id});
  }
  return balances;
}

core::Result<SpotBalance> Engine::spot_balance(UserId user, std::string_view currency) const {
  auto const index = find_currency(currency);
  if (!index) return index.error();
  SpotBalance result{currencies_.name(index.value()), {}, {}, 0};
  if (auto const account = spot_ledger_.find(user)) {
    SpotLedger::Balance const& balance = spot_ledger_.balance(*account, index.value());
    result.available = balance.available;
    result.locked = balance.locked;
    result.update_id = balance.update_id;
  }
  return result;
}

core::Result<HouseTotals> Engine::house_totals(std::string_view currency) const {
  auto const index = find_currency(currency);
  if (!index) return index.error();
  return HouseTotals{house_.fees(index.value()), house_.deposits(index.value()),
                     house_.withdrawals(index.value())};
}

core::Result<SpotOrder> Engine::place_spot_order(UserId user, SpotOrderRequest const& request,
                                                 TimeMs now) {
  return spot_.place(user, request, advance_to(now));
}

core::Result<SpotOrder> Engine::cancel_spot_order(UserId user, std::string_view pair,
                                                  OrderRef order, TimeMs now) {
  return spot_.cancel(user, pair, order, advance_to(now));
}

core::Result<SpotOrder> Engine::amend_spot_order(UserId user, std::string_view pair, OrderRef order,
                                                 SpotOrderAmendment const& amendment, TimeMs now) {
  return spot_.amend(user, pair, order, amendment, advance_to(now));
}

core::Result<std::vector<SpotOrder>> Engine::cancel_spot_orders(
    UserId user, std::optional<std::string_view> pair, std::optional<Side> side, TimeMs now) {
  return spot_.cancel_all(user, pair, side, advance_to(now));
}

core::Result<FuturesOrder> Engine::place_futures_order(UserId user,
                                                       FuturesOrderRequest const& request,
                                                       TimeMs now) {
  return futures_.place(user, request, advance_to(now));
}

core::Result<FuturesOrder> Engine::cancel_futures_order(UserId user, OrderRef order, TimeMs now) {
  return futures_.cancel(user, order, advance_to(now));
}

core::Result<FuturesOrder> Engine::amend_futures_order(UserId user, OrderRef order,
                                                       FuturesOrderAmendment const& amendment,
                                                       TimeMs now) {
  return futures_.amend(user, order, amendment, advance_to(now));
}

core::Result<std::vector<FuturesOrder>> Engine::cancel_futures_orders(
    UserId user, std::optional<std::string_view> contract, std::optional<Side> side, TimeMs now) {
  return futures_.cancel_all(user, contract, side, advance_to(now));
}

core::Result<FuturesPosition> Engine::set_leverage(UserId user, std::string_view contract,
                                                   core::Decimal leverage, TimeMs now) {
  return futures_.set_leverage(user, contract, leverage, advance_to(now));
}

core::Result<void> Engine::set_mark_price(std::string_view contract, core::Decimal price,
                                          TimeMs now) {
  advance_to(now);
  return futures_.set_mark_price(contract, price);
}

core::Result<TimeMs> Engine::set_spot_countdown(UserId user, std::optional<std::string_view> pair,
                                                std::int64_t timeout_s, TimeMs now) {
  now = advance_to(now);
  if (pair && find_pair(*pair) == nullptr) {
    return make_error(Label::invalid_currency_pair, "Invalid currency pair " + std::string(*pair));
  }
  return countdowns_.set(user, ProductLine::spot, pair.value_or(std::string_view{}), timeout_s,
                         now);
}

core::Result<TimeMs> Engine::set_futures_countdown(UserId user,
                                                   std::optional<std::string_view> contract,
                                                   std::int64_t timeout_s, TimeMs now) {
  now = advance_to(now);
  if (contract && find_contract(*contract) == nullptr) {
    return make_error(Label::contract_not_found, "Contract not found: " + std::string(*contract));
  }
  if (!futures_.has_account(user)) {
    return make_error(Label::user_not_found,
                      "please transfer funds first to create futures account");
  }
  return countdowns_.set(user, ProductLine::futures, contract.value_or(std::string_view{}),
                         timeout_s, now);
}

}  // namespace tradelink::sandbox
