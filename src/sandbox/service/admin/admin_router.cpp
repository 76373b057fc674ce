#include "sandbox/service/admin/admin_route.hpp"

namespace tradelink::sandbox::admin {

void AdminRouter::add(std::string method, std::string pattern, AdminHandler handler) {
  router_.add(
      rest::Route{std::move(method), std::move(pattern), {}, rest::RateGroup::public_endpoint, {}});
  handlers_.push_back(std::move(handler));
}

AdminRouter::Match AdminRouter::match(std::string_view method, std::string_view path) const {
  auto found = router_.match(method, path);
  Match result;
  result.path = std::move(found.path);
  result.path_known = found.path_known;
  if (found.route != nullptr) {
    auto const index = static_cast<std::size_t>(found.route - router_.routes().data());
    result.handler = &handlers_[index];
  }
  return result;
}

}  // namespace tradelink::sandbox::admin
