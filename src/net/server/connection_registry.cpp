#include "net/server/connection_registry.hpp"

#include <utility>
#include <vector>

namespace tradelink::net::detail {

bool ConnectionRegistry::try_add(std::uint64_t id, Control control) {
  std::lock_guard lock(mutex_);
  if (shutting_down_ || connections_.size() >= capacity_) return false;
  connections_.emplace(id, std::move(control));
  return true;
}

void ConnectionRegistry::replace(std::uint64_t id, Control control) {
  std::lock_guard lock(mutex_);
  if (auto const found = connections_.find(id); found != connections_.end()) {
    found->second = std::move(control);
  }
}

void ConnectionRegistry::remove(std::uint64_t id) noexcept {
  std::function<void()> notify;
  {
    std::lock_guard lock(mutex_);
    if (connections_.erase(id) == 0) return;
    if (!shutting_down_ || !connections_.empty()) return;
    notify = on_drained_;
  }
  drained_.notify_all();
  if (notify) notify();
}

std::size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return connections_.size();
}

void ConnectionRegistry::shut_down_all(ShutdownMode mode) {
  std::vector<Control> controls;
  std::function<void()> notify;
  {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
    controls.reserve(connections_.size());
    for (auto const& entry : connections_) controls.push_back(entry.second);
    if (connections_.empty()) notify = on_drained_;
  }
  for (Control const& control : controls) control(mode);
  if (notify) notify();
}

bool ConnectionRegistry::wait_until_empty(std::chrono::milliseconds limit) {
  std::unique_lock lock(mutex_);
  return drained_.wait_for(lock, limit, [this] { return connections_.empty(); });
}

void ConnectionRegistry::on_drained(std::function<void()> callback) {
  std::lock_guard lock(mutex_);
  on_drained_ = std::move(callback);
}

Registration::Registration(Registration&& other) noexcept
    : registry_(std::move(other.registry_)), id_(other.id_) {}

Registration& Registration::operator=(Registration&& other) noexcept {
  if (this != &other) {
    if (registry_) registry_->remove(id_);
    registry_ = std::move(other.registry_);
    id_ = other.id_;
  }
  return *this;
}

Registration::~Registration() {
  if (registry_) registry_->remove(id_);
}

void Registration::replace(ConnectionRegistry::Control control) const {
  if (registry_) registry_->replace(id_, std::move(control));
}

}  // namespace tradelink::net::detail
