#include "core/permission.hpp"

#include <fmt/format.h>

namespace tradelink::core {
namespace {

constexpr std::array<Access, 3> all_access_levels{Access::none, Access::read, Access::read_write};

Error permission_error(std::string reason) {
  return validation_error("permission.parse", std::move(reason));
}

/// "spot, margin, ..." for error messages.
std::string product_names() {
  std::string names;
  for (Product const product : all_products) {
    if (!names.empty()) names += ", ";
    names += to_string(product);
  }
  return names;
}

}  // namespace

std::string_view to_string(Product product) noexcept {
  switch (product) {
    case Product::spot: return "spot";
    case Product::margin: return "margin";
    case Product::futures: return "futures";
    case Product::delivery: return "delivery";
    case Product::options: return "options";
    case Product::wallet: return "wallet";
    case Product::withdraw: return "withdraw";
    case Product::account: return "account";
    case Product::unified: return "unified";
    case Product::earn: return "earn";
    case Product::loan: return "loan";
  }
  return "unknown";
}

std::string_view to_string(Access access) noexcept {
  switch (access) {
    case Access::none: return "none";
    case Access::read: return "read";
    case Access::read_write: return "read_write";
  }
  return "unknown";
}

Result<Product> parse_product(std::string_view text) {
  for (Product const product : all_products) {
    if (text == to_string(product)) return product;
  }
  return permission_error(fmt::format("\"{}\" is not a product: expected one of {}",
                                      text.substr(0, 40), product_names()));
}

Result<Access> parse_access(std::string_view text) {
  for (Access const access : all_access_levels) {
    if (text == to_string(access)) return access;
  }
  return permission_error(
      fmt::format("\"{}\" is not an access level: expected \"none\", \"read\" or \"read_write\"",
                  text.substr(0, 40)));
}

std::string to_string(Permission permission) {
  return fmt::format("{}:{}", to_string(permission.product), to_string(permission.access));
}

Result<Permission> parse_permission(std::string_view text) {
  auto const colon = text.find(':');
  if (colon == std::string_view::npos) {
    return permission_error(fmt::format(
        "\"{}\" is not a permission: expected product:access such as \"spot:read_write\"",
        text.substr(0, 40)));
  }
  auto const product = parse_product(text.substr(0, colon));
  if (!product) return product.error();
  auto const access = parse_access(text.substr(colon + 1));
  if (!access) return access.error();
  return Permission{product.value(), access.value()};
}

std::string PermissionSet::to_string() const {
  std::string text;
  for (Product const product : all_products) {
    if (access(product) == Access::none) continue;
    if (!text.empty()) text += ',';
    text += core::to_string(Permission{product, access(product)});
  }
  return text;
}

Result<PermissionSet> PermissionSet::parse(std::string_view text) {
  PermissionSet result;
  if (text.empty()) return result;
  std::array<bool, all_products.size()> seen{};
  while (true) {
    auto const comma = text.find(',');
    auto const permission = parse_permission(text.substr(0, comma));
    if (!permission) return permission.error();
    auto& already_listed = seen[index(permission->product)];
    if (already_listed) {
      return permission_error(fmt::format("\"{}\" is listed twice in a permission set",
                                          core::to_string(permission->product)));
    }
    already_listed = true;
    result.set(*permission);
    if (comma == std::string_view::npos) return result;
    text.remove_prefix(comma + 1);
  }
}

}  // namespace tradelink::core
