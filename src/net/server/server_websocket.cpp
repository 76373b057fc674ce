#include "net/server/server_websocket.hpp"

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <algorithm>
#include <utility>

#include "net/websocket/channel.hpp"

namespace tradelink::net::detail {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;

bool is_base64_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

/// RFC 6455 section 4.2.1: the key is 16 random bytes, base64-encoded (22 characters + "==").
bool is_websocket_key(std::string_view key) noexcept {
  return key.size() == 24 && key.substr(22) == "==" &&
         std::all_of(key.begin(), key.begin() + 22, is_base64_char);
}

std::shared_ptr<UpgradeRequest const> copy_upgrade_request(UpgradeMessage const& request,
                                                           ConnectionInfo const& info) {
  auto copy = std::make_shared<UpgradeRequest>();
  copy->target = std::string(request.target());
  for (auto const& field : request) {
    copy->headers.push_back({std::string(field.name_string()), std::string(field.value())});
  }
  copy->peer_address = info.peer_address;
  copy->peer_port = info.peer_port;
  copy->local_port = info.local_port;
  copy->tls = info.tls;
  return copy;
}

ChannelSettings channel_settings(WebSocketServerOptions const& options,
                                 ConnectionInfo const& info) {
  return ChannelSettings{
      options.max_message_bytes, options.max_outbound_bytes,
      options.ping_interval,     options.silence_timeout,
      options.handshake_timeout, info.peer_address + ":" + std::to_string(info.peer_port)};
}

}  // namespace

std::optional<UpgradeRefusal> check_upgrade(UpgradeMessage const& request) {
  if (request.find(http::field::host) == request.end()) {
    return UpgradeRefusal{400, "the WebSocket upgrade request has no Host header"};
  }
  if (!is_websocket_key(request[http::field::sec_websocket_key])) {
    return UpgradeRefusal{400, "invalid Sec-WebSocket-Key"};
  }
  if (request[http::field::sec_websocket_version] != "13") {
    return UpgradeRefusal{426, "unsupported Sec-WebSocket-Version (13 is required)"};
  }
  return std::nullopt;
}

template <class Stream>
void open_server_websocket(std::shared_ptr<ServerCore> server, Stream&& stream, Strand strand,
                           ConnectionInfo const& info, Registration registration,
                           UpgradeMessage&& request, WebSocketRoute const& route) {
  auto channel = WebSocketChannel<Stream>::create(
      std::move(strand), std::move(stream), channel_settings(server->options().websocket, info));
  registration.replace([weak = std::weak_ptr<Outbox>(channel->outbox())](ShutdownMode mode) {
    std::shared_ptr<Outbox> const outbox = weak.lock();
    if (!outbox) return;
    if (mode == ShutdownMode::graceful) {
      outbox->request_close(close_code::going_away, "server shutting down");
    } else {
      outbox->request_abort();
    }
  });
  auto registered = std::make_shared<Registration>(std::move(registration));
  auto upgrade = copy_upgrade_request(request, info);
  // Beast reads the request during the asynchronous accept; it lives in the handler until then.
  auto message = std::make_shared<UpgradeMessage>(std::move(request));
  channel->stream().async_accept(
      *message, [channel, message, upgrade, registered, server = std::move(server), route = &route,
                 id = info.id](error_code const& ec) {
        if (ec) return;  // the connection closes as the channel goes away
        WebSocketSession const session(channel->outbox(), upgrade, id);
        WebSocketCallbacks callbacks;
        try {
          callbacks = route->open(session);
        } catch (...) {
          channel->outbox()->request_close(close_code::internal_error, "internal error");
        }
        channel->start(ChannelEvents{
            std::move(callbacks.on_text),
            // Holding the registration until the session ended keeps it counted as a connection.
            [registered, on_close = std::move(callbacks.on_close)](WebSocketCloseInfo const& end) {
              if (on_close) on_close(end);
            }});
      });
}

template void open_server_websocket<beast::tcp_stream>(std::shared_ptr<ServerCore>,
                                                       beast::tcp_stream&&, Strand,
                                                       ConnectionInfo const&, Registration,
                                                       UpgradeMessage&&, WebSocketRoute const&);
template void open_server_websocket<beast::ssl_stream<beast::tcp_stream>>(
    std::shared_ptr<ServerCore>, beast::ssl_stream<beast::tcp_stream>&&, Strand,
    ConnectionInfo const&, Registration, UpgradeMessage&&, WebSocketRoute const&);

}  // namespace tradelink::net::detail
