#include "platform/users/token_cache.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace tradelink::platform::users {
namespace {

constexpr std::int64_t t0 = 1'700'000'000'000;
constexpr std::chrono::seconds lifetime{5};

TEST(TokenCache, RemembersATokenForItsLifetime) {
  TokenCache cache(lifetime, 16);
  EXPECT_FALSE(cache.find("hash-a", t0).has_value());
  cache.remember("hash-a", CachedToken{1, 10}, t0, cache.generation());
  auto const found = cache.find("hash-a", t0 + 4'999);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, 1);
  EXPECT_EQ(found->token_id, 10);
  EXPECT_FALSE(cache.find("hash-a", t0 + 5'000).has_value());
  EXPECT_FALSE(cache.find("hash-b", t0).has_value());
}

TEST(TokenCache, AForgottenTokenIsMissedAtOnce) {
  TokenCache cache(lifetime, 16);
  cache.remember("hash-a", CachedToken{1, 10}, t0, cache.generation());
  cache.remember("hash-b", CachedToken{1, 11}, t0, cache.generation());
  cache.forget(10);
  EXPECT_FALSE(cache.find("hash-a", t0).has_value());
  EXPECT_TRUE(cache.find("hash-b", t0).has_value());
}

TEST(TokenCache, ATokenForgottenWhileItWasBeingVerifiedIsNotRemembered) {
  TokenCache cache(lifetime, 16);
  std::uint64_t const before_lookup = cache.generation();
  cache.forget(10);  // revoked while the verification was reading the store
  cache.remember("hash-a", CachedToken{1, 10}, t0, before_lookup);
  EXPECT_FALSE(cache.find("hash-a", t0).has_value());

  cache.remember("hash-a", CachedToken{1, 10}, t0, cache.generation());
  EXPECT_TRUE(cache.find("hash-a", t0).has_value());
}

TEST(TokenCache, StaysWithinItsCapacity) {
  TokenCache cache(lifetime, 2);
  cache.remember("hash-a", CachedToken{1, 10}, t0, cache.generation());
  cache.remember("hash-b", CachedToken{1, 11}, t0 + 6'000, cache.generation());
  // Full: the expired entry goes first.
  cache.remember("hash-c", CachedToken{1, 12}, t0 + 6'000, cache.generation());
  EXPECT_FALSE(cache.find("hash-a", t0 + 6'000).has_value());
  EXPECT_TRUE(cache.find("hash-b", t0 + 6'000).has_value());
  EXPECT_TRUE(cache.find("hash-c", t0 + 6'000).has_value());
  // Full of fresh entries: they all go.
  cache.remember("hash-d", CachedToken{1, 13}, t0 + 6'000, cache.generation());
  EXPECT_FALSE(cache.find("hash-b", t0 + 6'000).has_value());
  EXPECT_FALSE(cache.find("hash-c", t0 + 6'000).has_value());
  EXPECT_TRUE(cache.find("hash-d", t0 + 6'000).has_value());
}

TEST(TokenCache, AZeroLifetimeCachesNothing) {
  TokenCache cache(std::chrono::milliseconds{0}, 16);
  cache.remember("hash-a", CachedToken{1, 10}, t0, cache.generation());
  EXPECT_FALSE(cache.find("hash-a", t0).has_value());
}

}  // namespace
}  // namespace tradelink::platform::users
