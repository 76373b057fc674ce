#pragma once
// A Scheduler for tests: work is queued, not timed, and runs when the test says so.

#include <chrono>
#include <deque>
#include <functional>

#include "sandbox/service/scheduler.hpp"

namespace tradelink::sandbox::test {

class ManualScheduler final : public Scheduler {
 public:
  void after(std::chrono::milliseconds delay, std::function<void()> work) override {
    delays_.push_back(delay);
    pending_.push_back(std::move(work));
  }
  /// Runs the oldest queued work; false when nothing is queued.
  bool run_next() {
    if (pending_.empty()) return false;
    auto work = std::move(pending_.front());
    pending_.pop_front();
    work();
    return true;
  }
  [[nodiscard]] std::size_t pending() const noexcept { return pending_.size(); }
  [[nodiscard]] std::deque<std::chrono::milliseconds> const& delays() const noexcept {
    return delays_;
  }

 private:
  std::deque<std::function<void()>> pending_;
  std::deque<std::chrono::milliseconds> delays_;
};

}  // namespace tradelink::sandbox::test
