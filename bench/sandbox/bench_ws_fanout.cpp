// Fan-out of one order book update to N WebSocket subscribers of spot.order_book_update, in
// process: one iteration places a resting order and cancels it under the venue lock (two book
// ids, merged into one update), fires the channel's 20 ms flush (render the merged delta once,
// queue the same text to every session's bounded outbox) and lets every session's writer take its
// message off the queue. No sockets: the figure is the sandbox's own cost per update, which the
// kernel's socket writes add to. Counters: items = messages queued (one per subscriber per update).

#include <benchmark/benchmark.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include "core/decimal.hpp"
#include "net/websocket/outbox.hpp"
#include "net/websocket_session.hpp"
#include "sandbox/engine/catalogue.hpp"
#include "sandbox/service/faults.hpp"
#include "sandbox/service/scheduler.hpp"
#include "sandbox/service/venue.hpp"
#include "sandbox/service/ws/ws_front.hpp"

namespace {

using namespace tradelink;

/// Runs deferred work when the benchmark says so (the flush timers), on the calling thread.
class ManualScheduler final : public sandbox::Scheduler {
 public:
  void after(std::chrono::milliseconds /*delay*/, std::function<void()> work) override {
    work_.push_back(std::move(work));
  }
  void run_all() {
    while (!work_.empty()) {
      auto work = std::move(work_.front());
      work_.pop_front();
      work();
    }
  }

 private:
  std::deque<std::function<void()>> work_;
};

/// A session writer that takes every queued message at once (the socket write left out).
class DrainingWriter final : public net::detail::OutboxSink {
 public:
  void attach(net::detail::Outbox* outbox) { outbox_ = outbox; }
  void on_outbox_ready() override {
    while (auto message = outbox_->take()) outbox_->release(message->size());
  }
  void on_outbox_overflow() override {}
  void on_close_requested(std::uint16_t /*code*/, std::string /*reason*/) override {}
  void on_abort_requested() override {}

 private:
  net::detail::Outbox* outbox_ = nullptr;
};

struct Subscriber {
  std::shared_ptr<DrainingWriter> writer;
  std::shared_ptr<net::detail::Outbox> outbox;
  net::WebSocketCallbacks callbacks;
};

void BM_BookUpdateFanout(benchmark::State& state) {
  auto const subscribers = static_cast<std::size_t>(state.range(0));
  auto venue = sandbox::Venue::create(sandbox::default_catalogue()).value();
  sandbox::Faults faults(1);
  ManualScheduler scheduler;
  sandbox::ws::WsFront front(*venue, faults, scheduler);
  venue->events().add(front);
  auto routes = front.routes();

  boost::asio::io_context io;
  auto request = std::make_shared<net::UpgradeRequest>();
  request->target = "/ws/v4/";
  request->peer_address = "127.0.0.1";
  std::vector<Subscriber> sessions;
  for (std::size_t i = 0; i < subscribers; ++i) {
    Subscriber subscriber;
    subscriber.writer = std::make_shared<DrainingWriter>();
    subscriber.outbox = std::make_shared<net::detail::Outbox>(
        4U * 1024U * 1024U, boost::asio::make_strand(io), subscriber.writer);
    subscriber.writer->attach(subscriber.outbox.get());
    net::WebSocketSession const session(subscriber.outbox, request, i + 1);
    subscriber.callbacks = routes.front().open(session);
    subscriber.callbacks.on_text(
        R"({"time":1,"channel":"spot.order_book_update","event":"subscribe","payload":["BTC_USDT","20ms"]})");
    sessions.push_back(std::move(subscriber));
  }
  io.poll();

  sandbox::UserId const user = 10'000'001;
  venue->with([&](sandbox::VenueState& locked) {
    (void)locked.engine.deposit(user, sandbox::Account::spot, "USDT",
                                core::Decimal::parse("100000000").value(), 1);
  });
  sandbox::SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.side = sandbox::Side::buy;
  order.amount = core::Decimal::parse("0.01").value();
  std::int64_t tick = 0;
  for (auto _ : state) {
    venue->with([&](sandbox::VenueState& locked) {
      order.price = core::Decimal::parse(std::to_string(50000 + tick % 100)).value();
      auto placed = locked.engine.place_spot_order(user, order, 1);
      benchmark::DoNotOptimize(placed);
      if (placed) (void)locked.engine.cancel_spot_order(user, "BTC_USDT", placed->id, 1);
    });
    ++tick;
    scheduler.run_all();
    io.poll();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(subscribers));
  for (auto& session : sessions) {
    if (session.callbacks.on_close) session.callbacks.on_close(net::WebSocketCloseInfo{});
  }
}
BENCHMARK(BM_BookUpdateFanout)->Arg(1)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
