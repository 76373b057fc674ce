#include "crypto/secure_buffer.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

namespace tradelink::crypto {
namespace {

static_assert(!std::is_copy_constructible_v<SecureBuffer>);
static_assert(std::is_nothrow_move_constructible_v<SecureBuffer>);

TEST(SecureBuffer, AllocateGivesZeroedBytes) {
  auto buffer = SecureBuffer::allocate(48);
  ASSERT_TRUE(buffer.has_value());
  ASSERT_EQ(buffer->size(), 48U);
  for (std::byte const b : buffer->bytes()) EXPECT_EQ(b, std::byte{0});
}

TEST(SecureBuffer, CopyOfTextKeepsTheBytes) {
  auto buffer = SecureBuffer::copy_of(std::string_view{"api-secret"});
  ASSERT_TRUE(buffer.has_value());
  EXPECT_EQ(buffer->view(), "api-secret");
  EXPECT_EQ(std::memcmp(buffer->uchar_data(), "api-secret", 10), 0);
}

TEST(SecureBuffer, EmptyBufferHasNoMemory) {
  auto buffer = SecureBuffer::copy_of(std::string_view{});
  ASSERT_TRUE(buffer.has_value());
  EXPECT_TRUE(buffer->empty());
  EXPECT_EQ(buffer->data(), nullptr);
  EXPECT_EQ(buffer->view(), "");
}

TEST(SecureBuffer, MoveTransfersOwnershipAndEmptiesTheSource) {
  auto first = SecureBuffer::copy_of(std::string_view{"abc"});
  ASSERT_TRUE(first.has_value());
  std::byte const* const memory = first->data();
  SecureBuffer second = std::move(*first);
  EXPECT_EQ(second.data(), memory);
  EXPECT_EQ(second.view(), "abc");
  EXPECT_TRUE(first->empty());  // NOLINT(bugprone-use-after-move): checking the moved-from state
  SecureBuffer third;
  third = std::move(second);
  EXPECT_EQ(third.view(), "abc");
  EXPECT_TRUE(second.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(SecureBuffer, PrintsRedacted) {
  auto buffer = SecureBuffer::copy_of(std::string_view{"hunter2"});
  ASSERT_TRUE(buffer.has_value());
  std::ostringstream out;
  out << *buffer;
  EXPECT_EQ(out.str(), "[redacted]");
}

}  // namespace
}  // namespace tradelink::crypto
