// Moving every stored secret to a new master key: afterwards only the new vault opens them.
#include "platform/keys/reseal.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "crypto/master_key.hpp"
#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

using ::testing::HasSubstr;

using ResealTest = KeyServiceTest;

TEST_F(ResealTest, SecretsMoveToTheNewVaultAndTheOldOneNoLongerOpensThem) {
  SandboxKey const first = trading_key();
  SandboxKey const second = trading_key();
  auto first_bound = bind(user_, first);
  ASSERT_TRUE(first_bound.has_value()) << first_bound.error().message;

  BindRequest with_passphrase;
  with_passphrase.api_key = second.key;
  with_passphrase.secret = crypto::SecretString(second.secret);
  with_passphrase.passphrase = crypto::SecretString("correct horse");
  auto second_bound = service_->bind(user_, std::move(with_passphrase));
  ASSERT_TRUE(second_bound.has_value()) << second_bound.error().message;
  EXPECT_TRUE(second_bound->has_passphrase);
  EXPECT_THAT(second_bound->report.notes,
              ::testing::Contains(HasSubstr("have no passphrase: the one given is stored sealed")));

  auto next_key = crypto::MasterKey::generate();
  ASSERT_TRUE(next_key.has_value());
  crypto::Vault const next(std::move(*next_key));
  auto resealed = reseal_all(*store_, *vault_, next, now_ms());
  ASSERT_TRUE(resealed.has_value()) << resealed.error().message;
  EXPECT_EQ(*resealed, 2U);

  KeyService under_new(*store_, next, CheckerDirectory{{"gateio", checker_.get()}},
                       default_policy(), [this] { return now_ms(); });
  for (auto const& [binding, key] :
       {std::pair{first_bound->id, first}, std::pair{second_bound->id, second}}) {
    auto opened = under_new.credentials(user_, binding);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    EXPECT_EQ(opened->api_key, key.key);
    EXPECT_EQ(opened->secret.reveal(), key.secret);

    auto stale = service_->credentials(user_, binding);  // still the old vault
    ASSERT_FALSE(stale.has_value());
    EXPECT_EQ(stale.error().code, "vault.open_failed");
  }
  auto verified = under_new.verify(user_, second_bound->id);
  ASSERT_TRUE(verified.has_value()) << verified.error().message;
  EXPECT_EQ(verified->status, BindingStatus::connected) << verified->report.message;

  // The passphrase moved too: a second re-seal from the new vault opens it.
  auto next_again = crypto::MasterKey::generate();
  ASSERT_TRUE(next_again.has_value());
  crypto::Vault const third(std::move(*next_again));
  auto from_old = reseal_all(*store_, *vault_, third, now_ms());
  ASSERT_FALSE(from_old.has_value()) << "the old vault must not open the re-sealed rows";
  auto from_new = reseal_all(*store_, next, third, now_ms());
  ASSERT_TRUE(from_new.has_value()) << from_new.error().message;
  EXPECT_EQ(*from_new, 2U);
}

}  // namespace
}  // namespace tradelink::platform::keys::test
