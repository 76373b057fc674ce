// Store contract: users, sessions and API tokens.
#include "store/store_error.hpp"
#include "unit/store/store_fixture.hpp"

namespace tradelink::store::test {
namespace {

TEST_P(StoreContract, CreateUserAssignsIdsAndIsFoundByEmailInAnyCase) {
  auto alice = store().create_user(UserRecord{0, "alice@example.com", "hash-a", 10});
  auto bob = store().create_user(UserRecord{0, "bob@example.com", "hash-b", 11});
  ASSERT_TRUE(alice.has_value() && bob.has_value());
  EXPECT_GT(alice->id, 0);
  EXPECT_NE(alice->id, bob->id);

  auto found = store().find_user_by_email("ALICE@Example.COM");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, alice->id);
  EXPECT_EQ(found->email, "alice@example.com");
  EXPECT_EQ(found->password_hash, "hash-a");
  EXPECT_EQ(found->created_at, 10);

  auto by_id = store().find_user(bob->id);
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->email, "bob@example.com");
}

TEST_P(StoreContract, EmailIsUniqueIgnoringCase) {
  make_user("carol@example.com");
  auto duplicate = store().create_user(UserRecord{0, "Carol@EXAMPLE.com", "h", 1});
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, error_code::conflict);
  EXPECT_EQ(duplicate.error().layer, core::ErrorLayer::store);
}

TEST_P(StoreContract, UnknownUsersAreNotFound) {
  EXPECT_EQ(store().find_user_by_email("nobody@example.com").error().code, error_code::not_found);
  EXPECT_EQ(store().find_user(12345).error().code, error_code::not_found);
  EXPECT_EQ(store().update_password_hash(12345, "h").error().code, error_code::not_found);
}

TEST_P(StoreContract, PasswordHashIsReplaced) {
  auto const id = make_user("dave@example.com");
  ASSERT_TRUE(store().update_password_hash(id, "$argon2id$new").has_value());
  EXPECT_EQ(store().find_user(id)->password_hash, "$argon2id$new");
}

TEST_P(StoreContract, SessionsAreInsertedFoundAndDeleted) {
  auto const user = make_user("erin@example.com");
  SessionRecord const session{"hash-1", user, "csrf-1", 100, 200};
  ASSERT_TRUE(store().insert_session(session).has_value());

  auto found = store().find_session("hash-1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, user);
  EXPECT_EQ(found->csrf_token, "csrf-1");
  EXPECT_EQ(found->created_at, 100);
  EXPECT_EQ(found->expires_at, 200);

  EXPECT_EQ(store().insert_session(session).error().code, error_code::conflict);
  ASSERT_TRUE(store().delete_session("hash-1").has_value());
  EXPECT_EQ(store().find_session("hash-1").error().code, error_code::not_found);
  EXPECT_TRUE(store().delete_session("hash-1").has_value());  // idempotent
}

TEST_P(StoreContract, SessionOfUnknownUserIsRefused) {
  auto inserted = store().insert_session(SessionRecord{"hash-x", 999, "csrf", 1, 2});
  ASSERT_FALSE(inserted.has_value());
  EXPECT_EQ(inserted.error().code, error_code::not_found);
}

TEST_P(StoreContract, ExpiredSessionsAreDeletedUpToNow) {
  auto const user = make_user("frank@example.com");
  ASSERT_TRUE(store().insert_session(SessionRecord{"old", user, "c", 0, 100}).has_value());
  ASSERT_TRUE(store().insert_session(SessionRecord{"edge", user, "c", 0, 200}).has_value());
  ASSERT_TRUE(store().insert_session(SessionRecord{"new", user, "c", 0, 300}).has_value());

  auto deleted = store().delete_expired_sessions(200);
  ASSERT_TRUE(deleted.has_value());
  EXPECT_EQ(*deleted, 2U);
  EXPECT_FALSE(store().find_session("old").has_value());
  EXPECT_FALSE(store().find_session("edge").has_value());
  EXPECT_TRUE(store().find_session("new").has_value());
}

TEST_P(StoreContract, ApiTokensAreInsertedListedTouchedAndRevoked) {
  auto const user = make_user("grace@example.com");
  auto first = store().insert_api_token(ApiTokenRecord{0, user, "ci", "th-1", 10, {}, false});
  auto second = store().insert_api_token(ApiTokenRecord{0, user, "backup", "th-2", 20, {}, false});
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_NE(first->id, second->id);

  auto found = store().find_api_token("th-2");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, second->id);
  EXPECT_EQ(found->name, "backup");
  EXPECT_FALSE(found->last_used_at.has_value());
  EXPECT_FALSE(found->revoked);

  ASSERT_TRUE(store().touch_api_token(first->id, 55).has_value());
  ASSERT_TRUE(store().revoke_api_token(user, second->id).has_value());
  ASSERT_TRUE(store().revoke_api_token(user, second->id).has_value());  // idempotent

  auto listed = store().list_api_tokens(user);
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].name, "ci");
  EXPECT_EQ((*listed)[0].last_used_at, 55);
  EXPECT_FALSE((*listed)[0].revoked);
  EXPECT_TRUE((*listed)[1].revoked);
  EXPECT_TRUE(store().find_api_token("th-2")->revoked);
}

TEST_P(StoreContract, ApiTokensAreScopedToTheirOwner) {
  auto const owner = make_user("heidi@example.com");
  auto const other = make_user("ivan@example.com");
  auto token = store().insert_api_token(ApiTokenRecord{0, owner, "t", "th-o", 1, {}, false});
  ASSERT_TRUE(token.has_value());

  EXPECT_EQ(store().revoke_api_token(other, token->id).error().code, error_code::not_found);
  EXPECT_FALSE(store().find_api_token("th-o")->revoked);
  EXPECT_TRUE(store().list_api_tokens(other)->empty());
  EXPECT_EQ(store().touch_api_token(987654, 1).error().code, error_code::not_found);
  EXPECT_EQ(
      store().insert_api_token(ApiTokenRecord{0, other, "dup", "th-o", 1, {}, false}).error().code,
      error_code::conflict);
}

}  // namespace
}  // namespace tradelink::store::test
