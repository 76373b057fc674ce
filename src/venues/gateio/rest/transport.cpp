// Gate.io API v4 docs: "APIv4 signed request requirements", "Frequency limit rule",
// "Error handling". Retry policy: reads, cancels and other replay-safe calls retry transport
// failures, 5xx and TOO_BUSY with exponential backoff and full jitter; every call retries after
// 429 (the request was refused, not processed) and once after REQUEST_EXPIRED (refused by the
// signature check) with a fresh clock offset.
#include "venues/gateio/rest/transport.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <vector>
#include <charconv>
#include <random>

#include "venues/gateio/rest/parsers.hpp"
#include "venues/gateio/rest/request_builder.hpp"
#include "venues/gateio/rest/signer.hpp"
#include "venues/gateio/rest/timestamp_text.hpp"

namespace tradelink::gateio {
namespace {

using std::chrono::milliseconds;

std::int64_t monotonic_now_ms() noexcept {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

template <class Integer>
std::optional<Integer> parse_integer(std::string_view text) noexcept {
  Integer value{};
  auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Gate does not state the unit of X-Gate-RateLimit-Reset-Timestamp; values past 10^12 are ms.
std::optional<std::int64_t> reset_timestamp_ms(std::string_view header) noexcept {
  auto const value = parse_integer<std::int64_t>(header);
  if (!value || *value <= 0) return std::nullopt;
  return *value > 1'000'000'000'000 ? *value : *value * 1000;
}

GateError local_error(ErrorCategory category, std::string label, std::string message) {
  GateError error;
  error.category = category;
  error.label = std::move(label);
  error.message = std::move(message);
  return error;
}

}  // namespace

struct RestTransport::Impl {
  Impl(boost::asio::io_context& io_context, TransportOptions transport_options, net::Origin base,
       std::optional<Credential> const& credential)
      : io(io_context),
        options(std::move(transport_options)),
        origin(std::move(base)),
        http(io_context, options.http),
        clock(options.wall_clock),
        random(std::random_device{}()) {
    if (credential) {
      signer.emplace(*credential);
      masked_key = credential->masked_key();
    }
    builder.emplace(RequestBuildOptions{origin.base_path, options.size_decimal},
                    signer ? &*signer : nullptr);
  }

  boost::asio::io_context& io;
  TransportOptions options;
  net::Origin origin;
  net::HttpClient http;
  ClockOffset clock;
  RateLimiter limiter;
  std::optional<Signer> signer;
  std::optional<RequestBuilder> builder;  ///< set in the constructor, after `signer`
  TimestampText timestamp_text;
  std::string masked_key;
  TransportStats stats;
  std::minstd_rand random;
  // Calls hold a weak reference so that a transport destroyed with calls in flight or waiting
  // on timers stops them instead of touching freed memory.
  std::shared_ptr<bool> alive = std::make_shared<bool>(true);
  /// Endpoints of finished calls, kept for recycled_endpoint() up to a few.
  std::vector<Endpoint> spare_endpoints;
  /// Handlers waiting for the clock measurement in flight; empty when none is.
  std::vector<std::function<void(GateResult<std::int64_t>)>> clock_waiters;

  milliseconds backoff(int attempt) {
    auto const exponential = options.backoff_initial * (1LL << std::min(attempt, 16));
    auto const cap = std::min<milliseconds>(exponential, options.backoff_max);
    std::uniform_int_distribution<std::int64_t> jitter(cap.count() / 2, std::max<std::int64_t>(cap.count(), 1));
    return milliseconds{jitter(random)};
  }

  void keep_spare(Endpoint&& endpoint) {
    constexpr std::size_t max_spare_endpoints = 16;
    if (spare_endpoints.size() < max_spare_endpoints) spare_endpoints.push_back(std::move(endpoint));
  }

  /// Builds into a request recycled from a finished call, so its buffers are reused.
  net::HttpRequest build_request(Endpoint const& endpoint) {
    std::string_view const timestamp = endpoint.auth == Auth::signed_call
                                           ? timestamp_text.of(clock.server_now_seconds())
                                           : std::string_view();
    net::HttpRequest request = http.recycled_request();
    builder->build(endpoint, timestamp, request);
    return request;
  }

  void learn_rate_limit(Endpoint const& endpoint, net::HttpResponse const& response) {
    auto const remaining = parse_integer<std::uint32_t>(response.header("X-Gate-RateLimit-Requests-Remain"));
    auto const limit = parse_integer<std::uint32_t>(response.header("X-Gate-RateLimit-Limit"));
    if (!remaining || !limit) return;
    std::int64_t const now = monotonic_now_ms();
    std::int64_t reset_at = now;
    if (auto const reset_wall = reset_timestamp_ms(response.header("X-Gate-RateLimit-Reset-Timestamp"))) {
      reset_at = now + std::clamp<std::int64_t>(*reset_wall - clock.server_now_ms(), 0,
                                                options.max_rate_limit_wait.count());
    }
    limiter.on_headers(endpoint.group, endpoint.limit_key, *remaining, *limit, reset_at, now);
  }
};

struct RestTransport::Call : std::enable_shared_from_this<RestTransport::Call> {
  Call(Impl& owner, Endpoint call_endpoint, ResponseHandler call_handler)
      : impl(owner),
        alive(owner.alive),
        endpoint(std::move(call_endpoint)),
        handler(std::move(call_handler)),
        timer(owner.io) {}

  Impl& impl;
  std::weak_ptr<bool> alive;
  Endpoint endpoint;
  ResponseHandler handler;
  boost::asio::steady_timer timer;
  int attempt = 0;
  bool clock_resynced = false;
  std::uint64_t exchanges = 0;             ///< HTTP exchanges so far, in sequence
  std::uint64_t signed_with_measurement = 0;  ///< clock measurements known when last signed
  milliseconds waited_for_limits{0};

  void start() { acquire_token(); }

  void after(milliseconds delay, void (Call::*next)()) {
    timer.expires_after(delay);
    timer.async_wait([self = shared_from_this(), next](boost::system::error_code const& error) {
      if (error || self->alive.expired()) return;
      ((*self).*next)();
    });
  }

  void finish(GateResult<net::HttpResponse> result) {
    impl.stats.longest_chain = std::max(impl.stats.longest_chain, exchanges);
    // Before the handler, which may destroy the transport.
    impl.keep_spare(std::move(endpoint));
    auto done = std::move(handler);
    done(std::move(result));
  }

  void acquire_token() {
    milliseconds const wait =
        impl.limiter.try_acquire(endpoint.group, endpoint.limit_key, monotonic_now_ms());
    if (wait.count() == 0) return send();
    waited_for_limits += wait;
    if (waited_for_limits > impl.options.max_rate_limit_wait) {
      GateError error = local_error(ErrorCategory::rate_limited, "TOO_MANY_REQUESTS",
                                    "client-side rate limit for " + std::string(to_string(endpoint.group)) +
                                        " would need a longer wait than allowed");
      error.retry_after = wait;
      return finish(error);
    }
    ++impl.stats.rate_limit_waits;
    after(wait, &Call::acquire_token);
  }

  void send() {
    if (endpoint.auth == Auth::signed_call && !impl.signer) {
      return finish(local_error(ErrorCategory::invalid_credentials, "MISSING_CREDENTIAL",
                                "this call needs an API key and secret"));
    }
    ++attempt;
    ++exchanges;
    ++impl.stats.attempts;
    signed_with_measurement = impl.clock.measurements();
    impl.http.async_send(impl.origin, impl.build_request(endpoint),
                         [self = shared_from_this()](core::Result<net::HttpResponse> result) {
                           if (self->alive.expired()) return;
                           self->on_response(std::move(result));
                         });
  }

  bool may_retry() const { return attempt < impl.options.max_attempts; }

  void retry_after(milliseconds delay) {
    ++impl.stats.retries;
    after(delay, &Call::acquire_token);
  }

  void on_response(core::Result<net::HttpResponse> result) {
    if (!result) {
      GateError error = from_transport(result.error());
      if (endpoint.replay == Replay::safe && error.retryable() && may_retry()) {
        return retry_after(impl.backoff(attempt));
      }
      return finish(std::move(error));
    }
    net::HttpResponse& response = *result;
    impl.learn_rate_limit(endpoint, response);
    if (response.status >= 200 && response.status < 300) return finish(std::move(response));

    GateError error = map_error_response(response.status, response.body,
                                         response.header("X-Gate-RateLimit-Reset-Timestamp"),
                                         impl.clock.server_now_ms());
    switch (error.category) {
      case ErrorCategory::clock_skew:
        if (!clock_resynced) {
          // A measurement that landed while this request was out (e.g. one started alongside
          // it) already holds the fix: retry at once instead of measuring again.
          if (impl.clock.measurements() != signed_with_measurement) {
            clock_resynced = true;
            return acquire_token();
          }
          return resync_clock_then_retry();
        }
        break;
      case ErrorCategory::rate_limited: {
        milliseconds const wait = error.retry_after.value_or(milliseconds{1'000});
        impl.limiter.on_rate_limited(endpoint.group, endpoint.limit_key, wait, monotonic_now_ms());
        if (may_retry()) return acquire_token();  // the limiter now holds the wait
        break;
      }
      case ErrorCategory::exchange_unavailable:
        if (endpoint.replay == Replay::safe && may_retry()) return retry_after(impl.backoff(attempt));
        break;
      default: break;
    }
    finish(std::move(error));
  }

  void resync_clock_then_retry() {
    clock_resynced = true;
    ++impl.stats.clock_resyncs;
    bool const started =
        measure_clock(impl, [self = shared_from_this()](GateResult<std::int64_t> offset) {
          if (self->alive.expired()) return;
          if (!offset) return self->finish(offset.error());
          self->acquire_token();
        });
    // Joining a measurement already in flight costs this call no extra round trip.
    if (started) ++exchanges;
  }

  /// Measures the clock, or joins the measurement in flight; true when it started one.
  static bool measure_clock(Impl& impl, std::function<void(GateResult<std::int64_t>)> handler) {
    impl.clock_waiters.push_back(std::move(handler));
    if (impl.clock_waiters.size() > 1) return false;
    Endpoint time_endpoint;
    time_endpoint.path = "/spot/time";
    time_endpoint.limit_key = "/spot/time";
    std::int64_t const sent_ms = impl.clock.local_now_ms();
    auto call = std::make_shared<Call>(
        impl, std::move(time_endpoint),
        [&impl, sent_ms](GateResult<net::HttpResponse> response) {
          auto const outcome = [&]() -> GateResult<std::int64_t> {
            if (!response) return response.error();
            std::int64_t const received_ms = impl.clock.local_now_ms();
            auto const server_time = parse_server_time(response->body);
            if (!server_time) return from_parse(server_time.error());
            impl.clock.record(sent_ms, server_time->server_time_ms, received_ms);
            return impl.clock.offset_ms();
          }();
          auto waiters = std::move(impl.clock_waiters);
          impl.clock_waiters.clear();
          for (auto& waiter : waiters) waiter(outcome);
        });
    call->start();
    return true;
  }
};

core::Result<std::unique_ptr<RestTransport>> RestTransport::create(
    boost::asio::io_context& io, TransportOptions options, std::optional<Credential> credential) {
  auto origin = net::Origin::parse(options.base_url);
  if (!origin) return origin.error();
  return std::unique_ptr<RestTransport>(new RestTransport(
      std::make_unique<Impl>(io, std::move(options), std::move(*origin), credential)));
}

RestTransport::RestTransport(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RestTransport::~RestTransport() = default;

void RestTransport::execute(Endpoint endpoint, ResponseHandler handler) {
  auto call = std::make_shared<Call>(*impl_, std::move(endpoint), std::move(handler));
  boost::asio::post(impl_->io, [call] {
    if (!call->alive.expired()) call->start();
  });
}

Endpoint RestTransport::recycled_endpoint() {
  std::vector<Endpoint>& spare = impl_->spare_endpoints;
  if (spare.empty()) return {};
  Endpoint endpoint = std::move(spare.back());
  spare.pop_back();
  return endpoint;
}

void RestTransport::sync_clock(std::function<void(GateResult<std::int64_t>)> handler) {
  boost::asio::post(impl_->io, [impl = impl_.get(), alive = std::weak_ptr<bool>(impl_->alive),
                                handler = std::move(handler)]() mutable {
    if (alive.expired()) return;
    (void)Call::measure_clock(*impl, std::move(handler));
  });
}

ClockOffset const& RestTransport::clock() const noexcept { return impl_->clock; }
TransportStats RestTransport::stats() const noexcept { return impl_->stats; }
net::PoolStats RestTransport::pool_stats() const noexcept { return impl_->http.stats(); }
boost::asio::io_context& RestTransport::io() noexcept { return impl_->io; }
std::string RestTransport::masked_key() const { return impl_->masked_key; }

}  // namespace tradelink::gateio
