#include "sandbox/service/sandbox_server.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdio>
#include <thread>
#include <vector>

#include "net/http_server.hpp"
#include "sandbox/service/admin/admin_front.hpp"
#include "sandbox/service/rest/rest_front.hpp"
#include "sandbox/service/scheduler.hpp"
#include "sandbox/service/simulator/market_simulator.hpp"
#include "sandbox/service/state/state_file.hpp"
#include "sandbox/service/ws/ws_front.hpp"

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
  std::unique_ptr<simulator::MarketSimulator> simulator;
  std::unique_ptr<admin::AdminFront> admin;
  std::unique_ptr<ws::WsFront> ws;
  std::unique_ptr<net::HttpServer> http;
  bool stopped = false;

  explicit Impl(SandboxOptions opts) : options(std::move(opts)), faults(options.seed) {}

  // Loads the state file into the fresh venue when one is configured and exists.
  core::Result<void> load_state() {
    if (!options.state_file) return core::ok();
    auto snapshot = state::read_state_file(*options.state_file);
    if (!snapshot) return snapshot.error();
    if (!*snapshot) return core::ok();
    return venue->with(
        [&](VenueState& locked) { return state::restore_state(locked, **snapshot); });
  }

  // Writes the state file (open orders are cancelled first) when one is configured.
  core::Result<void> save_state() {
    if (!options.state_file) return core::ok();
    auto const snapshot = venue->with(
        [](VenueState& locked) { return state::capture_state(locked, locked.clock.now_ms()); });
    return state::write_state_file(*options.state_file, snapshot);
  }

  void on_request(net::ServerRequest const& request, net::Responder responder) {
    if (request.path.starts_with(rest::api_prefix)) {
      rest->handle(request, std::move(responder));
      return;
    }
    if (request.path.starts_with(admin::admin_prefix)) {
      admin->handle(request, std::move(responder));
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
  if (auto loaded = impl->load_state(); !loaded) return loaded.error();
  impl->rest = std::make_unique<rest::RestFront>(*impl->venue, impl->faults, impl->scheduler,
                                                 rest::make_router());
  impl->ws = std::make_unique<ws::WsFront>(*impl->venue, impl->faults, impl->scheduler);
  impl->ws->enable_trading_api(*impl->rest);
  impl->venue->events().add(*impl->ws);
  impl->simulator = std::make_unique<simulator::MarketSimulator>(*impl->venue, impl->scheduler,
                                                                 impl->options.seed);
  impl->admin = std::make_unique<admin::AdminFront>(
      admin::AdminContext{*impl->venue, impl->faults, *impl->rest, *impl->simulator},
      impl->options.admin_token);

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
  handlers.websocket_routes = impl->ws->routes();
  impl->http = std::make_unique<net::HttpServer>(impl->io, server_options, std::move(handlers));
  if (auto started = impl->http->start(); !started) return started.error();

  std::size_t const threads = std::max<std::size_t>(1, impl->options.threads);
  for (std::size_t i = 0; i < threads; ++i) {
    impl->threads.emplace_back([raw] { raw->io.run(); });
  }
  if (impl->options.simulate_market) impl->simulator->start();
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
  impl_->simulator->stop();
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
  if (auto saved = impl_->save_state(); !saved) {
    std::fprintf(stderr, "sandbox: %s\n", saved.error().message.c_str());
  }
}

}  // namespace tradelink::sandbox
