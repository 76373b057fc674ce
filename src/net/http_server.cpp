#include "net/http_server.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "net/server/open_file_limit.hpp"
#include "net/server/server_core.hpp"

namespace tradelink::net {

namespace asio = boost::asio;

struct HttpServer::Impl {
  Impl(std::unique_ptr<asio::io_context> own, asio::io_context& io_context,
       ServerOptions server_options, ServerHandlers server_handlers)
      : owned_io(std::move(own)),
        io(io_context),
        options(std::move(server_options)),
        handlers(std::move(server_handlers)) {}

  enum class State { created, running, stopped };

  /// Declared first so it is destroyed last, after everything that refers to it.
  std::unique_ptr<asio::io_context> owned_io;
  asio::io_context& io;
  ServerOptions options;
  ServerHandlers handlers;
  std::shared_ptr<detail::ServerCore> server;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  State state = State::created;
};

HttpServer::HttpServer(ServerOptions options, ServerHandlers handlers) {
  auto own = std::make_unique<asio::io_context>(
      static_cast<int>(options.threads == 0 ? 1 : options.threads));
  asio::io_context& io = *own;
  impl_ = std::make_unique<Impl>(std::move(own), io, std::move(options), std::move(handlers));
}

HttpServer::HttpServer(asio::io_context& io, ServerOptions options, ServerHandlers handlers)
    : impl_(std::make_unique<Impl>(nullptr, io, std::move(options), std::move(handlers))) {}

HttpServer::~HttpServer() {
  stop();
  // Embedded: connections still draining keep what they need through their shared ServerCore.
  impl_->server.reset();
}

core::Result<void> HttpServer::start() {
  Impl& impl = *impl_;
  if (impl.state != Impl::State::created) {
    return core::validation_error("net.server_state", "an HttpServer can be started only once");
  }
  detail::raise_open_file_limit();
  // The running server gets copies: a start that failed (say, port in use) may be retried.
  auto server = detail::ServerCore::listen(impl.io, impl.options, impl.handlers);
  if (!server) return server.error();
  impl.server = std::move(*server);
  impl.state = Impl::State::running;
  if (impl.owned_io) {
    impl.work.emplace(impl.io.get_executor());
    impl.threads.reserve(impl.options.threads);
    for (std::size_t i = 0; i < impl.options.threads; ++i) {
      impl.threads.emplace_back([&io = impl.io] { io.run(); });
    }
  }
  return core::ok();
}

std::uint16_t HttpServer::port() const noexcept {
  return impl_->server ? impl_->server->port() : std::uint16_t{0};
}

std::size_t HttpServer::connection_count() const {
  return impl_->server ? impl_->server->registry()->size() : 0;
}

void HttpServer::stop() {
  Impl& impl = *impl_;
  if (impl.state != Impl::State::running) return;
  impl.state = Impl::State::stopped;
  impl.server->begin_stop();
  if (!impl.owned_io) return;
  // The threads return once every connection is gone (the stop deadline cuts the stragglers).
  impl.work.reset();
  for (std::thread& thread : impl.threads) thread.join();
  impl.threads.clear();
}

}  // namespace tradelink::net
