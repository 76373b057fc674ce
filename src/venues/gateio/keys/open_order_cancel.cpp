#include "venues/gateio/keys/open_order_cancel.hpp"

#include <boost/asio/io_context.hpp>

#include <string>
#include <vector>

#include "venues/gateio/rest/blocking.hpp"
#include "venues/gateio/rest/rest_client.hpp"

namespace tradelink::gateio {
namespace {

/// Gate lists at most this many orders per page.
constexpr std::uint32_t page_size = 100;
/// Pages read per market before giving up (a runaway strategy, not a normal account).
constexpr std::uint32_t max_pages = 50;

core::Error cancel_error(std::string_view what, GateError const& error) {
  core::Error core_error = error.to_core();
  core_error.message = std::string(what) + ": " + core_error.message;
  return core_error;
}

class Canceller {
 public:
  Canceller(boost::asio::io_context& io, RestClient& client) : io_(io), client_(client) {}

  core::Result<std::size_t> spot() {
    std::size_t cancelled = 0;
    // Each round lists what is still open; cancelled orders leave the list, so page 1 again.
    for (std::uint32_t round = 0; round < max_pages; ++round) {
      auto const open = wait_for<std::vector<OpenOrders>>(io_, [&](auto done) {
        client_.spot_open_orders(Page{1, page_size}, done);
      });
      if (!open) return cancel_error("listing open spot orders failed", open.error());
      std::size_t listed = 0;
      for (OpenOrders const& pair : *open) {
        for (SpotOrder const& order : pair.orders) {
          ++listed;
          auto const done = wait_for<SpotOrder>(io_, [&](auto handler) {
            client_.cancel_spot_order(order.id, pair.currency_pair, handler);
          });
          if (!done && done.error().category != ErrorCategory::not_found &&
              done.error().category != ErrorCategory::order_finished) {
            return cancel_error("cancelling spot order " + order.id + " failed", done.error());
          }
          if (done) ++cancelled;
        }
      }
      if (listed == 0) return cancelled;
    }
    return cancelled;
  }

  core::Result<std::size_t> futures() {
    std::size_t cancelled = 0;
    for (std::uint32_t round = 0; round < max_pages; ++round) {
      auto const open = wait_for<std::vector<FuturesOrder>>(io_, [&](auto done) {
        client_.futures_orders(OrderStatus::open, std::nullopt, Page{1, page_size}, done);
      });
      if (!open) {
        // An account that never opened futures has no futures orders.
        if (open.error().category == ErrorCategory::account_not_opened) return cancelled;
        return cancel_error("listing open futures orders failed", open.error());
      }
      if (open->empty()) return cancelled;
      for (FuturesOrder const& order : *open) {
        std::string const id = std::to_string(order.id);
        auto const done = wait_for<FuturesOrder>(
            io_, [&](auto handler) { client_.cancel_futures_order(id, handler); });
        if (!done && done.error().category != ErrorCategory::not_found &&
            done.error().category != ErrorCategory::order_finished) {
          return cancel_error("cancelling futures order " + id + " failed", done.error());
        }
        if (done) ++cancelled;
      }
    }
    return cancelled;
  }

 private:
  boost::asio::io_context& io_;
  RestClient& client_;
};

}  // namespace

core::Result<std::size_t> cancel_all_open_orders(TransportOptions options,
                                                 venues::KeyMaterial const& key,
                                                 core::Scope scope) {
  boost::asio::io_context io;
  auto client = RestClient::create(io, std::move(options), Credential(key.api_key, key.secret));
  if (!client) return client.error();
  Canceller canceller(io, **client);
  std::size_t total = 0;
  if (core::includes_spot(scope)) {
    auto const spot = canceller.spot();
    if (!spot) return spot.error();
    total += *spot;
  }
  if (core::includes_futures(scope)) {
    auto const futures = canceller.futures();
    if (!futures) return futures.error();
    total += *futures;
  }
  return total;
}

}  // namespace tradelink::gateio
