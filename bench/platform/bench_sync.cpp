// Account sync at scale against the sandbox over loopback: N bindings (spot scope, one private
// stream and one REST pool each) brought up by one SyncService on two shards, then fills in the
// sandbox timed until the platform shows the new balance.
//
// Figures: `bringup_ms` — start_all() until every binding is live with its first snapshot;
// `rss_mb` — growth of the process's resident set over the bring-up (the platform's bindings
// plus the in-process sandbox's sessions for them); `p50_us` / `p99_us` — a fill in the sandbox's
// engine → the balance change seen by a BalanceView watcher.

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/decimal.hpp"
#include "crypto/vault.hpp"
#include "platform/keys/key_service.hpp"
#include "platform/sync/sync_service.hpp"
#include "platform_on_sandbox.hpp"
#include "venues/gateio/ws/gate_account_feed.hpp"

namespace {

using namespace tradelink;
using Clock = std::chrono::steady_clock;

using bench::wall_now_ms;

double resident_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0;
  long pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return static_cast<double>(pages_resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) /
         (1024.0 * 1024.0);
}

core::Decimal dec(char const* text) {
  return core::Decimal::parse(text).value();
}

class SyncBench {
 public:
  explicit SyncBench(std::size_t bindings) : platform_("sync") {
    gateio::AccountFeedOptions feed;
    feed.base_url = platform_.rest_url();
    feeds_ = std::move(gateio::GateAccountFeedFactory::create(std::move(feed)).value());
    maker_ = platform_.sandbox().venue().with([](sandbox::VenueState& state) {
      auto const id = state.users.create("maker", state.clock.now_ms()).id;
      (void)state.engine.deposit(id, sandbox::Account::spot, "BTC", dec("1000"),
                                 state.clock.now_ms());
      return id;
    });
    for (std::size_t index = 0; index < bindings; ++index) add_binding(index);
  }

  ~SyncBench() { service_.reset(); }  // before the platform it syncs
  SyncBench(SyncBench const&) = delete;
  SyncBench& operator=(SyncBench const&) = delete;

  /// Starts every binding and waits until each one's stream is live; nullopt when some are not
  /// live by `deadline` (the count of live ones in `live`), so that a run under heavy load on a
  /// shared machine reports a failure instead of waiting for ever. Returns the wall time it took.
  std::optional<std::chrono::microseconds> bring_up(std::chrono::seconds deadline,
                                                    std::size_t& live) {
    platform::sync::SyncOptions options;
    options.shards = 2;
    service_ = std::make_unique<platform::sync::SyncService>(
        platform_.store(), platform_.keys(),
        platform::sync::FeedDirectory{{"gateio", feeds_.get()}}, options, wall_now_ms);
    auto const started = Clock::now();
    if (service_->start_all().value() != bindings_.size()) {
      throw std::runtime_error("not every binding started");
    }
    live = 0;
    for (auto const& binding : bindings_) {
      for (;;) {
        auto balances = service_->balances(platform_.user_id(), binding.id);
        if (balances && balances->health.socket_state == "live") break;
        if (Clock::now() - started > deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds{1});
      }
      ++live;
    }
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started);
  }

  /// One fill for binding `index`'s account, timed until a watcher sees its BTC balance move;
  /// nullopt when it has not within `patience`.
  std::optional<std::chrono::microseconds> propagate_fill(std::size_t index,
                                                          std::chrono::seconds patience) {
    Binding const& binding = bindings_[index];
    std::mutex mutex;
    std::condition_variable seen;
    std::optional<Clock::time_point> arrived;
    core::Decimal const before =
        btc_of(service_->balances(platform_.user_id(), binding.id).value());
    auto watch =
        service_->watch(platform_.user_id(), [&](platform::sync::BindingBalances const& balances) {
          if (balances.binding_id != binding.id || btc_of(balances) == before) return;
          std::lock_guard const lock(mutex);
          if (!arrived) arrived = Clock::now();
          seen.notify_one();
        });
    Clock::time_point filled;
    platform_.sandbox().venue().with([&](sandbox::VenueState& state) {
      sandbox::SpotOrderRequest sell;
      sell.currency_pair = "BTC_USDT";
      sell.side = sandbox::Side::sell;
      sell.amount = dec("0.0001");
      sell.price = dec("60000");
      (void)state.engine.place_spot_order(maker_, sell, state.clock.now_ms());
      sandbox::SpotOrderRequest buy = sell;
      buy.side = sandbox::Side::buy;
      filled = Clock::now();
      (void)state.engine.place_spot_order(binding.exchange_user, buy, state.clock.now_ms());
    });
    std::unique_lock lock(mutex);
    if (!seen.wait_for(lock, patience, [&] { return arrived.has_value(); })) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::microseconds>(*arrived - filled);
  }

  [[nodiscard]] std::size_t size() const { return bindings_.size(); }

 private:
  struct Binding {
    std::string id;
    std::int64_t exchange_user = 0;
  };

  static core::Decimal btc_of(platform::sync::BindingBalances const& balances) {
    for (auto const& line : balances.lines) {
      if (line.currency == "BTC") return line.total;
    }
    return core::Decimal{};
  }

  /// An exchange account with a spot key, bound as connected (verification is bench_bind's
  /// figure, not this one's: the record is written as a successful bind leaves it).
  void add_binding(std::size_t index) {
    auto const [exchange_user,
                key] = platform_.sandbox().venue().with([](sandbox::VenueState& state) {
      auto const id = state.users.create("bench", state.clock.now_ms()).id;
      (void)state.engine.deposit(id, sandbox::Account::spot, "USDT", dec("100000"),
                                 state.clock.now_ms());
      sandbox::KeySpec spec;
      spec.user_id = id;
      spec.name = "bench";
      spec.perms = {{"spot", false}};
      return std::make_pair(id, state.keys.create(std::move(spec), state.clock.now_ms()).value());
    });
    store::KeyBindingRecord record;
    record.id = "kb_bench_" + std::to_string(index);
    record.user_id = platform_.user_id();
    record.venue = "gateio";
    record.label = "bench " + std::to_string(index);
    record.api_key = key.key;
    record.secret_ct =
        platform_.vault()
            .seal(key.secret, crypto::binding_associated_data(record.id, "gateio", key.key))
            .value();
    record.scope = "spot";
    record.status = "connected";
    record.report_json = "{}";
    record.exchange_user_id = std::to_string(exchange_user);
    record.account_mode = "classic";
    record.created_at = record.updated_at = wall_now_ms();
    platform_.store().insert_binding(record).value();
    bindings_.push_back(Binding{record.id, exchange_user});
  }

  bench::PlatformOnSandbox platform_;
  std::unique_ptr<gateio::GateAccountFeedFactory> feeds_;
  std::unique_ptr<platform::sync::SyncService> service_;
  std::int64_t maker_ = 0;
  std::vector<Binding> bindings_;
};

void BM_SyncBringUpAndFillPropagation(benchmark::State& state) {
  auto const bindings = static_cast<std::size_t>(state.range(0));
  constexpr std::size_t fills = 200;
  for (auto _ : state) {
    SyncBench bench(bindings);
    double const rss_before = resident_mb();
    std::size_t live = 0;
    auto const bring_up = bench.bring_up(std::chrono::minutes{5}, live);
    if (!bring_up) {
      std::string const why = std::to_string(live) + " of " + std::to_string(bindings) +
                              " bindings live after 5 minutes";
      state.SkipWithError(why.c_str());
      break;
    }
    double const rss_after = resident_mb();
    std::vector<std::int64_t> latencies;
    latencies.reserve(fills);
    for (std::size_t sample = 0; sample < fills; ++sample) {
      auto const latency =
          bench.propagate_fill((sample * 7919) % bench.size(), std::chrono::seconds{30});
      if (!latency) break;
      latencies.push_back(latency->count());
    }
    if (latencies.size() < fills) {
      state.SkipWithError("a fill did not reach its binding's balances within 30 s");
      break;
    }
    std::sort(latencies.begin(), latencies.end());
    state.SetIterationTime(static_cast<double>(bring_up->count()) / 1e6);
    state.counters["bringup_ms"] = static_cast<double>(bring_up->count()) / 1e3;
    state.counters["rss_mb"] = rss_after - rss_before;
    state.counters["p50_us"] = static_cast<double>(latencies[latencies.size() / 2]);
    state.counters["p99_us"] = static_cast<double>(latencies[latencies.size() * 99 / 100]);
  }
}
// Each binding holds about four descriptors here (its stream and REST connection, and the
// in-process sandbox's ends of both): 4,000 bindings fit a 20,000-descriptor limit, 10,000 need
// the sandbox in another process or a higher limit. One repetition whatever `make bench` asks:
// the 4,000 bring-up alone takes a minute and more, and each run already reports a distribution
// (p50/p99 over its fills).
BENCHMARK(BM_SyncBringUpAndFillPropagation)
    ->Arg(100)
    ->Arg(1'000)
    ->Arg(4'000)
    ->Iterations(1)
    ->Repetitions(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
