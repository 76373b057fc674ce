#pragma once
// Runs work later on the sandbox's threads, without exposing Asio to the fronts (fault latency,
// WebSocket timers, the market simulator's ticks).

#include <chrono>
#include <functional>

namespace tradelink::sandbox {

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  /// Runs `work` once, after `delay` (0: as soon as possible), on a sandbox thread.
  virtual void after(std::chrono::milliseconds delay, std::function<void()> work) = 0;

 protected:
  Scheduler() = default;
  Scheduler(Scheduler const&) = default;
  Scheduler& operator=(Scheduler const&) = default;
};

}  // namespace tradelink::sandbox
