#pragma once
// The sync's one thread that touches the disk: balance batches from the shards and the rare
// store calls a shard must not wait for (a binding's status change), run in submission order.
// Shards hand work over once per flush, never per update, so the update path never waits on
// the store.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace tradelink::platform::sync {

class BackgroundWriter {
 public:
  BackgroundWriter();
  /// Runs what was submitted, then joins.
  ~BackgroundWriter();
  BackgroundWriter(BackgroundWriter const&) = delete;
  BackgroundWriter& operator=(BackgroundWriter const&) = delete;

  /// Queues `job`. Thread-safe.
  void submit(std::function<void()> job);
  /// Blocks until every job submitted before the call has run. Not from a job.
  void drain();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> jobs_;
  std::uint64_t submitted_ = 0;
  std::uint64_t finished_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tradelink::platform::sync
