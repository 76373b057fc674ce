#pragma once
// One HttpClient::async_send from start to handler: take a pooled connection or open one,
// exchange, resend once on a fresh connection when a reused one turns out to be stale, park
// the connection again when it stays usable, and post the result to the caller.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "net/detail/client_state.hpp"
#include "net/detail/connection.hpp"
#include "net/http_client.hpp"
#include "net/http_types.hpp"

namespace tradelink::net::detail {

class HttpCall : public std::enable_shared_from_this<HttpCall> {
 public:
  /// Creates and starts a call; it keeps itself alive through its pending operations.
  static void start(std::shared_ptr<ClientState> state, Origin origin, HttpRequest request,
                    HttpClient::Handler handler);

  HttpCall(std::shared_ptr<ClientState> state, Origin origin, HttpRequest request,
           HttpClient::Handler handler);

  /// The client is going away: drop the handler uninvoked and close the connection so pending
  /// operations end promptly. Called by ClientState::shut_down.
  void abandon() noexcept;

 private:
  void begin();
  void use_pooled_or_open();
  void open_fresh_connection();
  void on_opened(core::Result<void> opened);
  void send_request();
  void on_exchanged(Connection::Exchange exchange);
  void finish(core::Result<HttpResponse> result);

  /// The earlier of `now + phase_timeout` and the end of the whole call.
  [[nodiscard]] std::chrono::steady_clock::time_point phase_deadline(
      std::chrono::milliseconds phase_timeout) const;

  std::shared_ptr<ClientState> state_;
  Origin origin_;
  std::string origin_key_;
  HttpRequest request_;
  HttpClient::Handler handler_;
  std::chrono::steady_clock::time_point call_deadline_;
  std::shared_ptr<boost::asio::ssl::context> tls_context_;
  std::optional<Connection> connection_;
  bool on_reused_connection_ = false;
  bool resent_ = false;
  std::uint64_t id_ = 0;
};

}  // namespace tradelink::net::detail
