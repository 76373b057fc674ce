#pragma once
// Executes Gate.io REST calls: rate limiting per endpoint group, signing with the server-clock
// offset, retries with backoff and jitter for what may be replayed, one automatic clock
// re-measurement and retry after REQUEST_EXPIRED, and Gate's error labels mapped to GateError.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "net/http_client.hpp"
#include "venues/gateio/common/credential.hpp"
#include "venues/gateio/rest/clock.hpp"
#include "venues/gateio/rest/endpoint.hpp"
#include "venues/gateio/rest/errors.hpp"

namespace boost::asio {
class io_context;
}

namespace tradelink::gateio {

/// Live Gate.io REST base URL; the sandbox is "http://127.0.0.1:<port>/api/v4".
inline constexpr char const* live_rest_base_url = "https://api.gateio.ws/api/v4";

struct TransportOptions {
  std::string base_url = live_rest_base_url;
  net::ClientOptions http;
  /// Attempts for a call that may be retried (first try included).
  int max_attempts = 3;
  std::chrono::milliseconds backoff_initial{200};
  std::chrono::milliseconds backoff_max{5'000};
  /// Longest the client waits on its own rate limiter or a server reset before failing fast.
  std::chrono::milliseconds max_rate_limit_wait{30'000};
  /// Ask for decimal futures sizes (`X-Gate-Size-Decimal: 1`), as both official SDKs do.
  bool size_decimal = true;
  /// Wall clock in Unix ms (tests inject skew).
  WallClock wall_clock = system_now_ms;
};

/// Counters for tests and metrics.
struct TransportStats {
  std::uint64_t attempts = 0;
  std::uint64_t retries = 0;
  std::uint64_t clock_resyncs = 0;
  std::uint64_t rate_limit_waits = 0;
  /// Most HTTP exchanges one call needed in sequence (attempts plus clock measurements): the
  /// round trips a caller waited for when it ran calls in parallel.
  std::uint64_t longest_chain = 0;
};

class RestTransport {
 public:
  using ResponseHandler = std::function<void(GateResult<net::HttpResponse>)>;

  /// `io` must outlive the transport; handlers run on its thread. Without a credential only
  /// public endpoints can be called (signed ones fail with category invalid_credentials).
  /// Fails (`net.url`) when the base URL is not an http(s) URL.
  static core::Result<std::unique_ptr<RestTransport>> create(boost::asio::io_context& io,
                                                             TransportOptions options,
                                                             std::optional<Credential> credential);
  ~RestTransport();
  RestTransport(RestTransport const&) = delete;
  RestTransport& operator=(RestTransport const&) = delete;

  /// Runs `endpoint` to completion (including waits and retries); the handler gets the 2xx
  /// response or the mapped error. Never invoked inline.
  void execute(Endpoint endpoint, ResponseHandler handler);

  /// An Endpoint to fill and pass to execute: one a finished call ran, handed back so that its
  /// strings keep their capacity (order bodies are then written without allocating), or a new
  /// one. Its fields still hold that earlier call: overwrite every one. Call it on the
  /// io_context's thread, like the calls of the RestClient that owns this transport.
  [[nodiscard]] Endpoint recycled_endpoint();

  /// Measures the server clock offset from GET /spot/time now.
  void sync_clock(std::function<void(GateResult<std::int64_t>)> handler);

  [[nodiscard]] ClockOffset const& clock() const noexcept;
  [[nodiscard]] TransportStats stats() const noexcept;
  [[nodiscard]] net::PoolStats pool_stats() const noexcept;
  [[nodiscard]] boost::asio::io_context& io() noexcept;
  /// "abcd…wxyz" of the API key, or empty when public-only.
  [[nodiscard]] std::string masked_key() const;

 private:
  struct Impl;
  struct Call;
  explicit RestTransport(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::gateio
