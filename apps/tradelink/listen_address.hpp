#pragma once
// "HOST:PORT" command-line values (an IPv4 literal, or "[v6]:PORT").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tradelink::cli {

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

/// nullopt when `text` is not HOST:PORT with a port from 0 to 65535.
[[nodiscard]] std::optional<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace tradelink::cli
