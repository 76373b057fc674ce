#include "platform/users/user_service.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "crypto/password.hpp"
#include "crypto/random_token.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace tradelink::platform::users {
namespace {

constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;
constexpr std::int64_t t0 = 1'700'000'000'000;
constexpr char password[] = "correct horse battery";

UserServiceOptions fast_options() {
  UserServiceOptions options;
  options.password_hashing = crypto::PasswordHashOptions::minimum();
  return options;
}

class UserServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::open(directory_ / "users.db");
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    store_ = std::move(*opened);
    service_ = std::make_unique<UserService>(*store_, fast_options());
  }

  std::int64_t sign_up(std::string const& email) {
    auto user = service_->sign_up(email, password, t0);
    EXPECT_TRUE(user.has_value()) << (user ? "" : user.error().message);
    return user ? user->id : 0;
  }

  tradelink::test::TempDir directory_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<UserService> service_;
};

TEST_F(UserServiceTest, SignUpNormalisesTheEmailAndStoresOnlyAHash) {
  auto user = service_->sign_up("  Alice.Smith@Example.COM ", password, t0);
  ASSERT_TRUE(user.has_value()) << user.error().message;
  EXPECT_EQ(user->email, "alice.smith@example.com");
  EXPECT_EQ(user->created_at, t0);
  auto stored = store_->find_user(user->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->password_hash.starts_with("$argon2id$"));
  EXPECT_EQ(stored->password_hash.find(password), std::string::npos);
  EXPECT_TRUE(crypto::verify_password(stored->password_hash, password));
}

TEST_F(UserServiceTest, ImplausibleEmailsAreRefused) {
  std::vector<std::string> const implausible = {
      "",
      "   ",
      "plain",
      "@example.com",
      "alice@",
      "alice@example",
      "a@b@example.com",
      "alice smith@example.com",
      "alice@exa mple.com",
      ".alice@example.com",
      "alice.@example.com",
      "al..ice@example.com",
      "alice@.example.com",
      "alice@example..com",
      "alice@example.com.",
      "alice@-example.com",
      "<alice@example.com>",
      "alice\n@example.com",
      std::string(65, 'a') + "@example.com",  // local part over 64
      "a@" + std::string(250, 'b') + ".com",  // over 254 in all
  };
  for (std::string const& email : implausible) {
    auto user = service_->sign_up(email, password, t0);
    ASSERT_FALSE(user.has_value()) << email;
    EXPECT_EQ(user.error().code, error_code::email_invalid) << email;
    EXPECT_EQ(user.error().layer, core::ErrorLayer::validation);
  }
}

TEST_F(UserServiceTest, PlausibleEmailsAreAccepted) {
  for (std::string const email : {"a@b.co", "first.last+tag@mail.example.org",
                                  "user_name-1@sub-domain.example.io", "jos\xC3\xA9@example.fr"}) {
    EXPECT_TRUE(service_->sign_up(email, password, t0).has_value()) << email;
  }
}

TEST_F(UserServiceTest, PasswordLengthIsCountedInCharacters) {
  auto short_one = service_->sign_up("p1@example.com", "123456789", t0);
  ASSERT_FALSE(short_one.has_value());
  EXPECT_EQ(short_one.error().code, error_code::password_too_short);
  EXPECT_NE(short_one.error().message.find("10"), std::string::npos);

  EXPECT_TRUE(service_->sign_up("p2@example.com", "1234567890", t0).has_value());
  EXPECT_TRUE(service_->sign_up("p3@example.com", std::string(256, 'x'), t0).has_value());

  auto long_one = service_->sign_up("p4@example.com", std::string(257, 'x'), t0);
  ASSERT_FALSE(long_one.has_value());
  EXPECT_EQ(long_one.error().code, error_code::password_too_long);

  std::string nine_accented;
  for (int i = 0; i < 9; ++i) nine_accented += "\xC3\xA9";  // 18 bytes, 9 characters
  EXPECT_EQ(service_->sign_up("p5@example.com", nine_accented, t0).error().code,
            error_code::password_too_short);
  EXPECT_TRUE(service_->sign_up("p6@example.com", nine_accented + "\xC3\xA9", t0).has_value());
}

TEST_F(UserServiceTest, AnEmailCanSignUpOnceWhateverItsCase) {
  sign_up("bob@example.com");
  auto again = service_->sign_up("BOB@example.com", "another password", t0);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, error_code::email_taken);
}

TEST_F(UserServiceTest, LogInOpensASessionStoredOnlyByItsHash) {
  auto const user = sign_up("carol@example.com");
  auto session = service_->log_in("Carol@Example.com", password, t0 + 5);
  ASSERT_TRUE(session.has_value()) << session.error().message;
  EXPECT_EQ(session->user_id, user);
  EXPECT_EQ(session->expires_at, t0 + 5 + 7 * day_ms);
  EXPECT_GE(session->token.size(), 43U);
  EXPECT_GE(session->csrf_token.size(), 43U);
  EXPECT_NE(session->token.reveal(), session->csrf_token);

  EXPECT_FALSE(store_->find_session(session->token.reveal()).has_value());
  auto stored = store_->find_session(crypto::token_hash_hex(session->token.reveal()));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->csrf_token, session->csrf_token);

  auto identity = service_->authenticate_session(session->token.reveal(), t0 + day_ms);
  ASSERT_TRUE(identity.has_value()) << identity.error().message;
  EXPECT_EQ(identity->user_id, user);
  EXPECT_EQ(identity->csrf_token, session->csrf_token);
  EXPECT_EQ(identity->expires_at, session->expires_at);
}

TEST_F(UserServiceTest, EachLogInIsANewSession) {
  sign_up("dan@example.com");
  auto first = service_->log_in("dan@example.com", password, t0);
  auto second = service_->log_in("dan@example.com", password, t0);
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_NE(first->token.reveal(), second->token.reveal());
  EXPECT_NE(first->csrf_token, second->csrf_token);
}

TEST_F(UserServiceTest, UnknownEmailAndWrongPasswordLookTheSame) {
  sign_up("dave@example.com");
  auto wrong_password = service_->log_in("dave@example.com", "not the password", t0);
  auto unknown_email = service_->log_in("nobody@example.com", password, t0);
  auto malformed_email = service_->log_in("not an email", password, t0);
  ASSERT_FALSE(wrong_password.has_value());
  ASSERT_FALSE(unknown_email.has_value());
  ASSERT_FALSE(malformed_email.has_value());
  EXPECT_EQ(wrong_password.error().code, error_code::bad_credentials);
  EXPECT_EQ(unknown_email.error().code, error_code::bad_credentials);
  EXPECT_EQ(malformed_email.error().code, error_code::bad_credentials);
  EXPECT_EQ(wrong_password.error().message, unknown_email.error().message);
  EXPECT_EQ(wrong_password.error().message, malformed_email.error().message);
}

TEST_F(UserServiceTest, SessionsExpireAtTheirDeadline) {
  sign_up("erin@example.com");
  auto session = service_->log_in("erin@example.com", password, t0);
  ASSERT_TRUE(session.has_value());
  EXPECT_TRUE(
      service_->authenticate_session(session->token.reveal(), session->expires_at - 1).has_value());

  auto expired = service_->authenticate_session(session->token.reveal(), session->expires_at);
  ASSERT_FALSE(expired.has_value());
  EXPECT_EQ(expired.error().code, error_code::session_expired);
  // An expired session is gone, not merely refused.
  auto again = service_->authenticate_session(session->token.reveal(), t0);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, error_code::unauthenticated);
}

TEST_F(UserServiceTest, SessionLifetimeIsConfigurable) {
  UserServiceOptions options = fast_options();
  options.session_lifetime = std::chrono::minutes{30};
  UserService short_sessions(*store_, options);
  sign_up("frank@example.com");
  auto session = short_sessions.log_in("frank@example.com", password, t0);
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->expires_at, t0 + 30 * 60 * 1000);
}

TEST_F(UserServiceTest, LogOutEndsTheSession) {
  sign_up("grace@example.com");
  auto session = service_->log_in("grace@example.com", password, t0);
  ASSERT_TRUE(session.has_value());
  ASSERT_TRUE(service_->log_out(session->token.reveal()).has_value());
  EXPECT_EQ(service_->authenticate_session(session->token.reveal(), t0).error().code,
            error_code::unauthenticated);
  EXPECT_TRUE(service_->log_out(session->token.reveal()).has_value());
  EXPECT_EQ(service_->authenticate_session("made-up-token", t0).error().code,
            error_code::unauthenticated);
}

TEST_F(UserServiceTest, LogInUpgradesAHashMadeWithOtherParameters) {
  auto const user = sign_up("heidi@example.com");
  auto const before = store_->find_user(user)->password_hash;

  UserServiceOptions stronger = fast_options();
  stronger.password_hashing.opslimit += 1;
  UserService upgraded(*store_, stronger);
  ASSERT_TRUE(upgraded.log_in("heidi@example.com", password, t0).has_value());

  auto const after = store_->find_user(user)->password_hash;
  EXPECT_NE(after, before);
  EXPECT_FALSE(crypto::password_needs_rehash(after, stronger.password_hashing));
  EXPECT_TRUE(crypto::verify_password(after, password));
  EXPECT_TRUE(service_->log_in("heidi@example.com", password, t0).has_value());
}

TEST_F(UserServiceTest, ApiTokensAreShownOnceAndStoredByHash) {
  auto const user = sign_up("ivan@example.com");
  auto created = service_->create_api_token(user, "ci deploy", t0);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  std::string const token{created->token.reveal()};
  EXPECT_TRUE(token.starts_with("tl_"));
  EXPECT_EQ(token.size(), 3U + 43U);
  EXPECT_EQ(created->record.user_id, user);
  EXPECT_EQ(created->record.name, "ci deploy");
  EXPECT_EQ(created->record.token_hash, crypto::token_hash_hex(token));
  EXPECT_EQ(created->record.created_at, t0);
  EXPECT_FALSE(store_->find_api_token(token).has_value());

  auto identity = service_->authenticate_api_token(token, t0 + 10);
  ASSERT_TRUE(identity.has_value()) << identity.error().message;
  EXPECT_EQ(identity->user_id, user);
  EXPECT_EQ(identity->token_id, created->record.id);
}

TEST_F(UserServiceTest, ApiTokenUseIsRecordedAtMostOncePerInterval) {
  auto const user = sign_up("judy@example.com");
  auto created = service_->create_api_token(user, "script", t0);
  ASSERT_TRUE(created.has_value());
  std::string const token{created->token.reveal()};
  auto last_used = [&] { return store_->find_api_token(created->record.token_hash)->last_used_at; };

  ASSERT_TRUE(service_->authenticate_api_token(token, t0 + 1'000).has_value());
  EXPECT_EQ(last_used(), t0 + 1'000);
  ASSERT_TRUE(service_->authenticate_api_token(token, t0 + 30'000).has_value());
  EXPECT_EQ(last_used(), t0 + 1'000);
  ASSERT_TRUE(service_->authenticate_api_token(token, t0 + 61'000).has_value());
  EXPECT_EQ(last_used(), t0 + 61'000);
}

TEST_F(UserServiceTest, RevokedUnknownAndMalformedTokensAreRefused) {
  auto const owner = sign_up("ken@example.com");
  auto const other = sign_up("leo@example.com");
  auto created = service_->create_api_token(owner, "temp", t0);
  ASSERT_TRUE(created.has_value());
  std::string const token{created->token.reveal()};

  auto not_theirs = service_->revoke_api_token(other, created->record.id);
  ASSERT_FALSE(not_theirs.has_value());
  EXPECT_EQ(not_theirs.error().code, error_code::token_not_found);
  EXPECT_TRUE(service_->authenticate_api_token(token, t0).has_value());

  ASSERT_TRUE(service_->revoke_api_token(owner, created->record.id).has_value());
  auto revoked = service_->authenticate_api_token(token, t0);
  ASSERT_FALSE(revoked.has_value());
  EXPECT_EQ(revoked.error().code, error_code::unauthenticated);

  EXPECT_EQ(service_->authenticate_api_token("tl_unknown", t0).error().code,
            error_code::unauthenticated);
  EXPECT_EQ(service_->authenticate_api_token(token.substr(3), t0).error().code,
            error_code::unauthenticated);
  EXPECT_EQ(service_->authenticate_api_token("", t0).error().code, error_code::unauthenticated);
}

TEST_F(UserServiceTest, OnlyAVerifiedTokenIsVouchedForByTheCacheAndOnlyForItsLifetime) {
  auto const user = sign_up("kim@example.com");
  auto created = service_->create_api_token(user, "poller", t0);
  ASSERT_TRUE(created.has_value());
  std::string const token{created->token.reveal()};
  std::int64_t const lifetime = fast_options().token_cache_lifetime.count();

  EXPECT_FALSE(service_->cached_api_token(token, t0).has_value());
  ASSERT_TRUE(service_->authenticate_api_token(token, t0).has_value());
  auto const cached = service_->cached_api_token(token, t0 + lifetime - 1);
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->user_id, user);
  EXPECT_EQ(cached->token_id, created->record.id);
  EXPECT_FALSE(service_->cached_api_token(token, t0 + lifetime).has_value());
  EXPECT_FALSE(service_->cached_api_token("tl_unknown", t0).has_value());
}

TEST_F(UserServiceTest, ARevokedTokenIsRefusedAtOnceEvenWhileCached) {
  auto const user = sign_up("lou@example.com");
  auto created = service_->create_api_token(user, "poller", t0);
  ASSERT_TRUE(created.has_value());
  std::string const token{created->token.reveal()};
  ASSERT_TRUE(service_->authenticate_api_token(token, t0).has_value());
  ASSERT_TRUE(service_->cached_api_token(token, t0 + 1).has_value());

  ASSERT_TRUE(service_->revoke_api_token(user, created->record.id).has_value());
  EXPECT_FALSE(service_->cached_api_token(token, t0 + 2).has_value());
  auto const refused = service_->authenticate_api_token(token, t0 + 2);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, error_code::unauthenticated);
}

TEST_F(UserServiceTest, TokensAreListedPerUser) {
  auto const owner = sign_up("mia@example.com");
  auto const other = sign_up("ned@example.com");
  ASSERT_TRUE(service_->create_api_token(owner, "one", t0).has_value());
  ASSERT_TRUE(service_->create_api_token(owner, "two", t0 + 1).has_value());
  ASSERT_TRUE(service_->create_api_token(other, "theirs", t0).has_value());
  auto listed = service_->list_api_tokens(owner);
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].name, "one");
  EXPECT_EQ((*listed)[1].name, "two");
}

TEST_F(UserServiceTest, TokenNamesAreChecked) {
  auto const user = sign_up("olga@example.com");
  for (std::string const& name : std::vector<std::string>{"", std::string(65, 'n'), "tab\there"}) {
    auto created = service_->create_api_token(user, name, t0);
    ASSERT_FALSE(created.has_value()) << name;
    EXPECT_EQ(created.error().code, error_code::token_name_invalid);
  }
  EXPECT_TRUE(service_->create_api_token(user, std::string(64, 'n'), t0).has_value());
}

}  // namespace
}  // namespace tradelink::platform::users
