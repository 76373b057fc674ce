#include "crypto/master_key.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace tradelink::crypto {
namespace {

std::vector<std::byte> bytes_of(MasterKey const& key) {
  return {key.bytes().begin(), key.bytes().end()};
}

std::vector<std::byte> read_file(std::filesystem::path const& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chars{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::vector<std::byte> out(chars.size());
  std::transform(chars.begin(), chars.end(), out.begin(),
                 [](char c) { return static_cast<std::byte>(c); });
  return out;
}

void write_file(std::filesystem::path const& path, std::string const& contents, mode_t mode) {
  std::ofstream(path, std::ios::binary) << contents;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

// 0x00, 0x01, ..., 0x1f
constexpr char sequence_hex[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
constexpr char sequence_base64[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

std::vector<std::byte> sequence() {
  std::vector<std::byte> bytes(32);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::byte>(i);
  return bytes;
}

TEST(MasterKeyFile, CreatedWithOwnerOnlyModeAndReloadedIdentical) {
  test::TempDir dir;
  auto const path = dir / "master.key";
  auto created = load_or_create_master_key(path);
  ASSERT_TRUE(created.has_value()) << created.error().message;

  struct stat status {};
  ASSERT_EQ(::stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 07777U, 0600U);
  EXPECT_EQ(status.st_size, 32);
  EXPECT_EQ(read_file(path), bytes_of(*created));

  auto reloaded = load_or_create_master_key(path);
  ASSERT_TRUE(reloaded.has_value()) << reloaded.error().message;
  EXPECT_EQ(bytes_of(*reloaded), bytes_of(*created));
}

TEST(MasterKeyFile, CreationLeavesNoTemporaryFileBehind) {
  test::TempDir dir;
  ASSERT_TRUE(load_or_create_master_key(dir / "master.key").has_value());
  auto const entries = std::distance(std::filesystem::directory_iterator(dir.path()),
                                     std::filesystem::directory_iterator());
  EXPECT_EQ(entries, 1);
}

TEST(MasterKeyFile, TwoCreatedKeysDiffer) {
  test::TempDir dir;
  auto first = load_or_create_master_key(dir / "a.key");
  auto second = load_or_create_master_key(dir / "b.key");
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_NE(bytes_of(*first), bytes_of(*second));
}

TEST(MasterKeyFile, ProcessesStartingTogetherEndUpWithOneKey) {
  test::TempDir dir;
  auto const path = dir / "master.key";
  constexpr int starters = 4;
  std::vector<std::vector<std::byte>> keys(starters);
  std::vector<std::thread> threads;
  for (int i = 0; i < starters; ++i) {
    threads.emplace_back([&, i] {
      auto key = load_or_create_master_key(path);
      if (key) keys[static_cast<std::size_t>(i)] = bytes_of(*key);
    });
  }
  for (auto& thread : threads) thread.join();
  for (auto const& key : keys) EXPECT_EQ(key, read_file(path));
}

TEST(MasterKeyFile, GroupOrOtherPermissionBitsAreRefused) {
  test::TempDir dir;
  auto const path = dir / "master.key";
  for (mode_t const mode : {0640U, 0604U, 0660U, 0644U}) {
    write_file(path, std::string(32, 'k'), mode);
    auto key = load_or_create_master_key(path);
    ASSERT_FALSE(key.has_value()) << "mode " << mode;
    EXPECT_EQ(key.error().code, "vault.master_key_permissions");
    EXPECT_NE(key.error().message.find("chmod 600"), std::string::npos) << key.error().message;
    EXPECT_NE(key.error().message.find(path.string()), std::string::npos);
  }
}

TEST(MasterKeyFile, WrongSizeIsRefused) {
  test::TempDir dir;
  auto const path = dir / "master.key";
  for (std::size_t const size : {0U, 31U, 33U, 64U}) {
    write_file(path, std::string(size, 'k'), 0600);
    auto key = load_or_create_master_key(path);
    ASSERT_FALSE(key.has_value()) << size;
    EXPECT_EQ(key.error().code, "vault.master_key_invalid");
    EXPECT_NE(key.error().message.find(std::to_string(size) + " bytes"), std::string::npos)
        << key.error().message;
  }
}

TEST(MasterKeyFile, ADirectoryIsRefused) {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "master.key");
  ::chmod((dir / "master.key").c_str(), 0700);
  auto key = load_or_create_master_key(dir / "master.key");
  ASSERT_FALSE(key.has_value());
  EXPECT_EQ(key.error().code, "vault.master_key_permissions");
}

TEST(MasterKeyFile, MissingDirectoryIsAnIoError) {
  test::TempDir dir;
  auto key = load_or_create_master_key(dir / "missing" / "master.key");
  ASSERT_FALSE(key.has_value());
  EXPECT_EQ(key.error().code, "vault.master_key_io");
}

TEST(MasterKeyText, AcceptsHexInEitherCase) {
  auto lower = master_key_from_text(sequence_hex);
  ASSERT_TRUE(lower.has_value()) << lower.error().message;
  EXPECT_EQ(bytes_of(*lower), sequence());
  std::string upper = sequence_hex;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](char c) { return static_cast<char>(std::toupper(c)); });
  auto from_upper = master_key_from_text(upper);
  ASSERT_TRUE(from_upper.has_value());
  EXPECT_EQ(bytes_of(*from_upper), sequence());
}

TEST(MasterKeyText, AcceptsBase64PaddedUnpaddedAndUrlSafe) {
  std::string const padded = sequence_base64;
  std::string const unpadded = padded.substr(0, padded.size() - 1);
  // 32 × 0xfb encodes with '+' and '/' in the standard alphabet, '-' and '_' in the URL-safe one.
  std::array<std::byte, 32> high{};
  high.fill(std::byte{0xfb});
  for (std::string const& text : {padded, unpadded, std::string{"  "} + padded + "\n"}) {
    auto key = master_key_from_text(text);
    ASSERT_TRUE(key.has_value()) << text << ": " << key.error().message;
    EXPECT_EQ(bytes_of(*key), sequence());
  }
  std::string const standard = "+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/s=";
  std::string const url_safe = "-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s";
  for (std::string const& text : {standard, url_safe}) {
    auto key = master_key_from_text(text);
    ASSERT_TRUE(key.has_value()) << text << ": " << key.error().message;
    EXPECT_EQ(bytes_of(*key), std::vector<std::byte>(high.begin(), high.end()));
  }
}

TEST(MasterKeyText, BadLengthsAndGarbageAreRefusedWithoutEchoingTheText) {
  std::string const hex = sequence_hex;
  std::vector<std::string> const bad = {
      "",
      hex.substr(0, 62),                               // 31 bytes of hex
      hex + "00",                                      // 33 bytes of hex
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==",  // base64 of 31 bytes
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g",  // base64 of 33 bytes
      "not a key at all, just some words",
      hex.substr(0, 63) + "g",  // 64 characters, one not hex
  };
  for (std::string const& text : bad) {
    auto key = master_key_from_text(text);
    ASSERT_FALSE(key.has_value()) << text;
    EXPECT_EQ(key.error().code, "vault.master_key_invalid");
    if (text.size() > 4) {
      EXPECT_EQ(key.error().message.find(text), std::string::npos) << key.error().message;
    }
  }
}

TEST(MasterKeyBytes, ExactlyThirtyTwoBytes) {
  std::vector<std::byte> bytes(31);
  EXPECT_FALSE(MasterKey::from_bytes(bytes).has_value());
  bytes.resize(32);
  EXPECT_TRUE(MasterKey::from_bytes(bytes).has_value());
  bytes.resize(33);
  EXPECT_FALSE(MasterKey::from_bytes(bytes).has_value());
}

}  // namespace
}  // namespace tradelink::crypto
