// The state file: JSON round trip, atomic 0600 writes, and clear errors for damaged files.
#include "sandbox/service/state/state_file.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/decimal.hpp"

namespace tradelink::sandbox::state {
namespace {

using core::operator""_dec;

StateSnapshot sample() {
  StateSnapshot snapshot;
  snapshot.saved_at_ms = 1'700'000'000'123;
  snapshot.clock_offset_ms = 86'400'000;
  snapshot.users = {User{10'000'001, "alice", 1'700'000'000'000}, User{10'000'002, "bob", 5}};
  ApiKey key;
  key.key = std::string(32, 'a');
  key.secret = std::string(64, 'f');
  key.user_id = 10'000'001;
  key.name = "bot";
  key.perms = {{"spot", false}, {"wallet", true}};
  key.withdraw_enabled = true;
  key.ip_whitelist = {"127.0.0.2", "::1"};
  key.currency_pairs = {"BTC_USDT"};
  key.state = KeyState::frozen;
  key.mode = 2;
  key.created_at_ms = 1;
  key.updated_at_ms = 2;
  key.last_access_ms = 3;
  snapshot.keys = {key};
  snapshot.accounts = {
      SavedAccount{10'000'001, {{"BTC", "0.00012345"_dec}, {"USDT", "1000.5"_dec}}, "250.25"_dec},
      SavedAccount{10'000'002, {{"ETH", "3"_dec}}, std::nullopt}};
  return snapshot;
}

void expect_same(StateSnapshot const& a, StateSnapshot const& b) {
  EXPECT_EQ(a.saved_at_ms, b.saved_at_ms);
  EXPECT_EQ(a.clock_offset_ms, b.clock_offset_ms);
  ASSERT_EQ(a.users.size(), b.users.size());
  for (std::size_t i = 0; i < a.users.size(); ++i) {
    EXPECT_EQ(a.users[i].id, b.users[i].id);
    EXPECT_EQ(a.users[i].name, b.users[i].name);
    EXPECT_EQ(a.users[i].created_at_ms, b.users[i].created_at_ms);
  }
  ASSERT_EQ(a.keys.size(), b.keys.size());
  for (std::size_t i = 0; i < a.keys.size(); ++i) {
    ApiKey const& x = a.keys[i];
    ApiKey const& y = b.keys[i];
    EXPECT_EQ(x.key, y.key);
    EXPECT_EQ(x.secret, y.secret);
    EXPECT_EQ(x.user_id, y.user_id);
    EXPECT_EQ(x.name, y.name);
    ASSERT_EQ(x.perms.size(), y.perms.size());
    for (std::size_t p = 0; p < x.perms.size(); ++p) {
      EXPECT_EQ(x.perms[p].name, y.perms[p].name);
      EXPECT_EQ(x.perms[p].read_only, y.perms[p].read_only);
    }
    EXPECT_EQ(x.withdraw_enabled, y.withdraw_enabled);
    EXPECT_EQ(x.ip_whitelist, y.ip_whitelist);
    EXPECT_EQ(x.currency_pairs, y.currency_pairs);
    EXPECT_EQ(x.state, y.state);
    EXPECT_EQ(x.mode, y.mode);
    EXPECT_EQ(x.created_at_ms, y.created_at_ms);
    EXPECT_EQ(x.updated_at_ms, y.updated_at_ms);
    EXPECT_EQ(x.last_access_ms, y.last_access_ms);
  }
  EXPECT_EQ(a.accounts, b.accounts);
}

class StateFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("tradelink-state-" + std::to_string(::getpid()) + "-" + info->name() + ".json");
    std::filesystem::remove(path_);
  }
  void TearDown() override {
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + ".tmp");
  }

  void write_text(std::string const& text) { std::ofstream(path_) << text; }

  std::filesystem::path path_;
};

TEST_F(StateFileTest, JsonRoundTripsEveryField) {
  auto parsed = state_from_json(state_to_json(sample()));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  expect_same(*parsed, sample());
}

TEST_F(StateFileTest, MissingFileIsNoState) {
  auto read = read_state_file(path_);
  ASSERT_TRUE(read.has_value()) << read.error().message;
  EXPECT_FALSE(read->has_value());
}

TEST_F(StateFileTest, WritesAtomicallyWithOwnerOnlyMode) {
  write_text("old contents");
  ::chmod(path_.c_str(), 0644);
  ASSERT_TRUE(write_state_file(path_, sample()).has_value());
  struct stat info {};
  ASSERT_EQ(::stat(path_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
  EXPECT_FALSE(std::filesystem::exists(path_.string() + ".tmp"));
  auto read = read_state_file(path_);
  ASSERT_TRUE(read.has_value()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  expect_same(**read, sample());
}

TEST_F(StateFileTest, UnwritableFolderIsAnError) {
  auto written = write_state_file("/nonexistent-folder/state.json", sample());
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().code, "sandbox.state");
  EXPECT_NE(written.error().message.find("/nonexistent-folder"), std::string::npos);
}

TEST_F(StateFileTest, DamagedFilesAreClearErrors) {
  std::string const valid = state_to_json(sample());
  struct Case {
    std::string text;
    std::string mentions;
  };
  std::vector<Case> const cases{
      {"", "not valid JSON"},
      {valid.substr(0, valid.size() / 2), "not valid JSON"},
      {"[1,2,3]", "JSON object"},
      {R"({"format":"something else","version":1})", "not a sandbox state file"},
      {R"({"format":"tradelink-sandbox-state","version":99})", "unsupported version"},
      {R"({"format":"tradelink-sandbox-state","version":1,"saved_at_ms":1,"clock_offset_ms":0,)"
       R"("users":[{"id":"x","name":"a","created_at_ms":1}],"keys":[],"balances":[]})",
       "state.users[0].id"},
      {R"({"format":"tradelink-sandbox-state","version":1,"saved_at_ms":1,"clock_offset_ms":0,)"
       R"("users":[],"keys":[{"key":"k"}],"balances":[]})",
       "state.keys[0].secret"},
      {R"({"format":"tradelink-sandbox-state","version":1,"saved_at_ms":1,"clock_offset_ms":0,)"
       R"("users":[],"keys":[],"balances":[{"user_id":1,"spot":{"BTC":"abc"}}]})",
       "state.balances[0].spot.BTC"},
      {R"({"format":"tradelink-sandbox-state","version":1,"saved_at_ms":1,"clock_offset_ms":0,)"
       R"("users":[],"keys":[]})",
       "state.balances is missing"},
  };
  for (Case const& c : cases) {
    write_text(c.text);
    auto read = read_state_file(path_);
    ASSERT_FALSE(read.has_value()) << c.text;
    EXPECT_EQ(read.error().code, "sandbox.state");
    EXPECT_NE(read.error().message.find(path_.string()), std::string::npos) << read.error().message;
    EXPECT_NE(read.error().message.find(c.mentions), std::string::npos)
        << read.error().message << " should mention " << c.mentions;
  }
}

}  // namespace
}  // namespace tradelink::sandbox::state
