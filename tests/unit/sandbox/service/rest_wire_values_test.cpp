// The small rules the spot REST handlers rely on, without sockets: Gate's client-text format,
// order references by id or text, time filters and how values are printed.
#include <gtest/gtest.h>

#include <string>

#include "core/decimal.hpp"
#include "sandbox/service/rest/json_values.hpp"
#include "sandbox/service/rest/spot_params.hpp"

namespace tradelink::sandbox::rest {
namespace {

using core::operator""_dec;

TEST(RestWireValues, ClientTextFollowsGatesRule) {
  EXPECT_TRUE(is_valid_client_text("t-a"));
  EXPECT_TRUE(is_valid_client_text("t-grid_42.b-C"));
  EXPECT_TRUE(is_valid_client_text("t-" + std::string(28, 'x')));
  EXPECT_FALSE(is_valid_client_text("t-" + std::string(29, 'x')));
  EXPECT_FALSE(is_valid_client_text("t-"));
  EXPECT_FALSE(is_valid_client_text("grid-1"));
  EXPECT_FALSE(is_valid_client_text("t-has space"));
  EXPECT_FALSE(is_valid_client_text("t-naïve"));
}

TEST(RestWireValues, OrderReferenceIsAnIdWhenDecimalElseAText) {
  EXPECT_EQ(std::get<OrderId>(order_ref("812839912342")), 812839912342);
  EXPECT_EQ(std::get<std::string_view>(order_ref("t-abc")), "t-abc");
  EXPECT_EQ(std::get<std::string_view>(order_ref("-5")), "-5");
  EXPECT_EQ(std::get<std::string_view>(order_ref("99999999999999999999")), "99999999999999999999");
}

TEST(RestWireValues, TimeRangeIsInclusiveInWholeSeconds) {
  TimeRange const range{1'700'000'000, 1'700'000'010};
  EXPECT_TRUE(range.contains(1'700'000'000'000));
  EXPECT_TRUE(range.contains(1'700'000'010'999));
  EXPECT_FALSE(range.contains(1'699'999'999'999));
  EXPECT_FALSE(range.contains(1'700'000'011'000));
  EXPECT_TRUE(TimeRange{}.contains(0));
}

TEST(RestWireValues, QueryPagingFollowsGatesBounds) {
  Params query = parse_query("page=3&limit=50");
  auto const page = query_page(query, 100, 100);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->page, 3U);
  EXPECT_EQ(page->limit, 50U);
  EXPECT_EQ(query_page(parse_query(""), 100, 100)->limit, 100U);
  EXPECT_EQ(query_page(parse_query("limit=101"), 100, 100).error().label, "INVALID_PARAM_VALUE");
  EXPECT_EQ(query_page(parse_query("page=0"), 100, 100).error().label, "INVALID_PARAM_VALUE");
  EXPECT_EQ(query_time_range(parse_query("from=10&to=5")).error().label, "INVALID_PARAM_VALUE");
}

TEST(RestWireValues, ValuesPrintAsGatePrintsThem) {
  EXPECT_EQ(decimal_text("0.00000001"_dec), "0.00000001");
  EXPECT_EQ(decimal_text("65000.10"_dec), "65000.1");
  EXPECT_EQ(decimal_text("-3.41"_dec), "-3.41");
  EXPECT_EQ(decimal_text(core::Decimal{}), "0");
  EXPECT_EQ(seconds_text(1'700'000'002'123), "1700000002");
  EXPECT_EQ(millis_text(1'700'000'010'123), "1700000010123.000");
  EXPECT_EQ(whole_seconds(-1), -1);
}

}  // namespace
}  // namespace tradelink::sandbox::rest
