// Property: whatever users do — deposits, withdrawals, transfers, spot and futures orders of every
// kind, amendments, cancels, countdowns, mark moves — no value appears or vanishes. Per currency:
//   Σ spot (available + locked) + Σ futures (total + unrealised PnL) + fees = deposits −
//   withdrawals
// Locks always equal what open orders need, balances never go negative, and futures positions net
// to zero per contract.

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

#include "unit/sandbox/engine/engine_test_support.hpp"

namespace tradelink::sandbox::testing {
namespace {

constexpr UserId first_user = 1;
constexpr UserId last_user = 6;

class Chaos {
 public:
  explicit Chaos(std::uint64_t seed) : random_(seed), engine_(make_engine()) {}

  Engine& engine() { return *engine_; }
  int amended() const { return amended_; }
  TimeMs now() const { return now_; }

  void step() {
    now_ += static_cast<TimeMs>(random_() % 3'000);
    UserId const user = first_user + static_cast<UserId>(random_() % (last_user - first_user + 1));
    switch (random_() % 18) {
      case 0: deposit(user); break;
      case 1: withdraw(user); break;
      case 2: transfer(user); break;
      case 3:
      case 4:
      case 5:
      case 6: spot_limit(user); break;
      case 7: spot_market(user); break;
      case 8: spot_cancel(user); break;
      case 9:
      case 10:
      case 11: futures_order(user); break;
      case 12: futures_cancel(user); break;
      case 13: mark(); break;
      case 14:
        if (random_() % 4 == 0) countdown(user);
        break;
      case 16: spot_amend(user); break;
      case 17: futures_amend(user); break;
      default: futures_close(user); break;
    }
  }

 private:
  std::string pick(std::initializer_list<char const*> options) {
    auto const index = random_() % options.size();
    return *(options.begin() + static_cast<std::ptrdiff_t>(index));
  }
  std::string digits(std::uint64_t whole, std::uint64_t fraction, int fraction_digits) {
    std::string text = std::to_string(random_() % whole);
    if (fraction_digits == 0) return text;
    std::string tail = std::to_string(random_() % fraction);
    tail.insert(0, static_cast<std::size_t>(fraction_digits) - tail.size(), '0');
    return text + "." + tail;
  }

  void deposit(UserId user) {
    std::string const currency = pick({"BTC", "ETH", "USDT"});
    std::string const amount =
        currency == "USDT" ? digits(50'000, 1'000'000, 6) : digits(20, 100'000'000, 8);
    static_cast<void>(engine_->deposit(user, Account::spot, currency, dec(amount), now_));
  }
  void withdraw(UserId user) {
    std::string const currency = pick({"BTC", "ETH", "USDT"});
    static_cast<void>(engine_->withdraw(user, random_() % 4 == 0 ? Account::futures : Account::spot,
                                        currency, dec(digits(5'000, 100, 2)), now_));
  }
  void transfer(UserId user) {
    bool const in = random_() % 3 != 0;
    static_cast<void>(engine_->transfer(user, "USDT", in ? Account::spot : Account::futures,
                                        in ? Account::futures : Account::spot,
                                        dec(digits(20'000, 100, 2)), now_));
  }
  void spot_limit(UserId user) {
    bool const btc = random_() % 2 == 0;
    Side const side = random_() % 2 == 0 ? Side::buy : Side::sell;
    std::string const price =
        btc ? std::to_string(29'900 + random_() % 200) + "." + std::to_string(random_() % 10)
            : std::to_string(1'990 + random_() % 20) + "." + std::to_string(10 + random_() % 90);
    std::string const amount =
        btc ? "0." + std::to_string(1'000 + random_() % 9'000)
            : std::to_string(random_() % 3) + "." + std::to_string(100 + random_() % 900);
    static TimeInForce const tifs[] = {TimeInForce::gtc, TimeInForce::gtc, TimeInForce::ioc,
                                       TimeInForce::poc, TimeInForce::fok};
    static_cast<void>(engine_->place_spot_order(
        user, limit(btc ? "BTC_USDT" : "ETH_USDT", side, amount, price, tifs[random_() % 5]),
        now_));
  }
  void spot_market(UserId user) {
    bool const buy = random_() % 2 == 0;
    std::string const amount =
        buy ? digits(5'000, 100, 2) : "0." + std::to_string(random_() % 5'000 + 100);
    static_cast<void>(
        engine_->place_spot_order(user,
                                  market("BTC_USDT", buy ? Side::buy : Side::sell, amount,
                                         random_() % 3 == 0 ? TimeInForce::fok : TimeInForce::ioc),
                                  now_));
  }
  void spot_cancel(UserId user) {
    if (random_() % 5 == 0) {
      static_cast<void>(engine_->cancel_spot_orders(user, std::nullopt, std::nullopt, now_));
      return;
    }
    auto const open = engine_->spot().open_orders(user, "BTC_USDT", {}).value();
    if (open.empty()) return;
    static_cast<void>(
        engine_->cancel_spot_order(user, "BTC_USDT", open[random_() % open.size()].id, now_));
  }
  void spot_amend(UserId user) {
    auto const open = engine_->spot().open_orders(user, "BTC_USDT", {}).value();
    if (open.empty()) return;
    SpotOrder const& order = open[random_() % open.size()];
    SpotOrderAmendment amendment;
    if (random_() % 3 != 0) {
      amendment.amount = dec("0." + std::to_string(500 + random_() % 9'500));
    }
    if (!amendment.amount || random_() % 2 == 0) {
      amendment.price =
          dec(std::to_string(29'900 + random_() % 200) + "." + std::to_string(random_() % 10));
    }
    if (engine_->amend_spot_order(user, "BTC_USDT", order.id, amendment, now_)) ++amended_;
  }
  void futures_amend(UserId user) {
    auto const open = engine_->futures().open_orders(user, std::nullopt, {});
    if (!open || open->empty()) return;
    FuturesOrder const& order = (*open)[random_() % open->size()];
    bool const btc = order.contract == "BTC_USDT";
    FuturesOrderAmendment amendment;
    if (random_() % 3 != 0) {
      std::int64_t size = static_cast<std::int64_t>(random_() % 30);
      if (order.size.is_negative()) size = -size;
      amendment.size = dec(btc ? std::to_string(size)
                               : std::to_string(size) + "." + std::to_string(random_() % 10));
    }
    if (!amendment.size || random_() % 2 == 0) {
      amendment.price = dec(
          btc ? std::to_string(49'800 + random_() % 400) + "." + std::to_string(random_() % 10)
              : std::to_string(2'990 + random_() % 20) + "." + std::to_string(10 + random_() % 90));
    }
    if (engine_->amend_futures_order(user, order.id, amendment, now_)) ++amended_;
  }
  void futures_order(UserId user) {
    bool const btc = random_() % 3 != 0;
    std::int64_t size = 1 + static_cast<std::int64_t>(random_() % 30);
    if (random_() % 2 == 0) size = -size;
    std::string const size_text =
        btc ? std::to_string(size) : std::to_string(size) + "." + std::to_string(random_() % 10);
    bool const at_market = random_() % 6 == 0;
    std::string const price =
        at_market ? "0"
        : btc     ? std::to_string(49'800 + random_() % 400) + "." + std::to_string(random_() % 10)
              : std::to_string(2'990 + random_() % 20) + "." + std::to_string(10 + random_() % 90);
    static TimeInForce const tifs[] = {TimeInForce::gtc, TimeInForce::gtc, TimeInForce::ioc,
                                       TimeInForce::poc, TimeInForce::fok};
    TimeInForce tif = tifs[random_() % 5];
    if (at_market && tif != TimeInForce::fok) tif = TimeInForce::ioc;
    FuturesOrderRequest request =
        testing::futures_order(btc ? "BTC_USDT" : "ETH_USDT", size_text, price, tif);
    request.reduce_only = random_() % 5 == 0;
    static_cast<void>(engine_->place_futures_order(user, request, now_));
    if (random_() % 10 == 0) {
      static_cast<void>(engine_->set_leverage(user, btc ? "BTC_USDT" : "ETH_USDT",
                                              dec(std::to_string(1 + random_() % 50)), now_));
    }
  }
  void futures_close(UserId user) {
    FuturesOrderRequest request = testing::futures_order("BTC_USDT", "0", "0", TimeInForce::ioc);
    request.close = true;
    static_cast<void>(engine_->place_futures_order(user, request, now_));
  }
  void futures_cancel(UserId user) {
    auto const open = engine_->futures().open_orders(user, std::nullopt, {});
    if (!open || open->empty()) return;
    static_cast<void>(
        engine_->cancel_futures_order(user, (*open)[random_() % open->size()].id, now_));
  }
  void mark() {
    static_cast<void>(engine_->set_mark_price(
        "BTC_USDT",
        dec(std::to_string(49'000 + random_() % 2'000) + "." + std::to_string(random_() % 10)),
        now_));
    static_cast<void>(engine_->set_mark_price(
        "ETH_USDT", dec(std::to_string(2'900 + random_() % 200) + ".25"), now_));
  }
  void countdown(UserId user) {
    static_cast<void>(engine_->set_spot_countdown(
        user, std::nullopt, 5 + static_cast<std::int64_t>(random_() % 10), now_));
    static_cast<void>(engine_->set_futures_countdown(
        user, "BTC_USDT", 5 + static_cast<std::int64_t>(random_() % 10), now_));
  }

  std::mt19937_64 random_;
  std::unique_ptr<Engine> engine_;
  TimeMs now_ = 1'000;
  int amended_ = 0;
};

void check_invariants(Engine const& engine, TimeMs now, int step) {
  std::map<std::string, Decimal> held;
  std::map<std::pair<UserId, std::string>, Decimal> expected_locks;
  std::map<std::string, Decimal> net_size;
  for (UserId user = first_user; user <= last_user; ++user) {
    for (SpotBalance const& balance : engine.spot_balances(user)) {
      ASSERT_FALSE(balance.available.is_negative()) << "step " << step;
      ASSERT_FALSE(balance.locked.is_negative()) << "step " << step;
      held[std::string(balance.currency)] = money::plus(
          held[std::string(balance.currency)], money::plus(balance.available, balance.locked));
    }
    for (OpenOrdersGroup const& group : engine.spot().open_orders_by_pair(user, Page{1, 1000})) {
      PairSpec const& pair = *engine.find_pair(group.currency_pair);
      for (SpotOrder const& order : group.orders) {
        auto& lock = expected_locks[{user, order.side == Side::buy ? pair.quote : pair.base}];
        lock = money::plus(
            lock, order.side == Side::buy ? money::times(order.left, order.price) : order.left);
      }
    }
    auto const account = engine.futures_account(user);
    if (!account) continue;
    held["USDT"] = money::plus(held["USDT"], money::plus(account->total, account->unrealised_pnl));
    ASSERT_FALSE(account->order_margin.is_negative()) << "step " << step;
    Decimal margins;
    for (FuturesPosition const& position : engine.futures().positions(user, false).value()) {
      margins = money::plus(margins, position.margin);
      net_size[std::string(position.contract)] =
          money::plus(net_size[std::string(position.contract)], position.size);
    }
    ASSERT_EQ(margins, account->position_margin) << "step " << step;
  }
  for (auto const& [key, lock] : expected_locks) {
    ASSERT_EQ(locked(engine, key.first, key.second), lock)
        << "user " << key.first << " " << key.second << " step " << step;
  }
  for (auto const& [contract, size] : net_size) {
    ASSERT_TRUE(size.is_zero()) << contract << " step " << step;
  }
  for (std::string_view const currency : engine.currencies()) {
    HouseTotals const house = engine.house_totals(currency).value();
    Decimal const inside = money::plus(held[std::string(currency)], house.fees);
    ASSERT_EQ(inside, money::minus(house.deposits, house.withdrawals))
        << currency << " at step " << step << " (now " << now << ")";
  }
}

TEST(Conservation, HoldsUnderRandomActivity) {
  for (std::uint64_t seed : {1ULL, 2ULL, 3ULL}) {
    Chaos chaos(seed);
    for (int step = 0; step < 2'500; ++step) {
      chaos.step();
      check_invariants(chaos.engine(), chaos.now(), step);
      if (::testing::Test::HasFatalFailure()) return;
    }
    // The run must have traded, or the property says little.
    EXPECT_GT(chaos.engine().spot().trades("BTC_USDT", 1000)->size(), 20U) << "seed " << seed;
    EXPECT_GT(chaos.engine().futures().trades("BTC_USDT", 1000)->size(), 20U) << "seed " << seed;
    EXPECT_GT(chaos.engine().house_totals("USDT")->fees, Decimal{}) << "seed " << seed;
    EXPECT_GT(chaos.amended(), 20) << "seed " << seed;
  }
}

}  // namespace
}  // namespace tradelink::sandbox::testing
