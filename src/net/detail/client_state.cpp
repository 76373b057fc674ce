#include "net/detail/client_state.hpp"

#include <boost/asio/ssl/context.hpp>

#include <utility>

#include "net/detail/http_call.hpp"
#include "net/detail/tls_context.hpp"

namespace tradelink::net::detail {

ClientState::ClientState(boost::asio::io_context& io_context, ClientOptions client_options)
    : io(io_context), options(std::move(client_options)), pool(options.max_idle_per_origin) {}

core::Result<std::shared_ptr<boost::asio::ssl::context>> ClientState::tls_context() {
  if (!tls_context_) tls_context_ = make_tls_client_context(options);
  return *tls_context_;
}

void ClientState::shut_down() noexcept {
  closed = true;
  // Abandoning may release the last reference to a call; move the map out first.
  auto calls = std::move(calls_in_flight);
  calls_in_flight.clear();
  for (auto& [id, weak_call] : calls) {
    if (auto const call = weak_call.lock()) call->abandon();
  }
  pool.close_all();
}

}  // namespace tradelink::net::detail
