#include "net/detail/http_call.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <utility>

#include "net/detail/request_preparation.hpp"
#include "net/detail/transport_error.hpp"

namespace tradelink::net::detail {
namespace {

using Clock = std::chrono::steady_clock;

/// Redirects are never followed: a venue API that redirects is misconfigured or spoofed, and
/// following would resend signed headers to another place.
core::Result<HttpResponse> refuse_redirects(HttpResponse response, std::string const& origin_key) {
  if (response.status < 300 || response.status > 399) return response;
  std::string_view const location = response.header("Location");
  return transport_error(codes::redirect_refused,
                         origin_key + " answered " + std::to_string(response.status) +
                             " redirecting to '" + std::string(location) +
                             "'; redirects are refused: use the final URL as the base URL");
}

}  // namespace

void HttpCall::start(std::shared_ptr<ClientState> state, Origin origin, HttpRequest request,
                     HttpClient::Handler handler) {
  auto call = std::make_shared<HttpCall>(std::move(state), std::move(origin), std::move(request),
                                         std::move(handler));
  call->begin();
}

HttpCall::HttpCall(std::shared_ptr<ClientState> state, Origin origin, HttpRequest request,
                   HttpClient::Handler handler)
    : state_(std::move(state)),
      origin_(std::move(origin)),
      origin_key_(origin_.pool_key()),
      request_(std::move(request)),
      handler_(std::move(handler)),
      call_deadline_(Clock::now() + state_->options.total_timeout),
      id_(++state_->next_call_id) {}

void HttpCall::abandon() noexcept {
  handler_ = nullptr;
  if (connection_) connection_->close();
  connection_.reset();
}

void HttpCall::begin() {
  state_->calls_in_flight.emplace(id_, weak_from_this());
  add_default_headers(request_, origin_, state_->options.user_agent);
  if (auto valid = validate_request(origin_, request_); !valid) return finish(valid.error());
  if (origin_.tls) {
    auto context = state_->tls_context();
    if (!context) return finish(context.error());
    tls_context_ = *context;
  }
  use_pooled_or_open();
}

void HttpCall::use_pooled_or_open() {
  connection_ = state_->pool.take(origin_key_);
  if (!connection_) return open_fresh_connection();
  on_reused_connection_ = true;
  send_request();
}

void HttpCall::open_fresh_connection() {
  on_reused_connection_ = false;
  connection_.emplace(state_->io,
                      ConnectionSettings{origin_, tls_context_, state_->options.verify_peer,
                                         state_->options.max_response_bytes});
  connection_->expires_at(phase_deadline(state_->options.connect_timeout));
  connection_->async_open([self = shared_from_this()](core::Result<void> opened) {
    self->on_opened(std::move(opened));
  });
}

void HttpCall::on_opened(core::Result<void> opened) {
  if (state_->closed) return;
  if (!opened) return finish(opened.error());
  ++state_->stats.connections_opened;
  send_request();
}

void HttpCall::send_request() {
  connection_->expires_at(phase_deadline(state_->options.read_timeout));
  ++state_->stats.requests_sent;
  if (on_reused_connection_) ++state_->stats.requests_on_reused_connection;
  connection_->async_exchange(request_, [self = shared_from_this()](Connection::Exchange exchange) {
    self->on_exchanged(std::move(exchange));
  });
}

void HttpCall::on_exchanged(Connection::Exchange exchange) {
  if (state_->closed) return;
  if (!exchange.response) {
    // A pooled connection the server closed while it idled fails before any response byte:
    // the request was never processed, so it is resent, once, on a new connection.
    if (exchange.hung_up_before_response && on_reused_connection_ && !resent_) {
      resent_ = true;
      ++state_->stats.stale_retries;
      return open_fresh_connection();
    }
    return finish(exchange.response.error());
  }
  if (exchange.reusable) {
    state_->pool.put(origin_key_, std::move(*connection_),
                     Clock::now() + state_->options.idle_timeout);
  } else {
    connection_->close();
  }
  connection_.reset();
  finish(refuse_redirects(std::move(exchange.response).value(), origin_key_));
}

void HttpCall::finish(core::Result<HttpResponse> result) {
  state_->calls_in_flight.erase(id_);
  connection_.reset();
  if (state_->spare_requests.size() < ClientState::max_spare_requests) {
    state_->spare_requests.push_back(std::move(request_));
  }
  // Posted, never inline: async_send's caller may not expect re-entry, and the handler runs
  // after this call's bookkeeping is complete. Dropped when the client closed meanwhile.
  boost::asio::post(state_->io, [state = state_, handler = std::move(handler_),
                                 result = std::move(result)]() mutable {
    if (!state->closed && handler) handler(std::move(result));
  });
}

Clock::time_point HttpCall::phase_deadline(std::chrono::milliseconds phase_timeout) const {
  return std::min(Clock::now() + phase_timeout, call_deadline_);
}

}  // namespace tradelink::net::detail
