// Gate's futures JSON shapes without a server: size encodings (integers truncated toward zero
// unless decimal sizes were asked for) and float-second times built from exact milliseconds.
#include "sandbox/service/rest/futures_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/decimal.hpp"

namespace tradelink::sandbox::rest {
namespace {

using core::operator""_dec;
namespace json = boost::json;

FuturesOrder fractional_order() {
  FuturesOrder order;
  order.id = 42;
  order.user = 7;
  order.contract = "ETH_USDT";
  order.size = "-1.7"_dec;
  order.left = "-0.7"_dec;
  order.price = "3000.5"_dec;
  order.create_time_ms = 1'700'000'004'123;
  order.update_time_ms = 1'700'000'005'000;
  return order;
}

TEST(FuturesJson, IntegerEncodingTruncatesSizesTowardZero) {
  json::value const order = json::parse(order_json(fractional_order(), SizeEncoding::integer));
  EXPECT_EQ(order.at("size"), json::value(-1));
  EXPECT_EQ(order.at("left"), json::value(0));
  EXPECT_EQ(order.at("price"), json::value("3000.5"));
}

TEST(FuturesJson, DecimalEncodingSendsExactStrings) {
  json::value const order = json::parse(order_json(fractional_order(), SizeEncoding::decimal));
  EXPECT_EQ(order.at("size"), json::value("-1.7"));
  EXPECT_EQ(order.at("left"), json::value("-0.7"));
}

TEST(FuturesJson, TimesAreFloatSecondsFromExactMilliseconds) {
  std::string const text = order_json(fractional_order(), SizeEncoding::decimal);
  EXPECT_NE(text.find(R"("create_time":1700000004.123)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("update_time":1700000005,)"), std::string::npos) << text;
  EXPECT_EQ(text.find("finish_time"), std::string::npos);
  EXPECT_NE(text.find(R"("text":"api")"), std::string::npos);
  EXPECT_NE(text.find(R"("id":42,)"), std::string::npos);
}

TEST(FuturesJson, CountdownAnswersTriggerTimeInMilliseconds) {
  EXPECT_EQ(countdown_json(1'700'000'030'000), R"({"triggerTime":1700000030000})");
}

}  // namespace
}  // namespace tradelink::sandbox::rest
