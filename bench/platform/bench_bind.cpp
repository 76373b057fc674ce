// Bind → connected against the sandbox over loopback: one iteration binds a fresh sandbox key
// (clean, verify with every probe in parallel, seal, store, audit) and reads the verdict. The
// figure is the wall time a user waits after pressing Bind, minus the browser; the counter
// `round_trips` is the number of sequential exchanges with the exchange the verification needed.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "core/decimal.hpp"
#include "platform/keys/key_service.hpp"
#include "platform_on_sandbox.hpp"

namespace {

using namespace tradelink;

class BindBench {
 public:
  BindBench() : platform_("bind") {
    exchange_user_ = platform_.sandbox().venue().with([](sandbox::VenueState& state) {
      auto const& user = state.users.create("bench", state.clock.now_ms());
      auto opened = state.engine.deposit(user.id, sandbox::Account::futures, "USDT",
                                         core::Decimal::parse("100").value(), state.clock.now_ms());
      (void)opened;
      return user.id;
    });
  }

  /// A new read-write spot + futures key with wallet read, IP-bound to loopback.
  sandbox::ApiKey new_key() {
    return platform_.sandbox().venue().with([this](sandbox::VenueState& state) {
      sandbox::KeySpec spec;
      spec.user_id = exchange_user_;
      spec.name = "bench";
      spec.perms = {{"spot", false}, {"futures", false}, {"wallet", true}};
      spec.ip_whitelist = {"127.0.0.1"};
      return state.keys.create(std::move(spec), state.clock.now_ms()).value();
    });
  }

  platform::keys::KeyService& keys() { return platform_.keys(); }
  std::int64_t user_id() const { return platform_.user_id(); }

 private:
  bench::PlatformOnSandbox platform_;
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
      for (auto const& probe : bound->report.probes)
        first_failure += " | " + probe.name + ": " + probe.outcome + " " + probe.detail;
    }
  }
  if (!first_failure.empty()) state.SetLabel("first failure: " + first_failure);
  state.counters["round_trips"] = round_trips;
  state.counters["connected"] =
      benchmark::Counter(static_cast<double>(connected) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_BindToConnected)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

}  // namespace
