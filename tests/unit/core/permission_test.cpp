// core::Product / Access / Permission / PermissionSet: text forms, parsing and grants().

#include "core/permission.hpp"

#include <gtest/gtest.h>

namespace tradelink::core {
namespace {

TEST(Permission, ProductsAndLevelsRoundTripThroughText) {
  for (Product const product : all_products) {
    EXPECT_EQ(parse_product(to_string(product)).value(), product) << to_string(product);
  }
  for (Access const access : {Access::none, Access::read, Access::read_write}) {
    EXPECT_EQ(parse_access(to_string(access)).value(), access);
  }
  EXPECT_EQ(to_string(Product::withdraw), "withdraw");
  EXPECT_EQ(to_string(Access::read_write), "read_write");
}

TEST(Permission, ParsesProductColonAccess) {
  EXPECT_EQ(parse_permission("futures:read_write").value(),
            (Permission{Product::futures, Access::read_write}));
  EXPECT_EQ(to_string(Permission{Product::wallet, Access::read}), "wallet:read");
}

TEST(Permission, ErrorsNameTheBadPart) {
  auto const no_colon = parse_permission("spot");
  ASSERT_FALSE(no_colon.has_value());
  EXPECT_EQ(no_colon.error().code, "permission.parse");
  EXPECT_EQ(no_colon.error().message,
            "\"spot\" is not a permission: expected product:access such as \"spot:read_write\"");
  EXPECT_EQ(
      parse_permission("perpetual:read").error().message,
      "\"perpetual\" is not a product: expected one of spot, margin, futures, delivery, options, "
      "wallet, withdraw, account, unified, earn, loan");
  EXPECT_EQ(parse_permission("spot:write").error().message,
            "\"write\" is not an access level: expected \"none\", \"read\" or \"read_write\"");
  EXPECT_FALSE(parse_permission("spot:read:x").has_value());
  EXPECT_FALSE(parse_permission(":read").has_value());
}

TEST(PermissionSet, StartsEmptyAndGrantsNothing) {
  PermissionSet const set;
  EXPECT_TRUE(set.empty());
  for (Product const product : all_products) {
    EXPECT_EQ(set.access(product), Access::none);
    EXPECT_TRUE(set.grants(product, Access::none));
    EXPECT_FALSE(set.grants(product, Access::read));
  }
  EXPECT_EQ(set.to_string(), "");
}

TEST(PermissionSet, ReadWriteImpliesRead) {
  PermissionSet set;
  set.set(Product::spot, Access::read_write);
  set.set(Permission{Product::wallet, Access::read});
  EXPECT_TRUE(set.grants(Product::spot, Access::read));
  EXPECT_TRUE(set.grants(Product::spot, Access::read_write));
  EXPECT_TRUE(set.grants(Product::wallet, Access::read));
  EXPECT_FALSE(set.grants(Product::wallet, Access::read_write));
  EXPECT_FALSE(set.grants(Product::futures, Access::read));
  EXPECT_FALSE(set.empty());
  set.set(Product::spot, Access::none);
  EXPECT_FALSE(set.grants(Product::spot, Access::read));
}

TEST(PermissionSet, TextRoundTripsInProductOrder) {
  PermissionSet set;
  set.set(Product::wallet, Access::read);
  set.set(Product::futures, Access::read_write);
  set.set(Product::spot, Access::read_write);
  EXPECT_EQ(set.to_string(), "spot:read_write,futures:read_write,wallet:read");
  EXPECT_EQ(PermissionSet::parse(set.to_string()).value(), set);
  EXPECT_EQ(PermissionSet::parse("").value(), PermissionSet{});
  EXPECT_EQ(PermissionSet::parse("earn:none").value(), PermissionSet{});
}

TEST(PermissionSet, ParseRejectsDuplicatesAndBadEntries) {
  auto const duplicate = PermissionSet::parse("spot:read,spot:read_write");
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().message, "\"spot\" is listed twice in a permission set");
  EXPECT_FALSE(PermissionSet::parse("spot:read,").has_value());
  EXPECT_FALSE(PermissionSet::parse("spot:read, futures:read").has_value());
  EXPECT_FALSE(PermissionSet::parse(",").has_value());
}

TEST(PermissionSet, IsConstexprFriendly) {
  constexpr PermissionSet set = [] {
    PermissionSet value;
    value.set(Product::futures, Access::read);
    return value;
  }();
  static_assert(set.grants(Product::futures, Access::read));
  static_assert(!set.grants(Product::futures, Access::read_write));
  SUCCEED();
}

}  // namespace
}  // namespace tradelink::core
