#include "sandbox/service/user_directory.hpp"

#include <algorithm>

namespace tradelink::sandbox {

User const& UserDirectory::create(std::string name, std::int64_t now_ms) {
  users_.push_back(User{next_id_++, std::move(name), now_ms});
  return users_.back();
}

void UserDirectory::restore(User user) {
  next_id_ = std::max(next_id_, user.id + 1);
  users_.push_back(std::move(user));
}

User const* UserDirectory::find(std::int64_t id) const noexcept {
  auto const it = std::find_if(users_.begin(), users_.end(), [id](User const& u) { return u.id == id; });
  return it == users_.end() ? nullptr : &*it;
}

}  // namespace tradelink::sandbox
