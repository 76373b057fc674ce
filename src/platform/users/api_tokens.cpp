// UserService: API tokens for scripts.
#include "crypto/random_token.hpp"
#include "platform/users/user_service.hpp"
#include "platform/users/validation.hpp"
#include "store/store_error.hpp"

namespace tradelink::platform::users {
namespace {

constexpr std::size_t api_token_bytes = 32;

core::Error unauthenticated(std::string message) {
  return core::validation_error(std::string{error_code::unauthenticated}, std::move(message));
}

}  // namespace

core::Result<NewApiToken> UserService::create_api_token(std::int64_t user_id, std::string_view name,
                                                        std::int64_t now) {
  if (auto checked = check_token_name(name); !checked) return checked.error();
  crypto::SecretString token{std::string{api_token_prefix} + crypto::random_token(api_token_bytes)};
  auto record = store_.insert_api_token(store::ApiTokenRecord{
      0, user_id, std::string{name}, crypto::token_hash_hex(token.reveal()), now, {}, false});
  if (!record) return record.error();
  return NewApiToken{std::move(token), std::move(*record)};
}

core::Result<ApiTokenIdentity> UserService::authenticate_api_token(std::string_view token,
                                                                   std::int64_t now) {
  if (!token.starts_with(api_token_prefix)) {
    return unauthenticated("this is not a tradelink API token (they start with \"tl_\")");
  }
  std::string const hash = crypto::token_hash_hex(token);
  if (auto cached = token_cache_.find(hash, now)) {
    return ApiTokenIdentity{cached->user_id, cached->token_id};
  }
  std::uint64_t const generation = token_cache_.generation();
  auto record = store_.find_api_token(hash);
  if (!record) {
    if (store::is_error(record.error(), store::error_code::not_found)) {
      return unauthenticated("unknown API token");
    }
    return record.error();
  }
  if (record->revoked) return unauthenticated("this API token was revoked");
  bool const due =
      !record->last_used_at || now - *record->last_used_at >= options_.token_touch_interval.count();
  if (due) (void)store_.touch_api_token(record->id, now);
  token_cache_.remember(hash, CachedToken{record->user_id, record->id}, now, generation);
  return ApiTokenIdentity{record->user_id, record->id};
}

std::optional<ApiTokenIdentity> UserService::cached_api_token(std::string_view token,
                                                              std::int64_t now) const {
  if (!token.starts_with(api_token_prefix)) return std::nullopt;
  auto const cached = token_cache_.find(crypto::token_hash_hex(token), now);
  if (!cached) return std::nullopt;
  return ApiTokenIdentity{cached->user_id, cached->token_id};
}

core::Result<std::vector<store::ApiTokenRecord>> UserService::list_api_tokens(
    std::int64_t user_id) {
  return store_.list_api_tokens(user_id);
}

core::Result<void> UserService::revoke_api_token(std::int64_t user_id, std::int64_t token_id) {
  auto revoked = store_.revoke_api_token(user_id, token_id);
  // Also after a failed write: the cache must never outlive what the store may already say.
  token_cache_.forget(token_id);
  if (!revoked && store::is_error(revoked.error(), store::error_code::not_found)) {
    return core::validation_error(std::string{error_code::token_not_found}, "no such API token");
  }
  return revoked;
}

}  // namespace tradelink::platform::users
