// The short-string copy and comparison of the request path against memcpy and operator==: every
// length up to past their largest fixed-size case, at several alignments.

#include "venues/gateio/rest/detail/short_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tradelink::gateio::detail {
namespace {

TEST(ShortText, CopiesEveryLengthWholeAndNothingElse) {
  std::string source(80, '\0');
  for (std::size_t i = 0; i < source.size(); ++i) source[i] = static_cast<char>('A' + i % 50);
  for (std::size_t offset = 0; offset < 4; ++offset) {
    for (std::size_t length = 0; length <= 70; ++length) {
      std::string target(100, '.');
      std::string_view const text(source.data() + offset, length);
      char* const end = copy_text(target.data() + 3, text);
      ASSERT_EQ(end, target.data() + 3 + length);
      ASSERT_EQ(target.substr(0, 3), "...");
      ASSERT_EQ(target.substr(3, length), text) << "length " << length;
      ASSERT_EQ(target.substr(3 + length), std::string(97 - length, '.')) << "length " << length;
    }
  }
}

TEST(ShortText, SameTextSeesADifferenceAtEveryPositionOfEveryLength) {
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string const a(length, 'q');
    EXPECT_TRUE(same_text(a, std::string(length, 'q'))) << "length " << length;
    EXPECT_FALSE(same_text(a, std::string(length + 1, 'q'))) << "length " << length;
    for (std::size_t position = 0; position < length; ++position) {
      std::string b = a;
      b[position] = 'r';
      ASSERT_FALSE(same_text(a, b)) << "position " << position << " of " << length;
    }
  }
}

}  // namespace
}  // namespace tradelink::gateio::detail
