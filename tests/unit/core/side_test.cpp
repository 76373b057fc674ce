// core::Side: text form, parsing and opposite().

#include "core/side.hpp"

#include <gtest/gtest.h>

namespace tradelink::core {
namespace {

TEST(Side, RoundTripsThroughText) {
  for (Side const side : {Side::buy, Side::sell}) {
    EXPECT_EQ(parse_side(to_string(side)).value(), side);
  }
  EXPECT_EQ(to_string(Side::buy), "buy");
  EXPECT_EQ(to_string(Side::sell), "sell");
}

TEST(Side, RejectsOtherWords) {
  for (std::string_view text : {"", "BUY", "Sell", "bid", "ask", " buy", "buy "}) {
    auto const parsed = parse_side(text);
    ASSERT_FALSE(parsed.has_value()) << text;
    EXPECT_EQ(parsed.error().code, "side.parse");
  }
  EXPECT_EQ(parse_side("bid").error().message,
            "\"bid\" is not a side: expected \"buy\" or \"sell\"");
}

TEST(Side, OppositeSwaps) {
  static_assert(opposite(Side::buy) == Side::sell);
  EXPECT_EQ(opposite(Side::sell), Side::buy);
  EXPECT_EQ(opposite(opposite(Side::buy)), Side::buy);
}

}  // namespace
}  // namespace tradelink::core
