#include "sandbox/service/admin/admin_access.hpp"

#include <array>

namespace tradelink::sandbox::admin {
namespace {

constexpr std::string_view bearer_prefix = "Bearer ";

bool same_secret(std::string_view given, std::string_view expected) noexcept {
  if (given.size() != expected.size()) return false;
  unsigned char difference = 0;
  for (std::size_t index = 0; index < given.size(); ++index) {
    difference |= static_cast<unsigned char>(given[index] ^ expected[index]);
  }
  return difference == 0;
}

}  // namespace

bool is_loopback_peer(std::string_view peer_address) noexcept {
  static constexpr std::array<std::string_view, 3> loopback{"127.0.0.1", "::1", "::ffff:127.0.0.1"};
  for (std::string_view const address : loopback) {
    if (peer_address == address) return true;
  }
  return false;
}

bool admin_allowed(net::ServerRequest const& request, std::string_view admin_token) noexcept {
  if (is_loopback_peer(request.peer_address)) return true;
  if (admin_token.empty()) return false;
  std::string_view const authorization = request.header("Authorization");
  if (!authorization.starts_with(bearer_prefix)) return false;
  return same_secret(authorization.substr(bearer_prefix.size()), admin_token);
}

}  // namespace tradelink::sandbox::admin
