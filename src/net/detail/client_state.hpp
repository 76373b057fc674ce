#pragma once
// State an HttpClient shares with its calls in flight. Calls hold it by shared_ptr so it
// outlives the client while their cancelled operations drain; `closed` tells them the client
// is gone and their handlers must be dropped.

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "net/detail/connection_pool.hpp"
#include "net/http_types.hpp"

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}
}  // namespace boost::asio

namespace tradelink::net::detail {

class HttpCall;

struct ClientState {
  ClientState(boost::asio::io_context& io_context, ClientOptions client_options);

  /// The shared TLS client context, built on first use (plain-HTTP clients never load the
  /// trust store). Errors: `net.tls` (see make_tls_client_context), remembered.
  core::Result<std::shared_ptr<boost::asio::ssl::context>> tls_context();

  /// Marks the client closed, abandons every call in flight (their handlers are destroyed
  /// without being invoked) and closes every idle connection.
  void shut_down() noexcept;

  boost::asio::io_context& io;
  ClientOptions const options;
  ConnectionPool pool;
  PoolStats stats;
  bool closed = false;
  /// Calls between start and completion, by id; weak so that finished calls are not kept.
  std::unordered_map<std::uint64_t, std::weak_ptr<HttpCall>> calls_in_flight;
  std::uint64_t next_call_id = 0;
  /// Requests of finished calls, kept for HttpClient::recycled_request; beyond
  /// max_spare_requests a finished call's request is simply freed.
  std::vector<HttpRequest> spare_requests;
  static constexpr std::size_t max_spare_requests = 16;

 private:
  std::optional<core::Result<std::shared_ptr<boost::asio::ssl::context>>> tls_context_;
};

}  // namespace tradelink::net::detail
