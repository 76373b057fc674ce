#pragma once
// The running server that every connection shares: options, handlers, TLS context and the
// connection registry, plus the listener that accepts connections and hands them to HTTP
// sessions, and the stop sequence. Connections hold it by shared_ptr, so it lives as long as the
// last of them even after HttpServer is gone.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "net/async/strand_link.hpp"
#include "net/http_server.hpp"
#include "net/server/connection_registry.hpp"

namespace boost::asio::ssl {
class context;
}

namespace tradelink::net::detail {

/// A socket the listener accepted, already bound to its connection's strand.
using AcceptedSocket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, Strand>;

/// Facts about one accepted connection, fixed for its lifetime.
struct ConnectionInfo {
  std::uint64_t id = 0;
  std::string peer_address;  ///< IPv4 dotted (also for IPv4-mapped IPv6 peers) or IPv6 text
  std::uint16_t peer_port = 0;
  std::uint16_t local_port = 0;
  bool tls = false;
};

/// See the file comment. Thread-safe.
class ServerCore : public std::enable_shared_from_this<ServerCore> {
  struct Token {};

 public:
  /// Validates `options` and `handlers`, builds the TLS context, binds, listens and starts
  /// accepting on `io`. Errors: as HttpServer::start.
  static core::Result<std::shared_ptr<ServerCore>> listen(boost::asio::io_context& io,
                                                          ServerOptions options,
                                                          ServerHandlers handlers);

  ServerCore(Token, boost::asio::io_context& io, ServerOptions options, ServerHandlers handlers,
             std::shared_ptr<boost::asio::ssl::context> tls_context);
  ~ServerCore();
  ServerCore(ServerCore const&) = delete;
  ServerCore& operator=(ServerCore const&) = delete;

  [[nodiscard]] ServerOptions const& options() const noexcept { return options_; }
  [[nodiscard]] ServerHandlers const& handlers() const noexcept { return handlers_; }
  [[nodiscard]] std::shared_ptr<ConnectionRegistry> const& registry() const noexcept {
    return registry_;
  }
  /// The TLS server context, or null for plain HTTP.
  [[nodiscard]] std::shared_ptr<boost::asio::ssl::context> const& tls_context() const noexcept {
    return tls_context_;
  }
  [[nodiscard]] std::uint16_t port() const noexcept { return port_; }
  [[nodiscard]] bool stopping() const noexcept { return stopping_.load(); }

  /// The first WebSocket route accepting `path`, or null.
  [[nodiscard]] WebSocketRoute const* find_websocket_route(std::string_view path) const;
  /// The server's own error response (owner's body shape; the default one if the owner's
  /// formatter throws).
  [[nodiscard]] ServerResponse error_response(unsigned status, std::string_view reason) const;

  /// Starts the stop sequence (see HttpServer). Thread-safe, idempotent, non-blocking.
  void begin_stop();

 private:
  core::Result<void> open_acceptor();
  void accept();
  void on_accept(boost::system::error_code const& ec, AcceptedSocket socket, Strand const& strand);
  void retry_accept_later();
  void open_connection(AcceptedSocket socket, Strand const& strand);
  void arm_stop_deadline();
  void cancel_stop_deadline() noexcept;

  boost::asio::io_context& io_;
  ServerOptions const options_;
  ServerHandlers const handlers_;
  std::shared_ptr<boost::asio::ssl::context> const tls_context_;
  std::shared_ptr<ConnectionRegistry> const registry_;
  Strand strand_;  ///< serialises the acceptor, the accept back-off and the stop deadline
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer accept_backoff_;
  std::mutex stop_deadline_mutex_;  ///< the deadline is cancelled from whichever thread drains
  boost::asio::steady_timer stop_deadline_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> next_connection_id_{1};
  std::uint16_t port_ = 0;
};

}  // namespace tradelink::net::detail
