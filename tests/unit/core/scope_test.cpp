// core::Scope: text form, parsing and the includes_* queries.

#include "core/scope.hpp"

#include <gtest/gtest.h>

namespace tradelink::core {
namespace {

TEST(Scope, RoundTripsThroughText) {
  for (Scope const scope : {Scope::spot, Scope::futures, Scope::both}) {
    EXPECT_EQ(parse_scope(to_string(scope)).value(), scope);
  }
  EXPECT_EQ(to_string(Scope::both), "both");
}

TEST(Scope, RejectsOtherWords) {
  for (std::string_view text : {"", "Spot", "perpetual", "spot,futures", "all"}) {
    auto const parsed = parse_scope(text);
    ASSERT_FALSE(parsed.has_value()) << text;
    EXPECT_EQ(parsed.error().code, "scope.parse");
  }
  EXPECT_EQ(parse_scope("all").error().message,
            "\"all\" is not a trading scope: expected \"spot\", \"futures\" or \"both\"");
}

TEST(Scope, IncludesMatchesTheChoice) {
  static_assert(includes_spot(Scope::spot) && !includes_futures(Scope::spot));
  EXPECT_FALSE(includes_spot(Scope::futures));
  EXPECT_TRUE(includes_futures(Scope::futures));
  EXPECT_TRUE(includes_spot(Scope::both));
  EXPECT_TRUE(includes_futures(Scope::both));
}

}  // namespace
}  // namespace tradelink::core
