// Bind → connected against the sandbox over loopback: one iteration binds a fresh sandbox key
// (clean, verify with every probe in parallel, seal, store, audit) and reads the verdict. The
// figure is the wall time a user waits after pressing Bind, minus the browser; the counter
// `round_trips` is the number of sequential exchanges with the exchange the verification needed.

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/decimal.hpp"
#include "crypto/master_key.hpp"
#include "crypto/vault.hpp"
#include "net/http_client.hpp"
#include "platform/keys/key_service.hpp"
#include "sandbox/service/sandbox_server.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "venues/gateio/keys/gate_key_checker.hpp"

namespace {

using namespace tradelink;

std::int64_t wall_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

class BindBench {
 public:
  BindBench()
      : directory_(std::filesystem::temp_directory_path() /
                   ("tradelink-bench-bind-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(directory_);
    sandbox::SandboxOptions options;
    options.port = 0;
    options.simulate_market = false;
    sandbox_ = std::move(sandbox::SandboxServer::start(options).value());
    turn_off_rate_limits();
    store_ = std::move(store::SqliteStore::open(directory_ / "bench.db").value());
    vault_ = std::make_unique<crypto::Vault>(crypto::MasterKey::generate().value());
    gateio::KeyCheckerOptions checker;
    checker.base_url = sandbox_->base_url() + "/api/v4";
    checker_ = std::move(gateio::GateKeyChecker::create(std::move(checker)).value());
    user_id_ = store_->create_user({0, "bench@example.com", "unused", wall_now_ms()}).value().id;
    keys_ = std::make_unique<platform::keys::KeyService>(
        *store_, *vault_, platform::keys::CheckerDirectory{{"gateio", checker_.get()}},
        platform::keys::KeyPolicy{}, wall_now_ms);
    exchange_user_ = sandbox_->venue().with([](sandbox::VenueState& state) {
      auto const& user = state.users.create("bench", state.clock.now_ms());
      auto opened = state.engine.deposit(user.id, sandbox::Account::futures, "USDT",
                                         core::Decimal::parse("100").value(), state.clock.now_ms());
      (void)opened;
      return user.id;
    });
  }

  ~BindBench() {
    keys_.reset();
    checker_.reset();
    store_.reset();
    sandbox_->stop();
    std::filesystem::remove_all(directory_);
  }

  /// A new read-write spot + futures key with wallet read, IP-bound to loopback.
  sandbox::ApiKey new_key() {
    return sandbox_->venue().with([this](sandbox::VenueState& state) {
      sandbox::KeySpec spec;
      spec.user_id = exchange_user_;
      spec.name = "bench";
      spec.perms = {{"spot", false}, {"futures", false}, {"wallet", true}};
      spec.ip_whitelist = {"127.0.0.1"};
      return state.keys.create(std::move(spec), state.clock.now_ms()).value();
    });
  }

  platform::keys::KeyService& keys() { return *keys_; }

 private:
  // Binding hundreds of keys a second from one address is the benchmark's doing, not a user's:
  // with Gate's limits on, the sandbox would answer part of the probes with TOO_MANY_REQUESTS
  // and the figure would measure the limiter instead of the verification.
  void turn_off_rate_limits() {
    boost::asio::io_context io;
    net::HttpClient client(io, net::ClientOptions{});
    net::HttpRequest request;
    request.method = net::Method::put;
    request.target = "/sandbox/v1/rate_limits";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"enabled":false})";
    auto answered = client.send(net::Origin::parse(sandbox_->base_url()).value(), request);
    if (!answered || answered->status != 200) throw std::runtime_error("admin API refused");
  }

 public:
  std::int64_t user_id() const { return user_id_; }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<sandbox::SandboxServer> sandbox_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<crypto::Vault> vault_;
  std::unique_ptr<gateio::GateKeyChecker> checker_;
  std::unique_ptr<platform::keys::KeyService> keys_;
  std::int64_t user_id_ = 0;
  std::int64_t exchange_user_ = 0;
};

void BM_BindToConnected(benchmark::State& state) {
  BindBench bench;
  int round_trips = 0;
  std::int64_t connected = 0;
  std::string first_failure;
  for (auto _ : state) {
    state.PauseTiming();
    sandbox::ApiKey const key = bench.new_key();
    platform::keys::BindRequest request;
    request.label = "bench";
    request.api_key = key.key;
    request.secret = crypto::SecretString(key.secret);
    request.scope = core::Scope::both;
    state.ResumeTiming();

    auto bound = bench.keys().bind(bench.user_id(), std::move(request));
    if (!bound) {
      state.SkipWithError(bound.error().message.c_str());
      return;
    }
    round_trips = bound->report.round_trips;
    if (bound->status == platform::keys::BindingStatus::connected) {
      ++connected;
    } else if (first_failure.empty()) {
      first_failure = bound->report.message;
      for (auto const& probe : bound->report.probes) first_failure += " | " + probe.name + ": " + probe.outcome + " " + probe.detail;
    }
  }
  if (!first_failure.empty()) state.SetLabel("first failure: " + first_failure);
  state.counters["round_trips"] = round_trips;
  state.counters["connected"] =
      benchmark::Counter(static_cast<double>(connected) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_BindToConnected)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

}  // namespace
