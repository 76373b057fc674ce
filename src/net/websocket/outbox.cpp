#include "net/websocket/outbox.hpp"

#include <algorithm>
#include <utility>

namespace tradelink::net::detail {

Outbox::Outbox(std::size_t capacity, Strand strand, std::weak_ptr<OutboxSink> sink)
    : capacity_(capacity), link_(std::move(strand), std::move(sink)) {}

bool Outbox::push(std::string message) {
  bool overflow = false;
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (!accepting_) return false;
    if (message.size() > capacity_ - queued_bytes_) {
      accepting_ = false;
      overflow = true;
    } else {
      queued_bytes_ += message.size();
      queue_.push_back(std::move(message));
      wake = !writer_awake_;
      writer_awake_ = true;
    }
  }
  // Outside the lock: run() may call the sink inline, and the sink calls take().
  if (overflow) {
    link_.run([](OutboxSink& sink) { sink.on_outbox_overflow(); });
    return false;
  }
  if (wake) link_.run([](OutboxSink& sink) { sink.on_outbox_ready(); });
  return true;
}

bool Outbox::request_close(std::uint16_t code, std::string reason) {
  {
    std::lock_guard lock(mutex_);
    if (!accepting_) return false;
    accepting_ = false;
  }
  link_.run([code, reason = std::move(reason)](OutboxSink& sink) mutable {
    sink.on_close_requested(code, std::move(reason));
  });
  return true;
}

void Outbox::request_abort() {
  {
    std::lock_guard lock(mutex_);
    accepting_ = false;
  }
  link_.run([](OutboxSink& sink) { sink.on_abort_requested(); });
}

std::optional<std::string> Outbox::take() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) {
    writer_awake_ = false;
    return std::nullopt;
  }
  std::string message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

void Outbox::release(std::size_t bytes) noexcept {
  std::lock_guard lock(mutex_);
  queued_bytes_ -= std::min(bytes, queued_bytes_);
}

void Outbox::shut() noexcept {
  std::deque<std::string> dropped;
  {
    std::lock_guard lock(mutex_);
    accepting_ = false;
    writer_awake_ = false;
    dropped.swap(queue_);
    queued_bytes_ = 0;
  }
  link_.cut();
}

bool Outbox::accepting() const noexcept {
  std::lock_guard lock(mutex_);
  return accepting_;
}

std::size_t Outbox::queued_bytes() const noexcept {
  std::lock_guard lock(mutex_);
  return queued_bytes_;
}

}  // namespace tradelink::net::detail
