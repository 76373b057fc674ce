#include "api/api_server.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <optional>
#include <variant>

#include "api/api_error.hpp"
#include "api/event_hub.hpp"
#include "api/metrics.hpp"
#include "api/router.hpp"
#include "api/routes.hpp"
#include "api/worker_pool.hpp"
#include "net/http_server.hpp"

namespace tradelink::api {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

constexpr std::string_view events_path = "/api/v1/events";

bool is_api_path(std::string_view path) {
  return path.starts_with("/api/") || path == "/readyz" || path == "/metrics";
}

bool is_read(std::string_view method) {
  return method == "GET" || method == "HEAD";
}

// Compares in time independent of where the first difference is.
bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference = static_cast<unsigned char>(
        difference | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
  }
  return difference == 0;
}

bool has_header(net::ServerResponse const& response, std::string_view name) {
  for (net::Header const& header : response.headers) {
    if (header.name == name) return true;
  }
  return false;
}

// The headers every API answer carries.
net::ServerResponse with_api_headers(net::ServerResponse response) {
  if (!has_header(response, "Cache-Control")) {
    response.headers.push_back({"Cache-Control", "no-store"});
  }
  response.headers.push_back({"X-Content-Type-Options", "nosniff"});
  return response;
}

core::Error unauthenticated(std::string message) {
  return core::validation_error(std::string(error_code::unauthenticated), std::move(message));
}

}  // namespace

struct ApiServer::Impl {
  ApiOptions options;
  LoginLimiter login_limiter;
  Metrics metrics;
  EventHub events;
  ApiContext context;
  Router router;
  std::unique_ptr<WorkerPool> pool;
  std::unique_ptr<net::HttpServer> http;
  bool stopped = false;

  Impl(ApiOptions opts, ApiServices services)
      : options(std::move(opts)),
        login_limiter(options.login_limit),
        events(services.balances),
        context{services.users,
                services.keys,
                services.store,
                services.balances,
                events,
                login_limiter,
                metrics,
                std::move(services.clock),
                std::move(services.observers),
                options.secure_cookies} {
    add_auth_routes(router, context);
    add_binding_routes(router, context);
    add_balance_routes(router, context);
    add_ops_routes(router, context);
    router.add(
        {"GET", std::string(events_path), Access::anyone, [](ApiRequest const&, Caller const&) {
           return error_response(426, error_code::upgrade_required,
                                 "open /api/v1/events as a WebSocket");
         }});
  }

  void finish(net::Responder& responder, std::string_view route, std::string_view method,
              SteadyTime started, net::ServerResponse response) {
    auto const elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    metrics.observe(route, method, response.status, elapsed);
    responder.respond(std::move(response));
  }

  void on_request(net::ServerRequest const& request, net::Responder responder) {
    SteadyTime const started = std::chrono::steady_clock::now();
    if (request.path == "/healthz") {
      finish(responder, "/healthz", request.method, started,
             json_response(200, boost::json::object{{"status", "ok"}}));
      return;
    }
    if (!is_api_path(request.path)) {
      net::ServerResponse response =
          is_read(request.method)
              ? options.site.serve(request.path)
              : error_response(405, error_code::method_not_allowed, "pages are read with GET");
      finish(responder, "static", request.method, started, std::move(response));
      return;
    }
    if (answer_inline(request, responder, started)) return;
    auto shared = std::make_shared<net::Responder>(std::move(responder));
    auto copy = std::make_shared<ApiRequest>(ApiRequest::copy_of(request));
    bool const queued =
        pool->post([this, shared, copy, started] { dispatch(*copy, *shared, started); });
    if (!queued) {
      finish(*shared, "unmatched", request.method, started,
             error_response(503, error_code::busy, "the server is busy; try again"));
    }
  }

  // On the I/O thread: answers a bearer-token read whose token is cached and whose route can
  // answer from memory, sparing the hand-off to a worker. False: nothing was answered.
  bool answer_inline(net::ServerRequest const& request, net::Responder& responder,
                     SteadyTime started) {
    if (request.method != "GET") return false;
    std::string_view const token = bearer_token(request.header("Authorization"));
    if (token.empty()) return false;
    auto matched = router.match(request.method, request.path);
    auto* match = std::get_if<Router::Match>(&matched);
    if (match == nullptr || !match->route->inline_handler) return false;
    Route const& route = *match->route;
    Caller caller;
    if (route.access == Access::user) {
      auto const identity = context.users.cached_api_token(token, context.clock());
      if (!identity) return false;
      caller.user_id = identity->user_id;
    }
    ApiRequest copy = ApiRequest::copy_of(request);
    copy.path_params = std::move(match->params);
    std::optional<net::ServerResponse> response;
    try {
      response = route.inline_handler(copy, caller);
    } catch (std::exception const&) {
      response = error_response(500, error_code::internal, "internal error");
    }
    if (!response) return false;
    finish(responder, route.pattern, request.method, started,
           with_api_headers(std::move(*response)));
    return true;
  }

  void dispatch(ApiRequest& request, net::Responder& responder, SteadyTime started) {
    auto matched = router.match(request.method, request.path);
    if (auto const* miss = std::get_if<Router::Miss>(&matched)) {
      net::ServerResponse response =
          *miss == Router::Miss::method_not_allowed
              ? error_response(405, error_code::method_not_allowed,
                               "method " + request.method + " is not allowed here")
              : error_response(404, error_code::not_found, "no such endpoint");
      finish(responder, "unmatched", request.method, started, std::move(response));
      return;
    }
    auto& match = std::get<Router::Match>(matched);
    Route const& route = *match.route;
    request.path_params = std::move(match.params);
    Caller caller;
    if (route.access == Access::user) {
      auto authenticated = authenticate(request, true);
      if (!authenticated) {
        finish(responder, route.pattern, request.method, started,
               error_response(authenticated.error()));
        return;
      }
      caller = std::move(*authenticated);
    }
    net::ServerResponse response;
    try {
      response = route.handler(request, caller);
    } catch (std::exception const&) {
      response = error_response(500, error_code::internal, "internal error");
    }
    finish(responder, route.pattern, request.method, started,
           with_api_headers(std::move(response)));
  }

  // A bearer token when an Authorization header is present, else the session cookie (with the
  // CSRF check for changes when `check_csrf`).
  core::Result<Caller> authenticate(ApiRequest const& request, bool check_csrf) {
    std::int64_t const now = context.clock();
    if (!request.authorization.empty()) {
      std::string_view const token = bearer_token(request.authorization);
      if (token.empty()) return unauthenticated("use \"Authorization: Bearer tl_…\"");
      auto identity = context.users.authenticate_api_token(token, now);
      if (!identity) return identity.error();
      return Caller{identity->user_id, false, {}};
    }
    std::string_view const token = cookie_value(request.cookie, session_cookie);
    if (token.empty()) return unauthenticated("log in first (session cookie or bearer token)");
    auto session = context.users.authenticate_session(token, now);
    if (!session) return session.error();
    Caller caller{session->user_id, true, std::move(session->csrf_token)};
    if (check_csrf && !is_read(request.method) &&
        !constant_time_equal(request.csrf_token, caller.csrf_token)) {
      return core::validation_error(std::string(error_code::csrf),
                                    "missing or wrong X-CSRF-Token header");
    }
    return caller;
  }

  net::WebSocketRoute events_route() {
    net::WebSocketRoute route;
    route.accepts = [](std::string_view path) { return path == events_path; };
    route.open = [this](net::WebSocketSession const& session) {
      net::WebSocketCallbacks callbacks;
      callbacks.on_text = [](std::string_view) {};  // one-way stream: client messages ignored
      callbacks.on_close = [this, id = session.id()](net::WebSocketCloseInfo const&) {
        events.remove(id);
      };
      if (!pool->post([this, session] { open_stream(session); })) {
        session.close(net::close_code::going_away, "busy");
      }
      return callbacks;
    };
    return route;
  }

  // Runs on a worker: checks where the page came from and who it is, then subscribes.
  void open_stream(net::WebSocketSession const& session) {
    net::UpgradeRequest const& upgrade = session.request();
    std::string_view const origin = upgrade.header("Origin");
    std::string const own_origin =
        std::string(upgrade.tls ? "https://" : "http://") + std::string(upgrade.header("Host"));
    // Browsers send cookies with cross-site WebSocket handshakes too; only our own pages may.
    if (!origin.empty() && origin != own_origin) {
      session.close(net::close_code::policy_violation, "origin not allowed");
      return;
    }
    ApiRequest request;
    request.method = "GET";
    request.cookie = upgrade.header("Cookie");
    request.authorization = upgrade.header("Authorization");
    auto caller = authenticate(request, false);
    if (!caller) {
      session.close(net::close_code::policy_violation, "unauthenticated");
      return;
    }
    events.add(caller->user_id, session);
    session.send_text(boost::json::serialize(boost::json::object{
        {"type", "ready"}, {"data", boost::json::object{{"user_id", caller->user_id}}}}));
    if (!session.is_open()) events.remove(session.id());
  }
};

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ApiServer::~ApiServer() {
  stop();
}

core::Result<std::unique_ptr<ApiServer>> ApiServer::start(ApiOptions options,
                                                          ApiServices services) {
  auto impl = std::make_unique<Impl>(std::move(options), std::move(services));
  impl->pool = std::make_unique<WorkerPool>(impl->options.workers, impl->options.max_queued);

  net::ServerOptions server;
  server.address = impl->options.address;
  server.port = impl->options.port;
  server.threads = impl->options.io_threads;
  server.tls = impl->options.tls;
  server.max_body_bytes = impl->options.max_body_bytes;
  // Binding a key waits for the exchange's answers (several probes, retries on a slow venue).
  server.handler_timeout = std::chrono::seconds{90};

  Impl* raw = impl.get();
  net::ServerHandlers handlers;
  handlers.on_request = [raw](net::ServerRequest const& request, net::Responder responder) {
    raw->on_request(request, std::move(responder));
  };
  handlers.error_body = server_error_body;
  handlers.websocket_routes.push_back(raw->events_route());
  impl->http = std::make_unique<net::HttpServer>(std::move(server), std::move(handlers));
  if (auto started = impl->http->start(); !started) return started.error();
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(impl)));
}

std::uint16_t ApiServer::port() const noexcept {
  return impl_->http->port();
}

std::string ApiServer::base_url() const {
  std::string const& address = impl_->options.address;
  std::string host = address.find(':') != std::string::npos ? "[" + address + "]" : address;
  if (address == "0.0.0.0") host = "127.0.0.1";
  if (address == "::") host = "[::1]";
  return std::string(impl_->options.tls ? "https://" : "http://") + host + ":" +
         std::to_string(port());
}

void ApiServer::stop() {
  if (!impl_ || impl_->stopped) return;
  impl_->stopped = true;
  impl_->http->stop();
  impl_->pool.reset();
}

}  // namespace tradelink::api
