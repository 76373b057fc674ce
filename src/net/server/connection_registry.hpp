#pragma once
// The server's list of open connections (HTTP and WebSocket): enforces max_connections, and lets
// stop() ask every connection to shut down and wait until all are gone.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace tradelink::net::detail {

/// How a connection is asked to end.
enum class ShutdownMode {
  graceful,  ///< finish the exchange in progress (HTTP) or close with 1001 (WebSocket)
  immediate  ///< close the socket now
};

/// Thread-safe. Controls are called without the registry's lock held.
class ConnectionRegistry {
 public:
  /// Asks one connection to shut down; must be thread-safe and must not block.
  using Control = std::function<void(ShutdownMode)>;

  explicit ConnectionRegistry(std::size_t capacity) : capacity_(capacity) {}

  /// Adds connection `id`. False when the registry is full or shutting down.
  [[nodiscard]] bool try_add(std::uint64_t id, Control control);
  /// Replaces the control of `id` (an HTTP connection became a WebSocket session).
  void replace(std::uint64_t id, Control control);
  void remove(std::uint64_t id) noexcept;
  [[nodiscard]] std::size_t size() const;

  /// From now on try_add fails; every registered connection is asked to shut down in `mode`.
  void shut_down_all(ShutdownMode mode);
  /// Blocks until no connection is left or `limit` passed; returns whether none is left.
  bool wait_until_empty(std::chrono::milliseconds limit);
  /// Called (from the thread removing the last connection) when the registry becomes empty
  /// while shutting down — or right away if it already is. Set once, before shutting down.
  void on_drained(std::function<void()> callback);

 private:
  mutable std::mutex mutex_;
  std::condition_variable drained_;
  std::unordered_map<std::uint64_t, Control> connections_;
  std::size_t const capacity_;
  bool shutting_down_ = false;
  std::function<void()> on_drained_;
};

/// Removes its connection from the registry when destroyed. Move-only.
class Registration {
 public:
  Registration() = default;
  Registration(std::shared_ptr<ConnectionRegistry> registry, std::uint64_t id) noexcept
      : registry_(std::move(registry)), id_(id) {}
  Registration(Registration&& other) noexcept;
  Registration& operator=(Registration&& other) noexcept;
  Registration(Registration const&) = delete;
  Registration& operator=(Registration const&) = delete;
  ~Registration();

  /// See ConnectionRegistry::replace.
  void replace(ConnectionRegistry::Control control) const;
  [[nodiscard]] std::uint64_t id() const noexcept { return id_; }

 private:
  std::shared_ptr<ConnectionRegistry> registry_;
  std::uint64_t id_ = 0;
};

}  // namespace tradelink::net::detail
