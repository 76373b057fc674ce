#include "net/detail/connection.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "net/detail/transport_error.hpp"

namespace tradelink::net::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

using PlainStream = tcp::socket;
using TlsStream = beast::ssl_stream<tcp::socket>;
using WireRequest = http::request<http::string_body>;
using WireResponse = http::response<http::string_body>;
using ResponseParser = http::response_parser<http::string_body>;

/// "[::1]" → "::1": URLs bracket IPv6 literals, resolvers and certificates do not.
std::string unbracketed(std::string const& host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return host.substr(1, host.size() - 2);
  }
  return host;
}

bool is_ip_address(std::string const& host) {
  error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

http::verb to_verb(Method method) noexcept {
  switch (method) {
    case Method::get: return http::verb::get;
    case Method::post: return http::verb::post;
    case Method::put: return http::verb::put;
    case Method::patch: return http::verb::patch;
    case Method::delete_: return http::verb::delete_;
  }
  return http::verb::get;
}

WireRequest to_wire(HttpRequest const& request) {
  WireRequest wire{to_verb(request.method), request.target, 11};
  for (Header const& header : request.headers) wire.insert(header.name, header.value);
  wire.body() = request.body;
  // Sets Content-Length from the body (also 0 for an empty POST/PUT), replacing a caller's.
  wire.prepare_payload();
  return wire;
}

HttpResponse from_wire(WireResponse&& wire) {
  HttpResponse response;
  response.status = wire.result_int();
  for (auto const& field : wire) {
    response.headers.push_back({std::string(field.name_string()), std::string(field.value())});
  }
  response.body = std::move(wire.body());
  return response;
}

std::uint32_t header_limit_for(std::size_t max_response_bytes) noexcept {
  return static_cast<std::uint32_t>(
      std::min<std::size_t>(max_response_bytes, std::numeric_limits<std::uint32_t>::max()));
}

}  // namespace

struct Connection::State : std::enable_shared_from_this<State> {
  State(asio::io_context& io, ConnectionSettings connection_settings)
      : settings(std::move(connection_settings)),
        origin_key(settings.origin.pool_key()),
        host(unbracketed(settings.origin.host)),
        resolver(io),
        deadline(io),
        stream(make_stream(io, settings)),
        buffer(std::max<std::size_t>(settings.max_response_bytes, 1)) {}

  static std::variant<PlainStream, TlsStream> make_stream(asio::io_context& io,
                                                          ConnectionSettings const& settings) {
    if (settings.origin.tls && settings.tls_context) {
      return std::variant<PlainStream, TlsStream>(std::in_place_type<TlsStream>, io,
                                                  *settings.tls_context);
    }
    return std::variant<PlainStream, TlsStream>(std::in_place_type<PlainStream>, io);
  }

  tcp::socket& socket() noexcept {
    return std::visit([](auto& layer) -> tcp::socket& { return beast::get_lowest_layer(layer); },
                      stream);
  }

  core::Error failure(Phase phase, error_code const& ec, std::string_view detail = {}) const {
    return phase_error(phase, ec, origin_key, timed_out, detail);
  }

  core::Error read_failure(error_code const& ec) const {
    if (!is_size_limit(ec)) return failure(Phase::read, ec);
    return failure(Phase::read, ec,
                   "max_response_bytes = " + std::to_string(settings.max_response_bytes));
  }

  void close() noexcept {
    ++deadline_generation;
    error_code ignored;
    resolver.cancel();
    deadline.cancel();
    socket().close(ignored);
  }

  void fail_open(core::Error error, OpenHandler handler) {
    close();
    handler(std::move(error));
  }

  void on_resolved(error_code const& ec, tcp::resolver::results_type const& endpoints,
                   OpenHandler handler) {
    if (ec) return fail_open(failure(Phase::resolve, ec), std::move(handler));
    asio::async_connect(socket(), endpoints,
                        [self = shared_from_this(), handler = std::move(handler)](
                            error_code const& connect_ec, tcp::endpoint const&) mutable {
                          self->on_connected(connect_ec, std::move(handler));
                        });
  }

  void on_connected(error_code const& ec, OpenHandler handler) {
    if (ec) return fail_open(failure(Phase::connect, ec), std::move(handler));
    error_code option_ec;
    socket().set_option(tcp::no_delay(true), option_ec);
    // Only async operations run on this socket; the flag makes the idle peek non-blocking.
    socket().non_blocking(true, option_ec);
    if (auto* tls = std::get_if<TlsStream>(&stream))
      return start_handshake(*tls, std::move(handler));
    handler(core::ok());
  }

  void start_handshake(TlsStream& tls, OpenHandler handler) {
    SSL* const ssl_handle = tls.native_handle();
    bool const ip_literal = is_ip_address(host);
    // RFC 6066: SNI carries host names only, never IP literals.
    // SSL_set_tlsext_host_name is a macro hiding this call behind an old-style cast.
    if (!ip_literal && SSL_ctrl(ssl_handle, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                                const_cast<char*>(host.c_str())) != 1) {
      return fail_open(
          transport_error(codes::tls, "cannot set the TLS SNI host name for " + origin_key),
          std::move(handler));
    }
    if (settings.verify_host) {
      X509_VERIFY_PARAM* const param = SSL_get0_param(ssl_handle);
      X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
      int const set = ip_literal ? X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str())
                                 : SSL_set1_host(ssl_handle, host.c_str());
      if (set != 1) {
        return fail_open(
            transport_error(codes::tls,
                            "cannot set the expected certificate host for " + origin_key),
            std::move(handler));
      }
    }
    tls.async_handshake(
        ssl::stream_base::client,
        [self = shared_from_this(), handler = std::move(handler)](error_code const& ec) mutable {
          self->on_handshake(ec, std::move(handler));
        });
  }

  void on_handshake(error_code const& ec, OpenHandler handler) {
    if (!ec) return handler(core::ok());
    std::string detail;
    long const verify_result = SSL_get_verify_result(std::get<TlsStream>(stream).native_handle());
    if (verify_result != X509_V_OK) {
      detail = std::string("certificate rejected: ") + X509_verify_cert_error_string(verify_result);
    }
    fail_open(failure(Phase::handshake, ec, detail), std::move(handler));
  }

  void on_written(error_code const& ec, ExchangeHandler handler) {
    if (ec) {
      bool const hung_up = !timed_out && is_peer_hang_up(ec);
      return fail_exchange(failure(Phase::write, ec), hung_up, std::move(handler));
    }
    parser.emplace();
    parser->header_limit(header_limit_for(settings.max_response_bytes));
    parser->body_limit(settings.max_response_bytes);
    std::visit(
        [&](auto& layer) {
          http::async_read_header(layer, buffer, *parser,
                                  [self = shared_from_this(), handler = std::move(handler)](
                                      error_code const& read_ec, std::size_t header_bytes) mutable {
                                    self->on_header(read_ec, header_bytes, std::move(handler));
                                  });
        },
        stream);
  }

  void on_header(error_code const& ec, std::size_t header_bytes, ExchangeHandler handler) {
    if (ec) {
      bool const nothing_received = !parser->got_some() && buffer.size() == 0;
      bool const hung_up = !timed_out && nothing_received && is_peer_hang_up(ec);
      return fail_exchange(read_failure(ec), hung_up, std::move(handler));
    }
    // The cap covers header + body; the parser only knew the whole cap while reading the header.
    std::size_t const body_allowance = settings.max_response_bytes - header_bytes;
    if (auto const length = parser->content_length(); length && *length > body_allowance) {
      return fail_exchange(read_failure(http::error::body_limit), false, std::move(handler));
    }
    parser->body_limit(body_allowance);
    if (parser->is_done()) return complete_exchange(std::move(handler));
    std::visit(
        [&](auto& layer) {
          http::async_read(layer, buffer, *parser,
                           [self = shared_from_this(), handler = std::move(handler)](
                               error_code const& read_ec, std::size_t) mutable {
                             if (read_ec) {
                               return self->fail_exchange(self->read_failure(read_ec), false,
                                                          std::move(handler));
                             }
                             self->complete_exchange(std::move(handler));
                           });
        },
        stream);
  }

  void complete_exchange(ExchangeHandler handler) {
    WireResponse wire = parser->release();
    bool const reusable =
        wire.keep_alive() && request->keep_alive() && buffer.size() == 0 && socket().is_open();
    parser.reset();
    request.reset();
    handler(Exchange{from_wire(std::move(wire)), reusable, false});
  }

  void fail_exchange(core::Error error, bool hung_up_before_response, ExchangeHandler handler) {
    close();
    parser.reset();
    request.reset();
    handler(Exchange{std::move(error), false, hung_up_before_response});
  }

  ConnectionSettings settings;
  std::string origin_key;
  std::string host;
  tcp::resolver resolver;
  asio::steady_timer deadline;
  std::uint64_t deadline_generation = 0;
  bool timed_out = false;
  std::variant<PlainStream, TlsStream> stream;
  beast::flat_buffer buffer;
  std::optional<WireRequest> request;
  std::optional<ResponseParser> parser;
};

Connection::Connection(asio::io_context& io, ConnectionSettings settings)
    : state_(std::make_shared<State>(io, std::move(settings))) {}

void Connection::async_open(OpenHandler handler) {
  if (state_->settings.origin.tls && !state_->settings.tls_context) {
    // Unreachable through HttpClient; guarded so a misuse fails loudly instead of sending
    // plaintext to an https origin. Posted to keep the never-inline promise.
    asio::post(state_->resolver.get_executor(), [state = state_, handler = std::move(handler)] {
      handler(transport_error(codes::tls, "no TLS context for " + state->origin_key));
    });
    return;
  }
  state_->resolver.async_resolve(
      state_->host, std::to_string(state_->settings.origin.port), tcp::resolver::numeric_service,
      [state = state_, handler = std::move(handler)](
          error_code const& ec, tcp::resolver::results_type const& endpoints) mutable {
        state->on_resolved(ec, endpoints, std::move(handler));
      });
}

void Connection::async_exchange(HttpRequest const& request, ExchangeHandler handler) {
  state_->request.emplace(to_wire(request));
  std::visit(
      [&](auto& layer) {
        http::async_write(layer, *state_->request,
                          [state = state_, handler = std::move(handler)](error_code const& ec,
                                                                         std::size_t) mutable {
                            state->on_written(ec, std::move(handler));
                          });
      },
      state_->stream);
}

void Connection::expires_at(time_point deadline) {
  State& state = *state_;
  std::uint64_t const generation = ++state.deadline_generation;
  state.deadline.expires_at(deadline);
  state.deadline.async_wait(
      [weak = std::weak_ptr<State>(state_), generation](error_code const& ec) {
        auto const locked = weak.lock();
        // A newer deadline (or close) superseded this one, possibly after it had already fired.
        if (!locked || ec == asio::error::operation_aborted ||
            generation != locked->deadline_generation) {
          return;
        }
        locked->timed_out = true;
        locked->close();
      });
}

void Connection::expires_never() {
  ++state_->deadline_generation;
  state_->deadline.cancel();
}

void Connection::close() noexcept {
  state_->close();
}

bool Connection::is_open() const noexcept {
  return state_->socket().is_open();
}

bool Connection::peer_has_hung_up() const noexcept {
  tcp::socket& socket = state_->socket();
  if (!socket.is_open()) return true;
  char byte = 0;
  error_code ec;
  std::size_t const peeked = socket.receive(asio::buffer(&byte, 1), tcp::socket::message_peek, ec);
  if (ec == asio::error::would_block || ec == asio::error::try_again) return false;
  if (ec) return true;  // end of stream or reset
  // Unsolicited bytes on a plain idle connection break the one-response-per-request framing;
  // on TLS they may be a post-handshake record (session ticket), so only a hang-up counts.
  return peeked > 0 && !state_->settings.origin.tls;
}

}  // namespace tradelink::net::detail
