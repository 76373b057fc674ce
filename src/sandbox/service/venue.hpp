#pragma once
// The sandbox exchange's whole mutable state behind one lock: the engine, API keys and users.
// REST and admin handlers, WebSocket sessions and the market simulator reach it only through
// Venue::with(), so every change is serialised and engine events leave in causal order. The
// clock lives outside the lock (it is atomic) because every request reads it first.

#include <memory>
#include <mutex>
#include <utility>

#include "core/result.hpp"
#include "sandbox/auth/key_store.hpp"
#include "sandbox/engine/engine.hpp"
#include "sandbox/service/event_fanout.hpp"
#include "sandbox/service/sandbox_clock.hpp"
#include "sandbox/service/user_directory.hpp"
#include "sandbox/service/wallet_ledger.hpp"

namespace tradelink::sandbox {

/// What a caller of Venue::with() may touch while it holds the lock.
struct VenueState {
  Engine& engine;
  KeyStore& keys;
  UserDirectory& users;
  SandboxClock& clock;
  WalletLedger& wallet;
};

class Venue {
 public:
  /// A venue listing `catalogue`. Errors: the engine's (an invalid catalogue).
  static core::Result<std::unique_ptr<Venue>> create(Catalogue catalogue, EngineConfig config = {});

  Venue(Venue const&) = delete;
  Venue& operator=(Venue const&) = delete;
  ~Venue();

  /// Runs `action(VenueState&)` under the venue lock and returns what it returns. Must not be
  /// re-entered from inside `action` (engine event sinks run inside it).
  template <class Action>
  decltype(auto) with(Action&& action) {
    std::scoped_lock const lock(mutex_);
    PublishOnExit const publish{*engine_};
    VenueState state{*engine_, keys_, users_, clock_, wallet_};
    return std::forward<Action>(action)(state);
  }

  /// Where engine events go; add sinks before the venue serves requests.
  [[nodiscard]] EventFanout& events() noexcept { return events_; }
  [[nodiscard]] SandboxClock& clock() noexcept { return clock_; }

 private:
  /// Publishes the engine's writes before the lock is released (declared after the lock, so
  /// destroyed before it), for whichever thread takes the venue next.
  struct PublishOnExit {
    explicit PublishOnExit(Engine const& venue_engine) : engine(venue_engine) {}
    PublishOnExit(PublishOnExit const&) = delete;
    PublishOnExit& operator=(PublishOnExit const&) = delete;
    ~PublishOnExit() { engine.publish_writes(); }
    Engine const& engine;
  };

  Venue() = default;

  std::mutex mutex_;
  SandboxClock clock_;
  EventFanout events_;
  KeyStore keys_;
  UserDirectory users_;
  WalletLedger wallet_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace tradelink::sandbox
