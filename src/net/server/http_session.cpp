// GCC 12's -Wnull-dereference misfires inside Asio's strand comparison (any_executor::equal_ex,
// instantiated for strand-bound sockets): third-party code, silenced for this file only.
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "net/server/http_session.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "net/responder.hpp"
#include "net/server/request_errors.hpp"
#include "net/server/server_websocket.hpp"
#include "net/server/wire_response.hpp"
#include "net/text/ascii.hpp"

namespace tradelink::net::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;
using clock = std::chrono::steady_clock;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using RequestParser = http::request_parser<http::string_body>;

/// Bytes asked for per read while waiting for a request.
constexpr std::size_t read_chunk_bytes = 4096;
/// A connection keeps a write buffer up to this size between answers.
constexpr std::size_t kept_write_buffer_bytes = 64U * 1024U;
/// After answering an error and half-closing, how long the rest of the peer's request is read and
/// discarded, so the peer reads our answer instead of a reset caused by unread data.
constexpr std::chrono::seconds linger_time{2};

constexpr std::string_view continue_response = "HTTP/1.1 100 Continue\r\n\r\n";

std::string_view path_of(std::string_view target) noexcept {
  return target.substr(0, target.find('?'));
}

/// What a Responder reaches: the session, on its strand.
class AnswerSink {
 public:
  virtual void deliver(std::uint64_t token, std::optional<ServerResponse> answer) = 0;

 protected:
  ~AnswerSink() = default;
};

/// The ResponseTarget handed to Responders: forwards answers to the session's strand while the
/// session lives, drops them afterwards. One per connection.
class ResponseLink final : public ResponseTarget {
 public:
  ResponseLink(Strand strand, std::weak_ptr<AnswerSink> session)
      : link_(std::move(strand), std::move(session)) {}

  void complete(std::uint64_t token, std::optional<ServerResponse> response) noexcept override {
    try {
      link_.run([token, response = std::move(response)](AnswerSink& session) mutable {
        session.deliver(token, std::move(response));
      });
    } catch (...) {
      // Posting failed for lack of memory: the handler timeout answers instead.
    }
  }

  void cut() noexcept { link_.cut(); }

 private:
  StrandLink<AnswerSink> link_;
};

template <class Stream>
class HttpSession final : public AnswerSink,
                          public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  static constexpr bool is_tls = std::is_same_v<Stream, TlsStream>;

  HttpSession(std::shared_ptr<ServerCore> server, Stream stream, Strand strand, ConnectionInfo info)
      : server_(std::move(server)),
        options_(server_->options()),
        strand_(std::move(strand)),
        stream_(std::move(stream)),
        info_(std::move(info)),
        handler_timer_(strand_) {}

  ~HttpSession() {
    if (response_link_) response_link_->cut();
  }

  HttpSession(HttpSession const&) = delete;
  HttpSession& operator=(HttpSession const&) = delete;

  /// Registers and starts the session; see serve_http.
  static void open(std::shared_ptr<ServerCore> const& server, Stream stream, Strand strand,
                   ConnectionInfo info) {
    std::uint64_t const id = info.id;
    auto session =
        std::make_shared<HttpSession>(server, std::move(stream), strand, std::move(info));
    ConnectionRegistry::Control control =
        [weak = std::weak_ptr<HttpSession>(session)](ShutdownMode mode) {
          if (auto const locked = weak.lock()) locked->shut_down(mode);
        };
    if (!server->registry()->try_add(id, std::move(control))) return;  // full or stopping
    session->registration_ = Registration(server->registry(), id);
    session->response_link_ =
        std::make_shared<ResponseLink>(strand, std::weak_ptr<AnswerSink>(session));
    asio::post(strand, [session] { session->begin(); });
  }

  /// Any thread.
  void shut_down(ShutdownMode mode) {
    asio::post(strand_, [self = this->shared_from_this(), mode] { self->on_shut_down(mode); });
  }

  /// Strand (through ResponseLink).
  void deliver(std::uint64_t token, std::optional<ServerResponse> answer) override {
    if (token != token_ || stage_ != Stage::handling) return;  // late: timed out or connection gone
    if (in_handler_) {
      if (!early_answer_) early_answer_.emplace(std::move(answer));
      return;
    }
    handler_timer_.cancel();
    answer_with(std::move(answer));
  }

 private:
  enum class Stage { handshake, idle, reading, handling, writing, closing, upgraded, done };

  beast::tcp_stream& lowest() noexcept { return beast::get_lowest_layer(stream_); }

  void begin() {
    if (stage_ == Stage::done) return;  // shut down before it started
    header_deadline_ = clock::now() + options_.header_timeout;
    if constexpr (is_tls) {
      stage_ = Stage::handshake;
      lowest().expires_at(header_deadline_);
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](error_code const& ec) {
                                if (ec) return self->end();
                                self->await_request();
                              });
    } else {
      await_request();
    }
  }

  void await_request() {
    stage_ = Stage::idle;
    if (stopping_) return close_connection();
    if (buffer_.size() > 0) return read_header();  // pipelined: the next request is here already
    lowest().expires_at(first_request_ ? header_deadline_ : clock::now() + options_.idle_timeout);
    stream_.async_read_some(buffer_.prepare(read_chunk_bytes),
                            [self = this->shared_from_this()](error_code const& ec, std::size_t n) {
                              self->on_first_bytes(ec, n);
                            });
  }

  void on_first_bytes(error_code const& ec, std::size_t bytes) {
    if (ec) return end();
    buffer_.commit(bytes);
    read_header();
  }

  void read_header() {
    stage_ = Stage::reading;
    // On a fresh connection the header deadline runs from accept; later, from the first byte.
    if (!first_request_) header_deadline_ = clock::now() + options_.header_timeout;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    lowest().expires_at(header_deadline_);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = this->shared_from_this()](error_code const& ec, std::size_t) {
                              self->on_header(ec);
                            });
  }

  void on_header(error_code const& ec) {
    if (ec) return on_read_error(ec);
    auto const& request = parser_->get();
    if (beast::websocket::is_upgrade(request)) {
      if (WebSocketRoute const* route = server_->find_websocket_route(path_of(request.target()))) {
        return upgrade(*route);
      }
    }
    if (parser_->is_done()) return dispatch();
    if (request.version() == 11 && ascii_iequals(request[http::field::expect], "100-continue")) {
      lowest().expires_after(options_.write_timeout);
      asio::async_write(stream_, asio::buffer(continue_response.data(), continue_response.size()),
                        [self = this->shared_from_this()](error_code const& write_ec, std::size_t) {
                          if (write_ec) return self->end();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    lowest().expires_after(options_.body_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](error_code const& ec, std::size_t) {
                       if (ec) return self->on_read_error(ec);
                       self->dispatch();
                     });
  }

  void on_read_error(error_code const& ec) {
    std::optional<ErrorAnswer> const answer = answer_for_read_error(ec);
    if (!answer || !lowest().socket().is_open()) return end();
    version_ = 11;
    head_request_ = false;
    keep_alive_ = false;  // the stream position after a bad request is unknowable
    send_error(answer->status, answer->reason);
  }

  void dispatch() {
    stage_ = Stage::handling;
    lowest().expires_never();
    auto const& request = parser_->get();
    version_ = request.version();
    head_request_ = request.method() == http::verb::head;
    keep_alive_ = request.keep_alive();
    ++token_;

    header_views_.clear();
    for (auto const& field : request) {
      header_views_.push_back(HeaderView{field.name_string(), field.value()});
    }
    std::string_view const target = request.target();
    std::size_t const question = target.find('?');
    ServerRequest const view{
        .method = request.method_string(),
        .target = target,
        .path = target.substr(0, question),
        .query =
            question == std::string_view::npos ? std::string_view{} : target.substr(question + 1),
        .headers = header_views_,
        .body = request.body(),
        .peer_address = info_.peer_address,
        .peer_port = info_.peer_port,
        .local_port = info_.local_port,
        .tls = info_.tls,
    };

    in_handler_ = true;
    try {
      server_->handlers().on_request(view, Responder(response_link_, token_));
    } catch (...) {
      // The responder was destroyed while unwinding, which answered 500.
    }
    in_handler_ = false;

    if (early_answer_) {
      std::optional<ServerResponse> answer = std::move(*early_answer_);
      early_answer_.reset();
      return answer_with(std::move(answer));
    }
    // An asynchronous answer is coming: the pending timer keeps the session alive until it
    // arrives, and bounds the wait.
    handler_timer_.expires_after(options_.handler_timeout);
    handler_timer_.async_wait(
        [self = this->shared_from_this(), token = token_](error_code const& ec) {
          if (!ec) self->on_handler_timeout(token);
        });
  }

  void on_handler_timeout(std::uint64_t token) {
    if (token != token_ || stage_ != Stage::handling) return;
    send_error(503, "the request handler did not answer in time");
  }

  void answer_with(std::optional<ServerResponse> answer) {
    if (!answer) return send_error(500, "the request handler did not answer");
    write_response(std::move(*answer));
  }

  void send_error(unsigned status, std::string_view reason) {
    write_response(server_->error_response(status, reason));
  }

  void write_response(ServerResponse response) {
    if (stage_ == Stage::done) return;
    stage_ = Stage::writing;
    bool const keep_alive = keep_alive_ && !stopping_;
    std::optional<PreparedResponse> prepared =
        prepare_response(std::move(response), version_, head_request_, keep_alive);
    if (!prepared) {
      prepared = prepare_response(
          server_->error_response(500, "the request handler gave an invalid response"), version_,
          head_request_, keep_alive);
    }
    if (!prepared) {
      // Even the owner's error body is unusable; fall back to the built-in one.
      ServerResponse fallback;
      fallback.status = 500;
      ErrorBody body = default_error_body(500, "the server's error body is invalid");
      fallback.headers.push_back({"Content-Type", std::move(body.content_type)});
      fallback.body = std::move(body.body);
      prepared = prepare_response(std::move(fallback), version_, head_request_, keep_alive);
    }
    keep_alive_ = prepared->keep_alive;
    wire_bytes_.clear();
    append_wire_bytes(prepared->message, wire_bytes_);
    lowest().expires_after(options_.write_timeout);
    asio::async_write(stream_, asio::buffer(wire_bytes_),
                      [self = this->shared_from_this()](error_code const& ec, std::size_t) {
                        self->on_written(ec);
                      });
  }

  void on_written(error_code const& ec) {
    // Kept for the next answer on this connection, unless a large one grew it.
    if (wire_bytes_.capacity() > kept_write_buffer_bytes) std::string().swap(wire_bytes_);
    if (ec || stage_ == Stage::done) return end();
    if (!keep_alive_) return close_connection();
    first_request_ = false;
    parser_.reset();
    await_request();
  }

  void upgrade(WebSocketRoute const& route) {
    auto const& request = parser_->get();
    keep_alive_ = false;
    version_ = request.version();
    head_request_ = false;
    // Frames sent before our 101 would be lost in the hand-over; well-behaved clients wait.
    if (!parser_->is_done() || buffer_.size() > 0) {
      return send_error(400, "unexpected data after the WebSocket upgrade request");
    }
    if (stopping_ || server_->stopping()) return send_error(503, "the server is shutting down");
    if (std::optional<UpgradeRefusal> const refusal = check_upgrade(request)) {
      ServerResponse response = server_->error_response(refusal->status, refusal->reason);
      if (refusal->status == 426) response.headers.push_back({"Sec-WebSocket-Version", "13"});
      return write_response(std::move(response));
    }
    stage_ = Stage::upgraded;
    lowest().expires_never();
    open_server_websocket(server_, std::move(stream_), strand_, info_, std::move(registration_),
                          parser_->release(), route);
  }

  /// Orderly close after the last response: TLS close_notify, or a half-close followed by
  /// reading and discarding what the peer still sends, for at most linger_time.
  void close_connection() {
    stage_ = Stage::closing;
    lowest().expires_after(linger_time);
    if constexpr (is_tls) {
      stream_.async_shutdown([self = this->shared_from_this()](error_code const&) { self->end(); });
    } else {
      error_code ignored;
      lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
      discard_input();
    }
  }

  void discard_input() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(read_chunk_bytes),
                            [self = this->shared_from_this()](error_code const& ec, std::size_t) {
                              if (ec) return self->end();
                              self->discard_input();
                            });
  }

  void on_shut_down(ShutdownMode mode) {
    if (stage_ == Stage::upgraded || stage_ == Stage::done) return;
    stopping_ = true;
    if (mode == ShutdownMode::immediate || stage_ == Stage::handshake || stage_ == Stage::idle) {
      end();
    }
    // Otherwise the exchange in progress finishes and its response closes the connection.
  }

  /// Closes the socket; pending operations complete with errors and release the session.
  void end() {
    if (stage_ == Stage::upgraded || stage_ == Stage::done) return;
    stage_ = Stage::done;
    handler_timer_.cancel();
    lowest().close();
  }

  std::shared_ptr<ServerCore> const server_;
  ServerOptions const& options_;
  Strand const strand_;
  Stream stream_;
  ConnectionInfo const info_;
  Registration registration_;
  std::shared_ptr<ResponseLink> response_link_;
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  std::vector<HeaderView> header_views_;
  std::string wire_bytes_;  ///< the answer being written
  asio::steady_timer handler_timer_;
  /// An answer given while the handler was still running (the common, synchronous case).
  std::optional<std::optional<ServerResponse>> early_answer_;
  clock::time_point header_deadline_{};
  std::uint64_t token_ = 0;
  Stage stage_ = Stage::idle;
  unsigned version_ = 11;
  bool first_request_ = true;
  bool in_handler_ = false;
  bool head_request_ = false;
  bool keep_alive_ = false;
  bool stopping_ = false;
};

}  // namespace

void serve_http(std::shared_ptr<ServerCore> const& server, AcceptedSocket socket, Strand strand,
                ConnectionInfo info) {
  if (server->tls_context()) {
    HttpSession<TlsStream>::open(server,
                                 TlsStream(PlainStream(std::move(socket)), *server->tls_context()),
                                 std::move(strand), std::move(info));
  } else {
    HttpSession<PlainStream>::open(server, PlainStream(std::move(socket)), std::move(strand),
                                   std::move(info));
  }
}

}  // namespace tradelink::net::detail
