#pragma once
// A small fixed pool of threads for the API's blocking work (password hashing, database calls,
// key verification against an exchange), so the HTTP server's I/O threads never wait on them.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tradelink::api {

class WorkerPool {
 public:
  using Task = std::function<void()>;

  /// Starts `threads` workers (at least one). At most `max_queued` tasks wait at any time.
  WorkerPool(std::size_t threads, std::size_t max_queued);
  /// Runs the tasks already queued, then joins the workers.
  ~WorkerPool();
  WorkerPool(WorkerPool const&) = delete;
  WorkerPool& operator=(WorkerPool const&) = delete;

  /// Queues `task`; false (and the task is dropped unrun) when the queue is full or the pool is
  /// stopping. Thread-safe. A task must not throw: an escaping exception is swallowed.
  [[nodiscard]] bool post(Task task);

 private:
  void run();

  std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tradelink::api
