#include "support/run_until.hpp"

#include <boost/asio/io_context.hpp>

namespace tradelink::test {

bool run_until(boost::asio::io_context& io, std::function<bool()> const& done,
               std::chrono::milliseconds limit) {
  auto const deadline = std::chrono::steady_clock::now() + limit;
  if (io.stopped()) io.restart();
  while (!done()) {
    auto const now = std::chrono::steady_clock::now();
    if (now >= deadline) return done();
    if (io.run_one_until(deadline) == 0 && io.stopped()) {
      // Out of work: nothing can change `done()` any more.
      return done();
    }
  }
  return true;
}

void run_for(boost::asio::io_context& io, std::chrono::milliseconds duration) {
  if (io.stopped()) io.restart();
  io.run_for(duration);
}

}  // namespace tradelink::test
