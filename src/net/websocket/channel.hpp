#pragma once
// One open WebSocket connection, server or client side, after (or during) its opening handshake:
// the read loop that hands text messages to the owner, the writer that drains the Outbox, the
// heartbeat (pings every interval, drop after a silence deadline) and the closing rules, ending
// in exactly one on_close. Internal: included by .cpp files only, so Beast stays out of public
// headers. Instantiated for plain and TLS streams in channel.cpp.

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "net/async/strand_link.hpp"
#include "net/websocket/outbox.hpp"
#include "net/websocket_types.hpp"

namespace tradelink::net::detail {

/// Limits and timings of one channel.
struct ChannelSettings {
  std::size_t max_message_bytes = 0;             ///< inbound message cap (close 1009 beyond)
  std::size_t max_outbound_bytes = 0;            ///< Outbox capacity
  std::chrono::milliseconds ping_interval{0};    ///< 0: no pings
  std::chrono::milliseconds silence_timeout{0};  ///< 0: no silence deadline
  std::chrono::milliseconds handshake_timeout{
      0};            ///< opening and closing handshake (Beast's timer)
  std::string peer;  ///< names the peer in error messages
};

/// The owner's callbacks; see WebSocketCallbacks.
struct ChannelEvents {
  std::function<void(std::string_view)> on_text;
  std::function<void(WebSocketCloseInfo const&)> on_close;
};

/// See the file comment. Everything but outbox() access runs on the channel's strand; the Outbox
/// is the thread-safe way in. Pending operations keep the channel alive.
template <class NextLayer>
class WebSocketChannel final : public OutboxSink,
                               public std::enable_shared_from_this<WebSocketChannel<NextLayer>> {
 public:
  using Stream = boost::beast::websocket::stream<NextLayer>;

  /// A channel over `next_layer`, whose executor must be `strand`. Configures the Beast stream
  /// (text frames, message cap, handshake timeout); the caller then performs the opening
  /// handshake on stream() and calls start().
  static std::shared_ptr<WebSocketChannel> create(Strand strand, NextLayer&& next_layer,
                                                  ChannelSettings settings);
  ~WebSocketChannel();
  WebSocketChannel(WebSocketChannel const&) = delete;
  WebSocketChannel& operator=(WebSocketChannel const&) = delete;

  /// The Beast stream, for the opening handshake only.
  [[nodiscard]] Stream& stream() noexcept { return stream_; }
  /// The thread-safe way in (send, close, abort).
  [[nodiscard]] std::shared_ptr<Outbox> const& outbox() const noexcept { return outbox_; }

  /// After a successful opening handshake: starts reading (messages go to `events.on_text`),
  /// writing what the Outbox holds, and the heartbeat. `events.on_close` runs exactly once when
  /// the connection ends.
  void start(ChannelEvents events);
  /// Drops the connection without invoking any callback from now on (the owner is going away).
  void abandon();

  void on_outbox_ready() override;
  void on_outbox_overflow() override;
  void on_close_requested(std::uint16_t code, std::string reason) override;
  void on_abort_requested() override;

 private:
  struct Token {};

 public:
  WebSocketChannel(Token, Strand strand, NextLayer&& next_layer, ChannelSettings settings);

 private:
  using clock = std::chrono::steady_clock;

  void read();
  void on_read(boost::system::error_code const& ec);
  void deliver_text();
  void pump();
  void on_written(boost::system::error_code const& ec);
  void send_close();
  void arm_heartbeat();
  void on_heartbeat();
  /// Tears the connection down for `why` (no handshake); the read loop then ends and finishes.
  void fail(WebSocketCloseInfo why);
  void close_socket() noexcept;
  /// How the connection ended, once the read loop (and our closing handshake, if any) ended.
  [[nodiscard]] WebSocketCloseInfo describe_end() const;
  void finish(WebSocketCloseInfo const& info);

  Strand strand_;
  Stream stream_;
  ChannelSettings settings_;
  std::shared_ptr<Outbox> outbox_;
  boost::beast::flat_buffer read_buffer_;
  boost::asio::steady_timer heartbeat_;
  ChannelEvents events_;
  std::string message_in_flight_;

  std::optional<WebSocketCloseInfo> local_close_;  ///< the closing handshake this side asked for
  std::optional<WebSocketCloseInfo> failure_;      ///< why this side tore the connection down
  boost::system::error_code read_error_;           ///< how the read loop ended
  boost::system::error_code close_error_;          ///< how our closing handshake ended
  clock::time_point last_receive_{};
  clock::time_point last_ping_{};
  bool started_ = false;
  bool writing_ = false;
  bool close_sent_ = false;
  bool close_completed_ = false;
  bool read_ended_ = false;
  bool ping_in_flight_ = false;
  bool dispatching_ = false;
  bool abandoned_ = false;
  bool finished_ = false;
};

}  // namespace tradelink::net::detail
