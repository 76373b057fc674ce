#pragma once
// Idle keep-alive connections, grouped by origin (Origin::pool_key). Each parked connection
// carries its idle deadline, after which it closes itself; closed or hung-up connections are
// dropped when the pool next looks at their origin. Single-threaded, no I/O of its own.

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "net/detail/connection.hpp"

namespace tradelink::net::detail {

class ConnectionPool {
 public:
  /// Keeps at most `max_idle_per_origin` idle connections per origin (0 disables pooling).
  explicit ConnectionPool(std::size_t max_idle_per_origin) noexcept;

  /// The most recently parked connection of `origin_key` that is still usable, with its idle
  /// deadline disarmed; nothing when there is none. Unusable ones met on the way are closed
  /// and dropped.
  [[nodiscard]] std::optional<Connection> take(std::string const& origin_key);

  /// Parks an open `connection` until `idle_deadline`. When the origin already holds the
  /// maximum, the longest-idle connection is closed to make room.
  void put(std::string const& origin_key, Connection connection,
           std::chrono::steady_clock::time_point idle_deadline);

  /// Closes and drops every idle connection.
  void close_all() noexcept;

  /// Number of parked connections that are still open.
  [[nodiscard]] std::size_t idle_count() const noexcept;

 private:
  std::size_t max_idle_per_origin_;
  /// Per origin, oldest first: reuse takes from the back (warmest, least likely to be stale).
  std::unordered_map<std::string, std::deque<Connection>> idle_;
};

}  // namespace tradelink::net::detail
