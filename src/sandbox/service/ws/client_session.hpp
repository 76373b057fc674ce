#pragma once
// One connected WebSocket client as the channels see it: the server session handle, which
// endpoint it came through, how it wants futures sizes, the "drop after N pushes" fault
// counter and the key of its WebSocket API login. Thread-safe: pushes arrive from engine callbacks,
// timers and the session's strand.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "net/websocket_session.hpp"
#include "sandbox/service/scheduler.hpp"
#include "sandbox/service/ws/futures_render.hpp"
#include "sandbox/service/ws/ws_protocol.hpp"

namespace tradelink::sandbox::ws {

class ClientSession : public std::enable_shared_from_this<ClientSession> {
 public:
  /// `scheduler` must outlive the session's pending work (the sandbox server owns both).
  ClientSession(net::WebSocketSession handle, Product product, Scheduler& scheduler);

  [[nodiscard]] std::uint64_t id() const noexcept { return handle_.id(); }
  [[nodiscard]] Product product() const noexcept { return product_; }
  /// Futures sizes as strings when the upgrade request had `X-Gate-Size-Decimal: 1`.
  [[nodiscard]] SizeFormat sizes() const noexcept { return sizes_; }
  [[nodiscard]] std::string_view peer_ip() const noexcept { return handle_.request().peer_address; }

  /// Arms the drop fault: the connection is cut once `count` more pushes were written (0 leaves
  /// it as it is).
  void set_drop_after(std::int64_t count) noexcept;

  /// Queues a reply (subscription ack, pong, error); replies do not count as pushes. Nothing is
  /// sent while `silent`.
  void reply(std::string text, bool silent) const;
  /// Queues a data push. Nothing is sent while `silent` or once the drop fault fired.
  void push(std::string text, bool silent);

  [[nodiscard]] net::WebSocketSession const& handle() const noexcept { return handle_; }

  /// What a WebSocket API login (`spot.login` / `futures.login`) bound to this connection.
  struct ApiLogin {
    std::string key;  ///< empty before any successful login
    std::int64_t user_id = 0;
  };
  [[nodiscard]] ApiLogin api_login() const;
  void set_api_login(ApiLogin login);
  /// Numbers this connection's WebSocket API requests (1, 2, ...) for their trace ids.
  [[nodiscard]] std::uint64_t next_api_request() noexcept;

 private:
  /// Cuts the TCP connection once the queued pushes left (bounded wait), so the client receives
  /// exactly the pushes before the fault.
  void cut_when_written(int checks_left);

  net::WebSocketSession handle_;
  Product product_;
  SizeFormat sizes_;
  Scheduler& scheduler_;
  std::atomic<std::int64_t> pushes_left_{0};
  std::atomic<bool> drop_armed_{false};
  std::atomic<bool> dropping_{false};
  std::atomic<std::uint64_t> api_requests_{0};
  mutable std::mutex login_mutex_;
  ApiLogin api_login_;  ///< guarded by login_mutex_
};

}  // namespace tradelink::sandbox::ws
