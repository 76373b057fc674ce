// core::Symbol: validation, parts, equality, ordering and hashing.

#include "core/symbol.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <type_traits>
#include <unordered_set>

namespace tradelink::core {
namespace {

std::string parse_error(std::string_view text) {
  auto const parsed = Symbol::parse(text);
  EXPECT_FALSE(parsed.has_value()) << text;
  if (parsed.has_value()) return "";
  EXPECT_EQ(parsed.error().code, "symbol.parse");
  EXPECT_EQ(parsed.error().layer, ErrorLayer::validation);
  return parsed.error().message;
}

TEST(Symbol, ParsesBaseAndQuote) {
  auto const symbol = Symbol::parse("BTC_USDT").value();
  EXPECT_EQ(symbol.text(), "BTC_USDT");
  EXPECT_EQ(symbol.base(), "BTC");
  EXPECT_EQ(symbol.quote(), "USDT");
  EXPECT_EQ(symbol.to_string(), "BTC_USDT");
  EXPECT_FALSE(symbol.empty());
}

TEST(Symbol, AcceptsDigitsAndTheMaximumLength) {
  EXPECT_EQ(Symbol::parse("1INCH_USDT").value().base(), "1INCH");
  EXPECT_EQ(Symbol::parse("BTC5L_USDT").value().quote(), "USDT");
  std::string const longest = std::string(20, 'A') + "_" + std::string(11, 'B');
  ASSERT_EQ(longest.size(), Symbol::max_length);
  EXPECT_EQ(Symbol::parse(longest).value().quote(), std::string(11, 'B'));
}

TEST(Symbol, RejectsMalformedText) {
  EXPECT_EQ(parse_error(""), "\"\" is not a symbol: expected BASE_QUOTE such as BTC_USDT");
  EXPECT_EQ(parse_error("btc_usdt"),
            "\"btc_usdt\" is not a symbol: lower-case 'b' at offset 0 (symbols are upper case, "
            "e.g. BTC_USDT)");
  EXPECT_EQ(parse_error("BTCUSDT"),
            "\"BTCUSDT\" is not a symbol: missing the '_' between base and quote (e.g. BTC_USDT)");
  EXPECT_EQ(parse_error("BTC_USDT_X"), "\"BTC_USDT_X\" is not a symbol: a second '_' at offset 8");
  EXPECT_EQ(parse_error("_USDT"),
            "\"_USDT\" is not a symbol: the base currency before '_' is empty");
  EXPECT_EQ(parse_error("BTC_"), "\"BTC_\" is not a symbol: the quote currency after '_' is empty");
  EXPECT_EQ(parse_error("BTC-USDT"),
            "\"BTC-USDT\" is not a symbol: unexpected '-' at offset 3 (only A-Z, 0-9 and one '_' "
            "are allowed)");
  EXPECT_EQ(parse_error(" BTC_USDT"),
            "\" BTC_USDT\" is not a symbol: unexpected byte 0x20 at offset 0 (only A-Z, 0-9 and "
            "one '_' are allowed)");
  EXPECT_EQ(
      parse_error(std::string(Symbol::max_length, 'A') + "_B").find("longer than 32 characters") !=
          std::string::npos,
      true);
}

TEST(Symbol, LongGarbageIsCutInTheMessage) {
  auto const message = parse_error(std::string(5000, 'x'));
  EXPECT_LT(message.size(), 120U) << message;
}

TEST(Symbol, FromPartsJoinsAndValidates) {
  EXPECT_EQ(Symbol::from_parts("ETH", "BTC").value().text(), "ETH_BTC");
  EXPECT_EQ(Symbol::from_parts("ETH", "BTC").value(), Symbol::parse("ETH_BTC").value());
  EXPECT_FALSE(Symbol::from_parts("", "USDT").has_value());
  EXPECT_FALSE(Symbol::from_parts("eth", "USDT").has_value());
  auto const with_underscore = Symbol::from_parts("A_B", "C");
  ASSERT_FALSE(with_underscore.has_value());
  EXPECT_EQ(with_underscore.error().message,
            "\"A_B_C\" is not a symbol: a currency code cannot contain '_'");
}

TEST(Symbol, DefaultIsEmpty) {
  Symbol const empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.text(), "");
  EXPECT_EQ(empty.base(), "");
  EXPECT_EQ(empty.quote(), "");
  EXPECT_NE(empty, Symbol::parse("A_B").value());
}

TEST(Symbol, IsATriviallyCopyableValue) {
  EXPECT_TRUE(std::is_trivially_copyable_v<Symbol>);
  auto const original = Symbol::parse("SOL_USDT").value();
  Symbol copy = original;
  EXPECT_EQ(copy, original);
  EXPECT_EQ(copy.base(), "SOL");
}

TEST(Symbol, OrdersAlphabeticallyAndWorksAsMapKey) {
  auto const btc = Symbol::parse("BTC_USDT").value();
  auto const eth = Symbol::parse("ETH_USDT").value();
  auto const btc_eth = Symbol::parse("BTC_ETH").value();
  EXPECT_LT(btc, eth);
  EXPECT_LT(btc_eth, btc);
  std::map<Symbol, int> ordered{{eth, 2}, {btc, 1}};
  EXPECT_EQ(ordered.begin()->first, btc);
}

TEST(Symbol, HashesByText) {
  auto const a = Symbol::parse("BTC_USDT").value();
  auto const b = Symbol::from_parts("BTC", "USDT").value();
  EXPECT_EQ(std::hash<Symbol>{}(a), std::hash<Symbol>{}(b));
  std::unordered_set<Symbol> set{a, b, Symbol::parse("ETH_USDT").value()};
  EXPECT_EQ(set.size(), 2U);
  EXPECT_TRUE(set.contains(Symbol::parse("ETH_USDT").value()));
}

}  // namespace
}  // namespace tradelink::core
