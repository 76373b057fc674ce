// Store contract: use from several threads at once.
#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/store_error.hpp"
#include "unit/store/store_fixture.hpp"

namespace tradelink::store::test {
namespace {

TEST_P(StoreContract, TwoThreadsWriteAndReadTheirOwnData) {
  constexpr int per_thread = 100;
  std::atomic<int> failures{0};
  auto work = [&](int thread) {
    for (int i = 0; i < per_thread; ++i) {
      std::string const tag = std::to_string(thread) + "-" + std::to_string(i);
      auto user = store().create_user(UserRecord{0, "u" + tag + "@example.com", "h", i});
      if (!user) {
        ++failures;
        continue;
      }
      bool ok = store().insert_session(SessionRecord{"s" + tag, user->id, "c", 0, 10}).has_value();
      ok = ok && store().insert_binding(binding("kb_" + tag, user->id, "k" + tag)).has_value();
      auto found = store().find_binding(user->id, "kb_" + tag);
      ok = ok && found && found->api_key == "k" + tag;
      auto session = store().find_session("s" + tag);
      ok = ok && session && session->user_id == user->id;
      if (!ok) ++failures;
    }
  };
  std::thread first(work, 1);
  std::thread second(work, 2);
  first.join();
  second.join();
  EXPECT_EQ(failures.load(), 0);
  auto active = store().list_active_bindings();
  ASSERT_TRUE(active.has_value());
  EXPECT_EQ(active->size(), 2U * per_thread);
}

TEST_P(StoreContract, ConcurrentUpdatesOfOneBindingLoseNothing) {
  auto const user = make_user("shared@example.com");
  ASSERT_TRUE(store().insert_binding(binding("kb_s", user, "ks")).has_value());
  constexpr int increments_per_thread = 50;
  std::atomic<int> failures{0};
  // Each thread appends a mark to the label with read–modify–write, retrying on conflict.
  auto work = [&](char mark) {
    for (int i = 0; i < increments_per_thread; ++i) {
      for (;;) {
        auto current = store().find_binding(user, "kb_s");
        if (!current) {
          ++failures;
          return;
        }
        current->label.push_back(mark);
        auto updated = store().update_binding(*current);
        if (updated) break;
        if (updated.error().code != error_code::version_conflict) {
          ++failures;
          return;
        }
      }
    }
  };
  std::thread first(work, 'x');
  std::thread second(work, 'y');
  first.join();
  second.join();
  EXPECT_EQ(failures.load(), 0);
  auto final_state = store().find_binding(user, "kb_s");
  ASSERT_TRUE(final_state.has_value());
  EXPECT_EQ(final_state->version, 1 + 2 * increments_per_thread);
  auto const marks = final_state->label.substr(std::string{"main account"}.size());
  EXPECT_EQ(std::count(marks.begin(), marks.end(), 'x'), increments_per_thread);
  EXPECT_EQ(std::count(marks.begin(), marks.end(), 'y'), increments_per_thread);
}

}  // namespace
}  // namespace tradelink::store::test
