// GCC 12's -Wnull-dereference misfires inside Asio's strand comparison (any_executor::equal_ex,
// instantiated for strand-bound sockets): third-party code, silenced for this file only.
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "net/websocket/client_connection.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream_base.hpp>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <string>
#include <type_traits>
#include <utility>

#include "net/detail/transport_error.hpp"
#include "net/websocket/channel.hpp"
#include "net/websocket/websocket_errors.hpp"

namespace tradelink::net::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

bool is_ip_literal(std::string const& host) {
  error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

ChannelSettings channel_settings(WebSocketClientOptions const& options, WebSocketUrl const& url) {
  return ChannelSettings{options.max_message_bytes, options.max_outbound_bytes,
                         options.ping_interval,     options.read_silence_timeout,
                         options.close_timeout,     url.origin()};
}

template <class NextLayer>
class Connector final : public ClientConnection,
                        public std::enable_shared_from_this<Connector<NextLayer>> {
 public:
  static constexpr bool is_tls = std::is_same_v<NextLayer, TlsStream>;
  using Channel = WebSocketChannel<NextLayer>;
  using ConnectHandler = std::function<void(core::Result<void>)>;

  Connector(asio::io_context& io, WebSocketUrl url, WebSocketClientOptions const& options,
            std::shared_ptr<asio::ssl::context> tls_context, WebSocketClientCallbacks callbacks,
            ConnectHandler on_connected, std::shared_ptr<std::atomic<bool> const> abandoned)
      : strand_(asio::make_strand(io)),
        url_(std::move(url)),
        origin_(url_.origin()),
        connect_timeout_(options.connect_timeout),
        verify_peer_(options.verify_peer),
        extra_headers_(options.headers),
        user_agent_(options.user_agent),
        tls_context_(std::move(tls_context)),
        resolver_(strand_),
        deadline_(strand_),
        channel_(Channel::create(strand_, make_next_layer(), channel_settings(options, url_))),
        callbacks_(std::move(callbacks)),
        on_connected_(std::move(on_connected)),
        abandoned_(std::move(abandoned)) {}

  [[nodiscard]] std::shared_ptr<Outbox> const& outbox() const noexcept override {
    return channel_->outbox();
  }

  void start() {
    asio::post(strand_, [self = this->shared_from_this()] { self->resolve(); });
  }

  void abandon() override {
    asio::post(strand_, [self = this->shared_from_this()] { self->on_abandon(); });
  }

 private:
  NextLayer make_next_layer() {
    if constexpr (is_tls) {
      return NextLayer(strand_, *tls_context_);
    } else {
      return NextLayer(strand_);
    }
  }

  beast::tcp_stream& lowest() noexcept { return beast::get_lowest_layer(channel_->stream()); }

  [[nodiscard]] bool abandoned() const noexcept { return abandoned_->load(); }

  void resolve() {
    if (done_) return;
    deadline_.expires_after(connect_timeout_);
    deadline_.async_wait([self = this->shared_from_this()](error_code const& ec) {
      if (!ec) self->on_deadline();
    });
    resolver_.async_resolve(
        url_.host, std::to_string(url_.port), tcp::resolver::numeric_service,
        [self = this->shared_from_this()](error_code const& ec,
                                          tcp::resolver::results_type const& endpoints) {
          self->on_resolved(ec, endpoints);
        });
  }

  void on_deadline() {
    if (done_) return;
    timed_out_ = true;
    resolver_.cancel();
    lowest().close();
  }

  void on_resolved(error_code const& ec, tcp::resolver::results_type const& endpoints) {
    if (ec) return fail(phase_error(Phase::resolve, ec, origin_, timed_out_));
    lowest().async_connect(endpoints, [self = this->shared_from_this()](
                                          error_code const& connect_ec, tcp::endpoint const&) {
      self->on_connected(connect_ec);
    });
  }

  void on_connected(error_code const& ec) {
    if (ec) return fail(phase_error(Phase::connect, ec, origin_, timed_out_));
    error_code ignored;
    lowest().socket().set_option(tcp::no_delay(true), ignored);
    if constexpr (is_tls) {
      start_tls();
    } else {
      upgrade();
    }
  }

  void start_tls() {
    auto& tls = channel_->stream().next_layer();
    SSL* const handle = tls.native_handle();
    bool const ip_literal = is_ip_literal(url_.host);
    // RFC 6066: SNI carries host names only, never IP literals. (SSL_set_tlsext_host_name is a
    // macro around this call with an old-style cast.)
    if (!ip_literal && SSL_ctrl(handle, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                                const_cast<char*>(url_.host.c_str())) != 1) {
      return fail(transport_error(codes::tls, "cannot set the TLS SNI host name for " + origin_));
    }
    if (verify_peer_) {
      X509_VERIFY_PARAM* const param = SSL_get0_param(handle);
      X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
      int const set = ip_literal ? X509_VERIFY_PARAM_set1_ip_asc(param, url_.host.c_str())
                                 : SSL_set1_host(handle, url_.host.c_str());
      if (set != 1) {
        return fail(
            transport_error(codes::tls, "cannot set the expected certificate host for " + origin_));
      }
    }
    tls.async_handshake(
        asio::ssl::stream_base::client,
        [self = this->shared_from_this()](error_code const& ec) { self->on_tls(ec); });
  }

  void on_tls(error_code const& ec) {
    if (!ec) return upgrade();
    std::string detail;
    if constexpr (is_tls) {
      long const verify_result =
          SSL_get_verify_result(channel_->stream().next_layer().native_handle());
      if (verify_result != X509_V_OK) {
        detail =
            std::string("certificate rejected: ") + X509_verify_cert_error_string(verify_result);
      }
    }
    fail(phase_error(Phase::handshake, ec, origin_, timed_out_, detail));
  }

  void upgrade() {
    channel_->stream().set_option(websocket::stream_base::decorator(
        [headers = extra_headers_, user_agent = user_agent_](websocket::request_type& request) {
          request.set(http::field::user_agent, user_agent);
          for (Header const& header : headers) request.set(header.name, header.value);
        }));
    channel_->stream().async_handshake(
        response_, url_.host_header, url_.target,
        [self = this->shared_from_this()](error_code const& ec) { self->on_upgraded(ec); });
  }

  void on_upgraded(error_code const& ec) {
    if (ec == websocket::error::upgrade_declined && !timed_out_) {
      return fail(transport_error(websocket_codes::upgrade_rejected,
                                  origin_ + url_.target +
                                      " refused the WebSocket upgrade with HTTP " +
                                      std::to_string(response_.result_int())));
    }
    if (ec) return fail(phase_error(Phase::read, ec, origin_, timed_out_));
    done_ = true;
    deadline_.cancel();
    response_ = {};
    if (abandoned()) return;
    auto const flag = abandoned_;
    channel_->start(ChannelEvents{
        [flag, on_text = std::move(callbacks_.on_text)](std::string_view text) {
          if (on_text && !flag->load()) on_text(text);
        },
        [flag, on_close = std::move(callbacks_.on_close)](WebSocketCloseInfo const& info) {
          if (on_close && !flag->load()) on_close(info);
        }});
    callbacks_ = {};
    ConnectHandler handler = std::move(on_connected_);
    on_connected_ = {};
    if (handler) handler(core::ok());
  }

  void fail(core::Error error) {
    if (done_) return;
    done_ = true;
    deadline_.cancel();
    resolver_.cancel();
    lowest().close();
    channel_->outbox()->shut();
    callbacks_ = {};
    ConnectHandler handler = std::move(on_connected_);
    on_connected_ = {};
    if (handler && !abandoned()) handler(std::move(error));
  }

  void on_abandon() {
    if (!done_) {
      done_ = true;
      deadline_.cancel();
      resolver_.cancel();
      callbacks_ = {};
      on_connected_ = {};
    }
    channel_->abandon();
  }

  Strand strand_;
  WebSocketUrl const url_;
  std::string const origin_;
  std::chrono::milliseconds const connect_timeout_;
  bool const verify_peer_;
  std::vector<Header> const extra_headers_;
  std::string const user_agent_;
  std::shared_ptr<asio::ssl::context> const tls_context_;
  tcp::resolver resolver_;
  asio::steady_timer deadline_;
  std::shared_ptr<Channel> const channel_;
  WebSocketClientCallbacks callbacks_;
  ConnectHandler on_connected_;
  std::shared_ptr<std::atomic<bool> const> const abandoned_;
  websocket::response_type response_;
  bool timed_out_ = false;
  bool done_ = false;
};

}  // namespace

std::shared_ptr<ClientConnection> open_client_connection(
    asio::io_context& io, WebSocketUrl url, WebSocketClientOptions const& options,
    std::shared_ptr<asio::ssl::context> tls_context, WebSocketClientCallbacks callbacks,
    std::function<void(core::Result<void>)> on_connected,
    std::shared_ptr<std::atomic<bool> const> abandoned) {
  if (url.tls) {
    auto connector = std::make_shared<Connector<TlsStream>>(
        io, std::move(url), options, std::move(tls_context), std::move(callbacks),
        std::move(on_connected), std::move(abandoned));
    connector->start();
    return connector;
  }
  auto connector = std::make_shared<Connector<PlainStream>>(
      io, std::move(url), options, nullptr, std::move(callbacks), std::move(on_connected),
      std::move(abandoned));
  connector->start();
  return connector;
}

}  // namespace tradelink::net::detail
