#include "unit/api/api_fixture.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>

#include "core/decimal.hpp"
#include "crypto/master_key.hpp"

namespace tradelink::api::test {
namespace {

namespace json = boost::json;

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string Reply::header(std::string_view name) const {
  for (net::Header const& header : headers) {
    if (header.name.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(header.name[i])) !=
          std::tolower(static_cast<unsigned char>(name[i]))) {
        same = false;
      }
    }
    if (same) return header.value;
  }
  return {};
}

std::string Reply::error_code() const {
  if (!json.is_object()) return {};
  auto const* error = json.as_object().if_contains("error");
  if (error == nullptr || !error->is_object()) return {};
  auto const* code = error->as_object().if_contains("code");
  return code != nullptr && code->is_string() ? std::string(code->as_string()) : std::string{};
}

void ApiTest::SetUp() {
  sandbox::SandboxOptions sandbox_options;
  sandbox_options.simulate_market = false;
  auto sandbox = sandbox::SandboxServer::start(sandbox_options);
  ASSERT_TRUE(sandbox.has_value()) << sandbox.error().message;
  sandbox_ = std::move(*sandbox);

  auto opened = store::SqliteStore::open(directory_.path() / "tradelink.db");
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  store_ = std::move(*opened);
  auto master_key = crypto::MasterKey::generate();
  ASSERT_TRUE(master_key.has_value());
  vault_.emplace(std::move(*master_key));

  gateio::KeyCheckerOptions checker_options;
  checker_options.base_url = sandbox_->base_url() + "/api/v4";
  auto checker = gateio::GateKeyChecker::create(std::move(checker_options));
  ASSERT_TRUE(checker.has_value()) << checker.error().message;
  checker_ = std::move(*checker);

  platform::users::UserServiceOptions user_options;
  user_options.password_hashing = crypto::PasswordHashOptions::minimum();
  users_ = std::make_unique<platform::users::UserService>(*store_, user_options);
  platform::keys::KeyPolicy policy;
  policy.egress_ips = {"203.0.113.7"};
  keys_ = std::make_unique<platform::keys::KeyService>(
      *store_, *vault_, platform::keys::CheckerDirectory{{"gateio", checker_.get()}},
      std::move(policy), wall_ms);

  ApiOptions options;
  options.workers = 2;
  options.site =
      StaticSite(std::vector<SiteFile>{{"index.html", "<!doctype html><title>tradelink</title>"}});
  BindingObservers observers;
  observers.changed = [this](std::int64_t, platform::keys::BindingView const& binding) {
    std::lock_guard lock(observed_mutex_);
    observed_.push_back("changed " + binding.id + " " +
                        std::string(platform::keys::to_string(binding.status)));
  };
  observers.removed = [this](std::int64_t, std::string_view id) {
    std::lock_guard lock(observed_mutex_);
    observed_.push_back("removed " + std::string(id));
  };
  auto api = ApiServer::start(
      std::move(options),
      ApiServices{*users_, *keys_, *store_, balance_view_, wall_ms, std::move(observers)});
  ASSERT_TRUE(api.has_value()) << api.error().message;
  api_ = std::move(*api);

  client_ = std::make_unique<net::HttpClient>(io_, net::ClientOptions{});
  auto origin = net::Origin::parse(api_->base_url());
  ASSERT_TRUE(origin.has_value());
  origin_ = *origin;
}

void ApiTest::TearDown() {
  for (std::string const& secret : planted_secrets_) {
    EXPECT_EQ(transcript_.find(secret), std::string::npos)
        << "a sandbox secret came back in an API response";
  }
  client_.reset();
  if (api_) api_->stop();
  keys_.reset();
  checker_.reset();
  if (sandbox_) sandbox_->stop();
}

Reply ApiTest::call(net::Method method, std::string const& target, std::string body,
                    Auth const* auth, bool with_csrf, std::vector<net::Header> extra_headers) {
  net::HttpRequest request;
  request.method = method;
  request.target = target;
  request.body = std::move(body);
  if (!request.body.empty()) request.headers.push_back({"Content-Type", "application/json"});
  if (auth != nullptr && !auth->bearer.empty()) {
    request.headers.push_back({"Authorization", "Bearer " + auth->bearer});
  } else if (auth != nullptr) {
    request.headers.push_back({"Cookie", auth->cookie});
    if (with_csrf) request.headers.push_back({"X-CSRF-Token", auth->csrf});
  }
  for (net::Header& header : extra_headers) request.headers.push_back(std::move(header));
  auto response = client_->send(origin_, std::move(request));
  EXPECT_TRUE(response.has_value()) << response.error().message;
  if (!response) return {};
  Reply reply{response->status, response->headers, response->body, nullptr};
  transcript_ += response->body;
  for (net::Header const& header : response->headers) transcript_ += header.value;
  boost::system::error_code error;
  reply.json = json::parse(reply.body, error);
  if (error) reply.json = nullptr;
  return reply;
}

std::vector<std::string> ApiTest::observed() {
  std::lock_guard lock(observed_mutex_);
  return observed_;
}

Auth ApiTest::sign_up(std::string const& email) {
  Reply const reply =
      post("/api/v1/auth/signup",
           json::serialize(json::object{{"email", email}, {"password", "correct horse battery"}}));
  EXPECT_EQ(reply.status, 201u) << reply.body;
  Auth auth;
  std::string const cookie = reply.header("Set-Cookie");
  auth.cookie = cookie.substr(0, cookie.find(';'));
  if (reply.json.is_object()) {
    auth.csrf = json::value_to<std::string>(reply.json.at("csrf_token"));
    auth.user_id = reply.json.at("user").at("id").as_int64();
  }
  return auth;
}

Auth ApiTest::token_for(Auth const& session) {
  Reply const reply = post("/api/v1/tokens", R"({"name":"script"})", &session);
  EXPECT_EQ(reply.status, 201u) << reply.body;
  Auth auth;
  auth.user_id = session.user_id;
  if (reply.json.is_object()) auth.bearer = json::value_to<std::string>(reply.json.at("token"));
  return auth;
}

Reply ApiTest::bind(Auth const& auth, SandboxKey const& key, std::string const& scope,
                    std::string const& label) {
  return post("/api/v1/bindings",
              json::serialize(json::object{{"venue", "gateio"},
                                           {"label", label},
                                           {"api_key", key.key},
                                           {"secret", key.secret},
                                           {"scope", scope}}),
              &auth);
}

std::int64_t ApiTest::new_exchange_user() {
  return sandbox_->venue().with([](sandbox::VenueState& state) {
    std::int64_t const user = state.users.create("api test", state.clock.now_ms()).id;
    for (auto const account : {sandbox::Account::spot, sandbox::Account::futures}) {
      auto done = state.engine.deposit(user, account, "USDT", core::Decimal::parse("1000").value(),
                                       state.clock.now_ms());
      EXPECT_TRUE(done.has_value()) << done.error().message;
    }
    return user;
  });
}

SandboxKey ApiTest::make_key(std::int64_t exchange_user, std::vector<sandbox::KeyPermission> perms,
                             std::vector<std::string> ip_whitelist, bool withdraw) {
  if (perms.empty())
    perms = {{"spot", false}, {"futures", false}, {"wallet", true}, {"account", false}};
  SandboxKey key = sandbox_->venue().with([&](sandbox::VenueState& state) {
    sandbox::KeySpec spec;
    spec.user_id = exchange_user;
    spec.name = "api test";
    spec.perms = std::move(perms);
    spec.ip_whitelist = std::move(ip_whitelist);
    spec.withdraw_enabled = withdraw;
    auto created = state.keys.create(std::move(spec), state.clock.now_ms());
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created ? SandboxKey{created->key, created->secret, exchange_user} : SandboxKey{};
  });
  planted_secrets_.push_back(key.secret);
  return key;
}

}  // namespace tradelink::api::test
