#include "net/server/server_core.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <limits>
#include <utility>

#include "net/detail/transport_error.hpp"
#include "net/server/http_session.hpp"
#include "net/server/tls_server_context.hpp"

namespace tradelink::net::detail {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

/// How long the listener pauses when the process is out of file descriptors or memory, instead
/// of spinning on a failing accept.
constexpr std::chrono::milliseconds accept_backoff{50};

core::Error options_error(std::string message) {
  return core::validation_error("net.server_options", std::move(message));
}

core::Error listen_error(std::string message) {
  return transport_error("net.listen", std::move(message));
}

core::Result<void> validate(ServerOptions const& options, ServerHandlers const& handlers) {
  if (!handlers.on_request) return options_error("a request handler is required");
  for (WebSocketRoute const& route : handlers.websocket_routes) {
    if (!route.accepts || !route.open) {
      return options_error("a WebSocket route needs both `accepts` and `open`");
    }
  }
  if (options.threads == 0) return options_error("threads must be at least 1");
  if (options.max_connections == 0) return options_error("max_connections must be at least 1");
  if (options.max_header_bytes == 0 ||
      options.max_header_bytes > std::numeric_limits<std::uint32_t>::max()) {
    return options_error("max_header_bytes must be between 1 and 4 GiB");
  }
  using std::chrono::milliseconds;
  for (milliseconds const timeout :
       {options.header_timeout, options.body_timeout, options.idle_timeout, options.write_timeout,
        options.handler_timeout, options.websocket.handshake_timeout}) {
    if (timeout.count() <= 0) return options_error("server timeouts must be positive");
  }
  if (options.shutdown_grace.count() < 0 || options.websocket.ping_interval.count() < 0 ||
      options.websocket.silence_timeout.count() < 0) {
    return options_error("shutdown_grace, ping_interval and silence_timeout must not be negative");
  }
  if (options.websocket.max_message_bytes == 0 || options.websocket.max_outbound_bytes == 0) {
    return options_error("WebSocket message and queue limits must be positive");
  }
  return core::ok();
}

bool is_resource_exhaustion(error_code const& ec) noexcept {
  return ec == boost::system::errc::too_many_files_open ||
         ec == boost::system::errc::too_many_files_open_in_system ||
         ec == boost::system::errc::no_buffer_space || ec == boost::system::errc::not_enough_memory;
}

std::string peer_text(asio::ip::address const& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

}  // namespace

core::Result<std::shared_ptr<ServerCore>> ServerCore::listen(asio::io_context& io,
                                                             ServerOptions options,
                                                             ServerHandlers handlers) {
  if (auto valid = validate(options, handlers); !valid) return valid.error();
  std::shared_ptr<asio::ssl::context> tls_context;
  if (options.tls) {
    auto made = make_tls_server_context(*options.tls);
    if (!made) return made.error();
    tls_context = std::move(*made);
  }
  auto server = std::make_shared<ServerCore>(Token{}, io, std::move(options), std::move(handlers),
                                             std::move(tls_context));
  if (auto opened = server->open_acceptor(); !opened) return opened.error();
  server->registry_->on_drained([weak = std::weak_ptr<ServerCore>(server)] {
    if (auto const locked = weak.lock()) locked->cancel_stop_deadline();
  });
  asio::post(server->strand_, [server] { server->accept(); });
  return server;
}

ServerCore::ServerCore(Token, asio::io_context& io, ServerOptions options, ServerHandlers handlers,
                       std::shared_ptr<asio::ssl::context> tls_context)
    : io_(io),
      options_(std::move(options)),
      handlers_(std::move(handlers)),
      tls_context_(std::move(tls_context)),
      registry_(std::make_shared<ConnectionRegistry>(options_.max_connections)),
      strand_(asio::make_strand(io)),
      acceptor_(strand_),
      accept_backoff_(strand_),
      stop_deadline_(strand_) {}

ServerCore::~ServerCore() = default;

core::Result<void> ServerCore::open_acceptor() {
  error_code ec;
  asio::ip::address const address = asio::ip::make_address(options_.address, ec);
  if (ec) return options_error("not an IP address: '" + options_.address + "'");
  tcp::endpoint const endpoint(address, options_.port);
  std::string const where = options_.address + ":" + std::to_string(options_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return listen_error("cannot open a listening socket for " + where + ": " + ec.message());
  acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  if (ec) return listen_error("cannot set SO_REUSEADDR on " + where + ": " + ec.message());
  acceptor_.bind(endpoint, ec);
  if (ec) return listen_error("cannot bind " + where + ": " + ec.message());
  acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return listen_error("cannot listen on " + where + ": " + ec.message());
  port_ = acceptor_.local_endpoint(ec).port();
  if (ec) return listen_error("cannot read the listening port of " + where + ": " + ec.message());
  return core::ok();
}

WebSocketRoute const* ServerCore::find_websocket_route(std::string_view path) const {
  for (WebSocketRoute const& route : handlers_.websocket_routes) {
    if (route.accepts(path)) return &route;
  }
  return nullptr;
}

ServerResponse ServerCore::error_response(unsigned status, std::string_view reason) const {
  ErrorBody body;
  if (handlers_.error_body) {
    try {
      body = handlers_.error_body(status, reason);
    } catch (...) {
      body = default_error_body(status, reason);
    }
  } else {
    body = default_error_body(status, reason);
  }
  ServerResponse response;
  response.status = status;
  response.headers.push_back({"Content-Type", std::move(body.content_type)});
  response.body = std::move(body.body);
  return response;
}

void ServerCore::begin_stop() {
  if (stopping_.exchange(true)) return;
  asio::post(strand_, [self = shared_from_this()] {
    error_code ignored;
    self->acceptor_.close(ignored);
    self->accept_backoff_.cancel();
    self->arm_stop_deadline();
  });
  registry_->shut_down_all(ShutdownMode::graceful);
}

void ServerCore::accept() {
  Strand strand = asio::make_strand(io_);
  acceptor_.async_accept(strand, [self = shared_from_this(), strand](
                                     error_code const& ec, AcceptedSocket socket) mutable {
    self->on_accept(ec, std::move(socket), strand);
  });
}

void ServerCore::on_accept(error_code const& ec, AcceptedSocket socket, Strand const& strand) {
  if (stopping_ || !acceptor_.is_open() || ec == asio::error::operation_aborted) return;
  if (ec) {
    if (is_resource_exhaustion(ec)) return retry_accept_later();
    return accept();  // e.g. the peer gave up before we accepted: nothing to do about it
  }
  accept();
  open_connection(std::move(socket), strand);
}

void ServerCore::retry_accept_later() {
  accept_backoff_.expires_after(accept_backoff);
  accept_backoff_.async_wait([self = shared_from_this()](error_code const& ec) {
    if (!ec && !self->stopping_) self->accept();
  });
}

void ServerCore::open_connection(AcceptedSocket socket, Strand const& strand) {
  error_code ec;
  tcp::endpoint const remote = socket.remote_endpoint(ec);
  if (ec) return;  // already reset by the peer
  tcp::endpoint const local = socket.local_endpoint(ec);
  if (ec) return;
  socket.set_option(tcp::no_delay(true), ec);
  ConnectionInfo info{next_connection_id_.fetch_add(1), peer_text(remote.address()), remote.port(),
                      local.port(), tls_context_ != nullptr};
  serve_http(shared_from_this(), std::move(socket), strand, std::move(info));
}

void ServerCore::arm_stop_deadline() {
  std::lock_guard lock(stop_deadline_mutex_);
  if (registry_->size() == 0) return;
  stop_deadline_.expires_after(options_.shutdown_grace);
  stop_deadline_.async_wait([self = shared_from_this()](error_code const& ec) {
    if (!ec) self->registry_->shut_down_all(ShutdownMode::immediate);
  });
}

void ServerCore::cancel_stop_deadline() noexcept {
  std::lock_guard lock(stop_deadline_mutex_);
  stop_deadline_.cancel();
}

}  // namespace tradelink::net::detail
