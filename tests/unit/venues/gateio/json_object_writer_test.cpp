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
  json.string<"a">("x");
  json.decimal<"b">(core::Decimal::parse("-1.50").value());
  json.raw<"c">("7");
  json.boolean<"d">(false);
  json.optional_string<"skipped">(std::nullopt);
  json.plain_string<"e">("gtc");
  EXPECT_EQ(std::move(json).finish(), R"({"a":"x","b":"-1.5","c":7,"d":false,"e":"gtc"})");
}

TEST(JsonObjectWriter, TheFirstMemberOpensTheObjectWhateverItsKind) {
  JsonObjectWriter escaped;
  escaped.string<"k">("a\"b");
  EXPECT_EQ(std::move(escaped).finish(), R"({"k":"a\"b"})");

  JsonObjectWriter decimal;
  decimal.decimal<"d">(core::Decimal::parse("0.001").value());
  EXPECT_EQ(std::move(decimal).finish(), R"({"d":"0.001"})");

  std::string recycled = "an earlier, longer body that the object replaces";
  JsonObjectWriter raw;
  raw.raw<"n">("12");
  std::move(raw).finish_into(recycled);
  EXPECT_EQ(recycled, R"({"n":12})");
}

TEST(JsonObjectWriter, ValuesOfEveryShortLengthAreCopiedWhole) {
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string const value(length, 'x');
    JsonObjectWriter json;
    json.plain_string<"a">(value);
    json.string<"b">(value);
    EXPECT_EQ(std::move(json).finish(), R"({"a":")" + value + R"(","b":")" + value + R"("})");
  }
}

TEST(JsonObjectWriter, ObjectsLongerThanTheStackBufferMoveToTheHeapIntact) {
  std::string const long_value(3'000, 'v');
  JsonObjectWriter json;
  json.string<"first">("1");
  for (int i = 0; i < 3; ++i) json.string<"long">(long_value);  // grows more than once
  json.decimal<"last">(core::Decimal::parse("2").value());
  std::string const body = std::move(json).finish();

  EXPECT_EQ(body, R"({"first":"1","long":")" + long_value + R"(","long":")" + long_value +
                      R"(","long":")" + long_value + R"(","last":"2"})");
}

TEST(JsonObjectWriter, EscapesAfterALongCleanPrefixAndAtTheStackLimit) {
  std::string const value = std::string(600, 'p') + "\"\n\x01" + std::string(5, 'q');
  JsonObjectWriter json;
  json.string<"k">(value);
  std::string const body = std::move(json).finish();
  EXPECT_EQ(body, "{\"k\":\"" + std::string(600, 'p') + "\\\"\\n\\u0001qqqqq\"}");
  EXPECT_EQ(boost::json::parse(body).at("k").as_string(), value);
}

}  // namespace
}  // namespace tradelink::gateio::detail
