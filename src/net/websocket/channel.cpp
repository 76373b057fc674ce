// GCC 12's -Wnull-dereference misfires inside Asio's strand comparison (any_executor::equal_ex,
// instantiated for strand-bound sockets): third-party code, silenced for this file only.
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "net/websocket/channel.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <algorithm>
#include <utility>

#include "net/detail/transport_error.hpp"
#include "net/websocket/websocket_errors.hpp"

namespace tradelink::net::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using error_code = boost::system::error_code;

/// RFC 6455 section 5.5: a control frame carries at most 125 bytes, 2 of them the close code.
constexpr std::size_t max_close_reason_bytes = 123;

WebSocketCloseInfo failure_info(std::uint16_t code, core::Error error) {
  return WebSocketCloseInfo{code, {}, std::move(error)};
}

}  // namespace

template <class NextLayer>
std::shared_ptr<WebSocketChannel<NextLayer>> WebSocketChannel<NextLayer>::create(
    Strand strand, NextLayer&& next_layer, ChannelSettings settings) {
  auto channel = std::make_shared<WebSocketChannel>(Token{}, strand, std::move(next_layer),
                                                    std::move(settings));
  channel->outbox_ = std::make_shared<Outbox>(
      channel->settings_.max_outbound_bytes, std::move(strand), std::weak_ptr<OutboxSink>(channel));
  return channel;
}

template <class NextLayer>
WebSocketChannel<NextLayer>::WebSocketChannel(Token, Strand strand, NextLayer&& next_layer,
                                              ChannelSettings settings)
    : strand_(std::move(strand)),
      stream_(std::move(next_layer)),
      settings_(std::move(settings)),
      heartbeat_(strand_) {
  stream_.text(true);
  // One frame per message: no masking copy on the server side, fewer headers on the wire.
  stream_.auto_fragment(false);
  stream_.read_message_max(settings_.max_message_bytes);
  // Beast's own timer guards the opening and closing handshakes only; liveness is our heartbeat.
  stream_.set_option(websocket::stream_base::timeout{
      std::chrono::duration_cast<websocket::stream_base::duration>(settings_.handshake_timeout),
      websocket::stream_base::none(), false});
}

template <class NextLayer>
WebSocketChannel<NextLayer>::~WebSocketChannel() {
  if (outbox_) outbox_->shut();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::start(ChannelEvents events) {
  started_ = true;
  events_ = std::move(events);
  last_receive_ = last_ping_ = clock::now();
  // Pings, pongs and close frames count as signs of life, like messages.
  stream_.control_callback(
      [this](websocket::frame_type, beast::string_view) { last_receive_ = clock::now(); });
  read();
  arm_heartbeat();
  pump();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::abandon() {
  abandoned_ = true;
  // Inside on_text the callback object is still running; deliver_text drops it afterwards.
  if (!dispatching_) events_ = {};
  fail(failure_info(close_code::abnormal,
                    transport_error(websocket_codes::closed_locally, "WebSocket closed locally")));
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::read() {
  stream_.async_read(read_buffer_, [self = this->shared_from_this()](
                                       error_code const& ec, std::size_t) { self->on_read(ec); });
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::on_read(error_code const& ec) {
  if (ec) {
    read_error_ = ec;
    read_ended_ = true;
    // Once our close frame is out, Beast's close operation owns the rest of the handshake (the
    // pending read ends "aborted"); its completion tells how the connection ended.
    if (close_sent_ && !close_completed_ && !failure_) return;
    return finish(describe_end());
  }
  last_receive_ = clock::now();
  if (!stream_.got_text()) {
    outbox_->request_close(close_code::unsupported_data, "binary messages are not supported");
  } else if (!local_close_ && !failure_ && !abandoned_) {
    deliver_text();
  }
  read_buffer_.clear();
  read();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::deliver_text() {
  if (!events_.on_text) return;
  auto const data = read_buffer_.cdata();
  std::string_view const text(static_cast<char const*>(data.data()), data.size());
  dispatching_ = true;
  try {
    events_.on_text(text);
  } catch (...) {
    outbox_->request_close(close_code::internal_error, "internal error");
  }
  dispatching_ = false;
  if (abandoned_) events_ = {};
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::on_outbox_ready() {
  if (started_ && !writing_) pump();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::pump() {
  if (finished_ || failure_ || writing_) return;
  std::optional<std::string> next = outbox_->take();
  if (!next) {
    if (local_close_ && !close_sent_) send_close();
    return;
  }
  writing_ = true;
  message_in_flight_ = std::move(*next);
  stream_.async_write(asio::buffer(message_in_flight_),
                      [self = this->shared_from_this()](error_code const& ec, std::size_t) {
                        self->on_written(ec);
                      });
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::on_written(error_code const& ec) {
  writing_ = false;
  outbox_->release(message_in_flight_.size());
  message_in_flight_ = std::string();
  if (ec) return fail(failure_info(close_code::abnormal, websocket_failure(ec, settings_.peer)));
  pump();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::on_outbox_overflow() {
  fail(failure_info(close_code::policy_violation,
                    transport_error(websocket_codes::send_queue_full,
                                    "WebSocket peer " + settings_.peer +
                                        " reads too slowly: outbound queue full")));
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::on_close_requested(std::uint16_t code, std::string reason) {
  if (finished_ || failure_ || local_close_) return;
  if (reason.size() > max_close_reason_bytes) reason.resize(max_close_reason_bytes);
  local_close_ = WebSocketCloseInfo{code, std::move(reason), std::nullopt};
  if (started_) pump();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::on_abort_requested() {
  fail(failure_info(close_code::abnormal,
                    transport_error(websocket_codes::closed_locally, "WebSocket closed locally")));
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::send_close() {
  close_sent_ = true;
  websocket::close_reason reason(local_close_->code);
  reason.reason = local_close_->reason;
  stream_.async_close(reason, [self = this->shared_from_this()](error_code const& ec) {
    self->close_completed_ = true;
    self->close_error_ = ec;
    if (ec) self->close_socket();  // make sure the read loop does not wait on a dead peer
    if (self->read_ended_) self->finish(self->describe_end());
  });
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::arm_heartbeat() {
  auto next = clock::time_point::max();
  if (settings_.silence_timeout.count() > 0) {
    next = std::min(next, last_receive_ + settings_.silence_timeout);
  }
  if (settings_.ping_interval.count() > 0) {
    next = std::min(next, last_ping_ + settings_.ping_interval);
  }
  if (next == clock::time_point::max()) return;
  heartbeat_.expires_at(next);
  heartbeat_.async_wait([self = this->shared_from_this()](error_code const& ec) {
    if (!ec) self->on_heartbeat();
  });
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::on_heartbeat() {
  if (finished_ || failure_) return;
  clock::time_point const now = clock::now();
  if (settings_.silence_timeout.count() > 0 && now - last_receive_ >= settings_.silence_timeout) {
    return fail(failure_info(
        close_code::abnormal,
        transport_error(codes::timeout, "WebSocket peer " + settings_.peer + " silent for " +
                                            std::to_string(settings_.silence_timeout.count()) +
                                            " ms")));
  }
  if (settings_.ping_interval.count() > 0 && now - last_ping_ >= settings_.ping_interval) {
    last_ping_ = now;
    // Beast allows one ping at a time, and none once the close frame is on its way.
    if (!ping_in_flight_ && !local_close_) {
      ping_in_flight_ = true;
      stream_.async_ping({}, [self = this->shared_from_this()](error_code const&) {
        // A failed ping means a failed connection; the read loop reports it.
        self->ping_in_flight_ = false;
      });
    }
  }
  arm_heartbeat();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::fail(WebSocketCloseInfo why) {
  if (finished_ || failure_) return;
  failure_ = std::move(why);
  // A failed session is reset, not closed gracefully: whatever is still queued in the kernel
  // for a peer that stopped reading would otherwise keep the connection alive while it drains.
  error_code ignored;
  beast::get_lowest_layer(stream_).socket().set_option(asio::socket_base::linger(true, 0), ignored);
  close_socket();
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::close_socket() noexcept {
  heartbeat_.cancel();
  beast::get_lowest_layer(stream_).close();
}

template <class NextLayer>
WebSocketCloseInfo WebSocketChannel<NextLayer>::describe_end() const {
  if (failure_) return *failure_;
  if (close_completed_) {
    WebSocketCloseInfo info = *local_close_;
    if (close_error_) info.error = websocket_failure(close_error_, settings_.peer);
    return info;
  }
  websocket::close_reason const& received = stream_.reason();
  bool const got_close_frame = received.code != websocket::close_code::none;
  if (read_error_ == websocket::error::closed) {
    return WebSocketCloseInfo{
        received.code, std::string(received.reason.data(), received.reason.size()), std::nullopt};
  }
  WebSocketCloseInfo info;
  if (got_close_frame) {
    // The peer's close frame arrived but the handshake did not complete (e.g. reset).
    info.code = received.code;
    info.reason.assign(received.reason.data(), received.reason.size());
  } else if (read_error_ == websocket::error::message_too_big) {
    info.code = close_code::message_too_big;  // Beast sent it before failing the read
  } else if (local_close_) {
    info.code = local_close_->code;
    info.reason = local_close_->reason;
  }
  info.error = websocket_failure(read_error_, settings_.peer);
  return info;
}

template <class NextLayer>
void WebSocketChannel<NextLayer>::finish(WebSocketCloseInfo const& info) {
  if (finished_) return;
  finished_ = true;
  close_socket();
  outbox_->shut();
  auto on_close = std::move(events_.on_close);
  events_ = {};
  if (!on_close || abandoned_) return;
  try {
    on_close(info);
  } catch (...) {
    // The connection is gone either way; an owner's exception has nowhere left to go.
  }
}

template class WebSocketChannel<beast::tcp_stream>;
template class WebSocketChannel<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace tradelink::net::detail
