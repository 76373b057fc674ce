#pragma once
// One Gate.io WebSocket v4 connection carrying private channels (gateio-v4.md §2.2, §2.4, §2.5):
// connect, subscribe to each channel with its own signed `auth`, wait for every ack, then hand
// the parsed pushes on; an application ping keeps the server's idle timer and our silence check
// fed. It reports its end exactly once (socket closed or dropped, silence past the deadline,
// a refused subscription, an unparseable push) and never reconnects: the feed decides.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/websocket_client.hpp"
#include "venues/account_feed.hpp"
#include "venues/gateio/rest/clock.hpp"
#include "venues/gateio/rest/signer.hpp"
#include "venues/gateio/ws/channel_requests.hpp"
#include "venues/gateio/ws/private_messages.hpp"

namespace tradelink::gateio {

/// Where to connect and what to subscribe to.
struct SessionSpec {
  std::string url;
  std::string ping_channel;  ///< "spot.ping" or "futures.ping"
  std::vector<ChannelSubscription> subscriptions;
  venues::FeedTiming timing;
  std::vector<net::Header> headers;  ///< extra upgrade headers (X-Gate-Size-Decimal on futures)
  bool verify_peer = true;
  std::optional<std::string> ca_file;
};

class PrivateSession {
 public:
  struct Callbacks {
    std::function<void(PrivateMessage const&)> on_updates;
    /// Every subscription was acknowledged with success.
    std::function<void()> on_subscribed;
    /// The connection ended; called at most once, as the session's last action.
    std::function<void(venues::FeedFailure const&)> on_down;
  };

  /// `signer` and `clock` must outlive the session. Runs on `io`'s thread; destroy it there.
  PrivateSession(boost::asio::io_context& io, Signer const& signer, ClockOffset const& clock,
                 SessionSpec spec, Callbacks callbacks);
  ~PrivateSession();
  PrivateSession(PrivateSession const&) = delete;
  PrivateSession& operator=(PrivateSession const&) = delete;

  /// Connects and subscribes.
  void open();

 private:
  void on_connected(core::Result<void> const& connected);
  void on_text(std::string_view text);
  void on_ack(PrivateMessage const& message);
  void arm_ping();
  void on_ping_tick();
  void fail(venues::FeedFailure failure);

  boost::asio::io_context& io_;
  Signer const& signer_;
  ClockOffset const& clock_;
  SessionSpec spec_;
  Callbacks callbacks_;
  std::unique_ptr<net::WebSocketClient> client_;
  boost::asio::steady_timer ping_timer_;
  PrivateMessageParser parser_;
  PrivateMessage message_;
  std::chrono::steady_clock::time_point last_message_at_;
  std::int64_t next_request_id_ = 1;
  std::size_t acks_pending_ = 0;
  bool down_ = false;
  /// Expires with the session: a timer that already fired may still have its handler queued
  /// when the session goes, and cancelling cannot recall it.
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

/// The credential problem a refused private subscription names (best effort from Gate's
/// message); the feed confirms it over REST, whose labels are precise.
[[nodiscard]] venues::CredentialProblem classify_ws_auth_failure(std::string_view message);

}  // namespace tradelink::gateio
