#pragma once
// The store contract suite runs against every Store implementation: each registers a factory
// with INSTANTIATE_TEST_SUITE_P(<Name>, StoreContract, ...). Records are built by the helpers
// below so that tests state only what they vary.

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace tradelink::store::test {

struct StoreFactory {
  std::string name;
  /// Makes an empty store; `directory` is a fresh temporary directory for file-based stores.
  std::function<std::unique_ptr<Store>(std::filesystem::path const& directory)> make;
};

inline std::string factory_name(testing::TestParamInfo<StoreFactory> const& info) {
  return info.param.name;
}

class StoreContract : public testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store_ = GetParam().make(directory_.path());
    ASSERT_NE(store_, nullptr);
  }

  Store& store() { return *store_; }

  /// Creates a user with a unique email and returns its id.
  std::int64_t make_user(std::string const& email) {
    auto user = store_->create_user(UserRecord{0, email, "$argon2id$test", 1'000});
    EXPECT_TRUE(user.has_value()) << (user ? "" : user.error().message);
    return user ? user->id : 0;
  }

  tradelink::test::TempDir directory_;
  std::unique_ptr<Store> store_;
};

inline std::vector<std::uint8_t> bytes(std::string const& text) {
  return {text.begin(), text.end()};
}

inline KeyBindingRecord binding(std::string id, std::int64_t user_id, std::string api_key) {
  KeyBindingRecord record;
  record.id = std::move(id);
  record.user_id = user_id;
  record.venue = "gateio";
  record.label = "main account";
  record.api_key = std::move(api_key);
  record.secret_ct = bytes("sealed-secret-of-" + record.id);
  record.scope = "both";
  record.status = "connected";
  record.report_json = R"({"checks":[]})";
  record.account_mode = "classic";
  record.created_at = 2'000;
  record.updated_at = 2'000;
  return record;
}

}  // namespace tradelink::store::test
