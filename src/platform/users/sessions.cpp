// UserService: browser sessions.
#include "crypto/random_token.hpp"
#include "platform/users/user_service.hpp"
#include "store/store_error.hpp"

namespace tradelink::platform::users {

core::Result<SessionIdentity> UserService::authenticate_session(std::string_view token,
                                                                std::int64_t now) {
  auto session = store_.find_session(crypto::token_hash_hex(token));
  if (!session) {
    if (store::is_error(session.error(), store::error_code::not_found)) {
      return core::validation_error(std::string{error_code::unauthenticated},
                                    "not logged in; log in again");
    }
    return session.error();
  }
  if (session->expires_at <= now) {
    (void)store_.delete_session(session->token_hash);
    return core::validation_error(std::string{error_code::session_expired},
                                  "the session has expired; log in again");
  }
  return SessionIdentity{session->user_id, std::move(session->csrf_token), session->expires_at};
}

core::Result<void> UserService::log_out(std::string_view token) {
  return store_.delete_session(crypto::token_hash_hex(token));
}

}  // namespace tradelink::platform::users
