#include "platform/sync/background_writer.hpp"

#include <utility>

namespace tradelink::platform::sync {

BackgroundWriter::BackgroundWriter() : thread_([this] { run(); }) {}

BackgroundWriter::~BackgroundWriter() {
  {
    std::lock_guard const lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void BackgroundWriter::submit(std::function<void()> job) {
  {
    std::lock_guard const lock(mutex_);
    jobs_.push_back(std::move(job));
    ++submitted_;
  }
  wake_.notify_one();
}

void BackgroundWriter::drain() {
  std::unique_lock lock(mutex_);
  std::uint64_t const target = submitted_;
  idle_.wait(lock, [&] { return finished_ >= target; });
}

void BackgroundWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping and nothing left
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();
    lock.lock();
    ++finished_;
    idle_.notify_all();
  }
}

}  // namespace tradelink::platform::sync
