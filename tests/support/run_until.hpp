#pragma once
// Driving an io_context from a test until something happened, without hanging forever.

#include <chrono>
#include <functional>

namespace boost::asio {
class io_context;
}

namespace tradelink::test {

/// Runs handlers of `io` on the calling thread until `done()` returns true or `limit` passed
/// (restarting `io` if it had stopped); returns `done()`. Never blocks longer than `limit`.
bool run_until(boost::asio::io_context& io, std::function<bool()> const& done,
               std::chrono::milliseconds limit = std::chrono::seconds(10));

/// Runs handlers of `io` for `duration`, e.g. to let cancelled operations drain.
void run_for(boost::asio::io_context& io, std::chrono::milliseconds duration);

}  // namespace tradelink::test
