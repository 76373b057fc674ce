// UserService: sign-up and log-in.
#include "platform/users/user_service.hpp"

#include "crypto/random_token.hpp"
#include "platform/users/validation.hpp"
#include "store/store_error.hpp"

namespace tradelink::platform::users {
namespace {

constexpr std::size_t session_token_bytes = 32;
constexpr std::size_t csrf_token_bytes = 32;

core::Error bad_credentials() {
  return core::validation_error(std::string{error_code::bad_credentials},
                                "the email or the password is wrong");
}

}  // namespace

UserService::UserService(store::Store& store, UserServiceOptions options)
    : store_(store),
      options_(options),
      token_cache_(options.token_cache_lifetime, options.token_cache_capacity) {}

std::string const& UserService::decoy_password_hash() {
  std::call_once(decoy_once_, [this] {
    auto hash = crypto::hash_password(crypto::random_token(16), options_.password_hashing);
    if (hash) decoy_hash_ = std::move(*hash);
  });
  return decoy_hash_;
}

core::Result<store::UserRecord> UserService::sign_up(std::string_view email,
                                                     std::string_view password, std::int64_t now) {
  auto normalised = normalise_email(email);
  if (!normalised) return normalised.error();
  if (auto checked = check_password(password); !checked) return checked.error();
  auto hash = crypto::hash_password(password, options_.password_hashing);
  if (!hash) return hash.error();
  auto user = store_.create_user(store::UserRecord{0, *normalised, std::move(*hash), now});
  if (!user && store::is_error(user.error(), store::error_code::conflict)) {
    return core::validation_error(std::string{error_code::email_taken},
                                  "an account with this email already exists; log in instead");
  }
  return user;
}

core::Result<NewSession> UserService::log_in(std::string_view email, std::string_view password,
                                             std::int64_t now) {
  auto normalised = normalise_email(email);
  auto user = normalised ? store_.find_user_by_email(*normalised)
                         : core::Result<store::UserRecord>{normalised.error()};
  if (!user) {
    if (user.error().layer == core::ErrorLayer::store &&
        !store::is_error(user.error(), store::error_code::not_found)) {
      return user.error();  // the database failed: not a credentials problem
    }
    (void)crypto::verify_password(decoy_password_hash(), password);
    return bad_credentials();
  }
  if (!crypto::verify_password(user->password_hash, password)) return bad_credentials();

  if (crypto::password_needs_rehash(user->password_hash, options_.password_hashing)) {
    // Best effort: the log-in is valid whether or not the stronger hash could be stored.
    if (auto rehashed = crypto::hash_password(password, options_.password_hashing)) {
      (void)store_.update_password_hash(user->id, *rehashed);
    }
  }

  NewSession session{crypto::SecretString{crypto::random_token(session_token_bytes)},
                     crypto::random_token(csrf_token_bytes), user->id,
                     now + options_.session_lifetime.count()};
  auto inserted = store_.insert_session(
      store::SessionRecord{crypto::token_hash_hex(session.token.reveal()), user->id,
                           session.csrf_token, now, session.expires_at});
  if (!inserted) return inserted.error();
  return session;
}

}  // namespace tradelink::platform::users
