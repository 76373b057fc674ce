#pragma once
// A door into an object that lives on a strand, for holders on any thread whose lifetime is not
// tied to that object's: responders, WebSocket session handles, the WebSocket client's send path.
//
// The object's pending asynchronous operations keep it alive; holders keep only this link. The
// object cuts the link when it dies, after which everything sent through it is dropped. The
// cut happens under the same lock as every post, so no post can reach an io_context that is
// being destroyed: objects die, at the latest, while their io_context destroys its pending
// handlers, and the link is cut then.

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace tradelink::net::detail {

/// The per-connection serialisation point: all of a connection's I/O and callbacks run on it.
using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

/// See the file comment. Thread-safe.
template <class Target>
class StrandLink {
 public:
  StrandLink(Strand strand, std::weak_ptr<Target> target)
      : strand_(std::move(strand)), target_(std::move(target)) {}

  StrandLink(StrandLink const&) = delete;
  StrandLink& operator=(StrandLink const&) = delete;

  /// Runs `action(Target&)` on the target's strand: inline when the calling thread already runs
  /// that strand, posted otherwise. Returns false (and drops `action`) when the link is cut or,
  /// inline, when the target is gone. A posted action whose target died meanwhile is dropped.
  template <class Action>
  bool run(Action&& action) {
    std::unique_lock lock(mutex_);
    if (!strand_) return false;
    if (strand_->running_in_this_thread()) {
      std::shared_ptr<Target> const target = target_.lock();
      lock.unlock();
      if (!target) return false;
      std::forward<Action>(action)(*target);
      return true;
    }
    boost::asio::post(*strand_,
                      [target = target_, action = std::forward<Action>(action)]() mutable {
                        if (std::shared_ptr<Target> const locked = target.lock()) action(*locked);
                      });
    return true;
  }

  /// Cuts the link (idempotent). Called by the target when it ends and from its destructor.
  void cut() noexcept {
    std::lock_guard lock(mutex_);
    strand_.reset();
  }

 private:
  std::mutex mutex_;
  std::optional<Strand> strand_;
  std::weak_ptr<Target> target_;
};

}  // namespace tradelink::net::detail
