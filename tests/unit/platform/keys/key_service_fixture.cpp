#include "unit/platform/keys/key_service_fixture.hpp"

#include <chrono>

#include "core/decimal.hpp"
#include "crypto/master_key.hpp"

namespace tradelink::platform::keys::test {

void KeyServiceTest::SetUp() {
  sandbox::SandboxOptions options;
  options.port = 0;
  options.simulate_market = false;
  auto started = sandbox::SandboxServer::start(options);
  ASSERT_TRUE(started.has_value()) << started.error().message;
  server_ = std::move(*started);

  auto opened = store::SqliteStore::open(database_path());
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  store_ = std::move(*opened);

  auto master_key = crypto::MasterKey::generate();
  ASSERT_TRUE(master_key.has_value()) << master_key.error().message;
  vault_.emplace(std::move(*master_key));

  gateio::KeyCheckerOptions checker_options;
  checker_options.base_url = server_->base_url() + "/api/v4";
  auto checker = gateio::GateKeyChecker::create(std::move(checker_options));
  ASSERT_TRUE(checker.has_value()) << checker.error().message;
  checker_ = std::move(*checker);

  use_policy(default_policy());
  user_ = new_platform_user("alice@example.com");
}

void KeyServiceTest::TearDown() {
  service_.reset();
  checker_.reset();
  if (server_) server_->stop();
}

KeyPolicy KeyServiceTest::default_policy() {
  KeyPolicy policy;
  policy.egress_ips = {"203.0.113.7", "2001:db8::7"};
  return policy;
}

void KeyServiceTest::use_policy(KeyPolicy policy) {
  service_ =
      std::make_unique<KeyService>(*store_, *vault_, CheckerDirectory{{"gateio", checker_.get()}},
                                   std::move(policy), [this] { return now_ms(); });
}

std::int64_t KeyServiceTest::now_ms() const {
  auto const wall = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return wall.count() + clock_offset_ms_.load();
}

void KeyServiceTest::advance_clocks(std::int64_t ms) {
  server_->venue().clock().advance(ms);
  clock_offset_ms_ += ms;
}

std::int64_t KeyServiceTest::new_exchange_user() {
  return server_->venue().with([](sandbox::VenueState& state) {
    return state.users.create("exchange user", state.clock.now_ms()).id;
  });
}

SandboxKey KeyServiceTest::make_key(std::int64_t exchange_user, KeyOptions options) {
  return server_->venue().with([&](sandbox::VenueState& state) {
    sandbox::KeySpec spec;
    spec.user_id = exchange_user;
    spec.name = "tradelink test";
    spec.perms = std::move(options.perms);
    spec.withdraw_enabled = options.withdraw_enabled;
    spec.ip_whitelist = std::move(options.ip_whitelist);
    spec.currency_pairs = std::move(options.currency_pairs);
    spec.key = std::move(options.key);
    spec.secret = std::move(options.secret);
    auto created = state.keys.create(std::move(spec), state.clock.now_ms());
    EXPECT_TRUE(created.has_value()) << created.error().message;
    if (!created) return SandboxKey{};
    return SandboxKey{created->key, created->secret, exchange_user};
  });
}

SandboxKey KeyServiceTest::trading_key(KeyOptions options) {
  std::int64_t const exchange_user = new_exchange_user();
  deposit(exchange_user, sandbox::Account::futures, "USDT", "100");
  return make_key(exchange_user, std::move(options));
}

void KeyServiceTest::deposit(std::int64_t exchange_user, sandbox::Account account,
                             std::string const& currency, std::string const& amount) {
  server_->venue().with([&](sandbox::VenueState& state) {
    auto done = state.engine.deposit(exchange_user, account, currency,
                                     core::Decimal::parse(amount).value(), state.clock.now_ms());
    EXPECT_TRUE(done.has_value()) << done.error().message;
  });
}

void KeyServiceTest::update_key(std::string const& key,
                                std::function<void(sandbox::KeySpec&)> const& change) {
  server_->venue().with([&](sandbox::VenueState& state) {
    sandbox::ApiKey const* current = state.keys.find(key);
    ASSERT_NE(current, nullptr);
    sandbox::KeySpec spec;
    spec.user_id = current->user_id;
    spec.name = current->name;
    spec.perms = current->perms;
    spec.withdraw_enabled = current->withdraw_enabled;
    spec.ip_whitelist = current->ip_whitelist;
    spec.currency_pairs = current->currency_pairs;
    spec.state = current->state;
    spec.mode = current->mode;
    change(spec);
    auto updated = state.keys.update(key, std::move(spec), state.clock.now_ms());
    EXPECT_TRUE(updated.has_value()) << updated.error().message;
  });
}

void KeyServiceTest::delete_key(std::string const& key) {
  bool const removed =
      server_->venue().with([&](sandbox::VenueState& state) { return state.keys.remove(key); });
  EXPECT_TRUE(removed);
}

std::int64_t KeyServiceTest::new_platform_user(std::string const& email) {
  store::UserRecord user;
  user.email = email;
  user.password_hash = "$argon2id$not-used-by-these-tests";
  user.created_at = now_ms();
  auto created = store_->create_user(user);
  EXPECT_TRUE(created.has_value()) << created.error().message;
  return created ? created->id : 0;
}

core::Result<BindingView> KeyServiceTest::bind(std::int64_t user, SandboxKey const& key,
                                               core::Scope scope, std::string label) {
  BindRequest request;
  request.label = std::move(label);
  request.api_key = key.key;
  request.secret = crypto::SecretString(key.secret);
  request.scope = scope;
  return service_->bind(user, std::move(request));
}

std::vector<store::AuditRecord> KeyServiceTest::audit_of(std::int64_t user,
                                                         std::string const& binding) {
  std::optional<std::string_view> id;
  if (!binding.empty()) id = binding;
  auto records = service_->audit_log(user, id);
  EXPECT_TRUE(records.has_value()) << records.error().message;
  return records ? *records : std::vector<store::AuditRecord>{};
}

std::vector<std::string> KeyServiceTest::audit_events(std::int64_t user,
                                                      std::string const& binding) {
  std::vector<std::string> events;
  for (store::AuditRecord const& record : audit_of(user, binding)) events.push_back(record.event);
  return events;
}

CheckItem const* find_check(VerificationReport const& report, std::string const& name) {
  for (CheckItem const& item : report.checklist) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

std::string all_text(VerificationReport const& report) {
  std::string text = report.message;
  for (auto const* list : {&report.fix, &report.notes, &report.missing}) {
    for (std::string const& line : *list) text += "\n" + line;
  }
  for (CheckItem const& item : report.checklist) text += "\n" + item.name + ": " + item.detail;
  return text;
}

}  // namespace tradelink::platform::keys::test
