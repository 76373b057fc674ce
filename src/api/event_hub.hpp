#pragma once
// Live updates for browsers: the open event streams (WebSocket sessions at /api/v1/events) per
// user, fed by binding changes the API makes and by balance changes from account sync. Each
// message is one JSON object {"type": "...", "data": {...}}. Thread-safe.

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "net/websocket_session.hpp"
#include "platform/sync/balance_view.hpp"

namespace tradelink::api {

class EventHub {
 public:
  /// `balances` may be null (no balance events); it must outlive the hub.
  explicit EventHub(platform::sync::BalanceView* balances) : balances_(balances) {}
  ~EventHub();
  EventHub(EventHub const&) = delete;
  EventHub& operator=(EventHub const&) = delete;

  /// Starts sending `user_id`'s events to `session` (and watching the user's balances when it
  /// is the user's first stream).
  void add(std::int64_t user_id, net::WebSocketSession session);
  /// Stops sending to the session; the user's balance watch ends with the last stream.
  void remove(std::uint64_t session_id);
  /// Sends `{"type": type, "data": data_json}` to every stream of `user_id`.
  void publish(std::int64_t user_id, std::string_view type, std::string_view data_json);

  [[nodiscard]] std::size_t stream_count() const;

 private:
  struct UserStreams {
    std::vector<net::WebSocketSession> sessions;
    platform::sync::WatchHandle watch;
    bool watching = false;
  };

  void send_all(std::int64_t user_id, std::string const& message);

  platform::sync::BalanceView* balances_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, UserStreams> users_;
  std::map<std::uint64_t, std::int64_t> owner_of_session_;
};

}  // namespace tradelink::api
