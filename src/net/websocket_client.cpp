#include "net/websocket_client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>

#include <atomic>
#include <utility>

#include "net/detail/tls_context.hpp"
#include "net/text/ascii.hpp"
#include "net/websocket/client_connection.hpp"
#include "net/websocket/websocket_url.hpp"

namespace tradelink::net {
namespace {

core::Result<void> validate_headers(std::vector<Header> const& headers) {
  for (Header const& header : headers) {
    if (!detail::is_http_token(header.name)) {
      return core::validation_error("net.invalid_request",
                                    "header name '" + header.name + "' is not an HTTP token");
    }
    if (!detail::is_safe_field_value(header.value)) {
      return core::validation_error("net.invalid_request",
                                    "header '" + header.name + "' has CR, LF or NUL in its value");
    }
  }
  return core::ok();
}

core::Result<std::shared_ptr<boost::asio::ssl::context>> tls_context_for(
    WebSocketClientOptions const& options) {
  ClientOptions tls_options;
  tls_options.verify_peer = options.verify_peer;
  tls_options.ca_file = options.ca_file;
  return detail::make_tls_client_context(tls_options);
}

}  // namespace

struct WebSocketClient::Impl {
  Impl(boost::asio::io_context& io_context, WebSocketClientOptions client_options)
      : io(io_context), options(std::move(client_options)) {}

  /// Reports a connect failure found before any I/O, from `io` like every other outcome.
  void fail_soon(core::Error error, ConnectHandler on_connected) {
    boost::asio::post(io, [flag = abandoned, error = std::move(error),
                           on_connected = std::move(on_connected)]() mutable {
      if (on_connected && !flag->load()) on_connected(std::move(error));
    });
  }

  boost::asio::io_context& io;
  WebSocketClientOptions const options;
  std::shared_ptr<std::atomic<bool>> const abandoned = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<detail::ClientConnection> connection;
  bool connect_called = false;
};

WebSocketClient::WebSocketClient(boost::asio::io_context& io, WebSocketClientOptions options)
    : impl_(std::make_unique<Impl>(io, std::move(options))) {}

WebSocketClient::~WebSocketClient() {
  impl_->abandoned->store(true);
  if (impl_->connection) impl_->connection->abandon();
}

void WebSocketClient::connect(std::string_view url, WebSocketClientCallbacks callbacks,
                              ConnectHandler on_connected) {
  Impl& impl = *impl_;
  if (impl.connect_called) {
    return impl.fail_soon(
        core::validation_error("net.invalid_state", "a WebSocketClient connects only once"),
        std::move(on_connected));
  }
  impl.connect_called = true;
  auto parsed = detail::parse_websocket_url(url);
  if (!parsed) return impl.fail_soon(parsed.error(), std::move(on_connected));
  if (auto valid = validate_headers(impl.options.headers); !valid) {
    return impl.fail_soon(valid.error(), std::move(on_connected));
  }
  std::shared_ptr<boost::asio::ssl::context> tls_context;
  if (parsed->tls) {
    auto made = tls_context_for(impl.options);
    if (!made) return impl.fail_soon(made.error(), std::move(on_connected));
    tls_context = std::move(*made);
  }
  impl.connection = detail::open_client_connection(impl.io, std::move(*parsed), impl.options,
                                                   std::move(tls_context), std::move(callbacks),
                                                   std::move(on_connected), impl.abandoned);
}

bool WebSocketClient::send_text(std::string message) {
  return impl_->connection && impl_->connection->outbox()->push(std::move(message));
}

void WebSocketClient::close(std::uint16_t code, std::string reason) {
  if (impl_->connection) impl_->connection->outbox()->request_close(code, std::move(reason));
}

bool WebSocketClient::is_open() const noexcept {
  return impl_->connection && impl_->connection->outbox()->accepting();
}

std::size_t WebSocketClient::queued_bytes() const noexcept {
  return impl_->connection ? impl_->connection->outbox()->queued_bytes() : 0;
}

}  // namespace tradelink::net
