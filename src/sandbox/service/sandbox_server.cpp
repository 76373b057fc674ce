#include "sandbox/service/sandbox_server.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <thread>
#include <vector>

#include "net/http_server.hpp"
#include "sandbox/service/rest/rest_front.hpp"
#include "sandbox/service/scheduler.hpp"

namespace tradelink::sandbox {
namespace {

namespace asio = boost::asio;

class AsioScheduler final : public Scheduler {
 public:
  explicit AsioScheduler(asio::io_context& io) : io_(io) {}

  void after(std::chrono::milliseconds delay, std::function<void()> work) override {
    if (delay.count() <= 0) {
      asio::post(io_, std::move(work));
      return;
    }
    auto timer = std::make_shared<asio::steady_timer>(io_, delay);
    timer->async_wait([timer, work = std::move(work)](boost::system::error_code const& error) {
      if (!error) work();
    });
  }

 private:
  asio::io_context& io_;
};

std::string_view label_for_status(unsigned status) {
  switch (status) {
    case 400: return "BAD_REQUEST";
    case 404: return "NOT_FOUND";
    case 408: return "REQUEST_TIMEOUT";
    case 413: return "REQUEST_BODY_TOO_LARGE";
    case 426: return "UPGRADE_REQUIRED";
    case 431: return "REQUEST_HEADER_TOO_LARGE";
    case 503: return "TOO_BUSY";
    default: return status >= 500 ? "SERVER_ERROR" : "BAD_REQUEST";
  }
}

net::ErrorBody gate_error_body(unsigned status, std::string_view reason) {
  return net::ErrorBody{"application/json", rest::error_json(label_for_status(status), reason)};
}

}  // namespace

struct SandboxServer::Impl {
  SandboxOptions options;
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  std::vector<std::thread> threads;
  AsioScheduler scheduler{io};
  std::unique_ptr<Venue> venue;
  Faults faults;
  std::unique_ptr<rest::RestFront> rest;
  std::unique_ptr<net::HttpServer> http;
  bool stopped = false;

  explicit Impl(SandboxOptions opts) : options(std::move(opts)), faults(options.seed) {}

  void on_request(net::ServerRequest const& request, net::Responder responder) {
    if (request.path.starts_with(rest::api_prefix)) {
      rest->handle(request, std::move(responder));
      return;
    }
    responder.respond(rest::refusal_response(
        rest::refusal("NOT_FOUND", "Not found: " + std::string(request.path))));
  }
};

SandboxServer::SandboxServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SandboxServer::~SandboxServer() { stop(); }

core::Result<std::unique_ptr<SandboxServer>> SandboxServer::start(SandboxOptions options) {
  auto impl = std::make_unique<Impl>(std::move(options));
  auto venue = Venue::create(default_catalogue());
  if (!venue) return venue.error();
  impl->venue = std::move(*venue);
  impl->rest = std::make_unique<rest::RestFront>(*impl->venue, impl->faults, impl->scheduler,
                                                 rest::make_router());

  net::ServerOptions server_options;
  server_options.address = impl->options.address;
  server_options.port = impl->options.port;
  server_options.tls = impl->options.tls;
  net::ServerHandlers handlers;
  Impl* raw = impl.get();
  handlers.on_request = [raw](net::ServerRequest const& request, net::Responder responder) {
    raw->on_request(request, std::move(responder));
  };
  handlers.error_body = gate_error_body;
  impl->http = std::make_unique<net::HttpServer>(impl->io, server_options, std::move(handlers));
  if (auto started = impl->http->start(); !started) return started.error();

  std::size_t const threads = std::max<std::size_t>(1, impl->options.threads);
  for (std::size_t i = 0; i < threads; ++i) {
    impl->threads.emplace_back([raw] { raw->io.run(); });
  }
  return std::unique_ptr<SandboxServer>(new SandboxServer(std::move(impl)));
}

std::uint16_t SandboxServer::port() const noexcept { return impl_->http->port(); }

std::string SandboxServer::base_url() const {
  std::string const host = impl_->options.address == "0.0.0.0" ? "127.0.0.1" : impl_->options.address;
  return std::string(impl_->options.tls ? "https://" : "http://") + host + ":" +
         std::to_string(port());
}

Venue& SandboxServer::venue() noexcept { return *impl_->venue; }
Faults& SandboxServer::faults() noexcept { return impl_->faults; }

void SandboxServer::stop() {
  if (!impl_ || impl_->stopped) return;
  impl_->stopped = true;
  impl_->http->stop();
  impl_->work.reset();
  // The io_context runs out of work once the connections drained; timers still pending (fault
  // latency, simulator ticks) are cut after a grace period.
  std::thread stopper([raw = impl_.get()] {
    auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!raw->io.stopped() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    raw->io.stop();
  });
  for (auto& thread : impl_->threads) thread.join();
  stopper.join();
}

}  // namespace tradelink::sandbox
