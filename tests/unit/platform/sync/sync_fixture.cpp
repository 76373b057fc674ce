#include "unit/platform/sync/sync_fixture.hpp"

#include <algorithm>
#include <thread>

#include "core/decimal.hpp"
#include "crypto/master_key.hpp"

namespace tradelink::platform::sync::test {
namespace {

core::Decimal dec(std::string const& text) {
  return core::Decimal::parse(text).value();
}

std::vector<BalanceLine> sorted(std::vector<BalanceLine> lines) {
  std::sort(lines.begin(), lines.end(), [](BalanceLine const& a, BalanceLine const& b) {
    return std::tie(a.account, a.currency) < std::tie(b.account, b.currency);
  });
  return lines;
}

bool same_lines(std::vector<BalanceLine> a, std::vector<BalanceLine> b) {
  a = sorted(std::move(a));
  b = sorted(std::move(b));
  return std::equal(
      a.begin(), a.end(), b.begin(), b.end(), [](BalanceLine const& x, BalanceLine const& y) {
        return x.account == y.account && x.currency == y.currency && x.available == y.available &&
               x.locked == y.locked && x.total == y.total;
      });
}

/// Lines with a zero total are noise on both sides (a currency once held, now empty).
std::vector<BalanceLine> without_empty(std::vector<BalanceLine> lines) {
  std::erase_if(lines, [](BalanceLine const& line) {
    return line.total.is_zero() && line.available.is_zero() && line.locked.is_zero();
  });
  return lines;
}

}  // namespace

std::string describe(std::vector<BalanceLine> const& lines) {
  std::string out;
  for (BalanceLine const& line : lines) {
    if (!out.empty()) out += " | ";
    out += line.account + " " + line.currency + " " + line.available.to_string() + "/" +
           line.locked.to_string() + "/" + line.total.to_string();
  }
  return out;
}

void SyncTest::SetUp() {
  sandbox::SandboxOptions options;
  options.port = 0;
  options.simulate_market = false;
  auto started = sandbox::SandboxServer::start(options);
  ASSERT_TRUE(started.has_value()) << started.error().message;
  server_ = std::move(*started);

  auto opened = store::SqliteStore::open(directory_.path() / "tradelink.db");
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  store_ = std::move(*opened);

  auto master_key = crypto::MasterKey::generate();
  ASSERT_TRUE(master_key.has_value()) << master_key.error().message;
  vault_.emplace(std::move(*master_key));

  std::string const rest_url = server_->base_url() + "/api/v4";
  gateio::KeyCheckerOptions checker_options;
  checker_options.base_url = rest_url;
  auto checker = gateio::GateKeyChecker::create(std::move(checker_options));
  ASSERT_TRUE(checker.has_value()) << checker.error().message;
  checker_ = std::move(*checker);
  keys_ = std::make_unique<keys::KeyService>(*store_, *vault_,
                                             keys::CheckerDirectory{{"gateio", checker_.get()}},
                                             keys::KeyPolicy{}, [] { return now_ms(); });

  gateio::AccountFeedOptions feed_options;
  feed_options.base_url = rest_url;
  auto feeds = gateio::GateAccountFeedFactory::create(std::move(feed_options));
  ASSERT_TRUE(feeds.has_value()) << feeds.error().message;
  feeds_ = std::move(*feeds);

  store::UserRecord user;
  user.email = "alice@example.com";
  user.password_hash = "$argon2id$not-used-by-these-tests";
  user.created_at = now_ms();
  auto created = store_->create_user(user);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  user_ = created->id;
}

void SyncTest::TearDown() {
  service_.reset();
  keys_.reset();
  checker_.reset();
  feeds_.reset();
  if (server_) server_->stop();
}

SyncOptions SyncTest::fast_options() {
  SyncOptions options;
  options.shards = 2;
  options.timing.reconcile_interval = std::chrono::milliseconds{300};
  options.timing.backoff_initial = std::chrono::milliseconds{50};
  options.timing.backoff_max = std::chrono::milliseconds{400};
  options.timing.feed.ping_interval = std::chrono::milliseconds{100};
  options.timing.feed.silence_deadline = std::chrono::milliseconds{800};
  options.timing.feed.connect_timeout = std::chrono::milliseconds{5'000};
  options.persistence.flush_interval = std::chrono::milliseconds{50};
  options.persistence.history_interval = std::chrono::milliseconds{100};
  return options;
}

void SyncTest::start_service(SyncOptions options) {
  service_ = std::make_unique<SyncService>(*store_, *keys_, FeedDirectory{{"gateio", feeds_.get()}},
                                           options, [] { return now_ms(); });
}

std::int64_t SyncTest::now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t SyncTest::new_exchange_user() {
  return server_->venue().with([](sandbox::VenueState& state) {
    return state.users.create("exchange user", state.clock.now_ms()).id;
  });
}

void SyncTest::deposit(std::int64_t exchange_user, sandbox::Account account,
                       std::string const& currency, std::string const& amount) {
  server_->venue().with([&](sandbox::VenueState& state) {
    auto done =
        state.engine.deposit(exchange_user, account, currency, dec(amount), state.clock.now_ms());
    EXPECT_TRUE(done.has_value()) << done.error().message;
  });
}

void SyncTest::place_spot(std::int64_t exchange_user, std::string const& pair, sandbox::Side side,
                          std::string const& amount, std::string const& price) {
  server_->venue().with([&](sandbox::VenueState& state) {
    sandbox::SpotOrderRequest request;
    request.currency_pair = pair;
    request.side = side;
    request.amount = dec(amount);
    request.price = dec(price);
    auto placed = state.engine.place_spot_order(exchange_user, request, state.clock.now_ms());
    EXPECT_TRUE(placed.has_value()) << placed.error().message;
  });
}

void SyncTest::place_futures(std::int64_t exchange_user, std::string const& contract,
                             std::string const& size, std::string const& price) {
  server_->venue().with([&](sandbox::VenueState& state) {
    sandbox::FuturesOrderRequest request;
    request.contract = contract;
    request.size = dec(size);
    request.price = dec(price);
    auto placed = state.engine.place_futures_order(exchange_user, request, state.clock.now_ms());
    EXPECT_TRUE(placed.has_value()) << placed.error().message;
  });
}

void SyncTest::set_mark_price(std::string const& contract, std::string const& price) {
  server_->venue().with([&](sandbox::VenueState& state) {
    auto done = state.engine.set_mark_price(contract, dec(price), state.clock.now_ms());
    EXPECT_TRUE(done.has_value()) << done.error().message;
  });
}

std::vector<BalanceLine> SyncTest::sandbox_lines(std::int64_t exchange_user, core::Scope scope) {
  return server_->venue().with([&](sandbox::VenueState& state) {
    std::vector<BalanceLine> lines;
    auto futures = state.engine.futures_account(exchange_user);
    if (futures && core::includes_futures(scope)) {
      lines.push_back(BalanceLine{"futures", "USDT", futures->available,
                                  futures->position_margin.add(futures->order_margin).value(),
                                  futures->total});
    }
    for (auto const& balance : state.engine.spot_balances(exchange_user)) {
      if (!core::includes_spot(scope)) break;
      lines.push_back(BalanceLine{"spot", std::string(balance.currency), balance.available,
                                  balance.locked, balance.available.add(balance.locked).value()});
    }
    return sorted(without_empty(std::move(lines)));
  });
}

SyncedAccount SyncTest::synced_account(core::Scope scope) {
  if (!service_) start_service();
  SyncedAccount account;
  account.scope = scope;
  account.exchange_user = new_exchange_user();
  deposit(account.exchange_user, sandbox::Account::spot, "USDT", "1000");
  deposit(account.exchange_user, sandbox::Account::futures, "USDT", "500");
  auto const key = server_->venue().with([&](sandbox::VenueState& state) {
    sandbox::KeySpec spec;
    spec.user_id = account.exchange_user;
    spec.name = "tradelink sync test";
    spec.perms = {{"spot", false}, {"futures", false}, {"wallet", true}, {"account", false}};
    auto created = state.keys.create(std::move(spec), state.clock.now_ms());
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created ? std::make_pair(created->key, created->secret)
                   : std::pair<std::string, std::string>{};
  });
  account.api_key = key.first;
  // Binding verifies over HTTP against this very server: outside the venue lock.
  keys::BindRequest request;
  request.label = "sync test";
  request.api_key = key.first;
  request.secret = crypto::SecretString(key.second);
  request.scope = scope;
  auto bound = keys_->bind(user_, std::move(request));
  EXPECT_TRUE(bound.has_value()) << (bound ? "" : bound.error().message);
  if (!bound) return account;
  EXPECT_EQ(bound->status, keys::BindingStatus::connected) << bound->report.message;
  account.binding_id = bound->id;
  auto started = service_->start(user_, account.binding_id);
  EXPECT_TRUE(started.has_value()) << (started ? "" : started.error().message);
  EXPECT_TRUE(converges(account));
  return account;
}

bool SyncTest::eventually(std::function<bool()> const& condition, std::chrono::seconds deadline) {
  auto const until = std::chrono::steady_clock::now() + deadline;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
  }
  return true;
}

std::optional<BindingBalances> SyncTest::view_of(std::string const& binding_id) {
  auto balances = service_->balances(user_, binding_id);
  if (!balances) return std::nullopt;
  return *balances;
}

bool SyncTest::converges(SyncedAccount const& account) {
  bool const converged = eventually([&] {
    auto view = view_of(account.binding_id);
    return view && view->health.socket_state == "live" &&
           same_lines(without_empty(view->lines),
                      sandbox_lines(account.exchange_user, account.scope));
  });
  if (!converged) {
    auto view = view_of(account.binding_id);
    ADD_FAILURE() << "platform: " << (view ? describe(view->lines) : "not synced") << " ("
                  << (view ? view->health.socket_state : "-") << ")\nsandbox:  "
                  << describe(sandbox_lines(account.exchange_user, account.scope));
  }
  return converged;
}

}  // namespace tradelink::platform::sync::test
