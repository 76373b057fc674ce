#pragma once
// Accounts: sign-up, log-in sessions for the browser and bearer API tokens for scripts.
// Passwords are kept only as Argon2id hashes and tokens only as BLAKE2b hashes; a token's
// plaintext is returned once, when it is made. Time is always passed in (Unix milliseconds),
// so the service has no hidden clock.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "crypto/password.hpp"
#include "crypto/secret_string.hpp"
#include "platform/users/token_cache.hpp"
#include "platform/users/user_errors.hpp"
#include "store/records.hpp"
#include "store/store.hpp"

namespace tradelink::platform::users {

struct UserServiceOptions {
  crypto::PasswordHashOptions password_hashing = crypto::PasswordHashOptions::interactive();
  std::chrono::milliseconds session_lifetime = std::chrono::hours{24 * 7};
  /// last_used_at of an API token is rewritten at most this often, so that authenticating
  /// every request does not write to the database every time.
  std::chrono::milliseconds token_touch_interval = std::chrono::minutes{1};
  /// How long a verified API token is trusted without reading the store again (0: never).
  /// Revoking through this service takes effect at once; a token revoked by another process
  /// sharing the database is refused within this time. Keep it below token_touch_interval, so
  /// that last_used_at stays as fresh as that interval says.
  std::chrono::milliseconds token_cache_lifetime = std::chrono::seconds{5};
  std::size_t token_cache_capacity = 4096;  ///< API tokens cached at most
};

/// A session just opened: `token` goes into the session cookie and is not kept anywhere.
struct NewSession {
  crypto::SecretString token;
  std::string csrf_token;
  std::int64_t user_id = 0;
  std::int64_t expires_at = 0;
};

/// Who a valid session belongs to, with the CSRF token its forms must carry.
struct SessionIdentity {
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t expires_at = 0;
};

/// An API token just made: `token` ("tl_…") is shown to the user once and not kept anywhere.
struct NewApiToken {
  crypto::SecretString token;
  store::ApiTokenRecord record;
};

/// Who a valid API token belongs to.
struct ApiTokenIdentity {
  std::int64_t user_id = 0;
  std::int64_t token_id = 0;
};

/// Thread-safe when the store is (every Store is). Holds a reference to `store`, which must
/// outlive it. Errors: the users.* codes of user_errors.hpp, or the store's own.
class UserService {
 public:
  explicit UserService(store::Store& store, UserServiceOptions options = {});

  /// Creates an account. users.email_invalid, users.password_too_short/_too_long,
  /// users.email_taken.
  [[nodiscard]] core::Result<store::UserRecord> sign_up(std::string_view email,
                                                        std::string_view password,
                                                        std::int64_t now);

  /// Checks the password and opens a session expiring after options.session_lifetime.
  /// users.bad_credentials for an unknown email and a wrong password alike (the unknown-email
  /// path runs a password verification too, so timing does not tell them apart). Re-hashes
  /// the password when it was hashed with other parameters.
  [[nodiscard]] core::Result<NewSession> log_in(std::string_view email, std::string_view password,
                                                std::int64_t now);

  /// users.unauthenticated for an unknown token; users.session_expired (and the session is
  /// deleted) when expires_at <= now.
  [[nodiscard]] core::Result<SessionIdentity> authenticate_session(std::string_view token,
                                                                   std::int64_t now);

  /// Ends the session; succeeds for an unknown token too.
  [[nodiscard]] core::Result<void> log_out(std::string_view token);

  /// Makes a named API token for the user. users.token_name_invalid.
  [[nodiscard]] core::Result<NewApiToken> create_api_token(std::int64_t user_id,
                                                           std::string_view name, std::int64_t now);

  /// users.unauthenticated for an unknown, malformed or revoked token. Records the use
  /// (best effort: a failure to record it does not fail the authentication). Answers from the
  /// token cache when it can (see UserServiceOptions::token_cache_lifetime).
  [[nodiscard]] core::Result<ApiTokenIdentity> authenticate_api_token(std::string_view token,
                                                                      std::int64_t now);

  /// The token's identity when the token cache vouches for it, without touching the store (so
  /// it never blocks); nullopt when authenticate_api_token must decide.
  [[nodiscard]] std::optional<ApiTokenIdentity> cached_api_token(std::string_view token,
                                                                 std::int64_t now) const;

  /// The user's tokens (hashes only), revoked ones included, oldest first.
  [[nodiscard]] core::Result<std::vector<store::ApiTokenRecord>> list_api_tokens(
      std::int64_t user_id);

  /// users.token_not_found when the token is not the user's. The token stops working at once.
  [[nodiscard]] core::Result<void> revoke_api_token(std::int64_t user_id, std::int64_t token_id);

 private:
  /// A hash verified against when the email is unknown, made on first need.
  [[nodiscard]] std::string const& decoy_password_hash();

  store::Store& store_;
  UserServiceOptions options_;
  std::once_flag decoy_once_;
  std::string decoy_hash_;
  TokenCache token_cache_;
};

/// The prefix every tradelink API token starts with.
inline constexpr std::string_view api_token_prefix = "tl_";

}  // namespace tradelink::platform::users
