#include "venues/gateio/ws/private_session.hpp"

#include <utility>

namespace tradelink::gateio {
namespace {

venues::FeedFailure transport_failure(std::string code, std::string message) {
  return venues::FeedFailure{core::Error{core::ErrorLayer::transport, std::move(code),
                                         std::move(message), core::Retry::retryable, std::nullopt},
                             std::nullopt};
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace

venues::CredentialProblem classify_ws_auth_failure(std::string_view message) {
  using venues::CredentialProblem;
  if (contains(message, "invalid key")) return CredentialProblem::unknown_key;
  if (contains(message, "signature")) return CredentialProblem::bad_signature;
  if (contains(message, "request expired")) return CredentialProblem::clock_skew;
  if (contains(message, "expired")) return CredentialProblem::expired;
  if (contains(message, "locked") || contains(message, "frozen")) return CredentialProblem::locked;
  if (contains(message, "IP")) return CredentialProblem::ip_forbidden;
  return CredentialProblem::permission_removed;
}

PrivateSession::PrivateSession(boost::asio::io_context& io, Signer const& signer,
                               ClockOffset const& clock, SessionSpec spec, Callbacks callbacks)
    : io_(io),
      signer_(signer),
      clock_(clock),
      spec_(std::move(spec)),
      callbacks_(std::move(callbacks)),
      ping_timer_(io) {}

PrivateSession::~PrivateSession() = default;

void PrivateSession::open() {
  net::WebSocketClientOptions options;
  options.connect_timeout = spec_.timing.connect_timeout;
  options.read_silence_timeout = spec_.timing.silence_deadline;
  options.ping_interval = spec_.timing.ping_interval;
  options.headers = spec_.headers;
  options.verify_peer = spec_.verify_peer;
  options.ca_file = spec_.ca_file;
  client_ = std::make_unique<net::WebSocketClient>(io_, std::move(options));

  net::WebSocketClientCallbacks callbacks;
  callbacks.on_text = [this](std::string_view text) { on_text(text); };
  callbacks.on_close = [this](net::WebSocketCloseInfo const& info) {
    if (info.error) {
      fail(transport_failure(info.error->code,
                             "stream " + spec_.url + " ended: " + info.error->message));
    } else {
      fail(transport_failure("net.closed", "stream " + spec_.url + " closed by the server (" +
                                               std::to_string(info.code) + " " + info.reason +
                                               ")"));
    }
  };
  client_->connect(spec_.url, std::move(callbacks),
                   [this](core::Result<void> connected) { on_connected(connected); });
  // Queued while connecting; they leave right after the handshake.
  std::int64_t const time_s = clock_.server_now_seconds();
  for (ChannelSubscription const& subscription : spec_.subscriptions) {
    client_->send_text(subscribe_request(signer_, subscription, next_request_id_++, time_s));
  }
  acks_pending_ = spec_.subscriptions.size();
}

void PrivateSession::on_connected(core::Result<void> const& connected) {
  if (!connected) {
    venues::FeedFailure failure{connected.error(), std::nullopt};
    failure.error.retry = core::Retry::retryable;
    fail(std::move(failure));
    return;
  }
  last_message_at_ = std::chrono::steady_clock::now();
  arm_ping();
}

void PrivateSession::on_text(std::string_view text) {
  if (down_) return;
  last_message_at_ = std::chrono::steady_clock::now();
  if (auto parsed = parser_.parse(text, message_); !parsed) {
    fail(venues::FeedFailure{parsed.error(), std::nullopt});
    return;
  }
  switch (message_.kind) {
    case MessageKind::ack: on_ack(message_); break;
    case MessageKind::updates:
      if (callbacks_.on_updates) callbacks_.on_updates(message_);
      break;
    case MessageKind::pong:
    case MessageKind::other: break;
  }
}

void PrivateSession::on_ack(PrivateMessage const& message) {
  if (message.failed) {
    bool const auth = message.error_code == ws_auth_failed_code;
    core::Error error{core::ErrorLayer::venue,
                      auth ? "gateio.ws_auth_failed" : "gateio.ws_subscribe_failed",
                      "subscription to " + message.channel + " refused (code " +
                          std::to_string(message.error_code) + "): " + message.error_message,
                      auth ? core::Retry::fatal : core::Retry::never, std::nullopt};
    std::optional<venues::CredentialProblem> problem;
    if (auth) problem = classify_ws_auth_failure(message.error_message);
    fail(venues::FeedFailure{std::move(error), problem});
    return;
  }
  if (acks_pending_ == 0) return;
  if (--acks_pending_ == 0 && callbacks_.on_subscribed) callbacks_.on_subscribed();
}

void PrivateSession::arm_ping() {
  ping_timer_.expires_after(spec_.timing.ping_interval);
  ping_timer_.async_wait(
      [this, alive = std::weak_ptr<int>(alive_)](boost::system::error_code const& error) {
        if (error || alive.expired()) return;  // the session may be gone: touch nothing
        on_ping_tick();
      });
}

void PrivateSession::on_ping_tick() {
  if (down_) return;
  auto const silent_for = std::chrono::steady_clock::now() - last_message_at_;
  if (silent_for > spec_.timing.silence_deadline) {
    fail(transport_failure(
        "net.silent",
        "stream " + spec_.url + " delivered nothing for " +
            std::to_string(
                std::chrono::duration_cast<std::chrono::milliseconds>(silent_for).count()) +
            " ms (pings unanswered)"));
    return;
  }
  client_->send_text(ping_request(spec_.ping_channel, clock_.server_now_seconds()));
  arm_ping();
}

void PrivateSession::fail(venues::FeedFailure failure) {
  if (down_) return;
  down_ = true;
  ping_timer_.cancel();
  if (client_) client_->close(net::close_code::normal, "tradelink recycles the stream");
  if (callbacks_.on_down) callbacks_.on_down(failure);
}

}  // namespace tradelink::gateio
