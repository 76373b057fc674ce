#include "net/http_client.hpp"

#include <boost/asio/io_context.hpp>

#include <optional>
#include <utility>
#include <vector>

#include "net/detail/client_state.hpp"
#include "net/detail/http_call.hpp"

namespace tradelink::net {

struct HttpClient::Impl {
  Impl(boost::asio::io_context& io, ClientOptions options)
      : state(std::make_shared<detail::ClientState>(io, std::move(options))) {}
  ~Impl() { state->shut_down(); }
  Impl(Impl const&) = delete;
  Impl& operator=(Impl const&) = delete;

  std::shared_ptr<detail::ClientState> state;
};

HttpClient::HttpClient(boost::asio::io_context& io, ClientOptions options)
    : impl_(std::make_unique<Impl>(io, std::move(options))) {}

HttpClient::~HttpClient() = default;

void HttpClient::async_send(Origin const& origin, HttpRequest request, Handler handler) {
  detail::HttpCall::start(impl_->state, origin, std::move(request), std::move(handler));
}

core::Result<HttpResponse> HttpClient::send(Origin const& origin, HttpRequest request) {
  // Shared with the handler: if the loop below ends early (someone stopped the io_context),
  // the handler may still run later and must not write into this stack frame.
  auto outcome = std::make_shared<std::optional<core::Result<HttpResponse>>>();
  async_send(origin, std::move(request),
             [outcome](core::Result<HttpResponse> result) { *outcome = std::move(result); });
  boost::asio::io_context& io = impl_->state->io;
  if (io.stopped()) io.restart();
  while (!outcome->has_value()) {
    if (io.run_one() == 0) break;
  }
  if (!outcome->has_value()) {
    return core::internal_error("net.interrupted",
                                "the io_context was stopped before the request completed");
  }
  return std::move(**outcome);
}

HttpRequest HttpClient::recycled_request() {
  std::vector<HttpRequest>& spare = impl_->state->spare_requests;
  if (spare.empty()) return {};
  HttpRequest request = std::move(spare.back());
  spare.pop_back();
  return request;
}

PoolStats HttpClient::stats() const noexcept {
  PoolStats stats = impl_->state->stats;
  stats.idle_connections = impl_->state->pool.idle_count();
  return stats;
}

ClientOptions const& HttpClient::options() const noexcept {
  return impl_->state->options;
}

}  // namespace tradelink::net
