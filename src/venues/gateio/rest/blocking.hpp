#pragma once
// Blocking use of the asynchronous REST API, for the CLI and tests: start a call, run the
// io_context until its handler has run, return the result.

#include <functional>
#include <optional>
#include <utility>

#include "venues/gateio/rest/errors.hpp"

namespace boost::asio {
class io_context;
}

namespace tradelink::gateio {

/// Runs handlers of `io` one at a time until `done()` is true (or `io` runs out of work).
/// Must not be called from a thread already running `io`.
void run_until(boost::asio::io_context& io, std::function<bool()> const& done);

/// `start` receives the completion handler to pass to an asynchronous call:
///   auto time = wait_for<std::int64_t>(io, [&](auto done) { transport.sync_clock(done); });
template <class T, class Start>
GateResult<T> wait_for(boost::asio::io_context& io, Start&& start) {
  std::optional<GateResult<T>> result;
  std::forward<Start>(start)([&result](GateResult<T> value) { result.emplace(std::move(value)); });
  run_until(io, [&result] { return result.has_value(); });
  if (!result) {
    GateError error;
    error.category = ErrorCategory::transport;
    error.label = "NO_COMPLETION";
    error.message = "the call ended without a result";
    return error;
  }
  return std::move(*result);
}

}  // namespace tradelink::gateio
