// The sandbox's request checks, fed with requests signed by tradelink's own Gate.io signer (the
// signer is proven against Gate's reference vectors separately).
#include <gtest/gtest.h>

#include "sandbox/auth/authenticator.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::sandbox {
namespace {

constexpr std::int64_t now_ms = 1'700'000'000'000;
constexpr std::int64_t day_ms = 24LL * 3600 * 1000;

class AuthenticatorTest : public ::testing::Test {
 protected:
  ApiKey const& add_key(KeySpec spec, std::int64_t created_ms = now_ms) {
    spec.user_id = 1001;
    auto created = keys_.create(std::move(spec), created_ms);
    EXPECT_TRUE(created.has_value());
    return *keys_.find(created->key);
  }

  // A request signed the way a Gate client signs it; `timestamp` in Unix seconds.
  struct Signed {
    std::string method, path, query, body, timestamp, sign;
    std::string key;
  };
  static Signed sign(ApiKey const& key, std::string method, std::string path, std::string signed_query,
                     std::string body, std::string timestamp) {
    gateio::Signer const signer(gateio::Credential(key.key, crypto::SecretString(key.secret)));
    auto const signature = signer.sign_rest({method, path, signed_query, body, timestamp});
    return Signed{std::move(method), std::move(path), std::move(signed_query), std::move(body),
                  std::move(timestamp), std::string(gateio::view(signature.sign)), key.key};
  }
  static SignedRequest request(Signed const& s, std::string_view raw_query, std::string_view ip = "127.0.0.1") {
    return SignedRequest{s.method, s.path, raw_query, s.body, s.key, s.timestamp, s.sign, ip};
  }

  KeyStore keys_;
};

KeySpec spot_trader() {
  KeySpec spec;
  spec.perms = {{"spot", false}, {"wallet", true}};
  return spec;
}

TEST_F(AuthenticatorTest, AcceptsACorrectlySignedRequest) {
  ApiKey const& key = add_key(spot_trader());
  Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  auto result = authenticate(keys_, request(s, ""), now_ms);
  ASSERT_TRUE(result.has_value()) << result.error().label;
  EXPECT_EQ((*result)->key, key.key);
  EXPECT_EQ((*result)->last_access_ms, now_ms);
}

TEST_F(AuthenticatorTest, GeneratedKeysLookLikeGateV4Keys) {
  ApiKey const& key = add_key(spot_trader());
  EXPECT_EQ(key.key.size(), 32U);
  EXPECT_EQ(key.secret.size(), 64U);
  EXPECT_EQ(key.key.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST_F(AuthenticatorTest, AcceptsFractionalTimestampsAsTheSdksSendThem) {
  ApiKey const& key = add_key(spot_trader());
  for (std::string ts : {"1700000000.123", "1700000000.1234567", "1700000030"}) {
    Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", ts);
    EXPECT_TRUE(authenticate(keys_, request(s, ""), now_ms).has_value()) << ts;
  }
}

TEST_F(AuthenticatorTest, QuerySignedDecodedAndSentEncodedIsAccepted) {
  ApiKey const& key = add_key(spot_trader());
  Signed const s = sign(key, "GET", "/api/v4/spot/tickers", "currency_pairs=BTC_USDT,ETH_USDT", "", "1700000000");
  EXPECT_TRUE(authenticate(keys_, request(s, "currency_pairs=BTC_USDT%2CETH_USDT"), now_ms).has_value());
  EXPECT_TRUE(authenticate(keys_, request(s, "currency_pairs=BTC_USDT,ETH_USDT"), now_ms).has_value());
}

TEST_F(AuthenticatorTest, MissingHeaders) {
  ApiKey const& key = add_key(spot_trader());
  Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  SignedRequest without_sign = request(s, "");
  without_sign.sign.reset();
  auto result = authenticate(keys_, without_sign, now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "MISSING_REQUIRED_HEADER");
  EXPECT_EQ(result.error().status, 401U);
  EXPECT_NE(result.error().message.find("SIGN"), std::string::npos);
}

TEST_F(AuthenticatorTest, UnknownKey) {
  ApiKey const& key = add_key(spot_trader());
  Signed s = sign(key, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  s.key = "00000000000000000000000000000000";
  auto result = authenticate(keys_, request(s, ""), now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "INVALID_KEY");
  EXPECT_EQ(result.error().status, 401U);
}

TEST_F(AuthenticatorTest, WrongSecretIsAnInvalidSignature) {
  ApiKey const& key = add_key(spot_trader());
  ApiKey impostor = key;
  impostor.secret = std::string(64, 'a');
  Signed const s = sign(impostor, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  auto result = authenticate(keys_, request(s, ""), now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "INVALID_SIGNATURE");
}

TEST_F(AuthenticatorTest, TamperedBodyIsAnInvalidSignature) {
  ApiKey const& key = add_key(spot_trader());
  Signed s = sign(key, "POST", "/api/v4/spot/orders", "", R"({"amount":"1"})", "1700000000");
  s.body = R"({"amount":"100"})";
  auto result = authenticate(keys_, request(s, ""), now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "INVALID_SIGNATURE");
}

TEST_F(AuthenticatorTest, TimestampOutsideTheWindowHasExpired) {
  ApiKey const& key = add_key(spot_trader());
  for (std::string ts : {"1699999939", "1700000061"}) {
    Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", ts);
    auto result = authenticate(keys_, request(s, ""), now_ms);
    ASSERT_FALSE(result.has_value()) << ts;
    EXPECT_EQ(result.error().label, "REQUEST_EXPIRED");
    EXPECT_EQ(result.error().message, "gap between request Timestamp and server time exceeds 60");
  }
  Signed const edge = sign(key, "GET", "/api/v4/spot/accounts", "", "", "1700000060");
  EXPECT_TRUE(authenticate(keys_, request(edge, ""), now_ms).has_value());
}

TEST_F(AuthenticatorTest, GarbageTimestampIsRefused) {
  ApiKey const& key = add_key(spot_trader());
  Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", "soon");
  auto result = authenticate(keys_, request(s, ""), now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "INVALID_PARAM_VALUE");
}

TEST_F(AuthenticatorTest, IpWhitelistIsCheckedAgainstThePeerAddress) {
  KeySpec spec = spot_trader();
  spec.ip_whitelist = {"127.0.0.2"};
  ApiKey const& key = add_key(spec);
  Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  EXPECT_TRUE(authenticate(keys_, request(s, "", "127.0.0.2"), now_ms).has_value());
  auto result = authenticate(keys_, request(s, "", "127.0.0.3"), now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "IP_FORBIDDEN");
  EXPECT_EQ(result.error().status, 403U);
  EXPECT_EQ(result.error().message, "Request IP not in whitelist: 127.0.0.3");
}

TEST_F(AuthenticatorTest, KeysWithoutWhitelistExpireAfterNinetyDays) {
  ApiKey const& key = add_key(spot_trader(), now_ms - 91 * day_ms);
  Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  auto result = authenticate(keys_, request(s, ""), now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "INVALID_KEY");
  EXPECT_NE(result.error().message.find("90 days"), std::string::npos);

  KeySpec bound = spot_trader();
  bound.ip_whitelist = {"127.0.0.1"};
  ApiKey const& whitelisted = add_key(bound, now_ms - 400 * day_ms);
  Signed const ok = sign(whitelisted, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  EXPECT_TRUE(authenticate(keys_, request(ok, ""), now_ms).has_value());
}

TEST_F(AuthenticatorTest, LockedAndFrozenKeysAreRefused) {
  KeySpec spec = spot_trader();
  spec.state = KeyState::frozen;
  ApiKey const& key = add_key(spec);
  Signed const s = sign(key, "GET", "/api/v4/spot/accounts", "", "", "1700000000");
  auto result = authenticate(keys_, request(s, ""), now_ms);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().label, "ACCOUNT_LOCKED");
}

TEST_F(AuthenticatorTest, PermissionGroupsReadAndWrite) {
  KeySpec spec;
  spec.perms = {{"spot", true}, {"wallet", true}};
  ApiKey const& key = add_key(spec);
  EXPECT_FALSE(authorize(key, {"spot", false, std::nullopt}).has_value());
  auto write = authorize(key, {"spot", true, std::nullopt});
  ASSERT_TRUE(write.has_value());
  EXPECT_EQ(write->label, "READ_ONLY");
  auto futures = authorize(key, {"futures", false, std::nullopt});
  ASSERT_TRUE(futures.has_value());
  EXPECT_EQ(futures->label, "FORBIDDEN");
  EXPECT_NE(futures->message.find("futures"), std::string::npos);
}

TEST_F(AuthenticatorTest, PairWhitelist) {
  KeySpec spec = spot_trader();
  spec.currency_pairs = {"BTC_USDT"};
  ApiKey const& key = add_key(spec);
  EXPECT_FALSE(authorize(key, {"spot", true, std::string_view("BTC_USDT")}).has_value());
  auto refused = authorize(key, {"spot", true, std::string_view("ETH_USDT")});
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->label, "FORBIDDEN");
}

TEST(KeyStoreValidation, RejectsBadSpecs) {
  KeyStore keys;
  KeySpec bad_ip;
  bad_ip.ip_whitelist = {"not-an-ip"};
  EXPECT_FALSE(keys.create(bad_ip, 0).has_value());
  KeySpec bad_group;
  bad_group.perms = {{"teleport", false}};
  EXPECT_FALSE(keys.create(bad_group, 0).has_value());
  KeySpec fixed;
  fixed.key = "abc";
  fixed.secret = "def";
  EXPECT_TRUE(keys.create(fixed, 0).has_value());
  EXPECT_FALSE(keys.create(fixed, 0).has_value());  // duplicate
  EXPECT_TRUE(keys.remove("abc"));
  EXPECT_EQ(keys.find("abc"), nullptr);
}

TEST(PercentDecode, Variants) {
  EXPECT_EQ(percent_decode("a%2Cb+c", true), "a,b c");
  EXPECT_EQ(percent_decode("a%2Cb+c", false), "a,b+c");
  EXPECT_EQ(percent_decode("100%", true), "100%");
  EXPECT_EQ(percent_decode("%zz%4", true), "%zz%4");
}

}  // namespace
}  // namespace tradelink::sandbox
