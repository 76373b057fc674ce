// KeyFactsBuilder from canned probe answers: each verdict of a probe, each authentication
// outcome, and how permissions are settled from write probes, read probes and the key's listing.
#include "venues/gateio/keys/key_facts_builder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace tradelink::gateio {
namespace {

using core::Access;
using core::Product;
using venues::AuthOutcome;
using venues::Known;

GateError gate_error(ErrorCategory category, std::string label, std::string message = {},
                     unsigned status = 400) {
  GateError error;
  error.category = category;
  error.label = std::move(label);
  error.message = std::move(message);
  error.http_status = status;
  return error;
}

GateError forbidden(std::string group) {
  GateError error = gate_error(ErrorCategory::permission_denied, "FORBIDDEN",
                               "Request API key does not have " + group + " permission", 403);
  error.missing_permission = std::move(group);
  return error;
}

GateError read_only(std::string const& group) {
  return gate_error(ErrorCategory::read_only, "READ_ONLY",
                    "Request API key only has read permission for " + group, 403);
}

GateError order_not_found() {
  return gate_error(ErrorCategory::not_found, "ORDER_NOT_FOUND", "Order not found", 404);
}

GateError invalid_param() {
  return gate_error(ErrorCategory::invalid_parameter, "INVALID_PARAM_VALUE", "amount: 0");
}

GateError unavailable() {
  return gate_error(ErrorCategory::exchange_unavailable, "SERVER_ERROR", "try later", 503);
}

AccountKeyInfo listing(std::vector<AccountKeyPermission> perms, std::int64_t state = 1) {
  AccountKeyInfo key;
  key.state = state;
  key.mode = 1;
  key.user_id = 10'000'001;
  key.perms = std::move(perms);
  key.created_at = core::Decimal::parse("1700000000").value();
  return key;
}

AccountDetail account_detail(std::int64_t user_id, std::vector<std::string> ip_whitelist = {},
                             std::vector<std::string> pairs = {}) {
  AccountDetail detail;
  detail.user_id = user_id;
  detail.ip_whitelist = std::move(ip_whitelist);
  detail.currency_pairs = std::move(pairs);
  detail.key_mode = 1;
  return detail;
}

FuturesAccount usdt_futures_account() {
  FuturesAccount account;
  account.currency = "USDT";
  return account;
}

UnifiedMode unified_mode(std::string mode) {
  UnifiedMode unified;
  unified.mode = std::move(mode);
  return unified;
}

/// Answers of a key with spot and futures read & write, wallet read only, account read.
struct Answers {
  GateResult<AccountDetail> detail = account_detail(10'000'001);
  GateResult<std::vector<AccountKeyInfo>> keys = std::vector<AccountKeyInfo>{
      listing({{"spot", false}, {"futures", false}, {"wallet", true}, {"account", true}})};
  GateResult<std::vector<SpotAccount>> spot_read = std::vector<SpotAccount>{};
  GateResult<SpotOrder> spot_write = order_not_found();
  GateResult<FuturesAccount> futures_read = usdt_futures_account();
  GateResult<FuturesOrder> futures_write = order_not_found();
  GateResult<TotalBalance> wallet_read = TotalBalance{};
  GateResult<WalletTransfer> wallet_write = read_only("wallet");
  GateResult<Withdrawal> withdraw = forbidden("withdraw");
  GateResult<UnifiedMode> unified = forbidden("unified");
  GateResult<std::int64_t> clock = std::int64_t{12};

  venues::KeyFacts build(int round_trips = 1) const {
    KeyFactsBuilder builder;
    builder.clock(clock);
    builder.account_detail(detail);
    builder.main_keys(keys);
    builder.spot_read(spot_read);
    builder.spot_write(spot_write);
    builder.futures_read(futures_read);
    builder.futures_write(futures_write);
    builder.wallet_read(wallet_read);
    builder.wallet_write(wallet_write);
    builder.withdraw(withdraw);
    builder.unified_mode(unified);
    return builder.finish(round_trips);
  }

  /// Every signed probe answered with `error`.
  void all_signed(GateError const& error) {
    detail = error;
    keys = error;
    spot_read = error;
    spot_write = error;
    futures_read = error;
    futures_write = error;
    wallet_read = error;
    wallet_write = error;
    withdraw = error;
    unified = error;
  }
};

TEST(ProbeVerdictTest, EveryCategoryHasTheVerdictItProves) {
  EXPECT_EQ(verdict_of(std::nullopt), ProbeVerdict::granted);
  std::vector<std::pair<ErrorCategory, ProbeVerdict>> const cases{
      {ErrorCategory::read_only, ProbeVerdict::read_only},
      {ErrorCategory::permission_denied, ProbeVerdict::denied},
      {ErrorCategory::account_not_opened, ProbeVerdict::not_opened},
      {ErrorCategory::not_found, ProbeVerdict::granted},
      {ErrorCategory::insufficient_balance, ProbeVerdict::granted},
      {ErrorCategory::invalid_parameter, ProbeVerdict::granted},
      {ErrorCategory::invalid_symbol, ProbeVerdict::granted},
      {ErrorCategory::order_rejected, ProbeVerdict::granted},
      {ErrorCategory::order_finished, ProbeVerdict::granted},
      {ErrorCategory::invalid_key, ProbeVerdict::auth_failed},
      {ErrorCategory::invalid_signature, ProbeVerdict::auth_failed},
      {ErrorCategory::invalid_credentials, ProbeVerdict::auth_failed},
      {ErrorCategory::missing_header, ProbeVerdict::auth_failed},
      {ErrorCategory::clock_skew, ProbeVerdict::auth_failed},
      {ErrorCategory::ip_forbidden, ProbeVerdict::auth_failed},
      {ErrorCategory::account_locked, ProbeVerdict::auth_failed},
      {ErrorCategory::rate_limited, ProbeVerdict::inconclusive},
      {ErrorCategory::exchange_unavailable, ProbeVerdict::inconclusive},
      {ErrorCategory::transport, ProbeVerdict::inconclusive},
      {ErrorCategory::protocol, ProbeVerdict::inconclusive},
      {ErrorCategory::unknown, ProbeVerdict::inconclusive},
  };
  for (auto const& [category, verdict] : cases) {
    EXPECT_EQ(verdict_of(gate_error(category, "X")), verdict) << to_string(category);
  }
}

TEST(KeyFactsBuilderTest, GoodTradingKey) {
  venues::KeyFacts const facts = Answers{}.build(1);
  EXPECT_EQ(facts.auth, AuthOutcome::ok);
  EXPECT_TRUE(facts.auth_detail.empty());
  EXPECT_EQ(facts.exchange_user_id, "10000001");
  EXPECT_EQ(facts.permissions.to_string(),
            "spot:read_write,futures:read_write,wallet:read,account:read");
  EXPECT_TRUE(facts.undetermined.empty());
  EXPECT_EQ(facts.withdraw_enabled, Known::no);
  EXPECT_EQ(facts.futures_account_opened, Known::yes);
  EXPECT_EQ(facts.account_mode, venues::AccountMode::classic);
  EXPECT_TRUE(facts.ip_whitelist.empty());
  EXPECT_EQ(facts.key_created_at_ms, 1'700'000'000'000);
  EXPECT_EQ(facts.clock_offset.count(), 12);
  EXPECT_EQ(facts.sequential_round_trips, 1);
  ASSERT_EQ(facts.probes.size(), 11U);
  EXPECT_EQ(facts.probes[0].name, "server time");
  EXPECT_EQ(facts.probes[0].detail, "12 ms");
  EXPECT_EQ(facts.probes[4].name, "spot write");
  EXPECT_EQ(facts.probes[4].outcome, "granted");
  EXPECT_EQ(facts.probes[4].detail, "ORDER_NOT_FOUND: Order not found");
}

TEST(KeyFactsBuilderTest, ReadOnlyWriteProbeMakesTheGroupReadOnly) {
  Answers answers;
  answers.spot_write = read_only("spot");
  answers.keys = std::vector<AccountKeyInfo>{listing({{"spot", true}, {"futures", false}})};
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.auth, AuthOutcome::ok);
  EXPECT_EQ(facts.permissions.access(Product::spot), Access::read);
}

TEST(KeyFactsBuilderTest, DeniedProbesMakeTheGroupNone) {
  Answers answers;
  answers.futures_read = forbidden("futures");
  answers.futures_write = forbidden("futures");
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.permissions.access(Product::futures), Access::none);
  EXPECT_EQ(facts.futures_account_opened, Known::unknown);
}

TEST(KeyFactsBuilderTest, FuturesAccountNeverOpened) {
  Answers answers;
  GateError const not_opened = gate_error(ErrorCategory::account_not_opened, "USER_NOT_FOUND",
                                          "please transfer funds first to create futures account");
  answers.futures_read = not_opened;
  answers.futures_write = not_opened;
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.auth, AuthOutcome::ok);
  EXPECT_EQ(facts.futures_account_opened, Known::no);
  EXPECT_EQ(facts.permissions.access(Product::futures), Access::read_write);
}

TEST(KeyFactsBuilderTest, WithdrawalAndWalletWriteAreSeen) {
  Answers answers;
  answers.withdraw = invalid_param();
  answers.wallet_write = invalid_param();
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.withdraw_enabled, Known::yes);
  EXPECT_EQ(facts.permissions.access(Product::wallet), Access::read_write);
}

TEST(KeyFactsBuilderTest, WrongSecretIsInvalidSignature) {
  Answers answers;
  answers.all_signed(
      gate_error(ErrorCategory::invalid_signature, "INVALID_SIGNATURE", "Signature mismatch", 401));
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.auth, AuthOutcome::invalid_signature);
  EXPECT_EQ(facts.auth_detail, "INVALID_SIGNATURE: Signature mismatch");
  EXPECT_TRUE(facts.permissions.empty());
  EXPECT_FALSE(facts.exchange_user_id.has_value());
}

TEST(KeyFactsBuilderTest, UnknownAndExpiredKeys) {
  Answers unknown;
  unknown.all_signed(
      gate_error(ErrorCategory::invalid_key, "INVALID_KEY", "Invalid key provided", 401));
  EXPECT_EQ(unknown.build().auth, AuthOutcome::invalid_key);

  Answers expired;
  expired.all_signed(gate_error(ErrorCategory::invalid_key, "INVALID_KEY",
                                "API key expired: keys without an IP whitelist are valid for 90 "
                                "days",
                                401));
  EXPECT_EQ(expired.build().auth, AuthOutcome::expired);
}

TEST(KeyFactsBuilderTest, ForbiddenIpIsReportedWithTheAddress) {
  Answers answers;
  GateError error = gate_error(ErrorCategory::ip_forbidden, "IP_FORBIDDEN",
                               "Request IP not in whitelist: 198.51.100.4", 403);
  error.forbidden_ip = "198.51.100.4";
  answers.all_signed(error);
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.auth, AuthOutcome::ip_forbidden);
  EXPECT_EQ(facts.rejected_ip, "198.51.100.4");
}

TEST(KeyFactsBuilderTest, ClockRefusedEvenAfterMeasuring) {
  Answers answers;
  answers.all_signed(gate_error(ErrorCategory::clock_skew, "REQUEST_EXPIRED", "gap", 401));
  EXPECT_EQ(answers.build().auth, AuthOutcome::clock_skew);
}

TEST(KeyFactsBuilderTest, LockedKeyWinsOverPassingProbes) {
  Answers answers;
  answers.keys = std::vector<AccountKeyInfo>{listing({{"spot", false}}, 2)};
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.auth, AuthOutcome::locked);
  EXPECT_EQ(facts.auth_detail, "key state 2");

  Answers refused;
  refused.all_signed(
      gate_error(ErrorCategory::account_locked, "ACCOUNT_LOCKED", "API key is locked", 403));
  EXPECT_EQ(refused.build().auth, AuthOutcome::locked);
}

TEST(KeyFactsBuilderTest, NoDecisiveAnswerIsUnavailable) {
  Answers answers;
  answers.all_signed(unavailable());
  answers.clock = unavailable();
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.auth, AuthOutcome::unavailable);
  EXPECT_EQ(facts.probes[0].outcome, "inconclusive");
}

TEST(KeyFactsBuilderTest, UnansweredGroupFallsBackToTheKeyListingOrIsUndetermined) {
  Answers listed;
  listed.futures_read = unavailable();
  listed.futures_write = unavailable();
  EXPECT_EQ(listed.build().permissions.access(Product::futures), Access::read_write);

  Answers unlisted = listed;
  unlisted.keys = unavailable();
  venues::KeyFacts const facts = unlisted.build();
  EXPECT_EQ(facts.auth, AuthOutcome::ok);
  EXPECT_THAT(facts.undetermined, ::testing::Contains(Product::futures));
  EXPECT_EQ(facts.permissions.access(Product::spot), Access::read_write);
}

TEST(KeyFactsBuilderTest, PairWhitelistRefusalSaysNothingAboutTheGroup) {
  Answers answers;
  answers.spot_write = gate_error(ErrorCategory::permission_denied, "FORBIDDEN",
                                  "Currency pair BTC_USDT is not allowed for this API key", 403);
  venues::KeyFacts const facts = answers.build();
  // The write probe proved nothing; the read probe proves read only, so the key's listing
  // (spot read & write) decides. A key limited to other pairs must not look read-only.
  EXPECT_EQ(facts.permissions.access(Product::spot), Access::read_write);
  EXPECT_EQ(facts.probes[4].outcome, "inconclusive");
}

TEST(KeyFactsBuilderTest, ForbiddenWritePairOfAPairLimitedKeyDefersToTheListing) {
  Answers answers;
  answers.detail = account_detail(10'000'001, {}, {"ETH_USDT"});
  answers.spot_write = gate_error(ErrorCategory::permission_denied, "FORBIDDEN",
                                  "Request API key is not allowed to trade BTC_USDT", 403);
  EXPECT_EQ(answers.build().permissions.access(Product::spot), Access::read_write);

  // Without the listing only read is proven.
  answers.keys = unavailable();
  EXPECT_EQ(answers.build().permissions.access(Product::spot), Access::read);

  // Without a pair whitelist the same refusal is about the group.
  Answers unrestricted;
  unrestricted.spot_write = forbidden("spot");
  unrestricted.keys = std::vector<AccountKeyInfo>{listing({{"spot", false}})};
  EXPECT_EQ(unrestricted.build().permissions.access(Product::spot), Access::read);
}

TEST(KeyFactsBuilderTest, WhitelistsAndUnifiedModeAreCopied) {
  Answers answers;
  answers.detail = account_detail(42, {"127.0.0.1"}, {"BTC_USDT"});
  answers.unified = unified_mode("multi_currency");
  venues::KeyFacts const facts = answers.build();
  EXPECT_EQ(facts.exchange_user_id, "42");
  EXPECT_THAT(facts.ip_whitelist, ::testing::ElementsAre("127.0.0.1"));
  EXPECT_THAT(facts.pair_whitelist, ::testing::ElementsAre("BTC_USDT"));
  EXPECT_EQ(facts.account_mode, venues::AccountMode::unified);
  EXPECT_EQ(facts.permissions.access(Product::unified), Access::read);
}

}  // namespace
}  // namespace tradelink::gateio
