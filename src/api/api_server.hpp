#pragma once
// The platform's HTTP API (/api/v1, JSON), its live event stream (WebSocket at /api/v1/events),
// health and metrics endpoints, and the web UI's files, on one net::HttpServer.
//
// Requests are copied off the server's I/O threads onto a small worker pool, which
// authenticates, routes and runs the handler (password hashing, database calls and key
// verification block; the I/O threads never do). The exception is a read that needs nothing
// which blocks: a bearer token the token cache vouches for, on a route that can answer from
// memory (a binding's balances); it is answered on the I/O thread, sparing the thread hand-off.
// Browser sessions ride an HttpOnly,
// SameSite=Strict cookie and must echo their CSRF token in X-CSRF-Token on every non-GET
// request; scripts send "Authorization: Bearer tl_…" and need no CSRF token. Errors are
// {"error":{"code","message"}} with stable codes (see api_error.hpp and docs/openapi.yaml).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "api/api_context.hpp"
#include "api/login_limiter.hpp"
#include "api/static_site.hpp"
#include "core/result.hpp"
#include "net/server_types.hpp"

namespace tradelink::api {

struct ApiOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  ///< 0: an ephemeral port, see ApiServer::port()
  std::size_t io_threads = 1;
  std::size_t workers = 4;        ///< threads running handlers
  std::size_t max_queued = 1024;  ///< requests waiting for a worker; more are answered 503
  std::size_t max_body_bytes = 64U * 1024U;  ///< larger bodies are answered 413
  std::optional<net::ServerTls> tls;
  bool secure_cookies = false;  ///< mark cookies Secure on plain HTTP too (behind a TLS proxy)
  LoginLimit login_limit;
  StaticSite site;  ///< the web UI (empty: API only)
};

/// The services the API serves; each must outlive the ApiServer.
struct ApiServices {
  platform::users::UserService& users;
  platform::keys::KeyService& keys;
  store::Store& store;
  platform::sync::BalanceView* balances = nullptr;  ///< null: balances answer 503
  Clock clock;
  BindingObservers observers;
};

class ApiServer {
 public:
  /// Binds and starts serving. Errors: the net.* codes of HttpServer::start.
  static core::Result<std::unique_ptr<ApiServer>> start(ApiOptions options, ApiServices services);

  ApiServer(ApiServer const&) = delete;
  ApiServer& operator=(ApiServer const&) = delete;
  /// stop().
  ~ApiServer();

  [[nodiscard]] std::uint16_t port() const noexcept;
  /// "http://ADDRESS:PORT" (https with TLS).
  [[nodiscard]] std::string base_url() const;

  /// Stops accepting, finishes the exchanges in progress, closes event streams and joins the
  /// threads. Idempotent; must not be called from a handler.
  void stop();

 private:
  struct Impl;
  explicit ApiServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::api
