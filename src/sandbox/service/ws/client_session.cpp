#include "sandbox/service/ws/client_session.hpp"

#include <chrono>

namespace tradelink::sandbox::ws {
namespace {

constexpr std::chrono::milliseconds drain_check{5};
constexpr int drain_checks = 400;  // at most ~2 s of waiting for the socket to take the queue

}  // namespace

ClientSession::ClientSession(net::WebSocketSession handle, Product product, Scheduler& scheduler)
    : handle_(std::move(handle)),
      product_(product),
      sizes_(handle_.request().header("X-Gate-Size-Decimal") == "1" ? SizeFormat::string
                                                                    : SizeFormat::number),
      scheduler_(scheduler) {}

void ClientSession::set_drop_after(std::int64_t count) noexcept {
  if (count <= 0) return;
  pushes_left_.store(count, std::memory_order_relaxed);
  drop_armed_.store(true, std::memory_order_release);
}

void ClientSession::reply(std::string text, bool silent) const {
  if (silent) return;
  handle_.send_text(std::move(text));
}

void ClientSession::push(std::string text, bool silent) {
  if (silent || dropping_.load(std::memory_order_relaxed)) return;
  if (!drop_armed_.load(std::memory_order_acquire)) {
    handle_.send_text(std::move(text));
    return;
  }
  std::int64_t const before = pushes_left_.fetch_sub(1, std::memory_order_relaxed);
  if (before <= 0) return;  // the fault already fired on another thread
  handle_.send_text(std::move(text));
  if (before == 1) {
    dropping_.store(true, std::memory_order_relaxed);
    cut_when_written(drain_checks);
  }
}

ClientSession::ApiLogin ClientSession::api_login() const {
  std::scoped_lock const lock(login_mutex_);
  return api_login_;
}

void ClientSession::set_api_login(ApiLogin login) {
  std::scoped_lock const lock(login_mutex_);
  api_login_ = std::move(login);
}

std::uint64_t ClientSession::next_api_request() noexcept {
  return api_requests_.fetch_add(1, std::memory_order_relaxed) + 1;
}

void ClientSession::cut_when_written(int checks_left) {
  if (handle_.queued_bytes() == 0 || checks_left <= 0) {
    handle_.abort();
    return;
  }
  scheduler_.after(drain_check, [self = shared_from_this(), checks_left] {
    self->cut_when_written(checks_left - 1);
  });
}

}  // namespace tradelink::sandbox::ws
