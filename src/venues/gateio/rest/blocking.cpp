#include "venues/gateio/rest/blocking.hpp"

#include <boost/asio/io_context.hpp>

namespace tradelink::gateio {

void run_until(boost::asio::io_context& io, std::function<bool()> const& done) {
  if (io.stopped()) io.restart();
  while (!done()) {
    if (io.run_one() == 0) break;
  }
}

}  // namespace tradelink::gateio
