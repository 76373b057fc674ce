#include "net/detail/connection_pool.hpp"

#include <algorithm>
#include <utility>

namespace tradelink::net::detail {

ConnectionPool::ConnectionPool(std::size_t max_idle_per_origin) noexcept
    : max_idle_per_origin_(max_idle_per_origin) {}

std::optional<Connection> ConnectionPool::take(std::string const& origin_key) {
  auto const found = idle_.find(origin_key);
  if (found == idle_.end()) return std::nullopt;
  std::deque<Connection>& parked = found->second;
  std::optional<Connection> usable;
  while (!parked.empty() && !usable) {
    Connection candidate = std::move(parked.back());
    parked.pop_back();
    if (candidate.peer_has_hung_up()) {
      candidate.close();
      continue;
    }
    candidate.expires_never();
    usable = std::move(candidate);
  }
  if (parked.empty()) idle_.erase(found);
  return usable;
}

void ConnectionPool::put(std::string const& origin_key, Connection connection,
                         std::chrono::steady_clock::time_point idle_deadline) {
  if (max_idle_per_origin_ == 0 || !connection.is_open()) {
    connection.close();
    return;
  }
  std::deque<Connection>& parked = idle_[origin_key];
  std::erase_if(parked, [](Connection const& idle) { return !idle.is_open(); });
  while (parked.size() >= max_idle_per_origin_) {
    parked.front().close();
    parked.pop_front();
  }
  connection.expires_at(idle_deadline);
  parked.push_back(std::move(connection));
}

void ConnectionPool::close_all() noexcept {
  for (auto& [key, parked] : idle_) {
    for (Connection& connection : parked) connection.close();
  }
  idle_.clear();
}

std::size_t ConnectionPool::idle_count() const noexcept {
  std::size_t open = 0;
  for (auto const& [key, parked] : idle_) {
    open += static_cast<std::size_t>(std::count_if(
        parked.begin(), parked.end(), [](Connection const& idle) { return idle.is_open(); }));
  }
  return open;
}

}  // namespace tradelink::net::detail
