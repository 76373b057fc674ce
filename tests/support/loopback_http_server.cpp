#include "support/loopback_http_server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <future>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>

namespace tradelink::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using PlainStream = tcp::socket;
using TlsStream = beast::ssl_stream<tcp::socket>;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::uint64_t max_request_body = 64U * 1024U * 1024U;

char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

/// The response bytes for `reply`: status line, the reply's headers, Content-Length unless the
/// reply frames the body itself, "Connection: close" when the connection ends afterwards.
std::string compose(Reply const& reply, bool connection_ends) {
  std::string out = "HTTP/1.1 " + std::to_string(reply.status) + ' ' +
                    std::string(http::obsolete_reason(http::int_to_status(reply.status))) + "\r\n";
  bool framed = false;
  bool has_connection = false;
  for (HeaderField const& header : reply.headers) {
    out += header.name + ": " + header.value + "\r\n";
    framed = framed || iequals(header.name, "Content-Length") ||
             iequals(header.name, "Transfer-Encoding");
    has_connection = has_connection || iequals(header.name, "Connection");
  }
  if (!framed) out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
  if (connection_ends && !has_connection) out += "Connection: close\r\n";
  out += "\r\n";
  out += reply.body;
  return out;
}

RecordedRequest record(http::request<http::string_body> const& message, std::size_t connection,
                       std::size_t index_on_connection) {
  RecordedRequest recorded;
  recorded.method = std::string(message.method_string());
  recorded.target = std::string(message.target());
  for (auto const& field : message) {
    recorded.headers.push_back({std::string(field.name_string()), std::string(field.value())});
  }
  recorded.body = message.body();
  recorded.connection = connection;
  recorded.index_on_connection = index_on_connection;
  return recorded;
}

/// What the server keeps of each connection, so it can close idle ones on request.
class Session {
 public:
  virtual ~Session() = default;
  virtual tcp::socket& socket() noexcept = 0;

  std::size_t number = 0;
  bool waiting_for_request = false;
  bool close_before_next_request = false;
};

template <class Stream>
class StreamSession final : public Session {
 public:
  StreamSession(tcp::socket socket, ssl::context* tls, std::size_t connection_number)
      : stream(make(std::move(socket), tls)) {
    number = connection_number;
  }

  tcp::socket& socket() noexcept override { return beast::get_lowest_layer(stream); }

  Stream stream;

 private:
  static Stream make(tcp::socket socket, ssl::context* tls) {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      return TlsStream(std::move(socket), *tls);
    } else {
      return socket;
    }
  }
};

void close_abortively(tcp::socket& socket) {
  error_code ignored;
  socket.set_option(asio::socket_base::linger(true, 0), ignored);
  socket.close(ignored);
}

void close_orderly(tcp::socket& socket) {
  error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

}  // namespace

std::string_view RecordedRequest::header(std::string_view name) const noexcept {
  auto const found = std::find_if(headers.begin(), headers.end(), [&](HeaderField const& field) {
    return iequals(field.name, name);
  });
  return found == headers.end() ? std::string_view{} : std::string_view{found->value};
}

bool RecordedRequest::has_header(std::string_view name) const noexcept {
  return header_count(name) > 0;
}

std::size_t RecordedRequest::header_count(std::string_view name) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(headers.begin(), headers.end(),
                    [&](HeaderField const& field) { return iequals(field.name, name); }));
}

Reply Reply::text(unsigned status, std::string body) {
  Reply reply;
  reply.status = status;
  reply.headers.push_back({"Content-Type", "text/plain"});
  reply.body = std::move(body);
  return reply;
}

Reply Reply::json(unsigned status, std::string body) {
  Reply reply;
  reply.status = status;
  reply.headers.push_back({"Content-Type", "application/json"});
  reply.body = std::move(body);
  return reply;
}

Reply Reply::hang_up() {
  Reply reply;
  reply.cut_after = 0;
  reply.ending = Ending::close;
  return reply;
}

Reply Reply::reset() {
  Reply reply;
  reply.cut_after = 0;
  reply.ending = Ending::reset;
  return reply;
}

Reply Reply::with_header(std::string name, std::string value) && {
  headers.push_back({std::move(name), std::move(value)});
  return std::move(*this);
}

Reply Reply::after(std::chrono::milliseconds wait) && {
  delay = wait;
  return std::move(*this);
}

Reply Reply::closing() && {
  ending = Ending::close;
  return std::move(*this);
}

struct LoopbackHttpServer::Impl {
  Impl(Handler request_handler, ServerOptions const& options)
      : handler(std::move(request_handler)) {
    if (options.tls) {
      tls.emplace(ssl::context::tls_server);
      tls->use_certificate_chain(asio::buffer(options.tls->certificate_pem));
      tls->use_private_key(asio::buffer(options.tls->private_key_pem), ssl::context::pem);
    }
    tcp::endpoint const loopback(asio::ip::make_address("127.0.0.1"), 0);
    acceptor.open(loopback.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(loopback);
    acceptor.listen();
    port = acceptor.local_endpoint().port();
    asio::co_spawn(io, accept_connections(), asio::detached);
    thread = std::thread([this] { run(); });
  }

  void run() {
    for (;;) {
      try {
        io.run();
        return;
      } catch (std::exception const&) {
        // A session failed in an unexpected way; the other sessions keep being served.
      }
    }
  }

// GCC 12 pairs Asio's coroutine frame allocation (aligned_alloc) with the frame's class
// operator delete and reports a false -Wmismatched-new-delete; both go through Asio's
// recycling allocator. Scoped to the coroutines below.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
  asio::awaitable<void> accept_connections() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;
      }
      error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::size_t number = 0;
      {
        std::lock_guard const lock(mutex);
        number = ++connections;
      }
      if (tls) {
        start_session<TlsStream>(std::move(socket), number);
      } else {
        start_session<PlainStream>(std::move(socket), number);
      }
    }
  }

  template <class Stream>
  void start_session(tcp::socket socket, std::size_t number) {
    auto session =
        std::make_shared<StreamSession<Stream>>(std::move(socket), tls ? &*tls : nullptr, number);
    std::erase_if(sessions, [](std::weak_ptr<Session> const& weak) { return weak.expired(); });
    sessions.push_back(session);
    asio::co_spawn(io, serve(std::move(session)), asio::detached);
  }

  template <class Stream>
  asio::awaitable<void> serve(std::shared_ptr<StreamSession<Stream>> session) {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      auto [handshake_ec] =
          co_await session->stream.async_handshake(ssl::stream_base::server, use_tuple);
      if (handshake_ec) co_return;
    }
    beast::flat_buffer buffer;
    for (std::size_t index = 1;; ++index) {
      if (session->close_before_next_request) {
        close_orderly(session->socket());
        co_return;
      }
      http::request_parser<http::string_body> parser;
      parser.body_limit(max_request_body);
      session->waiting_for_request = true;
      auto [read_ec, read_bytes] =
          co_await http::async_read(session->stream, buffer, parser, use_tuple);
      session->waiting_for_request = false;
      if (read_ec) co_return;
      http::request<http::string_body> const message = parser.release();
      Reply const reply = answer(record(message, session->number, index));

      if (reply.delay.count() > 0) {
        asio::steady_timer timer(io, reply.delay);
        co_await timer.async_wait(use_tuple);
      }
      // A cut response cannot be followed by another one on the same connection.
      bool const ends = reply.ending != Reply::Ending::keep_alive || reply.cut_after.has_value() ||
                        !message.keep_alive();
      std::string bytes = reply.raw ? *reply.raw : compose(reply, ends);
      if (reply.cut_after) bytes.resize(std::min(bytes.size(), *reply.cut_after));
      if (!bytes.empty()) {
        auto [write_ec, written] =
            co_await asio::async_write(session->stream, asio::buffer(bytes), use_tuple);
        if (write_ec) co_return;
      }
      if (reply.ending == Reply::Ending::reset) {
        close_abortively(session->socket());
        co_return;
      }
      if (ends) {
        close_orderly(session->socket());
        co_return;
      }
    }
  }

#pragma GCC diagnostic pop

  /// Records `request`, then asks the test's handler (outside the lock) for the reply.
  Reply answer(RecordedRequest request) {
    Handler current;
    {
      std::lock_guard const lock(mutex);
      requests.push_back(request);
      current = handler;
    }
    request_arrived.notify_all();
    if (!current) return Reply::text(200, "ok");
    try {
      return current(request);
    } catch (std::exception const& error) {
      return Reply::text(500, error.what());
    }
  }

  /// A session still finishing its last response (its coroutine not yet back at the read)
  /// closes as soon as it gets there, so a client never sees it take another request.
  void close_idle_sessions() {
    for (auto const& weak : sessions) {
      auto const session = weak.lock();
      if (!session) continue;
      if (session->waiting_for_request) {
        close_orderly(session->socket());
      } else {
        session->close_before_next_request = true;
      }
    }
  }

  // Guarded by `mutex`: shared with the test thread.
  mutable std::mutex mutex;
  std::condition_variable request_arrived;
  Handler handler;
  std::vector<RecordedRequest> requests;
  std::size_t connections = 0;

  // Declared before `io`: TLS streams destroyed with the io_context still use the context.
  std::optional<ssl::context> tls;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::uint16_t port = 0;
  std::vector<std::weak_ptr<Session>> sessions;  ///< server thread only
  std::atomic<bool> stopped{false};
  std::thread thread;
};

LoopbackHttpServer::LoopbackHttpServer(Handler handler, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(handler), options)) {}

LoopbackHttpServer::~LoopbackHttpServer() {
  stop();
}

std::uint16_t LoopbackHttpServer::port() const noexcept {
  return impl_->port;
}

std::string LoopbackHttpServer::base_url() const {
  return std::string(impl_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(impl_->port);
}

void LoopbackHttpServer::set_handler(Handler handler) {
  std::lock_guard const lock(impl_->mutex);
  impl_->handler = std::move(handler);
}

std::vector<RecordedRequest> LoopbackHttpServer::requests() const {
  std::lock_guard const lock(impl_->mutex);
  return impl_->requests;
}

std::size_t LoopbackHttpServer::request_count() const {
  std::lock_guard const lock(impl_->mutex);
  return impl_->requests.size();
}

std::size_t LoopbackHttpServer::connection_count() const {
  std::lock_guard const lock(impl_->mutex);
  return impl_->connections;
}

bool LoopbackHttpServer::wait_for_requests(std::size_t count, std::chrono::milliseconds limit) {
  std::unique_lock lock(impl_->mutex);
  return impl_->request_arrived.wait_for(lock, limit,
                                         [&] { return impl_->requests.size() >= count; });
}

void LoopbackHttpServer::close_idle_connections() {
  if (impl_->stopped) return;
  std::promise<void> closed;
  auto done = closed.get_future();
  asio::post(impl_->io, [this, &closed] {
    impl_->close_idle_sessions();
    closed.set_value();
  });
  done.wait();
}

void LoopbackHttpServer::stop() {
  if (impl_->stopped.exchange(true)) return;
  impl_->io.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
  error_code ignored;
  impl_->acceptor.close(ignored);
}

}  // namespace tradelink::test
