#pragma once
// One connected WebSocket client as the channels see it: the server session handle, which
// endpoint it came through, how it wants futures sizes, and the "drop after N pushes" fault
// counter. Thread-safe: pushes arrive from engine callbacks, timers and the session's strand.

#include <atomic>
#include <cstdint>
#include <memory>
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
};

}  // namespace tradelink::sandbox::ws
