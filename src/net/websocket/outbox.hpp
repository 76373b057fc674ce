#pragma once
// The thread-safe front of a WebSocket connection: text messages and close requests come in from
// any thread; the connection's writer takes them out on its strand. The queue is bounded in
// bytes so a slow consumer costs at most `capacity` bytes, never unbounded memory.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "net/async/strand_link.hpp"

namespace tradelink::net::detail {

/// What the outbox wakes on the connection's strand.
class OutboxSink {
 public:
  /// Messages are waiting and the writer is idle: take() them.
  virtual void on_outbox_ready() = 0;
  /// A push did not fit in the capacity; the outbox accepts nothing more.
  virtual void on_outbox_overflow() = 0;
  /// The owner asked for the closing handshake after the queued messages.
  virtual void on_close_requested(std::uint16_t code, std::string reason) = 0;
  /// The owner asked to drop the connection now, without a handshake.
  virtual void on_abort_requested() = 0;

 protected:
  ~OutboxSink() = default;
};

/// See the file comment. push/request_* are thread-safe; take/release run on the strand.
class Outbox {
 public:
  /// `capacity`: bytes of queued-or-being-written messages. `sink` is woken through `strand`.
  Outbox(std::size_t capacity, Strand strand, std::weak_ptr<OutboxSink> sink);

  /// Queues `message`. False when not accepting (closing or closed) or when it does not fit;
  /// the latter stops accepting and wakes on_outbox_overflow.
  bool push(std::string message);
  /// Stops accepting and wakes on_close_requested. False (and nothing happens) when already not
  /// accepting.
  bool request_close(std::uint16_t code, std::string reason);
  /// Stops accepting and wakes on_abort_requested, whatever the state.
  void request_abort();

  /// The next message to write, or nullopt when the queue is empty — which also marks the writer
  /// idle, so the next push wakes on_outbox_ready again. The message's bytes stay counted until
  /// release().
  std::optional<std::string> take();
  /// Uncounts `bytes` of a message taken earlier, once written (or abandoned).
  void release(std::size_t bytes) noexcept;
  /// Ends the outbox for good: stops accepting, drops the queue, cuts the link to the sink.
  void shut() noexcept;

  [[nodiscard]] bool accepting() const noexcept;
  [[nodiscard]] std::size_t queued_bytes() const noexcept;

 private:
  mutable std::mutex mutex_;
  std::deque<std::string> queue_;
  std::size_t queued_bytes_ = 0;
  std::size_t const capacity_;
  bool accepting_ = true;
  /// The writer has been woken (or is writing) and will call take() until it gets nullopt.
  bool writer_awake_ = false;
  StrandLink<OutboxSink> link_;
};

}  // namespace tradelink::net::detail
