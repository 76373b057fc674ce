// Store contract: the audit log.
#include "store/store_error.hpp"
#include "unit/store/store_fixture.hpp"

namespace tradelink::store::test {
namespace {

TEST_P(StoreContract, AuditIsListedNewestFirstPerUserAndBinding) {
  auto const user = make_user("alice@example.com");
  auto const other = make_user("bob@example.com");
  auto append = [&](std::int64_t owner, std::optional<std::string> binding_id, std::string event,
                    std::int64_t at) {
    auto id = store().append_audit(AuditRecord{0, owner, std::move(binding_id), std::move(event),
                                               R"({"ip":"127.0.0.1"})", at});
    EXPECT_TRUE(id.has_value());
    return id ? *id : 0;
  };
  append(user, std::nullopt, "user.logged_in", 100);
  append(user, "kb_1", "binding.created", 200);
  append(user, "kb_2", "binding.created", 300);
  auto const same_time = append(user, "kb_1", "binding.verified", 300);
  append(other, "kb_9", "binding.created", 400);

  auto all = store().list_audit(user, std::nullopt, 10);
  ASSERT_TRUE(all.has_value());
  std::vector<std::string> events;
  for (auto const& record : *all) events.push_back(record.event);
  EXPECT_EQ(events, (std::vector<std::string>{"binding.verified", "binding.created",
                                              "binding.created", "user.logged_in"}));
  EXPECT_EQ((*all)[0].id, same_time);  // equal times: the later append first
  EXPECT_EQ((*all)[0].binding_id, "kb_1");
  EXPECT_EQ((*all)[0].detail_json, R"({"ip":"127.0.0.1"})");
  EXPECT_EQ((*all)[0].at, 300);
  EXPECT_FALSE((*all)[3].binding_id.has_value());

  auto limited = store().list_audit(user, std::nullopt, 2);
  ASSERT_TRUE(limited.has_value());
  EXPECT_EQ(limited->size(), 2U);

  auto of_binding = store().list_audit(user, std::string_view{"kb_1"}, 10);
  ASSERT_TRUE(of_binding.has_value());
  ASSERT_EQ(of_binding->size(), 2U);
  EXPECT_EQ((*of_binding)[0].event, "binding.verified");
  EXPECT_EQ((*of_binding)[1].event, "binding.created");

  EXPECT_TRUE(store().list_audit(user, std::string_view{"kb_9"}, 10)->empty());
  EXPECT_EQ(store().list_audit(other, std::nullopt, 10)->size(), 1U);
}

TEST_P(StoreContract, AuditForUnknownUserIsRefused) {
  auto appended = store().append_audit(AuditRecord{0, 4242, std::nullopt, "x", "{}", 1});
  ASSERT_FALSE(appended.has_value());
  EXPECT_EQ(appended.error().code, error_code::not_found);
}

}  // namespace
}  // namespace tradelink::store::test
