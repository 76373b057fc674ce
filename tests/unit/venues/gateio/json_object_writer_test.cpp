// The JSON writer behind the request bodies, where the body tests do not reach: objects longer
// than its stack buffer and escapes that follow a long clean prefix.

#include "venues/gateio/rest/detail/json_object_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/decimal.hpp"

namespace tradelink::gateio::detail {
namespace {

TEST(JsonObjectWriter, EmptyObject) {
  EXPECT_EQ(JsonObjectWriter().finish(), "{}");
}

TEST(JsonObjectWriter, MembersInCallOrder) {
  JsonObjectWriter json;
  json.string("a", "x");
  json.decimal("b", core::Decimal::parse("-1.50").value());
  json.raw("c", "7");
  json.boolean("d", false);
  json.optional_string("skipped", std::nullopt);
  json.plain_string("e", "gtc");
  EXPECT_EQ(std::move(json).finish(), R"({"a":"x","b":"-1.5","c":7,"d":false,"e":"gtc"})");
}

TEST(JsonObjectWriter, ObjectsLongerThanTheStackBufferMoveToTheHeapIntact) {
  std::string const long_value(3'000, 'v');
  JsonObjectWriter json;
  json.string("first", "1");
  for (int i = 0; i < 3; ++i) json.string("long", long_value);  // grows more than once
  json.decimal("last", core::Decimal::parse("2").value());
  std::string const body = std::move(json).finish();

  EXPECT_EQ(body, R"({"first":"1","long":")" + long_value + R"(","long":")" + long_value +
                      R"(","long":")" + long_value + R"(","last":"2"})");
}

TEST(JsonObjectWriter, EscapesAfterALongCleanPrefixAndAtTheStackLimit) {
  std::string const value = std::string(600, 'p') + "\"\n\x01" + std::string(5, 'q');
  JsonObjectWriter json;
  json.string("k", value);
  std::string const body = std::move(json).finish();
  EXPECT_EQ(body, "{\"k\":\"" + std::string(600, 'p') + "\\\"\\n\\u0001qqqqq\"}");
  EXPECT_EQ(boost::json::parse(body).at("k").as_string(), value);
}

}  // namespace
}  // namespace tradelink::gateio::detail
