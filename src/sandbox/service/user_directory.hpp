#pragma once
// Sandbox users: the accounts API keys belong to. Ids look like Gate's (8 digits).

#include <cstdint>
#include <string>
#include <vector>

namespace tradelink::sandbox {

struct User {
  std::int64_t id = 0;
  std::string name;
  std::int64_t created_at_ms = 0;
};

class UserDirectory {
 public:
  static constexpr std::int64_t first_id = 10'000'001;

  /// A new user with the next id.
  User const& create(std::string name, std::int64_t now_ms);
  /// Re-adds a user with its id (state file); later ids continue after the largest seen.
  void restore(User user);
  [[nodiscard]] User const* find(std::int64_t id) const noexcept;
  [[nodiscard]] std::vector<User> const& all() const noexcept { return users_; }

 private:
  std::vector<User> users_;
  std::int64_t next_id_ = first_id;
};

}  // namespace tradelink::sandbox
