// A planted secret goes through the whole lifecycle (bind, verify, rotate, remove); then every
// byte tradelink wrote or returned is searched for it, raw, hex-encoded and base64-encoded.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "crypto/hex.hpp"
#include "crypto/random_token.hpp"
#include "unit/platform/keys/key_service_fixture.hpp"

namespace tradelink::platform::keys::test {
namespace {

std::string base64(std::string_view text) {
  std::string encoded(4 * ((text.size() + 2) / 3) + 1, '\0');
  int const length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<unsigned char const*>(text.data()),
                                     static_cast<int>(text.size()));
  encoded.resize(static_cast<std::size_t>(length));
  return encoded;
}

std::string url_safe(std::string text) {
  for (char& c : text) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

/// Every form of `secret` a careless encoder could have written.
std::vector<std::string> encodings(std::string const& secret) {
  std::string const hex = crypto::hex_encode(std::span<unsigned char const>(
      reinterpret_cast<unsigned char const*>(secret.data()), secret.size()));
  std::string upper = secret;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // Without padding: base64 of a longer text containing the secret starts the same way.
  std::string const b64 = base64(secret);
  std::string const b64_unpadded = b64.substr(0, b64.find('='));
  return {secret, upper, hex, b64_unpadded, url_safe(b64)};
}

std::string read_file(std::filesystem::path const& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class SecretLeakTest : public KeyServiceTest {
 protected:
  /// Records what the service said, for the search.
  void keep(BindingView const& view) {
    said_.push_back(to_json(view.report));
    said_.push_back(view.masked_key + view.label + view.id);
  }
  template <class T>
  void keep_error(core::Result<T> const& result) {
    if (!result) said_.push_back(result.error().code + result.error().message);
  }

  /// Every file under the test directory (database, -wal, -shm, journals).
  void read_files(std::string const& when) {
    for (auto const& entry : std::filesystem::directory_iterator(directory_.path())) {
      if (!entry.is_regular_file()) continue;
      written_.push_back({when + ":" + entry.path().filename().string(), read_file(entry.path())});
    }
  }

  std::vector<std::string> said_;
  std::vector<std::pair<std::string, std::string>> written_;
};

TEST_F(SecretLeakTest, PlantedSecretsAppearInNothingTradelinkWroteOrSaid) {
  std::string const planted = crypto::random_token(32, crypto::TokenEncoding::hex);
  std::string const planted_next = crypto::random_token(32, crypto::TokenEncoding::hex);
  ASSERT_EQ(planted.size(), 64U);

  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();

  std::int64_t const exchange_user = new_exchange_user();
  deposit(exchange_user, sandbox::Account::futures, "USDT", "100");
  KeyOptions first_options;
  first_options.secret = planted;
  SandboxKey const first = make_key(exchange_user, first_options);
  KeyOptions next_options;
  next_options.secret = planted_next;
  SandboxKey const next = make_key(exchange_user, next_options);

  // A failed attempt first: the right key with another secret, bound and deleted again.
  SandboxKey wrong = first;
  wrong.secret = planted_next;
  auto failed = bind(user_, wrong, core::Scope::both, "wrong secret");
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->status, BindingStatus::invalid_credentials);
  keep(*failed);
  auto forgotten = service_->remove(user_, failed->id, false);
  ASSERT_TRUE(forgotten.has_value()) << forgotten.error().message;

  BindRequest unprintable;
  unprintable.api_key = first.key;
  unprintable.secret = crypto::SecretString(planted + "\x07");
  auto refused = service_->bind(user_, std::move(unprintable));
  ASSERT_FALSE(refused.has_value());
  keep_error(refused);

  auto bound = bind(user_, first);
  ASSERT_TRUE(bound.has_value()) << bound.error().message;
  ASSERT_EQ(bound->status, BindingStatus::connected) << bound->report.message;
  keep(*bound);
  auto verified = service_->verify(user_, bound->id);
  ASSERT_TRUE(verified.has_value());
  keep(*verified);

  RotateRequest rotation;
  rotation.api_key = next.key;
  rotation.secret = crypto::SecretString(planted_next);
  auto rotated = service_->rotate(user_, bound->id, std::move(rotation));
  ASSERT_TRUE(rotated.has_value()) << rotated.error().message;
  keep(*rotated);
  auto listed = service_->list(user_);
  ASSERT_TRUE(listed.has_value());
  for (BindingView const& view : *listed) keep(view);
  read_files("live");

  auto removed = service_->remove(user_, bound->id, true);
  ASSERT_TRUE(removed.has_value()) << removed.error().message;
  keep_error(service_->show(user_, bound->id));
  keep_error(service_->credentials(user_, bound->id));
  for (store::AuditRecord const& record : audit_of(user_, "")) {
    said_.push_back(record.event + record.detail_json);
  }
  read_files("after removal");
  service_.reset();
  store_.reset();
  read_files("closed");

  std::string const out = ::testing::internal::GetCapturedStdout();
  std::string const err = ::testing::internal::GetCapturedStderr();
  said_.push_back(out);
  said_.push_back(err);

  ASSERT_GE(written_.size(), 3U);
  std::size_t hits = 0;
  for (std::string const& secret : {planted, planted_next}) {
    for (std::string const& form : encodings(secret)) {
      for (auto const& [name, bytes] : written_) {
        if (bytes.find(form) != std::string::npos) {
          ++hits;
          ADD_FAILURE() << "a secret was found in " << name;
        }
      }
      for (std::string const& text : said_) {
        if (text.find(form) != std::string::npos) {
          ++hits;
          ADD_FAILURE() << "a secret was found in what the service returned or printed";
        }
      }
    }
  }
  EXPECT_EQ(hits, 0U);
  // The search is meaningful: the API keys themselves are in the database (they are not
  // secret), so it does read what was written.
  bool key_found = false;
  for (auto const& [name, bytes] : written_) {
    key_found = key_found || bytes.find(next.key) != std::string::npos;
  }
  EXPECT_TRUE(key_found);
}

}  // namespace
}  // namespace tradelink::platform::keys::test
