#include "listen_address.hpp"

#include <charconv>

namespace tradelink::cli {

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
  auto const colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::string_view const port_text = text.substr(colon + 1);
  unsigned port = 0;
  auto const [end, error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || error != std::errc{} || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return std::nullopt;
  }
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

}  // namespace tradelink::cli
